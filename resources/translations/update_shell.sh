#!/usr/bin/env bash
# Refresh shell_zh_TW.ts from the installable app's window parts (welcome, backups, crash
# dialog) and the strings they added to app.py and main_window.py, keeping existing
# translations, then compile the .qm. Messages that app_zh_TW.ts already translates are
# dropped here, so each string has one home. New strings arrive unfinished: translate them.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=.venv/bin
TS=resources/translations/shell_zh_TW.ts
$BIN/pyside6-lupdate -no-obsolete desktop/ui/welcome/*.py desktop/ui/backups/*.py \
  desktop/ui/crash_dialog.py desktop/ui/single_instance.py desktop/app.py desktop/ui/main_window.py -ts $TS
$BIN/python - "$TS" resources/translations/app_zh_TW.ts <<'PY'
import sys
import xml.etree.ElementTree as ET

shell_path, app_path = sys.argv[1:3]
done = set()
for context in ET.parse(app_path).getroot().iter("context"):
    for message in context.iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") is None and "".join(translation.itertext()).strip():
            done.add((context.findtext("name"), message.findtext("source")))
tree = ET.parse(shell_path)
root = tree.getroot()
for context in list(root.iter("context")):
    name = context.findtext("name")
    for message in list(context.findall("message")):
        if (name, message.findtext("source")) in done:
            context.remove(message)
    if not context.findall("message"):
        root.remove(context)
tree.write(shell_path, encoding="utf-8", xml_declaration=True)
PY
$BIN/pyside6-lrelease $TS -qm resources/translations/shell_zh_TW.qm
