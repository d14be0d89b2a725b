#!/usr/bin/env bash
# Start Tryton (sao web client + JSON-RPC) on 127.0.0.1:$TRYTON_PORT in the background and wait
# until it answers HTTP 200. Builds/installs what is missing first (setup.sh); the live database is
# created from the seeded snapshot when absent (reset.sh puts it back later).
set -Eeuo pipefail
trap 'echo "test/tryton/start.sh: FAILED at line $LINENO: $BASH_COMMAND (exit $?)" >&2' ERR
source "$(dirname "$0")/env.sh"

url="http://127.0.0.1:$TRYTON_PORT/"
if [ -s "$TRYTON_PIDFILE" ] && kill -0 "$(cat "$TRYTON_PIDFILE")" 2>/dev/null; then
  if grep -qx "listen = 127.0.0.1:$TRYTON_PORT" "$TRYTON_CONF" 2>/dev/null; then
    echo "tryton: already running on $url (pid $(cat "$TRYTON_PIDFILE"))"
    exit 0
  fi
  echo "tryton: running on another port ($(grep -m1 '^listen' "$TRYTON_CONF")); restarting on $TRYTON_PORT"
  "$TRYTON_SCRIPTS/stop.sh"
fi

"$TRYTON_SCRIPTS/setup.sh"
if [ ! -s "$TRYTON_DBFILE" ]; then
  mkdir -p "$TRYTON_DATA"
  cp "$TRYTON_SEEDED" "$TRYTON_DBFILE"
fi

started=$(tryton_now_ms)
tryton_write_config
rm -f "$TRYTON_PIDFILE"
# setsid: the server outlives this script and is not hit by the caller's Ctrl-C.
setsid trytond -c "$TRYTON_CONF" -d "$TRYTON_DB" --pidfile "$TRYTON_PIDFILE" >> "$TRYTON_LOG" 2>&1 < /dev/null &
server=$!

# Ready when / answers 200 (sao's index page); give up after 60 s.
if ! "$TRYTON_PYTHON" - "$url" "$server" <<'PY'
import os, sys, time, urllib.request
url, pid = sys.argv[1], int(sys.argv[2])
deadline = time.monotonic() + 60
while time.monotonic() < deadline:
    try:
        os.kill(pid, 0)
    except OSError:
        sys.exit('tryton: the server exited during start-up')
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            if response.status == 200:
                sys.exit(0)
    except OSError:
        pass
    time.sleep(0.2)
sys.exit('tryton: no HTTP 200 from %s within 60 s' % url)
PY
then
  tail -n 30 "$TRYTON_LOG" >&2
  kill "$server" 2>/dev/null || true
  exit 1
fi
[ -s "$TRYTON_PIDFILE" ] || echo "$server" > "$TRYTON_PIDFILE"
tryton_timing start "$started"
echo "tryton: $url  database $TRYTON_DB  (pid $(cat "$TRYTON_PIDFILE"); log $TRYTON_LOG)"
