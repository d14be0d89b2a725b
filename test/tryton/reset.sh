#!/usr/bin/env bash
# Put the live database back to the seeded snapshot (a file copy). A running server is stopped
# first and started again afterwards, so it never sees the file change under it.
set -Eeuo pipefail
source "$(dirname "$0")/env.sh"
[ -s "$TRYTON_SEEDED" ] || "$TRYTON_SCRIPTS/setup.sh"

started=$(tryton_now_ms)
running=0
if [ -s "$TRYTON_PIDFILE" ] && kill -0 "$(cat "$TRYTON_PIDFILE")" 2>/dev/null; then
  running=1
  "$TRYTON_SCRIPTS/stop.sh"
fi
mkdir -p "$TRYTON_DATA"
cp "$TRYTON_SEEDED" "$TRYTON_DBFILE.tmp" && mv -f "$TRYTON_DBFILE.tmp" "$TRYTON_DBFILE"
if [ $running = 1 ]; then
  "$TRYTON_SCRIPTS/start.sh"
fi
tryton_timing reset "$started"
