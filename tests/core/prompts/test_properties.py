"""Properties: no input makes a reader or the expansion raise; bad input becomes problems,
and whatever rows come back are clean."""

from __future__ import annotations

import codecs
import json
import shlex
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from desktop.core.prompts import PromptRow, ReadResult, read_prompt_file, read_prompt_text
from desktop.core.prompts.decoding import first_mark
from desktop.core.prompts.expansion import ExpansionOptions, expand_rows
from desktop.core.prompts.garbled_utf8 import looks_garbled
from desktop.core.prompts.txt_reader import split_flags

SUFFIXES = [".txt", ".csv", ".tsv", ".jsonl", ".json", ".xlsx"]
FAST = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
# Characters that matter to the parsers, plus CJK, so random text hits the interesting paths.
ALPHABET = st.sampled_from(
    list("abcxyz019 ,;\t\n\r\"'#{}|$_-=:[]\\.") + list("一隻貓雨，。水彩風格猫") + ["\x00", "\ufeff", "é"]
)
CELL = st.one_of(
    st.sampled_from(["prompt", "Prompt", "seed", "count", "size", "negative_prompt", "cfg_scale",
                     "steps", "width", "provider", "", "5", "-1", "12x", "512x512", "abc", "2.5",
                     "一隻在雨中的貓", '"quoted, cell"', '"open', "{red|blue}", "__w__"]),
    st.text(ALPHABET, max_size=12),
)  # fmt: skip


def _check(result: ReadResult) -> None:
    assert isinstance(result, ReadResult)
    for problem in result.problems:
        assert str(problem).startswith(problem.file)
    for row in result.rows:
        assert isinstance(row, PromptRow)
        assert row.prompt.strip()
        assert first_mark(row.prompt) is None and first_mark(row.negative_prompt) is None
        assert row.count is None or row.count >= 1
        assert row.seed is None or row.seed >= 0


def _write(folder: Path, suffix: str, data: bytes) -> Path:
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    return path


