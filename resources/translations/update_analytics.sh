#!/usr/bin/env bash
# Refresh analytics_zh_TW.ts from the Analytics tab's sources (keeps existing translations),
# then compile the .qm. New strings arrive unfinished: translate them before committing.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=.venv/bin
$BIN/pyside6-lupdate -no-obsolete desktop/ui/analytics/*.py -ts resources/translations/analytics_zh_TW.ts
$BIN/pyside6-lrelease resources/translations/analytics_zh_TW.ts -qm resources/translations/analytics_zh_TW.qm
