"""shell_zh_TW (welcome, backups, crash dialog, the window's new strings) is complete,
compiled, and every message is a real translation."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from desktop.ui.resources import translations_dir

TS = translations_dir() / "shell_zh_TW.ts"


def test_every_shell_string_has_a_finished_traditional_chinese_translation() -> None:
    root = ET.parse(TS).getroot()
    problems = []
    count = 0
    for context in root.iter("context"):
        for message in context.iter("message"):
            count += 1
            source = message.findtext("source") or ""
            translation = message.find("translation")
            text = "".join(translation.itertext()).strip()
            if translation.get("type") or not text or text == source.strip():
                problems.append((context.findtext("name"), source))
            if source.count("%") != text.count("%"):
                problems.append((context.findtext("name"), source, "placeholders differ"))
    assert count > 50 and problems == []
    qm = TS.with_suffix(".qm")
    assert qm.stat().st_mtime >= TS.stat().st_mtime - 1, "run resources/translations/update_shell.sh"
