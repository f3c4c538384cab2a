#!/usr/bin/env bash
# WeasyPrint (the PDF exports) needs Pango and a font at run time. Installs Debian's packages
# when they are missing and we are root; otherwise says what to install.
set -euo pipefail
if ldconfig -p 2>/dev/null | grep -q 'libpango-1.0.so' && ldconfig -p | grep -q 'libpangoft2-1.0.so' \
   && fc-list 2>/dev/null | grep -qi 'dejavu'; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Pango and the DejaVu fonts for PDF exports..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 \
    fontconfig fonts-dejavu-core >/dev/null
  exit 0
fi
echo "PDF exports need Pango and a font (Debian/Ubuntu: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core)." >&2
exit 1
