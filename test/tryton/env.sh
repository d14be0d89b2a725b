# Shared settings for the Tryton test scripts; sourced, not run.
# Everything lives in one work dir (gitignored .tmp/): config, databases, snapshots, pidfile, logs.
TRYTON_SCRIPTS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$TRYTON_SCRIPTS/../.." && pwd)
TRYTON_WORKDIR=${TRYTON_WORKDIR:-$REPO_ROOT/.tmp/tryton}
TRYTON_DB=${TRYTON_DB:-dealcoach}
TRYTON_PORT=${TRYTON_PORT:-8700}
# Tryton's modules are installed for Debian's Python; `python3` may be a pyenv shim.
TRYTON_PYTHON=/usr/bin/python3

TRYTON_CONF=$TRYTON_WORKDIR/trytond.conf
TRYTON_DATA=$TRYTON_WORKDIR/db                      # the live database directory
TRYTON_DBFILE=$TRYTON_DATA/$TRYTON_DB.sqlite
TRYTON_BASE=$TRYTON_WORKDIR/snapshots/base.sqlite    # modules activated, nothing seeded
TRYTON_SEEDED=$TRYTON_WORKDIR/snapshots/seeded.sqlite
TRYTON_FACTS=$TRYTON_WORKDIR/seed-facts.json
TRYTON_PIDFILE=$TRYTON_WORKDIR/trytond.pid
TRYTON_LOG=$TRYTON_WORKDIR/trytond.log
TRYTON_TIMINGS=$TRYTON_WORKDIR/timings.log

# Milliseconds since the epoch, for step timings.
tryton_now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Append "step seconds" to the timings log and say it.
tryton_timing() {
  local step=$1 started=$2 ms
  ms=$(( $(tryton_now_ms) - started ))
  mkdir -p "$TRYTON_WORKDIR"
  printf '%s %s %d.%03d\n' "$(date -u +%FT%TZ)" "$step" $((ms / 1000)) $((ms % 1000)) >> "$TRYTON_TIMINGS"
  printf 'tryton: %s took %d.%01d s\n' "$step" $((ms / 1000)) $((ms % 1000 / 100))
}

# The server's config (port included): written at every start so TRYTON_PORT can change.
tryton_write_config() {
  mkdir -p "$TRYTON_DATA"
  cat > "$TRYTON_CONF" <<CONF
# Written by test/tryton/env.sh: a throwaway Tryton for Deal Coach's tests.
[database]
uri = sqlite://
path = $TRYTON_DATA

[web]
listen = 127.0.0.1:$TRYTON_PORT
root = /usr/share/tryton-sao/www

[password]
# Test users have short, known passwords.
length = 0
entropy = 0

[session]
# The default idle timeout is 5 minutes; a test run may sit longer on one page.
timeout = 3600
CONF
}
