#!/usr/bin/env bash
# Render the template and a demo workbook to PDF (and the first pages to PNG) with LibreOffice, to eyeball the
# layout after changing sheets-templates/. Not run in CI: it needs LibreOffice (apt-get install libreoffice-calc).
#
#   scripts/render-template.sh [OUT_DIR]        AS_OF=2026-06-15 by default
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-${TMPDIR:-/tmp}/duban-render}"
as_of="${AS_OF:-2026-06-15}"
mkdir -p "$out"

node bin/duban.js template --out "$out/duban-template.xlsx" --force
node bin/duban.js template --demo --as-of "$as_of" --out "$out/duban-demo.xlsx" --force

# A private profile keeps a desktop LibreOffice (or a stale lock) from swallowing the headless run.
profile="$out/lo-profile"
libreoffice "-env:UserInstallation=file://$profile" --headless --convert-to pdf --outdir "$out" \
  "$out/duban-template.xlsx" "$out/duban-demo.xlsx"

if command -v pdftoppm >/dev/null; then
  pdftoppm -png -r 70 -f 1 -l 4 "$out/duban-demo.pdf" "$out/duban-demo"
  pdftoppm -png -r 70 -f 1 -l 2 "$out/duban-template.pdf" "$out/duban-template"
fi
ls -l "$out"
