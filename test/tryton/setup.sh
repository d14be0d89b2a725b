#!/usr/bin/env bash
# Build the seeded Tryton database that start.sh and reset.sh use; each step runs only when needed.
#   1. install.sh        Debian packages (skipped when installed)
#   2. base snapshot     empty database with sale_opportunity + party_relationship activated
#                        (rebuilt when the Tryton version changes)
#   3. seeded snapshot   seed.py on a copy of the base (rebuilt when seed.py changes or on a new
#                        UTC day, since the pipeline is dated relative to today) + seed-facts.json
# Snapshots are built in a scratch directory, never in the live database, so a running server is
# left alone. `--force` rebuilds the seeded snapshot; `--force-all` both.
# Timings go to $TRYTON_WORKDIR/timings.log.
set -Eeuo pipefail
trap 'echo "test/tryton/setup.sh: FAILED at line $LINENO: $BASH_COMMAND (exit $?)" >&2' ERR
source "$(dirname "$0")/env.sh"

force_seed=0 force_base=0
for arg in "$@"; do
  case $arg in
    --force) force_seed=1 ;;
    --force-all) force_seed=1 force_base=1 ;;
    *) echo "usage: $0 [--force|--force-all]" >&2; exit 2 ;;
  esac
done

started=$(tryton_now_ms)
# Shown as it goes and kept. Not `tee /dev/stderr`: under Node's child_process stderr is a socket,
# which /dev/stderr cannot open (ENXIO).
installed=$("$TRYTON_SCRIPTS/install.sh" | while IFS= read -r line; do printf '%s\n' "$line" >&2; printf '%s\n' "$line"; done)
case $installed in *"already installed"*) ;; *) tryton_timing install "$started" ;; esac

snapshots=$(dirname "$TRYTON_BASE")
mkdir -p "$snapshots"
# Scratch space in memory when there is some: SQLite syncs to disk at every commit, and database
# creation and seeding commit thousands of times (database creation took 5 s instead of 12 s here).
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  build=$(mktemp -d /dev/shm/tryton-build.XXXXXX)
else
  build=$(mktemp -d "$TRYTON_WORKDIR/build.XXXXXX")
fi
trap 'rm -rf "$build"' EXIT

# A config for the scratch directory (no web server is started from it).
build_config() {
  rm -rf "${build:?}"/* && mkdir -p "$build"
  cat > "$build/trytond.conf" <<CONF
[database]
uri = sqlite://
path = $build
[password]
length = 0
entropy = 0
CONF
}

base_key="tryton-server $(dpkg-query -W -f='${Version}' tryton-server) sale_opportunity party_relationship"
if [ $force_base = 1 ] || [ ! -s "$TRYTON_BASE" ] || [ "$(cat "$TRYTON_BASE.key" 2>/dev/null)" != "$base_key" ]; then
  started=$(tryton_now_ms)
  build_config
  touch "$build/$TRYTON_DB.sqlite"   # the SQLite backend wants the file to exist
  printf '%s\n' dealcoach > "$build/admin.pass"
  TRYTONPASSFILE=$build/admin.pass trytond-admin -c "$build/trytond.conf" -d "$TRYTON_DB" --all --email admin@example.com >> "$build/admin.log" 2>&1
  trytond-admin -c "$build/trytond.conf" -d "$TRYTON_DB" -u sale_opportunity party_relationship --activate-dependencies >> "$build/admin.log" 2>&1
  cp "$build/$TRYTON_DB.sqlite" "$TRYTON_BASE"
  printf '%s' "$base_key" > "$TRYTON_BASE.key"
  rm -f "$TRYTON_SEEDED.key"
  tryton_timing db-init "$started"
else
  echo "tryton: base database is current"
fi

seed_key="$(sha256sum "$TRYTON_SCRIPTS/seed.py" | cut -d' ' -f1) $(date -u +%F) $TRYTON_DB"
if [ $force_seed = 1 ] || [ ! -s "$TRYTON_SEEDED" ] || [ ! -s "$TRYTON_FACTS" ] || [ "$(cat "$TRYTON_SEEDED.key" 2>/dev/null)" != "$seed_key" ]; then
  started=$(tryton_now_ms)
  build_config
  cp "$TRYTON_BASE" "$build/$TRYTON_DB.sqlite"
  "$TRYTON_PYTHON" -W ignore::DeprecationWarning "$TRYTON_SCRIPTS/seed.py" --config "$build/trytond.conf" \
    --database "$TRYTON_DB" --dbfile "$build/$TRYTON_DB.sqlite" --facts "$build/seed-facts.json"
  cp "$build/$TRYTON_DB.sqlite" "$TRYTON_SEEDED"
  cp "$build/seed-facts.json" "$TRYTON_FACTS"
  printf '%s' "$seed_key" > "$TRYTON_SEEDED.key"
  tryton_timing seed "$started"
else
  echo "tryton: seeded database is current ($(date -u +%F))"
fi
