"""Importing and exporting presets as A1111 styles.csv and Fooocus style JSON, with real
files in the shapes those tools write."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.workflow.errors import FormatError
from desktop.core.workflow.preset_formats import (
    read_a1111_styles,
    read_fooocus_styles,
    read_styles,
    write_a1111_styles,
    write_fooocus_styles,
)
from desktop.core.workflow.presets import StylePreset

A1111_CSV = (
    'name,prompt,negative_prompt\n'
    'Cinematic,"{prompt}, cinematic still, shallow depth of field","anime, cartoon, text"\n'
    '水彩,"{prompt}，水彩畫，柔和色調",模糊\n'
    'No slot,"analog film, grain",\n'
    '\n'
)
FOOOCUS_JSON = [
    {"name": "sai-origami", "prompt": "origami style {prompt} . paper art, pleated paper",
     "negative_prompt": "noisy, sloppy, messy, grainy"},
    {"name": "Fooocus Sharp", "negative_prompt": "(worst quality, low quality)"},
]


def test_a1111_styles_csv_is_read_with_chinese_names_and_missing_negatives(tmp_path: Path) -> None:
    path = tmp_path / "styles.csv"
    path.write_bytes(A1111_CSV.encode("utf-8-sig"))
    presets = read_a1111_styles(path)
    assert [p.name for p in presets] == ["Cinematic", "水彩", "No slot"]
    assert presets[0].apply("a cat") == ("a cat, cinematic still, shallow depth of field", "anime, cartoon, text")
    assert presets[1].apply("貓") == ("貓，水彩畫，柔和色調", "模糊")
    assert presets[2].apply("a cat") == ("a cat, analog film, grain", "")


def test_a1111_styles_written_by_us_read_back_identically(tmp_path: Path) -> None:
    presets = [StylePreset("A, with comma", '{prompt}, "quoted"', "neg\nline"), StylePreset("台灣", "{prompt}")]
    path = tmp_path / "out.csv"
    write_a1111_styles(presets, path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert [(p.name, p.positive, p.negative) for p in read_styles(path)] == [
        ("A, with comma", '{prompt}, "quoted"', "neg\nline"), ("台灣", "{prompt}", "")]


def test_a1111_errors_name_the_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "styles.csv"
    path.write_text("name,prompt\nok,{prompt}\n,missing name\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"styles.csv:3:1: a style needs a name"):
        read_a1111_styles(path)
    path.write_text("title,text\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"styles.csv:1: the header needs columns name and prompt"):
        read_a1111_styles(path)


def test_fooocus_style_json_is_read_and_written(tmp_path: Path) -> None:
    path = tmp_path / "sdxl_styles_test.json"
    path.write_text(json.dumps(FOOOCUS_JSON), encoding="utf-8")
    presets = read_styles(path)
    assert presets[0].apply("a crane") == ("origami style a crane . paper art, pleated paper",
                                           "noisy, sloppy, messy, grainy")
    assert presets[1].positive == "{prompt}"
    out = tmp_path / "back.json"
    write_fooocus_styles(presets, out)
    assert json.loads(out.read_text("utf-8"))[0] == FOOOCUS_JSON[0]


def test_fooocus_errors_name_the_item_or_the_json_position(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('[{"name": "x"}, {"prompt": "y"}]', encoding="utf-8")
    with pytest.raises(FormatError, match=r"bad.json\[1\]: each style needs a name"):
        read_fooocus_styles(path)
    path.write_text('[{"name": "x",]', encoding="utf-8")
    with pytest.raises(FormatError, match=r"bad.json:1:\d+: not valid JSON"):
        read_fooocus_styles(path)
    with pytest.raises(FormatError, match="style files are .csv"):
        read_styles(tmp_path / "styles.txt")
