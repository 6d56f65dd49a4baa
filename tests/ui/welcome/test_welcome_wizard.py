"""The first-run welcome: finds a (fake) Ollama and A1111 on loopback off the GUI thread,
takes a cloud key and the library folder, switches language live, and Skip keeps defaults.
Screenshots in English and Traditional Chinese go to the artifacts folder."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QCheckBox, QLabel, QWizard

from desktop.core.config import AppConfig, ConfigStore
from desktop.core.discovery import cloud_providers, discover_local_servers_blocking
from desktop.ui.i18n import Translations
from desktop.ui.welcome.choices import LocalChoice, WelcomeChoices
from desktop.ui.welcome.first_run import is_first_run
from desktop.ui.welcome.welcome_wizard import WelcomeWizard
from tests.fakes.a1111_fake import FakeA1111
from tests.fakes.ollama_fake import FakeOllama


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"


@pytest.fixture
def local_servers() -> Iterator[dict[str, str]]:
    with FakeOllama(version="0.20.0") as ollama, FakeA1111() as a1111:
        yield {"OLLAMA_HOST": ollama.url, "SDWEBUI_BASE_URL": a1111.url, "COMFYUI_BASE_URL": closed_port_url()}


@pytest.fixture
def translations(qapp: Any) -> Iterator[Translations]:
    made = Translations(qapp)
    yield made
    made.apply("en")


@pytest.fixture
def make_wizard(qtbot: Any, translations: Translations, tmp_path: Path) -> Iterator[Any]:
    made: list[WelcomeWizard] = []

    def make(env: dict[str, str], language: str = "en") -> WelcomeWizard:
        translations.apply(language)
        wizard = WelcomeWizard(lambda: discover_local_servers_blocking(env), cloud_providers(),
                               tmp_path / "My Library", language=language,
                               set_language=translations.apply)
        made.append(wizard)
        wizard.show()
        qtbot.waitExposed(wizard)
        return wizard

    yield make
    for wizard in made:  # deleted now, while the language is still the test's
        wizard.close()
        wizard.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def to_servers_page(qtbot: Any, wizard: WelcomeWizard) -> None:
    with qtbot.waitSignal(wizard.servers.servers_shown, timeout=10_000):
        wizard.next()
    assert wizard.currentPage() is wizard.servers
    # Rows added to a shown page are shown on the next turn of the event loop.
    qtbot.waitUntil(lambda: all(c.isVisible() for c in wizard.servers.checks.values()))


def test_running_servers_are_found_ticked_and_kept(qtbot, make_wizard, local_servers, artifacts_dir):
    wizard = make_wizard(local_servers)
    wizard.grab().save(str(artifacts_dir / "welcome_1_intro_en.png"))
    wizard.next()
    assert "Looking for image servers" in wizard.servers.status.text()  # the GUI is not waiting
    qtbot.waitUntil(lambda: bool(wizard.servers.servers), timeout=10_000)
    qtbot.waitUntil(lambda: all(c.isVisible() for c in wizard.servers.checks.values()))
    checks = {name: wizard.servers.findChild(QCheckBox, f"use-{name}") for name in ("ollama", "a1111", "comfyui")}
    assert checks["a1111"].isChecked() and checks["a1111"].isEnabled()
    assert checks["ollama"].isChecked()
    assert not checks["comfyui"].isChecked() and not checks["comfyui"].isEnabled()
    assert local_servers["SDWEBUI_BASE_URL"] in checks["a1111"].text()
    assert "Found 2 of 3" in wizard.servers.status.text()
    assert "not found" in checks["comfyui"].text()
    wizard.grab().save(str(artifacts_dir / "welcome_2_servers_en.png"))

    checks["ollama"].setChecked(False)
    wizard.next()
    wizard.cloud.provider.setCurrentIndex(wizard.cloud.provider.findData("stability"))
    wizard.cloud.key.setText("  sk-stability-test-0123456789  ")
    wizard.grab().save(str(artifacts_dir / "welcome_3_cloud_en.png"))
    wizard.next()
    wizard.grab().save(str(artifacts_dir / "welcome_4_library_en.png"))
    wizard.library.path.setText(str(Path(wizard.library.path.text()).parent / "Studio"))
    wizard.accept()

    choices = wizard.choices
    assert not choices.skipped and choices.language == "en"
    assert choices.local == [LocalChoice("a1111", local_servers["SDWEBUI_BASE_URL"], True)]
    assert (choices.cloud_provider, choices.cloud_key) == ("stability", "sk-stability-test-0123456789")
    assert choices.library.name == "Studio"
    assert "sk-stability" not in repr(choices)  # the key never shows in logs


def test_the_welcome_in_traditional_chinese(qtbot, make_wizard, local_servers, artifacts_dir):
    wizard = make_wizard(local_servers, language="zh_TW")
    assert wizard.intro.title() == "歡迎使用批量圖片生成器"
    assert wizard.buttonText(QWizard.WizardButton.CustomButton1) == "略過"
    wizard.grab().save(str(artifacts_dir / "welcome_1_intro_zh_TW.png"))
    to_servers_page(qtbot, wizard)
    assert "找到 2 個" in wizard.servers.status.text()
    assert "使用" in wizard.servers.findChild(QCheckBox, "use-a1111").text()
    wizard.grab().save(str(artifacts_dir / "welcome_2_servers_zh_TW.png"))
    wizard.next()
    assert wizard.cloud.title() == "雲端供應商（選填）"
    wizard.grab().save(str(artifacts_dir / "welcome_3_cloud_zh_TW.png"))
    wizard.next()
    assert wizard.library.browse.text() == "瀏覽…"
    wizard.grab().save(str(artifacts_dir / "welcome_4_library_zh_TW.png"))


def test_choosing_a_language_switches_the_welcome_at_once(qtbot, make_wizard):
    wizard = make_wizard({"OLLAMA_HOST": closed_port_url(), "SDWEBUI_BASE_URL": closed_port_url(),
                          "COMFYUI_BASE_URL": closed_port_url()})
    assert wizard.intro.title() == "Welcome to Batch Image Generator"
    wizard.intro.language.setCurrentIndex(wizard.intro.language.findData("zh_TW"))
    assert wizard.intro.title() == "歡迎使用批量圖片生成器"
    assert wizard.buttonText(QWizard.WizardButton.NextButton) == "下一步"
    wizard.intro.language.setCurrentIndex(wizard.intro.language.findData("en"))
    assert wizard.intro.title() == "Welcome to Batch Image Generator"


def test_with_no_server_running_the_page_says_so_and_offers_to_look_again(qtbot, make_wizard, artifacts_dir):
    env = {"OLLAMA_HOST": closed_port_url(), "SDWEBUI_BASE_URL": closed_port_url(), "COMFYUI_BASE_URL": closed_port_url()}
    wizard = make_wizard(env)
    to_servers_page(qtbot, wizard)
    assert "No image server is running" in wizard.servers.status.text()
    assert wizard.servers.chosen() == []
    with FakeA1111() as a1111:  # the user starts A1111 and looks again
        env["SDWEBUI_BASE_URL"] = a1111.url
        with qtbot.waitSignal(wizard.servers.servers_shown, timeout=10_000):
            wizard.servers.again.click()
    assert [c.provider for c in wizard.servers.chosen()] == ["a1111"]
    assert wizard.servers.findChild(QLabel, "detail-a1111").text().startswith("Found, with")


def test_skip_ends_the_welcome_with_the_defaults(qtbot, make_wizard):
    wizard = make_wizard({"OLLAMA_HOST": closed_port_url(), "SDWEBUI_BASE_URL": closed_port_url(),
                          "COMFYUI_BASE_URL": closed_port_url()})
    wizard.button(QWizard.WizardButton.CustomButton1).click()
    assert wizard.choices == WelcomeChoices(skipped=True)
    assert not wizard.isVisible()
    config = AppConfig()
    wizard.choices.apply_to(config)
    assert config == AppConfig()


def test_choices_become_settings_but_the_key_does_not(tmp_path: Path) -> None:
    config = AppConfig()
    WelcomeChoices(language="zh_TW", library=tmp_path / "lib",
                   local=[LocalChoice("ollama", "http://127.0.0.1:11434", can_generate=False),
                          LocalChoice("a1111", "http://127.0.0.1:7860")],
                   cloud_provider="openai", cloud_key="").apply_to(config)
    assert config.language == "zh_TW" and config.library_path == str(tmp_path / "lib")
    assert config.providers["a1111"].base_url == "http://127.0.0.1:7860"
    assert config.providers["ollama"].base_url == "http://127.0.0.1:11434"
    assert config.default_provider == "a1111"  # Ollama here cannot make images; no key given
    with_key = AppConfig()
    WelcomeChoices(cloud_provider="gemini", cloud_key="AIzaTest").apply_to(with_key)
    assert with_key.default_provider == "gemini"
    store = ConfigStore(tmp_path / "cfg")
    assert is_first_run(store)
    store.save(with_key)
    assert not is_first_run(store)
    assert "AIzaTest" not in store.path.read_text("utf-8")


def test_skipping_the_first_run_welcome_saves_defaults_so_it_is_not_shown_again(qtbot, qapp, translations, tmp_path):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.ui.welcome.first_run import run_welcome

    store = ConfigStore(tmp_path / "cfg")
    assert is_first_run(store)

    def press_skip() -> None:
        wizard = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, WelcomeWizard) and w.isVisible()), None)
        if wizard is None:
            QTimer.singleShot(20, press_skip)
            return
        wizard.button(QWizard.WizardButton.CustomButton1).click()

    QTimer.singleShot(20, press_skip)
    choices = run_welcome(store, translations)  # modal, as at the app's start
    assert choices.skipped
    assert not is_first_run(store)
    assert store.load() == AppConfig()  # the defaults: the window opens on the default library
