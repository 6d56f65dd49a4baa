"""Importing images made by A1111, ComfyUI and InvokeAI makes their prompts searchable and
their settings re-usable; exporting writes the files and a manifest; re-runs build jobs."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from PIL import PngImagePlugin

from desktop.core.events import AssetDidAdd
from desktop.core.gallery.query import GalleryQuery, Scope
from desktop.core.gallery.service import GalleryService
from tests.core.gallery.conftest import LibraryBuilder, picture_bytes

A1111_TEXT = ("masterpiece, 一位穿旗袍的女孩, night market\nNegative prompt: lowres\n"
              "Steps: 28, Sampler: DPM++ 2M Karras, CFG scale: 7.5, Seed: 3141592653, "
              "Size: 832x1216, Model: sdxl_base")
COMFY_API = {
    "3": {"class_type": "KSampler", "inputs": {
        "seed": 156680208700286, "steps": 20, "cfg": 8.0, "sampler_name": "euler",
        "model": ["4", 0], "positive": ["6", 0], "negative": ["7", 0], "latent_image": ["5", 0]}},
    "4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "v1-5.safetensors"}},
    "5": {"class_type": "EmptyLatentImage", "inputs": {"width": 512, "height": 768}},
    "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "beautiful scenery, 山水畫"}},
    "7": {"class_type": "CLIPTextEncode", "inputs": {"text": "text, watermark"}},
}
INVOKE = {"positive_prompt": "a cozy cabin, 雪景", "negative_prompt": "blurry", "width": 1024,
          "height": 1024, "seed": 1234567, "cfg_scale": 5.5, "steps": 30,
          "scheduler": "dpmpp_3m_k", "model": {"name": "Juggernaut XL v9"}}


def png_file(folder: Path, name: str, colour: tuple[int, int, int], **texts: str) -> Path:
    info = PngImagePlugin.PngInfo()
    for key, value in texts.items():
        info.add_text(key, value)
    path = folder / name
    path.write_bytes(picture_bytes(colour, pnginfo=info))
    return path


def test_imported_prompts_are_searchable_and_settings_re_usable(
        gallery: GalleryService, tmp_path: Path, published: list[object]) -> None:
    src = tmp_path / "elsewhere"
    src.mkdir()
    png_file(src, "a1111.png", (10, 120, 200), parameters=A1111_TEXT)
    png_file(src, "comfy.png", (20, 180, 60), prompt=json.dumps(COMFY_API, ensure_ascii=False),
             workflow="{}")
    png_file(src, "invoke.png", (230, 200, 30),
             invokeai_metadata=json.dumps(INVOKE, ensure_ascii=False))
    report = gallery.import_files([src])
    assert len(report.added) == 3 and report.with_metadata == 3 and report.failed == {}
    assert [e for e in published if isinstance(e, AssetDidAdd)] == [
        AssetDidAdd(i) for i in report.added]

    (a1111,) = gallery.search(GalleryQuery(text="旗袍"))
    request = gallery.request_of(a1111)
    assert (request.provider, request.model, request.seed, request.steps) == (
        "a1111", "sdxl_base", 3141592653, 28)
    assert (request.width, request.height, request.cfg_scale) == (832, 1216, 7.5)
    assert request.negative_prompt == "lowres"
    assert request.params == {"sampler_name": "DPM++ 2M Karras"}

    (comfy,) = gallery.search(GalleryQuery(text="山水畫"))
    assert gallery.request_of(comfy).model == "v1-5.safetensors"
    (invoke,) = gallery.search(GalleryQuery(text="cozy cabin"))
    asset = gallery.asset(invoke)
    assert (asset.provider, asset.origin, asset.seed) == ("invokeai", "imported", 1234567)
    assert gallery.thumbnail_file(asset).is_file()
    assert asset.thumb_path and asset.thumb_path.startswith("thumbs/")
    details = gallery.details(invoke)
    assert details.file_source == "invokeai" and details.file_fields["steps"] == "30"


def test_the_same_bytes_are_imported_once(gallery: GalleryService, build: LibraryBuilder,
                                          tmp_path: Path) -> None:
    first = png_file(tmp_path, "one.png", (1, 2, 3))
    copy = tmp_path / "copy.png"
    copy.write_bytes(first.read_bytes())
    report = gallery.import_files([first, copy])
    assert len(report.added) == 1 and report.duplicates == {str(copy): report.added[0]}
    generated = build.asset()  # bytes already in the library under images/test/
    again = gallery.import_files([gallery.file_path(gallery.asset(generated))])
    assert again.duplicates and again.added == []
    sha = gallery.asset(generated).sha256
    assert not list((gallery.paths.images / "imported").glob(f"{sha[:16]}.*"))  # copy removed
    assert len(list((gallery.paths.images / "imported").glob("*.png"))) == 1


def test_bad_files_are_reported_and_do_not_stop_the_rest(gallery: GalleryService,
                                                         tmp_path: Path) -> None:
    junk = tmp_path / "junk.png"
    junk.write_bytes(b"not an image at all")
    good = png_file(tmp_path, "good.png", (9, 9, 9))
    report = gallery.import_files([junk, tmp_path / "missing.png", good])
    assert len(report.added) == 1
    assert set(report.failed) == {str(junk), str(tmp_path / "missing.png")}
    assert "junk.png" in report.failed[str(junk)]


def test_an_image_without_metadata_imports_with_an_empty_prompt(
        gallery: GalleryService, tmp_path: Path) -> None:
    report = gallery.import_files([png_file(tmp_path, "plain.png", (50, 50, 50))])
    asset = gallery.asset(report.added[0])
    assert report.with_metadata == 0 and asset.prompt == "" and asset.origin == "imported"


def test_export_copies_files_and_writes_json_and_csv_manifests(
        gallery: GalleryService, build: LibraryBuilder, tmp_path: Path) -> None:
    a = build.asset(prompt="一隻橘貓", tags=("客戶A",), rating=4)
    b = build.asset(prompt="a red fox")
    out = tmp_path / "export"
    report = gallery.export([a, b], out)
    assert report.failed == {} and len(report.files) == 2
    for name in report.files:
        assert (out / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    manifest = json.loads((out / report.manifest_json).read_text("utf-8"))
    assert [m["prompt"] for m in manifest] == ["一隻橘貓", "a red fox"]
    assert manifest[0]["tags"] == ["客戶A"] and manifest[0]["rating"] == 4
    assert manifest[0]["request"]["prompt"] == "一隻橘貓"
    raw = (out / report.manifest_csv).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM so Excel reads the Chinese
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0]["file"] == report.files[0] and rows[0]["tags"] == "客戶A"


def test_export_reports_a_missing_file_and_keeps_going(gallery: GalleryService,
                                                       build: LibraryBuilder,
                                                       tmp_path: Path) -> None:
    a, b = build.asset(), build.asset()
    gallery.file_path(gallery.asset(a)).unlink()
    report = gallery.export([a, b], tmp_path / "out")
    assert list(report.failed) == [a] and len(report.files) == 1


def test_job_specs_for_generate_again_and_use_as_template(gallery: GalleryService,
                                                          build: LibraryBuilder) -> None:
    a = build.asset(prompt="海報", seed=77, tags=("poster",))
    template = gallery.job_spec_of(a)
    again = gallery.job_spec_of(a, keep_seed=False)
    assert template.request.seed == 77 and template.request.prompt == "海報"
    assert again.request.seed is None and again.request.prompt == "海報"
    assert template.tags == ("poster",) and template.source == f"gallery asset {a}"


def test_a_trashed_duplicate_is_still_a_duplicate(gallery: GalleryService, tmp_path: Path) -> None:
    path = png_file(tmp_path, "x.png", (7, 7, 7))
    (first,) = gallery.import_files([path]).added
    gallery.trash([first])
    assert gallery.import_files([path]).duplicates == {str(path): first}
    assert gallery.search(GalleryQuery(scope=Scope.TRASH)) == [first]
