#!/usr/bin/env bash
# Refresh workflow_*.ts from the Workflow tab's sources (keeps existing translations), then
# compile the .qm files. New strings arrive unfinished: translate them before committing.
# workflow_en.ts holds only the English plural forms ("1 image", "2 images").
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=.venv/bin
$BIN/pyside6-lupdate -no-obsolete desktop/ui/workflow/*.py -ts resources/translations/workflow_zh_TW.ts
$BIN/pyside6-lupdate -no-obsolete -pluralonly desktop/ui/workflow/*.py -ts resources/translations/workflow_en.ts
for ts in resources/translations/workflow_zh_TW.ts resources/translations/workflow_en.ts; do
  $BIN/pyside6-lrelease "$ts" -qm "${ts%.ts}.qm"
done
