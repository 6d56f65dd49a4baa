"""The dry-run summary: a readable table of jobs, providers, cost, duplicates and problems."""

from __future__ import annotations

from desktop.core.prompts import read_prompt_text
from desktop.core.prompts.expansion import ExpansionOptions, expand_rows


def _preview(text: str, **kw):
    options = ExpansionOptions(provider="openai", model="gpt-image-1", **kw.pop("options", {}))
    return expand_rows(read_prompt_text(text), options, **kw)


def test_summary_shows_jobs_providers_costs_duplicates_and_problems() -> None:
    preview = _preview(
        "--prompt 'a red cat' --n_iter 2\n--prompt 'a red cat' --n_iter 2\n"
        "--prompt dog --provider a1111\n--prompt x --seed nope\n",
        estimate=lambda r: 0.04 if r.provider == "openai" else None,
    )
    lines = preview.summary_lines()
    text = "\n".join(lines)
    assert lines[0] == "Jobs: 5 from 3 prompt rows (combinatorial expansion, cap 1000)"
    assert "Provider  Jobs  Estimated USD" in text.replace("    ", "  ").replace("   ", "  ")
    openai_line = next(line for line in lines if line.startswith("openai"))
    assert openai_line.split() == ["openai", "4", "$0.1600"]
    a1111_line = next(line for line in lines if line.startswith("a1111"))
    assert a1111_line.split() == ["a1111", "1", "unknown"]
    total_line = next(line for line in lines if line.startswith("total"))
    assert total_line.split() == ["total", "5", "$0.1600", "+", "unknown", "for", "1"]
    assert "Duplicates: 1 identical request from more than one row or expansion (4 jobs)" in lines
    assert any("typed:1, typed:2: openai gpt-image-1 1024x1024 seed random" in line for line in lines)
    assert "Problems: 1 (rows with problems are left out)" in lines
    assert "  typed:4:19: seed 'nope' is not a whole number" in lines


def test_summary_of_a_clean_batch_says_none() -> None:
    lines = _preview("a cat", estimate=lambda r: 2.5).summary_lines()
    assert "Duplicates: none" in lines and "Problems: none" in lines
    assert next(line for line in lines if line.startswith("openai")).split()[-1] == "$2.50"


def test_summary_says_where_the_cap_cut() -> None:
    lines = _preview("{a|b|c}\nd", options={"max_jobs": 2}).summary_lines()
    assert lines[1] == (
        "  job cap of 2 reached at typed:1 (expansion 3); the rest of that row was left out; "
        "1 more row not expanded"
    )


def test_long_problem_lists_are_shortened() -> None:
    text = "\n".join(f"--prompt p{i} --seed bad" for i in range(60))
    lines = _preview(text).summary_lines(max_listed=5)
    assert "Problems: 60 (rows with problems are left out)" in lines
    assert lines[-1] == "  ... and 55 more"


def test_the_job_list_names_each_job_with_its_source_settings_and_prompt() -> None:
    preview = _preview("--prompt '一隻{紅|藍}色的貓' --seed 5\n--prompt dog --provider a1111 --width 512 --height 512\n")

    lines = preview.job_lines()

    assert lines == [
        "Job list (3):",
        "  typed:1: openai/gpt-image-1 1024x1024 seed 5: 一隻紅色的貓",
        "  typed:1: openai/gpt-image-1 1024x1024 seed 5: 一隻藍色的貓",
        "  typed:2: a1111/- 512x512 seed random: dog",
    ]


def test_a_long_job_list_is_cut_with_a_count_of_the_rest() -> None:
    preview = _preview("\n".join(f"prompt {i}" for i in range(60)))

    lines = preview.job_lines(max_listed=50)

    assert len(lines) == 52 and lines[-1].startswith("  ... and 10 more")


def test_a_prompt_with_line_breaks_stays_on_its_one_job_line(tmp_path) -> None:
    from desktop.core.prompts import read_prompt_file

    path = tmp_path / "multi.csv"
    path.write_bytes('prompt\r\n"多行\r\n提示詞，第二行"\r\n'.encode("cp950"))
    preview = expand_rows(read_prompt_file(path), ExpansionOptions(provider="a1111"))

    lines = preview.job_lines()

    assert lines == ["Job list (1):", "  multi.csv:2: a1111/- 1024x1024 seed random: 多行 提示詞，第二行"]
