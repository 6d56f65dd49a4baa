"""The whole sync UI in the window against a real S3 emulator: images in the gallery go up
with "Sync now" and their cloud badges turn "synced"; a second library edits the same image
and the conflict shows in Settings → Sync, where keeping this computer's value resolves it;
the status bar's switch pauses and resumes sync. Screenshots in English and zh_TW."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel

from desktop.core.sync.destination import DestinationOptions
from desktop.ui.gallery.gallery_model import GalleryModel
from tests.core.gallery.conftest import LibraryBuilder as GalleryBuilder
from tests.core.sync.library_builder import LibraryBuilder
from tests.integration.sync_support import service
from tests.ui.conftest import run
from tests.ui.gallery.conftest import fill
from tests.ui.sync.test_sync_page import S3_KEYS, add_destination

pytestmark = pytest.mark.emulator


@pytest.fixture
def aws_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """For the second library's service, which takes its keys from the environment."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.delenv("AWS_PROFILE", raising=False)


def badges(model: GalleryModel) -> list[Any]:
    return [model.data(model.index(r, 0), GalleryModel.SyncStateRole) for r in range(model.rowCount())]


def sync_now(qtbot: Any, page: Any) -> str:
    with qtbot.waitSignal(page.message_shown, timeout=60_000,
                          check_params_cb=lambda text: text.startswith(("Sync finished", "同步完成"))) as seen:
        page.buttons["sync"].click()
    return seen.args[0]


def shoot(widget: Any, folder: Path, name: str) -> Path:
    path = folder / name
    assert widget.grab().save(str(path)), path
    return path


