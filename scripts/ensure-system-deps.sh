#!/usr/bin/env bash
# Installs what the browser tests need from Debian's packages when it is missing:
# Chromium for Playwright (never Playwright's own browser download) and CJK fonts.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
echo "installing from Debian: ${need[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "need root to apt-get install ${need[*]}; install them and run again" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
