#!/usr/bin/env bash
# Refresh profiles_zh_TW.ts (and profiles_en.ts, English plural forms only) from the profiles
# and audit UI's sources, keeping existing translations, then compile the .qm files. New
# strings arrive unfinished: translate them before committing.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=.venv/bin
SOURCES="desktop/ui/profiles/*.py desktop/ui/audit/*.py"
$BIN/pyside6-lupdate -no-obsolete $SOURCES -ts resources/translations/profiles_zh_TW.ts
$BIN/pyside6-lupdate -no-obsolete -pluralonly $SOURCES -ts resources/translations/profiles_en.ts
for lang in zh_TW en; do
  $BIN/pyside6-lrelease resources/translations/profiles_$lang.ts -qm resources/translations/profiles_$lang.qm
done