def test_sync_turns_badges_synced_shows_a_conflict_and_pauses(
        qtbot, tmp_path, services, window, appearance, moto, bucket, aws_env, artifacts_dir, qtmodeltester):
    appearance.translations.apply("en")
    ids = fill(GalleryBuilder(services.gallery), 8)
    gallery = window.gallery_view
    window.tabs.setCurrentWidget(gallery)
    gallery.refresh()
    model = gallery.model
    qtbot.waitUntil(lambda: model.rowCount() == 8, timeout=5000)
    qtbot.waitUntil(lambda: model.sync_badges.reads >= 1, timeout=5000)
    assert badges(model) == [None] * 8  # no destination: no badge
    assert window.status.sync_label.text() == "Sync: not set up"
    assert not window.status.sync_indicator.toggle.isVisible()

    settings = window.open_settings()
    page = settings.sync_page
    settings.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.loads >= 1, timeout=5000)
    add_destination(qtbot, page, f"s3://{bucket}/team", moto.url, "team", S3_KEYS)
    qtbot.waitUntil(lambda: set(badges(model)) == {"pending"}, timeout=5000)

    text = sync_now(qtbot, page)

    # 8 images and their 8 metadata sidecars (these test images have no thumbnails)
    assert text.startswith("Sync finished; everything is verified. 16 files uploaded"), text
    qtbot.waitUntil(lambda: set(badges(model)) == {"synced"}, timeout=5000)
    qtbot.waitUntil(lambda: "team: 16 verified, 0 waiting" in window.status.sync_label.toolTip(), timeout=5000)
    assert window.status.sync_label.text() == "Sync: up to date"
    assert window.status.sync_indicator.toggle.isVisible()
    qtbot.waitUntil(lambda: page.destinations.rows[0].status.verified_objects >= 8, timeout=5000)
    assert page.destinations.data(page.destinations.index(0, 5)) == "Up to date"
    settings.hide()
    shoot(gallery.grid, artifacts_dir, "sync_gallery_badges_en.png")

    # A second workstation pulls the images, rates one, and pushes; this one rates it too.
    other = LibraryBuilder(tmp_path / "second")
    svc_b = service(other)
    svc_b.add_destination(f"s3://{bucket}/team", "team", DestinationOptions(endpoint_url=moto.url))
    assert run(qtbot, svc_b.run_until_idle(), timeout=60_000).passes[0].pulled == 8
    first = ids[0]
    sha = services.gallery.asset(first).sha256
    other_id = other.rows("SELECT id FROM assets WHERE sha256=:s", s=sha)[0][0]
    other.set_rating(other_id, 2)
    assert run(qtbot, svc_b.run_until_idle(), timeout=60_000).ok
    services.gallery.set_rating([first], 5)
    settings.show()
    assert "New conflicts to resolve below: 1." in sync_now(qtbot, page)

    qtbot.waitUntil(lambda: page.conflicts.rowCount() == 1, timeout=5000)
    qtbot.waitUntil(lambda: model.data(model.index(model.row_of(first), 0), GalleryModel.SyncStateRole)
                    == "conflict", timeout=5000)
    conflict = page.conflicts
    assert [conflict.data(conflict.index(0, c)) for c in (1, 2, 3, 4)] == ["Rating", "★★★★★", "★★", "team"]
    qtmodeltester.check(conflict)
    qtmodeltester.check(page.destinations)
    settings.resize(900, 640)
    shoot(settings, artifacts_dir, "sync_settings_page_en.png")
    appearance.translations.apply("zh_TW")
    qtbot.wait(100)  # layouts follow the new texts
    assert settings.tabs.tabText(settings.tabs.indexOf(page)) == "同步"
    assert page.keep_local.text() == "保留本機" and page.keep_remote.text() == "保留雲端"
    shoot(settings, artifacts_dir, "sync_settings_page_zh_TW.png")
    shoot(window, artifacts_dir, "sync_window_zh_TW.png")
    appearance.translations.apply("en")

    page.conflict_table.selectionModel().select(
        conflict.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    with qtbot.waitSignal(page.message_shown, timeout=5000):
        page.keep_local.click()
    qtbot.waitUntil(lambda: page.conflicts.rowCount() == 0, timeout=5000)
    assert services.sync.conflicts() == [] and services.gallery.asset(first).rating == 5
    assert page.conflicts_empty.isVisible()

    # Pause and resume from the status bar.
    indicator = window.status.sync_indicator
    indicator.toggle.click()
    assert services.sync.paused
    assert indicator.label.text().startswith("Sync paused")
    assert indicator.toggle.toolTip() == "Sync is paused: click to resume it."
    assert "nothing is uploaded or downloaded" in indicator.label.toolTip()
    page.sync_now()
    assert page.message.text() == "Sync is paused: resume it from the status bar first."
    qtbot.wait(100)
    shoot(window.status, artifacts_dir, "sync_status_paused_en.png")
    appearance.translations.apply("zh_TW")
    qtbot.wait(100)
    assert indicator.label.text().startswith("同步已暫停")
    shoot(window.status, artifacts_dir, "sync_status_paused_zh_TW.png")
    appearance.translations.apply("en")
    indicator.toggle.click()
    assert not services.sync.paused
    assert indicator.toggle.toolTip().startswith("Sync runs in the background: click to pause it")
    text = sync_now(qtbot, page)
    assert "everything is verified" in text
    qtbot.waitUntil(lambda: set(badges(model)) == {"synced"}, timeout=5000)
    settings.close()
    other.close()


def test_the_indicator_shows_progress_and_a_failing_destination(qtbot, services, window, appearance, moto,
                                                                bucket, aws_env):
    appearance.translations.apply("en")
    fill(GalleryBuilder(services.gallery), 2)
    services.sync.add_destination(f"s3://{bucket}/x", "team", DestinationOptions(endpoint_url=moto.url))
    services.sync.add_destination("s3://no-such-bucket-zz8/x", "gone", DestinationOptions(endpoint_url=moto.url))
    indicator = window.status.sync_indicator
    seen: list[str] = []
    window.bridge.sync_progressed.connect(lambda _e: seen.append(indicator.label.text()))

    report = run(qtbot, services.sync.run_once(), timeout=30_000)

    assert report.by_destination()["gone"].fatal and report.by_destination()["team"].uploaded == 4
    qtbot.waitUntil(lambda: indicator.label.text() == "Sync problem: gone", timeout=5000)
    assert indicator.label.property("state") == "error"
    # then the destination's last error, read from the service
    qtbot.waitUntil(lambda: "bucket 'no-such-bucket-zz8' does not exist" in indicator.label.toolTip(),
                    timeout=5000)
    assert "Sync: 0 of 2" in seen and "Sync: 1 of 2" in seen  # progress while the pass ran
