#!/usr/bin/env bash
# Refresh app_*.ts from the window's sources (keeps existing translations), then compile .qm.
# The Gallery, Workflow and Analytics tabs ship their own <area>_*.ts files.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=.venv/bin
sources=$(find desktop/app.py desktop/ui -name '*.py' -not -path 'desktop/ui/gallery/*' \
  -not -path 'desktop/ui/workflow/*' -not -path 'desktop/ui/analytics/*' | sort)
$BIN/pyside6-lupdate -no-obsolete $sources -ts resources/translations/app_zh_TW.ts
$BIN/pyside6-lupdate -no-obsolete -pluralonly $sources -ts resources/translations/app_en.ts
for ts in resources/translations/app_zh_TW.ts resources/translations/app_en.ts; do
  $BIN/pyside6-lrelease "$ts" -qm "${ts%.ts}.qm"
done
