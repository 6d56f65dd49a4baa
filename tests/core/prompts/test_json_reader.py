"""JSON Lines and JSON prompt files: the same keys as the table columns, each item placed
on its line, and invalid JSON reported with the parser's column."""

from __future__ import annotations

from tests.core.prompts.conftest import WriteAndRead, messages


def test_jsonl_objects_and_plain_strings_are_prompts(read_file: WriteAndRead) -> None:
    text = (
        '{"prompt": "a red fox", "seed": 3, "count": 2, "size": "512x768", "client": "ACME"}\n'
        "\n"
        '"just a prompt"\n'
        '{"Prompt": "一隻貓", "Negative_Prompt": "模糊", "cfg_scale": 7}\n'
    )
    result = read_file("p.jsonl", text)
    assert result.problems == []
    first, second, third = result.rows
    assert (first.prompt, first.seed, first.count, first.width, first.height) == (
        "a red fox", 3, 2, 512, 768,
    )
    assert first.tags == {"client": "ACME"}
    assert (second.prompt, second.line) == ("just a prompt", 3)
    assert (third.prompt, third.negative_prompt, third.cfg_scale) == ("一隻貓", "模糊", 7.0)


def test_invalid_json_line_gives_the_json_error_column_and_keeps_other_lines(
    read_file: WriteAndRead,
) -> None:
    text = '{"prompt": "ok"}\n{"prompt": "x", seed: 1}\n{"prompt": "also ok"}\n'
    result = read_file("p.jsonl", text)
    assert [r.prompt for r in result.rows] == ["ok", "also ok"]
    assert messages(result) == [
        "p.jsonl:2:17: invalid JSON: Expecting property name enclosed in double quotes"
    ]


def test_jsonl_wrong_types_are_named(read_file: WriteAndRead) -> None:
    text = '5\n[1]\n{"prompt": ["a"]}\n{"prompt": "x", "seed": true}\n{"prompt": "y", "count": 2.5}\n{}\n'
    result = read_file("p.jsonl", text)
    assert result.rows == []
    assert messages(result) == [
        "p.jsonl:1: expected an object or a prompt string, found a number",
        "p.jsonl:2: expected an object or a prompt string, found a list",
        "p.jsonl:3: prompt must be text, not a list",
        "p.jsonl:4: seed true is not a whole number",
        "p.jsonl:5: count 2.5 is not a whole number",
        "p.jsonl:6: empty prompt",
    ]


def test_json_list_items_keep_the_line_they_start_on(read_file: WriteAndRead) -> None:
    text = '[\n  {"prompt": "a"},\n\n  "b",\n  {\n    "prompt": "c",\n    "seed": "x"\n  }\n]\n'
    result = read_file("p.json", text)
    assert [(r.prompt, r.line) for r in result.rows] == [("a", 2), ("b", 4)]
    assert messages(result) == ["p.json:5: seed 'x' is not a whole number"]


def test_json_prompts_key_holds_the_list(read_file: WriteAndRead) -> None:
    text = '{"version": 1, "defaults": {"a": [1, 2]},\n "prompts": [\n  "a",\n  {"prompt": "b"}\n]}'
    result = read_file("p.json", text)
    assert [(r.prompt, r.line) for r in result.rows] == [("a", 3), ("b", 4)]


def test_json_single_object_is_one_prompt(read_file: WriteAndRead) -> None:
    [row] = read_file("p.json", '\n\n{"prompt": "solo", "count": 4}').rows
    assert (row.prompt, row.count, row.line) == ("solo", 4, 3)


def test_invalid_json_file_reports_line_and_column(read_file: WriteAndRead) -> None:
    result = read_file("p.json", '[\n  {"prompt": "a"},\n  {"prompt": "b",}\n]')
    assert result.rows == []
    assert messages(result) == [
        "p.json:3:18: invalid JSON: Expecting property name enclosed in double quotes"
    ]


def test_json_of_the_wrong_shape_says_what_is_expected(read_file: WriteAndRead) -> None:
    assert messages(read_file("p.json", "42")) == [
        'p.json:1: expected a list of prompts, {"prompts": [...]} or one object; found int'
    ]
    assert messages(read_file("q.json", '{"prompts": "a"}')) == [
        'q.json:1: "prompts" must be a list of prompts'
    ]


def test_json_lines_saved_as_json_are_read_as_lines(read_file: WriteAndRead) -> None:
    result = read_file("p.json", '{"prompt": "a"}\n{"prompt": "b"}\n')
    assert [(r.prompt, r.line) for r in result.rows] == [("a", 1), ("b", 2)]


def test_deeply_nested_json_is_a_problem_not_a_crash(read_file: WriteAndRead) -> None:
    result = read_file("p.jsonl", "[" * 100_000 + "\n")
    assert result.rows == []
    assert len(result.problems) == 1
    result = read_file("p.json", "[" * 100_000 + "]" * 100_000)
    assert result.rows == []
    assert "nested too deeply" in messages(result)[0]


def test_big5_jsonl_is_decoded(read_file: WriteAndRead) -> None:
    result = read_file("p.jsonl", '{"prompt": "一隻在雨中的貓，水彩風格"}\n', encoding="cp950")
    assert [r.prompt for r in result.rows] == ["一隻在雨中的貓，水彩風格"]
    assert result.encoding == "cp950"


def test_an_object_without_a_prompt_key_names_the_keys_it_has(read_file: WriteAndRead) -> None:
    text = '{"prompt": "ok"}\n{"text": "貓", "seed": 1}\n'
    result = read_file("p.jsonl", text)
    assert [r.prompt for r in result.rows] == ["ok"]
    assert messages(result) == ["p.jsonl:2: no \"prompt\" key in this object (found: 'text', 'seed')"]


def test_a_top_level_object_without_prompts_names_the_keys_it_has(read_file: WriteAndRead) -> None:
    result = read_file("p.json", '{"items": [{"prompt": "x"}]}')
    assert messages(result) == ["p.json:1: no \"prompt\" key in this object (found: 'items')"]
