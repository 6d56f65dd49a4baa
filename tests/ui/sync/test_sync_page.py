"""The Sync page of Settings against a real S3 emulator (moto on loopback): a destination
added through the page with credentials typed into it, a connection test that passes and
one that names the missing bucket, stored credentials never shown back in full."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.ui.settings.settings_dialog import SettingsDialog
from desktop.ui.sync.sync_page_view import SyncPageView

pytestmark = pytest.mark.emulator
S3_KEYS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing-secret-value"}


def open_page(qtbot: Any, services: Any, bridge: Any) -> tuple[SettingsDialog, SyncPageView]:
    dialog = SettingsDialog(services, bridge)
    qtbot.addWidget(dialog)
    dialog.show()
    page = dialog.sync_page
    assert page is not None
    dialog.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.loads >= 1, timeout=5000)
    return dialog, page


def add_destination(qtbot: Any, page: SyncPageView, url: str, endpoint: str, name: str,
                    keys: dict[str, str] | None = None) -> None:
    dialog = page.add_destination()
    dialog.url_edit.setText(url)
    dialog.name_edit.setText(name)
    dialog.endpoint_edit.setText(endpoint)
    for field, value in (keys or {}).items():
        dialog.credential_edits[field].setText(value)
    with qtbot.waitSignal(page.message_shown, timeout=5000):
        dialog.ok_button.click()
    qtbot.waitUntil(lambda: page.selected_name() == name, timeout=5000)


def run_test_button(qtbot: Any, page: SyncPageView) -> str:
    with qtbot.waitSignal(page.message_shown, timeout=30_000,
                          check_params_cb=lambda text: not text.startswith("Testing")) as seen:
        page.buttons["test"].click()
    return seen.args[0]


def test_a_destination_added_in_the_page_passes_its_test_and_keeps_its_keys_secret(
        qtbot, services, bridge, english, moto, bucket, qtmodeltester):
    _dialog, page = open_page(qtbot, services, bridge)
    assert page.destinations.rowCount() == 0
    assert "No destination yet" in page.details.text()

    add_destination(qtbot, page, f"s3://{bucket}/team", moto.url, "team", S3_KEYS)
    text = run_test_button(qtbot, page)

    assert page.message.property("ok") == "true", text
    assert text.startswith("Connection works") and f"s3://{bucket}/team" in text
    assert "credentials from this app's secrets store were accepted" in text  # the keys typed in
    assert services.secrets.get("sync.team.aws_secret_access_key") == "testing-secret-value"
    assert services.sync.credentials_source("team") == "the secrets store"
    dest = services.sync.destination("team")
    assert dest.options.endpoint_url == moto.url and "testing-secret" not in dest.options.to_json()
    row = page.destinations.rows[0]
    assert page.destinations.data(page.destinations.index(0, 5)) == "Not run yet"
    assert row.status is not None and row.status.pending == 0  # an empty library: nothing queued
    qtmodeltester.check(page.destinations)

    page.edit_selected()
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.existing is not None, timeout=5000)
    secret = page.dialog.credential_edits["aws_secret_access_key"]
    assert secret.text() == "" and "tes…alue" in secret.placeholderText()
    assert "testing-secret-value" not in secret.placeholderText()
    page.dialog.reject()


def test_a_wrong_bucket_fails_the_test_with_the_bucket_named(qtbot, services, bridge, english, moto):
    _dialog, page = open_page(qtbot, services, bridge)
    add_destination(qtbot, page, "s3://no-such-bucket-zz9/team", moto.url, "gone", S3_KEYS)

    text = run_test_button(qtbot, page)

    assert page.message.property("ok") == "false"
    headline, detail = text.split("\n", 1)
    assert headline == "The bucket (or container) does not exist."
    assert detail == f"bucket 'no-such-bucket-zz9' does not exist at {moto.url}"


def test_options_edited_in_the_page_reach_the_service(qtbot, services, bridge, english, moto, bucket):
    _dialog, page = open_page(qtbot, services, bridge)
    add_destination(qtbot, page, f"s3://{bucket}/team", moto.url, "team", S3_KEYS)
    page.edit_selected()
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.existing is not None, timeout=5000)
    dialog = page.dialog
    dialog.concurrency_spin.setValue(3)
    dialog.bandwidth_spin.setValue(2.5)
    dialog.policy_combo.setCurrentIndex(dialog.policy_combo.findData("mirror"))
    dialog.pull_check.setChecked(False)
    dialog.backups_check.setChecked(False)
    dialog.forget_check.setChecked(True)
    with qtbot.waitSignal(page.message_shown, timeout=5000):
        dialog.ok_button.click()

    opts = services.sync.destination("team").options
    assert (opts.concurrency, opts.bandwidth_limit, opts.delete_policy.value) == (3, int(2.5 * 2**20), "mirror")
    assert not opts.pull and not opts.push_backups and opts.endpoint_url == moto.url
    assert services.secrets.get("sync.team.aws_access_key_id") is None  # forgotten
    qtbot.waitUntil(lambda: "Mirror deletes" in page.details.text(), timeout=5000)
    assert "3 parallel transfers, bandwidth 2.5 MB/s" in page.details.text()

    box = page.remove_selected()
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: page.destinations.rowCount() == 0, timeout=5000)
    assert services.sync.destinations() == []


def test_the_dialog_refuses_an_address_it_cannot_use(qtbot, services, bridge, english):
    _dialog, page = open_page(qtbot, services, bridge)
    dialog = page.add_destination()
    dialog.url_edit.setText("ftp://example.com/x")
    dialog.ok_button.click()
    assert dialog.isVisible() and "s3://bucket/folder" in dialog.error_label.text()
    dialog.url_edit.setText("gs://team-bucket/images")
    assert list(dialog.credential_edits) == ["gcs_service_account_json"]
    assert not dialog.endpoint_edit.isEnabled()
    dialog.url_edit.setText("https://acct01.blob.core.windows.net/box/p")
    assert "azure_connection_string" in dialog.credential_edits
    assert dialog.kind_label.text() == "Azure Blob Storage"
    dialog.reject()


def test_screenshots_of_the_page_and_the_dialog_in_english_and_chinese(
        qtbot, services, bridge, appearance, moto, bucket, artifacts_dir):
    appearance.translations.apply("en")
    settings, page = open_page(qtbot, services, bridge)
    add_destination(qtbot, page, f"s3://{bucket}/team", moto.url, "team", S3_KEYS)
    run_test_button(qtbot, page)
    settings.resize(820, 600)  # the dialog's own size
    page.edit_selected()
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.existing is not None, timeout=5000)
    for language in ("en", "zh_TW"):
        appearance.translations.apply(language)
        qtbot.wait(100)
        assert settings.grab().save(str(artifacts_dir / f"sync_page_tested_{language}.png"))
        assert page.dialog.grab().save(str(artifacts_dir / f"sync_destination_dialog_{language}.png"))
    assert page.dialog.windowTitle() == "編輯同步目的地" and page.dialog.ok_button.text() == "儲存"
    assert page.message.text().startswith("連線正常：")  # the result line follows the language
    appearance.translations.apply("en")
    page.dialog.reject()
