#!/usr/bin/env bash
# Stop the server start.sh started, by its pidfile only.
set -Eeuo pipefail
source "$(dirname "$0")/env.sh"

if [ ! -s "$TRYTON_PIDFILE" ]; then
  echo "tryton: not running (no $TRYTON_PIDFILE)"
  exit 0
fi
pid=$(cat "$TRYTON_PIDFILE")
# Only ever signal our own trytond (a stale pidfile may name a recycled pid).
if ! kill -0 "$pid" 2>/dev/null || ! grep -q trytond "/proc/$pid/cmdline" 2>/dev/null; then
  echo "tryton: not running (stale pidfile, pid $pid)"
  rm -f "$TRYTON_PIDFILE"
  exit 0
fi
kill -TERM "$pid"
for _ in $(seq 50); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.2
done
if kill -0 "$pid" 2>/dev/null; then
  echo "tryton: pid $pid ignored SIGTERM for 10 s; sending SIGKILL" >&2
  kill -KILL "$pid"
fi
rm -f "$TRYTON_PIDFILE"
echo "tryton: stopped (pid $pid)"