@FAST
@given(data=st.binary(max_size=600), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_never_raise(tmp_path: Path, data: bytes, suffix: str) -> None:
    _check(read_prompt_file(_write(tmp_path, suffix, data)))


@FAST
@given(
    text=st.text(ALPHABET, max_size=300),
    suffix=st.sampled_from(SUFFIXES[:5]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp950", "gb18030"]),
)
def test_random_text_in_any_encoding_never_raises(
    tmp_path: Path, text: str, suffix: str, encoding: str
) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    _check(read_prompt_file(_write(tmp_path, suffix, data)))


@FAST
@given(
    rows=st.lists(st.lists(CELL, min_size=1, max_size=6), min_size=1, max_size=8),
    delimiter=st.sampled_from([",", ";", "\t"]),
    suffix=st.sampled_from([".csv", ".tsv", ".txt"]),
)
def test_random_csv_like_tables_never_raise(
    tmp_path: Path, rows: list[list[str]], delimiter: str, suffix: str
) -> None:
    text = "\n".join(delimiter.join(row) for row in rows)
    _check(read_prompt_file(_write(tmp_path, suffix, text.encode("utf-8"))))


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(ALPHABET, max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(CELL, inner, max_size=4),
    max_leaves=12,
)


@FAST
@given(
    values=st.lists(JSON_VALUES, min_size=1, max_size=6),
    cut=st.integers(min_value=0, max_value=40),
    suffix=st.sampled_from([".jsonl", ".json"]),
)
def test_random_json_lines_and_truncated_json_never_raise(
    tmp_path: Path, values: list[object], cut: int, suffix: str
) -> None:
    lines = [json.dumps(v, ensure_ascii=False) for v in values]
    if cut:
        lines[-1] = lines[-1][:-cut] or "{"
    text = "\n".join(lines) if suffix == ".jsonl" else "[" + ",\n".join(lines) + "]"
    _check(read_prompt_file(_write(tmp_path, suffix, text.encode("utf-8"))))


@FAST
@given(text=st.text(ALPHABET, max_size=400))
def test_typed_text_never_raises(text: str) -> None:
    _check(read_prompt_text(text))


@FAST
@given(
    prompts=st.lists(st.text(ALPHABET, min_size=1, max_size=30), min_size=1, max_size=5),
    mode=st.sampled_from(["combinatorial", "random"]),
    count=st.integers(min_value=1, max_value=4),
)
def test_expansion_never_raises_and_respects_the_cap(
    prompts: list[str], mode: str, count: int
) -> None:
    rows = [PromptRow(p, count=count, source=f"t:{i}", line=i) for i, p in enumerate(prompts, 1)]
    preview = expand_rows(rows, ExpansionOptions(mode=mode, provider="p", max_jobs=20, seed=1))
    assert len(preview.specs) <= 20
    assert all(spec.request.prompt.strip() for spec in preview.specs)
    preview.summary_lines()


@FAST
@given(line=st.text(st.sampled_from(list("ab -'\" \t")), max_size=40))
def test_fast_flag_splitting_agrees_with_shlex(line: str) -> None:
    try:
        expected = shlex.split(line, comments=False, posix=True)
    except ValueError:
        return
    assert [word for word, _ in split_flags(line)] == expected


@FAST
@given(text=st.text(st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=40))
def test_any_prompt_round_trips_through_utf8_and_utf16_csv(tmp_path: Path, text: str) -> None:
    prompt = text.strip()
    assume(prompt and prompt[0] not in "#\"" and not any(c in prompt for c in ",;\t\"\x85"))
    for encoding, bom in (("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE)):
        text = f"prompt\n{prompt}\n"
        if not bom and looks_garbled(text):
            # Narrowed on purpose: text that no language writes (a stray combining mark, a
            # Cyrillic letter with a Hebrew point: "һֻ"), made only of two-byte UTF-8
            # characters, is byte for byte a short GBK/Big5 text ("一只"), and the decoder
            # may read it as Chinese when that reading is plausible. Without a BOM nothing
            # can tell the writer's intent; real text in any script is never garbled
            # (test_garbled_utf8.py), so real prompts still round-trip.
            continue
        data = bom + text.encode(encoding)
        result = read_prompt_file(_write(tmp_path, ".csv", data))
        assert [r.prompt for r in result.rows] == [prompt], encoding


TRADITIONAL_WORDS = ["一隻", "在雨中", "的貓", "水彩風格", "台北", "夜景", "霓虹燈", "電影感", "山水",
                     "畫", "少女", "穿著", "紅色", "旗袍", "清晨", "陽光", "森林", "小鹿"]  # fmt: skip
SIMPLIFIED_WORDS = ["一只", "在雨中", "的猫", "水彩风格", "上海", "夜景", "霓虹灯", "电影感", "山水",
                    "画", "少女", "穿着", "红色", "旗袍", "清晨", "阳光", "森林", "小鹿"]  # fmt: skip


@pytest.mark.parametrize(("encoding", "words"), [("cp950", TRADITIONAL_WORDS), ("gb18030", SIMPLIFIED_WORDS)])
@FAST
@given(picks=st.lists(st.integers(min_value=0, max_value=17), min_size=2, max_size=8))
def test_chinese_prompts_of_two_words_or_more_are_detected(
    tmp_path: Path, encoding: str, words: list[str], picks: list[int]
) -> None:
    # Not narrowed: every combination of two, three and four of these words was checked
    # exhaustively when this was written. Single short words can be truly ambiguous (see
    # test_chinese_detection.py for what is measured on fragments of two characters).
    prompt = "".join(words[i] for i in picks)
    result = read_prompt_file(_write(tmp_path, ".csv", f"prompt\n{prompt}\n".encode(encoding)))
    assert [r.prompt for r in result.rows] == [prompt]
