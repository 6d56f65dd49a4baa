"""Settings: everything round-trips through the settings file and the secrets store, keys
are never shown back in full, and "Test connection" says exactly what failed."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from desktop.core.config import ConfigStore
from desktop.core.services import build_services
from desktop.ui.qt_bridge import QtBridge
from desktop.ui.settings.settings_dialog import SettingsDialog
from tests.fakes.server import FakeResponse
from tests.ui.conftest import TEST_KEY, keep, run


def open_dialog(qtbot, services, bridge) -> SettingsDialog:
    dialog = SettingsDialog(services, bridge)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.providers_loaded, timeout=5000):
        dialog.show()
    return dialog


def test_settings_round_trip_through_the_settings_file_and_secrets(qtbot, tmp_path, services, bridge, engine):
    dialog = open_dialog(qtbot, services, bridge)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh_TW"))
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    dialog.library_edit.setText(str(tmp_path / "elsewhere"))
    form = dialog.forms["openai"]
    form.url_edit.setText("https://proxy.example/v1")
    form.concurrency_spin.setValue(3)
    form.rate_spin.setValue(30)
    form.options.editors["quality"].setCurrentIndex(form.options.editors["quality"].findData("high"))
    form.key_edit.setText("sk-live-abcdef1234567890")
    engine.lane("openai")  # the lane exists while the queue runs
    with qtbot.waitSignal(dialog.applied, timeout=5000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    saved = ConfigStore(services.config_store.directory).load()
    assert saved.language == "zh_TW" and saved.theme == "dark"
    assert saved.library_path == str(tmp_path / "elsewhere")
    openai = saved.provider("openai")
    assert (openai.base_url, openai.concurrency, openai.rate_per_minute) == ("https://proxy.example/v1", 3, 30)
    assert openai.options == {"quality": "high"}
    assert services.secrets.get("openai.api_key") == "sk-live-abcdef1234567890"
    assert "sk-live" not in services.config_store.path.read_text("utf-8")
    assert engine.lanes["openai"].concurrency == 3
    assert engine.lanes["openai"].bucket.configured_rate == 30

    again = open_dialog(qtbot, services, bridge)
    form = again.forms["openai"]
    assert form.key_edit.text() == ""
    assert "sk-…7890" in form.key_edit.placeholderText()
    assert "abcdef123456" not in form.key_edit.placeholderText()
    assert form.concurrency_spin.value() == 3 and form.url_edit.text() == "https://proxy.example/v1"


def test_removing_a_key_deletes_it_from_the_secrets_store(qtbot, services, bridge):
    services.secrets.set("openai.api_key", "sk-old-key-0000000000")
    dialog = open_dialog(qtbot, services, bridge)
    form = dialog.forms["openai"]
    form.remove_key_button.click()
    with qtbot.waitSignal(dialog.applied, timeout=5000):
        dialog.save()
    assert services.secrets.get("openai.api_key") is None


def test_test_connection_reports_success_with_latency(qtbot, services, bridge):
    dialog = open_dialog(qtbot, services, bridge)
    form = dialog.forms["openai"]
    with qtbot.waitSignal(form.tested, timeout=5000) as tested:
        form.test_button.click()
    assert tested.args[0].ok
    assert form.test_result.text().startswith("Connected in ")


def test_test_connection_says_the_key_was_refused(qtbot, services, bridge, fake_openai):
    fake_openai.fail_next(FakeResponse.json(
        {"error": {"message": "Incorrect API key provided: sk-bad", "type": "invalid_request_error",
                   "code": "invalid_api_key"}}, 401))
    dialog = open_dialog(qtbot, services, bridge)
    form = dialog.forms["openai"]
    with qtbot.waitSignal(form.tested, timeout=5000):
        form.test_button.click()
    text = form.test_result.text()
    assert text.startswith("The key was refused: ") and "Incorrect API key provided" in text
    assert "HTTP 401" in text


@pytest.fixture
def services_without_env(qloop, qtbot, tmp_path):
    built = build_services(tmp_path / "lib2", env={})
    yield built
    run(qtbot, built.aclose())


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_test_connection_uses_what_is_typed_before_it_is_saved(qtbot, services_without_env, fake_openai):
    services = services_without_env
    bridge = keep(QtBridge(services.events))
    dialog = open_dialog(qtbot, services, bridge)
    form = dialog.forms["openai"]
    with qtbot.waitSignal(form.tested, timeout=5000):
        form.test_button.click()
    assert form.test_result.text().startswith("No key set")

    form.key_edit.setText(TEST_KEY)
    form.url_edit.setText(f"http://127.0.0.1:{free_port()}/v1")
    with qtbot.waitSignal(form.tested, timeout=10000):
        form.test_button.click()
    assert form.test_result.text().startswith("Cannot reach the server: ")

    form.url_edit.setText(f"{fake_openai.url}/v1")
    with qtbot.waitSignal(form.tested, timeout=5000):
        form.test_button.click()
    assert form.test_result.text().startswith("Connected in ")
    assert services.secrets.get("openai.api_key") is None  # testing saved nothing
    assert services.config.provider("openai").base_url is None
    bridge.close()


def test_saving_without_touching_a_local_server_leaves_it_not_set_up(qtbot, services, bridge):
    from desktop.core.provider_settings import describe, status_of

    assert status_of(describe(services, "a1111")) == "unconfigured"
    dialog = open_dialog(qtbot, services, bridge)
    dialog.forms["comfyui"].url_edit.setText("http://127.0.0.1:8188")
    with qtbot.waitSignal(dialog.applied, timeout=5000):
        dialog.save()
    saved = ConfigStore(services.config_store.directory).load()
    assert "a1111" not in saved.providers and "ollama" not in saved.providers
    assert saved.provider("comfyui").base_url == "http://127.0.0.1:8188"  # what was typed is kept
    assert status_of(describe(services, "a1111")) == "unconfigured"
    assert status_of(describe(services, "comfyui")) == "ready"
