"""Settings round-trip through a versioned JSON file and tolerate what they do not know."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.config import AppConfig, ConfigError, ConfigStore, ProviderSettings


def test_settings_round_trip(tmp_path: Path) -> None:
    store = ConfigStore(tmp_path)
    config = AppConfig(language="zh_TW", providers={"openai": ProviderSettings(concurrency=3)})
    store.save(config)
    loaded = store.load()
    assert loaded.language == "zh_TW"
    assert loaded.provider("openai").concurrency == 3
    assert loaded.provider("unknown") == ProviderSettings()


def test_unknown_keys_from_newer_versions_are_ignored(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(json.dumps(
        {"schema_version": 1, "theme": "dark", "future": 1, "providers": {"x": {"base_url": "u", "new": 2}}}))
    loaded = ConfigStore(tmp_path).load()
    assert loaded.theme == "dark" and loaded.provider("x").base_url == "u"


def test_a_broken_settings_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text("{ not json")
    with pytest.raises(ConfigError, match="settings.json"):
        ConfigStore(tmp_path).load()


def test_the_library_defaults_to_the_environment_override(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("BATCHGEN_LIBRARY", str(tmp_path / "lib"))
    assert AppConfig().library_dir() == tmp_path / "lib"
