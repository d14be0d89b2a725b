#!/usr/bin/env bash
# Install Tryton 6.0 (server, sao web client, sale_opportunity, party_relationship, proteus) from
# Debian's own packages. Idempotent: does nothing when everything is already installed.
# Needs root (CI runs as root). No service is left running: the packages ship a tryton-server
# service, and a temporary /usr/sbin/policy-rc.d (exit 101) keeps it from starting; an
# already-present policy-rc.d (Docker images ship one) is kept and restored untouched.
set -Eeuo pipefail
trap 'echo "test/tryton/install.sh: FAILED at line $LINENO: $BASH_COMMAND (exit $?)" >&2' ERR

PACKAGES=(tryton-server tryton-sao tryton-modules-sale-opportunity tryton-modules-party-relationship tryton-proteus)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "tryton: already installed ($(dpkg-query -W -f='${Version}' tryton-server))"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "tryton: missing ${missing[*]}; run as root: sudo $0" >&2
  exit 1
fi

start=$(date +%s%N)
export DEBIAN_FRONTEND=noninteractive
POLICY=/usr/sbin/policy-rc.d
backup=""
if [ -e "$POLICY" ]; then
  backup=$(mktemp)
  cp -p "$POLICY" "$backup"
fi
restore_policy() {
  if [ -n "$backup" ]; then mv -f "$backup" "$POLICY"; else rm -f "$POLICY"; fi
}
trap restore_policy EXIT
printf '#!/bin/sh\n# test/tryton/install.sh: no service starts while Tryton installs\nexit 101\n' > "$POLICY"
chmod 755 "$POLICY"

# One `apt-get update` when the package lists do not know Tryton yet (a fresh machine).
if ! apt-cache show tryton-server >/dev/null 2>&1; then
  apt-get update
fi
apt-get install -y --no-install-recommends "${PACKAGES[@]}"

# A systemd machine could still have enabled the unit; make sure nothing of Tryton's runs.
if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
  systemctl disable --now tryton-server.service >/dev/null 2>&1 || true
fi

ms=$(( ($(date +%s%N) - start) / 1000000 ))
printf 'tryton: installed %s in %d.%01d s\n' "$(dpkg-query -W -f='${Version}' tryton-server)" $((ms / 1000)) $((ms % 1000 / 100))
