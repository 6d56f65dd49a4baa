"""Traditional Chinese for the sync UI: the translation file is complete and compiled, and
the Sync page, the destination dialog and the status-bar indicator show no English."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from desktop.ui.resources import translations_dir
from tests.ui.sync.test_sync_page import open_page
from tests.ui.text_walk import MissRecorder, english_words, texts_of

TS = translations_dir() / "sync_zh_TW.ts"
SYNC_CONTEXTS = {"SyncPageView", "DestinationDialog", "DestinationTableModel", "ConflictTableModel",
                 "SyncIndicatorView", "SyncBadgeCache", "SyncLabels"}


def test_every_sync_string_has_a_finished_translation():
    root = ET.parse(TS).getroot()
    unfinished = [(c.findtext("name"), m.findtext("source")) for c in root.iter("context")
                  for m in c.iter("message")
                  if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
                  or not "".join(m.find("translation").itertext()).strip()]
    assert unfinished == []
    assert {c.findtext("name") for c in root.iter("context")} >= SYNC_CONTEXTS - {"SyncBadgeCache"}
    assert Path(str(TS).replace(".ts", ".qm")).stat().st_mtime >= TS.stat().st_mtime - 1, \
        "sync_zh_TW.qm is older than the .ts: run resources/translations/update_sync.sh"


def test_the_sync_page_and_dialog_show_no_english_in_zh_TW(qtbot, qapp, services, bridge, appearance, window):
    recorder = MissRecorder()
    qapp.installTranslator(recorder)
    try:
        appearance.translations.apply("zh_TW")
        _settings, page = open_page(qtbot, services, bridge)
        dialog = page.add_destination()
        dialog.url_edit.setText("s3://team-bucket/batch-images")
        qtbot.wait(50)
        texts = texts_of(page) + texts_of(dialog) + texts_of(window.status.sync_indicator)
        allowed = {"Amazon", "MinIO", "Google", "Cloud", "Storage", "Azure", "Blob", "JSON", "ID", "SAS", "gcloud",
                   "gs", "az"}  # URL schemes
        english = [(where, text, english_words(text, allowed)) for where, text in texts
                   if english_words(text, allowed)]
        missed = sorted((c, t) for c, t in recorder.missed if c in SYNC_CONTEXTS)
        dialog.reject()
    finally:
        qapp.removeTranslator(recorder)
        appearance.translations.apply("en")
    assert missed == []
    assert english == [], "\n".join(f"{where}: {text!r} {words}" for where, text, words in english)
