#!/usr/bin/env bash
# Refresh sync_zh_TW.ts from the sync UI's sources (keeps existing translations), then
# compile the .qm. New strings arrive unfinished: translate them before committing.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=.venv/bin
$BIN/pyside6-lupdate -no-obsolete desktop/ui/sync/*.py -ts resources/translations/sync_zh_TW.ts
$BIN/pyside6-lrelease resources/translations/sync_zh_TW.ts -qm resources/translations/sync_zh_TW.qm
