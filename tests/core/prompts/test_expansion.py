"""Expansion: dynamic-prompt syntax, wildcards, counts and seeds into job specs, capped,
with duplicates, problems and cost per provider in the preview."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from desktop.core.models import GenerationRequest
from desktop.core.prompts import PromptRow, read_prompt_file, read_prompt_text
from desktop.core.prompts.expansion import ExpansionOptions, expand_rows
from desktop.core.prompts.wildcards import WildcardLibrary

OPENAI = ExpansionOptions(provider="openai", model="gpt-image-1")


def _expand(text: str, options: ExpansionOptions = OPENAI, **kw):
    return expand_rows(read_prompt_text(text), options, **kw)


def _prompts_and_seeds(preview) -> list[tuple[str, int | None]]:
    return [(s.request.prompt, s.request.seed) for s in preview.specs]


def test_combinatorial_mode_makes_every_combination_count_times_with_consecutive_seeds() -> None:
    preview = _expand('--prompt "a {red|blue} car" --seed 5 --n_iter 2')
    assert _prompts_and_seeds(preview) == [
        ("a red car", 5), ("a red car", 6), ("a blue car", 5), ("a blue car", 6),
    ]
    assert preview.problems == [] and preview.duplicates == [] and not preview.capped


def test_without_a_seed_the_seed_is_left_to_the_queue() -> None:
    preview = _expand('--prompt "{a|b}" --n_iter 2')
    assert _prompts_and_seeds(preview) == [("a", None), ("a", None), ("b", None), ("b", None)]
    assert preview.duplicates == []  # copies of one row are not duplicates


def test_pick_several_syntax_is_expanded_by_dynamicprompts() -> None:
    preview = _expand("{2$$red|green|blue} stripes")
    prompts = [s.request.prompt for s in preview.specs]
    assert len(prompts) == 6  # ordered pairs, as dynamicprompts enumerates them
    assert "red,green stripes" in prompts and "blue,red stripes" in prompts


def test_random_mode_samples_one_prompt_per_image_reproducibly() -> None:
    options = ExpansionOptions(provider="openai", mode="random", seed=42)
    text = '--prompt "a {red|green|blue|pink|gold} {cat|dog|owl}" --seed 100 --n_iter 6'
    first = _expand(text, options)
    again = _expand(text, options)
    assert _prompts_and_seeds(first) == _prompts_and_seeds(again)
    assert [s.request.seed for s in first.specs] == [100, 101, 102, 103, 104, 105]
    assert len({s.request.prompt for s in first.specs}) > 1
    for spec in first.specs:
        colour, animal = spec.request.prompt.split()[1:]
        assert colour in {"red", "green", "blue", "pink", "gold"} and animal in {"cat", "dog", "owl"}


def test_defaults_fill_what_a_row_leaves_empty_and_rows_override_them() -> None:
    options = ExpansionOptions(
        provider="openai", model="gpt-image-1", width=512, height=768, count=2, quality="high",
        provider_models={"a1111": "sdxl"},
    )
    preview = _expand(
        "plain\n--prompt custom --provider a1111 --size 640x480 --n_iter 1 --quality low "
        "--steps 20 --cfg_scale 5 --style anime --name cover --client ACME",
        options,
    )
    plain = [s.request for s in preview.specs if s.request.prompt == "plain"]
    assert plain == [GenerationRequest("openai", "gpt-image-1", "plain", width=512, height=768,
                                       quality="high")] * 2  # fmt: skip
    [custom] = [s for s in preview.specs if s.request.prompt == "custom"]
    assert custom.request == GenerationRequest(
        "a1111", "sdxl", "custom", width=640, height=480, steps=20, cfg_scale=5.0,
        quality="low", style="anime",
    )
    assert (custom.source, custom.name, custom.tags, custom.style) == (
        "typed:2", "cover", ("client=ACME",), "anime",
    )


def test_a_row_without_provider_and_no_default_is_a_problem() -> None:
    preview = _expand("a cat", ExpansionOptions())
    assert preview.specs == []
    assert [str(p) for p in preview.problems] == [
        "typed:1: no provider: add a provider column or choose a default provider"
    ]


def test_unknown_provider_is_named_with_the_known_ones() -> None:
    preview = _expand("ok\n--prompt x --provider xyz", known_providers={"openai", "a1111"})
    assert [s.request.prompt for s in preview.specs] == ["ok"]
    assert [str(p) for p in preview.problems] == [
        "typed:2: unknown provider 'xyz' (known: a1111, openai)"
    ]


def test_job_cap_cuts_the_batch_and_says_where() -> None:
    preview = _expand("{a|b|c|d|e}\nlater one\nlater two", ExpansionOptions(provider="p", max_jobs=3))
    assert [s.request.prompt for s in preview.specs] == ["a", "b", "c"]
    assert preview.capped
    assert preview.cap_note == (
        "job cap of 3 reached at typed:1 (expansion 4); the rest of that row was left out; "
        "2 more rows not expanded"
    )


def test_cap_reached_exactly_at_a_row_end_names_the_rows_left_out() -> None:
    preview = _expand("{a|b}\nnext", ExpansionOptions(provider="p", max_jobs=2))
    assert len(preview.specs) == 2
    assert preview.cap_note == "job cap of 2 reached after typed:1; 1 more row not expanded"


def test_filling_the_cap_exactly_with_nothing_left_is_not_capped() -> None:
    preview = _expand("{a|b|c}", ExpansionOptions(provider="p", max_jobs=3))
    assert len(preview.specs) == 3 and not preview.capped and preview.cap_note is None


def test_default_cap_is_1000_even_for_huge_combinations() -> None:
    ten = "{a|b|c|d|e|f|g|h|i|j}"
    exactly = _expand(f"{ten} {ten} {ten}", ExpansionOptions(provider="p"))
    assert len(exactly.specs) == 1000 and not exactly.capped
    more = _expand(f"{ten} {ten} {ten} {{x|y}}", ExpansionOptions(provider="p"))
    assert len(more.specs) == 1000 and more.capped


def test_bad_syntax_is_a_problem_for_that_row_only() -> None:
    preview = _expand("fine\n{a|b\n${undefined} x")
    assert [s.request.prompt for s in preview.specs] == ["fine"]
    first, second = preview.problems
    assert str(first).startswith("typed:2: cannot expand the prompt: check the { | } and __wildcard__")
    assert str(second).startswith("typed:3: cannot expand the prompt:") and "undefined" in str(second)


@pytest.fixture
def wildcards(tmp_path: Path) -> Path:
    folder = tmp_path / "wildcards"
    (folder / "animals").mkdir(parents=True)
    (folder / "colors.txt").write_text("# colours\nred\n\nblue\n", encoding="utf-8")
    (folder / "animals" / "pets.txt").write_bytes("貓\n狗\n".encode("cp950"))  # Big5 on disk
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "secret.txt").write_text("nope")
    return folder


def test_wildcards_come_from_txt_files_in_any_encoding(wildcards: Path) -> None:
    library = WildcardLibrary.load(wildcards)
    assert library.values == {"colors": ["red", "blue"], "animals/pets": ["貓", "狗"]}
    assert library.problems == []
    preview = _expand("__colors__ __animals/pets__", ExpansionOptions(provider="p", wildcards_dir=wildcards))
    assert sorted(s.request.prompt for s in preview.specs) == ["blue 狗", "blue 貓", "red 狗", "red 貓"]


def test_unknown_wildcard_names_the_row_and_the_wildcard(wildcards: Path) -> None:
    options = ExpansionOptions(provider="p", wildcards_dir=wildcards)
    preview = _expand("__colors__ ok\n__colours__ __nope__ typo", options)
    assert len(preview.specs) == 2
    [problem] = preview.problems
    assert str(problem) == (
        "typed:2: unknown wildcards __colours__, __nope__ (known: animals/pets, colors)"
    )


def test_wildcard_without_a_folder_says_none_is_set() -> None:
    [problem] = _expand("__colors__ cat", ExpansionOptions(provider="p")).problems
    assert str(problem) == "typed:1: unknown wildcard __colors__ (no wildcards folder is set)"


def test_a_missing_wildcards_folder_is_a_problem(tmp_path: Path) -> None:
    preview = _expand("x", ExpansionOptions(provider="p", wildcards_dir=tmp_path / "none"))
    assert [p.message for p in preview.problems] == ["wildcards folder not found"]
    assert len(preview.specs) == 1


def test_identical_requests_from_different_rows_are_duplicates_with_their_sources() -> None:
    # "{a|ab}{b|}" gives "ab" twice: a+b and ab+nothing.
    preview = _expand("a cat\nsomething else\na cat\n{a|ab}{b|}")
    sources = {d.request.prompt: d.sources for d in preview.duplicates}
    assert sources == {"a cat": ("typed:1", "typed:3"), "ab": ("typed:4",)}
    assert [d.jobs for d in preview.duplicates] == [2, 2]
    assert len(preview.specs) == 7  # reported, not removed


def test_validation_problems_exclude_the_job_and_name_the_row_once() -> None:
    def validate(request: GenerationRequest) -> list[str]:
        if request.size == "100x100":
            return [f"size 100x100 is not offered by {request.model}"]
        return []

    preview = _expand("ok\n--prompt {a|b} --size 100x100 --n_iter 3", validate=validate)
    assert [s.request.prompt for s in preview.specs] == ["ok"]
    assert [str(p) for p in preview.problems] == ["typed:2: size 100x100 is not offered by gpt-image-1"]


def test_validation_turning_down_early_expansions_does_not_lose_later_ones() -> None:
    preview = _expand(
        "{a|b|c|d|e|f|g|h}", ExpansionOptions(provider="p", max_jobs=3),
        validate=lambda r: ["no vowels"] if r.prompt in "ae" else [],
    )  # fmt: skip
    assert [s.request.prompt for s in preview.specs] == ["b", "c", "d"]
    assert preview.capped


def test_cost_is_estimated_per_provider_and_unknown_prices_say_so() -> None:
    prices = {"openai": 0.04}
    preview = _expand(
        "--prompt a --n_iter 3\n--prompt b --provider a1111\n--prompt c --provider mixed --n_iter 2",
        estimate=lambda r: prices.get(r.provider) if r.provider != "mixed" or r.prompt == "x" else None,
    )
    tallies = preview.by_provider
    assert (tallies["openai"].jobs, tallies["openai"].priced_jobs) == (3, 3)
    assert tallies["openai"].estimated_usd == pytest.approx(0.12)
    assert tallies["a1111"].cost_text() == "unknown"
    assert not preview.fully_priced
    assert preview.estimated_usd == pytest.approx(0.12)


def test_reading_problems_travel_into_the_preview(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("prompt,seed\nok,1\nbad,x\n")
    preview = expand_rows(read_prompt_file(path), OPENAI)
    assert [str(p) for p in preview.problems] == ["p.csv:3:2: seed 'x' is not a whole number"]
    assert len(preview.specs) == 1 and preview.rows == 1


def test_big5_csv_with_variants_gives_the_right_rows_and_count(tmp_path: Path) -> None:
    path = tmp_path / "zh.csv"
    text = "prompt,count,seed\r\n一隻{紅色|藍色}的貓，水彩風格,2,10\r\n台北夜景，霓虹燈,1,\r\n"
    path.write_bytes(text.encode("cp950"))
    result = read_prompt_file(path)
    assert result.encoding == "cp950"
    preview = expand_rows(result, OPENAI)
    assert [(s.request.prompt, s.request.seed, s.source) for s in preview.specs] == [
        ("一隻紅色的貓，水彩風格", 10, "zh.csv:2"),
        ("一隻紅色的貓，水彩風格", 11, "zh.csv:2"),
        ("一隻藍色的貓，水彩風格", 10, "zh.csv:2"),
        ("一隻藍色的貓，水彩風格", 11, "zh.csv:2"),
        ("台北夜景，霓虹燈", None, "zh.csv:3"),
    ]
    assert preview.by_provider["openai"].jobs == 5


def test_rows_can_be_given_directly() -> None:
    preview = expand_rows([PromptRow("x", source="ui:1", line=1)], OPENAI)
    assert Counter(s.request.prompt for s in preview.specs) == {"x": 1}


def test_a_wildcards_file_given_for_the_folder_says_to_give_its_folder(tmp_path: Path) -> None:
    colors = tmp_path / "colors.txt"
    colors.write_text("紅\n藍\n", encoding="utf-8")
    preview = _expand("x", ExpansionOptions(provider="p", wildcards_dir=colors))
    assert [p.message for p in preview.problems] == [
        f"a file, not a folder: give the folder that holds the wildcard files ({tmp_path})"
    ]
