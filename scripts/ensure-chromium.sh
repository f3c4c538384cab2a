#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the browser tests (Playwright cannot download
# its own browser here). Installs it when missing and we are root; otherwise says what to do.
set -euo pipefail
browser="${LAUNCHPAD_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$browser" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
  exit 0
fi
echo "The browser tests need Chromium at $browser." >&2
echo "Install it (Debian/Ubuntu: sudo apt-get install chromium) or set LAUNCHPAD_CHROMIUM." >&2
exit 1
