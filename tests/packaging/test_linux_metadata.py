"""The Linux desktop entry, prompt-file types and AppStream metadata are valid and agree with
each other and with the app (desktop file name, version, icon sizes)."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import desktop
from desktop.core.prompts.reader import SUPPORTED_SUFFIXES

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / "batch-image-generator.desktop"
METAINFO = LINUX / "io.github.batchimagegenerator.metainfo.xml"
MIME = LINUX / "io.github.batchimagegenerator.xml"


def entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_the_desktop_entry_validates() -> None:
    done = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_the_appstream_metadata_validates() -> None:
    done = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_names_agree_between_app_desktop_entry_and_metadata() -> None:
    app_source = (ROOT / "desktop" / "app.py").read_text("utf-8")
    assert 'setDesktopFileName("batch-image-generator")' in app_source
    meta = ET.parse(METAINFO).getroot()
    assert meta.findtext("launchable") == DESKTOP.name
    assert entry()["Icon"] == meta.findtext("id")
    assert entry()["Exec"].split()[0] == meta.find("provides/binary").text
    version = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    assert version == desktop.__version__  # the spec refuses to build otherwise
    assert meta.find("releases/release").get("version") == version


def test_the_entry_opens_the_prompt_file_types_the_readers_take() -> None:
    types = set(filter(None, entry()["MimeType"].split(";")))
    declared = {m.get("type") for m in ET.parse(MIME).getroot()}
    assert "application/x-batchgen-prompts" in types & declared
    assert {"text/csv", "application/jsonl",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"} <= types
    assert "text/plain" not in types  # the app must not become the handler of every text file
    globs = {g.get("pattern") for g in ET.parse(MIME).getroot().iter("{http://www.freedesktop.org/standards/shared-mime-info}glob")}
    assert "*.prompts" in globs and "*.jsonl" in globs
    assert {g.lstrip("*") for g in globs} <= set(SUPPORTED_SUFFIXES)  # every type it claims, it reads


def test_every_icon_size_the_install_script_uses_exists() -> None:
    script = (LINUX / "install.sh").read_text("utf-8")
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        assert f" {size}" in script or f"{size} " in script
        assert (ROOT / "resources" / "icons" / f"app-{size}.png").exists()
    assert (ROOT / "resources" / "icons" / "app.ico").exists()
    assert (ROOT / "resources" / "icons" / "app.icns").exists()
