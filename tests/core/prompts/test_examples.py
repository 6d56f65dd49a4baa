"""The example prompt files shipped in resources/examples read with no problem and expand."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.prompts import read_prompt_file
from desktop.core.prompts.expansion import ExpansionOptions, expand_rows
from desktop.core.prompts.wildcards import WildcardLibrary

EXAMPLES = Path(__file__).resolve().parents[3] / "resources" / "examples"
WILDCARDS = EXAMPLES / "wildcards"
PROMPT_FILES = sorted(p for p in EXAMPLES.iterdir() if p.name.startswith("prompts"))


def test_there_is_an_example_of_each_kind_the_brief_asks_for() -> None:
    names = {p.name for p in PROMPT_FILES}
    assert {"prompts_en.csv", "prompts_zh_TW_big5.csv", "prompts_a1111.txt", "prompts.jsonl"} <= names
    assert len(list(WILDCARDS.glob("*.txt"))) >= 2


def test_the_wildcard_files_load_without_problems() -> None:
    library = WildcardLibrary.load(WILDCARDS)
    assert library.problems == []
    assert library.values["animals"] == ["fox", "rabbit", "raccoon"]  # the comment is skipped
    assert "水墨畫風格" in library.values["styles_zh"]


@pytest.mark.parametrize("path", PROMPT_FILES, ids=lambda p: p.name)
def test_every_example_reads_with_no_problem_and_expands_fully(path: Path) -> None:
    result = read_prompt_file(path)
    assert result.problems == [] and result.rows
    preview = expand_rows(result, ExpansionOptions(provider="openai", wildcards_dir=WILDCARDS))
    assert preview.problems == []
    assert len(preview.specs) > len(result.rows)  # every file uses a choice or a wildcard
    for spec in preview.specs:
        assert not any(mark in spec.request.prompt for mark in ("{", "}", "|", "__"))


def test_the_big5_example_really_is_big5_and_its_choice_expands_in_chinese() -> None:
    path = EXAMPLES / "prompts_zh_TW_big5.csv"
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    result = read_prompt_file(path)
    assert result.encoding == "cp950"
    first = result.rows[0]
    assert (first.prompt, first.negative_prompt) == ("一隻在雨中的貓，{紅色|藍色}雨傘，水彩風格", "模糊，文字")
    preview = expand_rows(result, ExpansionOptions(provider="openai", wildcards_dir=WILDCARDS))
    prompts = [spec.request.prompt for spec in preview.specs]
    assert "一隻在雨中的貓，紅色雨傘，水彩風格" in prompts
    assert "一隻在雨中的貓，藍色雨傘，水彩風格" in prompts


def test_the_a1111_example_sets_fields_from_its_flags() -> None:
    result = read_prompt_file(EXAMPLES / "prompts_a1111.txt")
    shiba = next(row for row in result.rows if "shiba" in row.prompt)
    assert (shiba.negative_prompt, shiba.width, shiba.height, shiba.seed, shiba.count) == (
        "lowres, blurry", 1024, 1024, 301, 2,
    )
    bird = next(row for row in result.rows if "bird" in row.prompt)
    assert (bird.steps, bird.cfg_scale, bird.height) == (30, 6.5, 1536)
