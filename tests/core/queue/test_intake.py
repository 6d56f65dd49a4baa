"""Dropped files become a preview: rows expanded, checked against providers and priced."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from desktop.core.config import AppConfig
from desktop.core.providers.pricing import PriceTable
from desktop.core.providers.registry import ProviderRegistry
from desktop.core.queue.intake import Intake, IntakeDefaults, parse_size


@pytest.fixture
def intake() -> Intake:
    config = AppConfig(default_provider="openai")
    return Intake(ProviderRegistry(httpx.AsyncClient(), config, None, {}), PriceTable.load(), config)


def test_a_big5_csv_with_choices_expands_to_the_right_jobs(intake: Intake, tmp_path: Path) -> None:
    csv = tmp_path / "提示.csv"
    csv.write_bytes("prompt,provider,size,count\n一隻{紅|藍}色的貓，水彩風格,openai,1024x1024,2\n".encode("cp950"))
    preview = intake.preview_files([csv], IntakeDefaults(model="gpt-image-1"))
    prompts = sorted(s.request.prompt for s in preview.specs)
    assert prompts == ["一隻紅色的貓，水彩風格"] * 2 + ["一隻藍色的貓，水彩風格"] * 2
    assert preview.problems == []
    assert preview.by_provider["openai"].jobs == 4
    assert preview.estimated_usd == pytest.approx(4 * 0.042)


def test_a_size_the_provider_cannot_make_is_a_problem_at_its_row(intake: Intake, tmp_path: Path) -> None:
    csv = tmp_path / "p.csv"
    csv.write_text("prompt,size\na fox,100x100\na cat,1024x1024\n", "utf-8")
    preview = intake.preview_files([csv], IntakeDefaults(provider="openai", model="gpt-image-1"))
    assert [s.request.prompt for s in preview.specs] == ["a cat"]
    (problem,) = preview.problems
    assert str(problem).startswith(f"{csv.name}:2") or str(problem).startswith(f"{csv}:2")
    assert "100x100" in str(problem)


def test_unknown_providers_and_missing_files_are_named(intake: Intake, tmp_path: Path) -> None:
    csv = tmp_path / "p.csv"
    csv.write_text("prompt,provider\na fox,dalle9000\n", "utf-8")
    preview = intake.preview_files([csv, tmp_path / "missing.txt"])
    text = "\n".join(map(str, preview.problems))
    assert "dalle9000" in text and "missing.txt: file not found" in text
    assert preview.specs == []


def test_typed_prompts_use_the_defaults(intake: Intake) -> None:
    preview = intake.preview_text("a {red|blue} kite\n# a comment\n", IntakeDefaults(
        provider="a1111", width=512, height=768, count=3))
    assert len(preview.specs) == 6
    assert {s.request.size for s in preview.specs} == {"512x768"}
    assert {s.request.provider for s in preview.specs} == {"a1111"}


@pytest.mark.parametrize("text,expected", [("1024x768", (1024, 768)), ("512×512", (512, 512)), ("64*32", (64, 32)),
                                           ("1024ｘ768", (1024, 768)), ("512Ｘ512", (512, 512)),
                                           ("64＊32", (64, 32))])
def test_sizes_parse(text: str, expected: tuple[int, int]) -> None:
    assert parse_size(text) == expected


def test_a_malformed_size_says_what_is_expected() -> None:
    with pytest.raises(ValueError, match="WIDTHxHEIGHT"):
        parse_size("12x")
