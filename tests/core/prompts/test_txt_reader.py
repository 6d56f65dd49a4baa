"""Text prompt lists: one prompt a line, comments, and A1111 "prompts from file" flag lines."""

from __future__ import annotations

from desktop.core.prompts import read_prompt_text
from desktop.core.prompts.txt_reader import split_flags
from tests.core.prompts.conftest import WriteAndRead, messages


def test_each_line_is_a_prompt_and_comments_and_blank_lines_are_skipped(read_file: WriteAndRead) -> None:
    result = read_file("list.txt", "# my prompts\n\na red fox\n   \n  a blue whale  \n# end\n")
    assert [r.prompt for r in result.rows] == ["a red fox", "a blue whale"]
    assert [r.source for r in result.rows] == ["list.txt:3", "list.txt:5"]
    assert [r.line for r in result.rows] == [3, 5]
    assert result.problems == []


def test_crlf_and_old_mac_line_ends_count_lines_the_same(read_file: WriteAndRead) -> None:
    result = read_file("list.txt", "one\r\ntwo\rthree\n")
    assert [(r.prompt, r.line) for r in result.rows] == [("one", 1), ("two", 2), ("three", 3)]


def test_a1111_flag_line_sets_every_field() -> None:
    line = ('--prompt "a cat, watercolor" --negative_prompt "blurry, text" --seed 5 '
            "--width 512 --height 768 --n_iter 2 --steps 30 --cfg_scale 6.5")
    [row] = read_prompt_text(line).rows
    assert row.prompt == "a cat, watercolor"
    assert row.negative_prompt == "blurry, text"
    assert (row.seed, row.width, row.height, row.count, row.steps) == (5, 512, 768, 2, 30)
    assert row.cfg_scale == 6.5


def test_words_after_prompt_are_joined_until_the_next_flag_as_in_a1111() -> None:
    [row] = read_prompt_text("--prompt a quiet lake --seed 1").rows
    assert row.prompt == "a quiet lake"
    assert row.seed == 1


def test_our_own_flags_and_unknown_flags_are_kept() -> None:
    [row] = read_prompt_text(
        '--prompt x --provider OpenAI --model gpt-image-1 --size 1024x1536 --quality high '
        '--name cover --sampler_name "Euler a" --restore_faces true'
    ).rows
    assert (row.provider, row.model, row.width, row.height) == ("openai", "gpt-image-1", 1024, 1536)
    assert (row.quality, row.name) == ("high", "cover")
    assert row.tags == {"sampler_name": "Euler a", "restore_faces": "true"}


def test_image_count_is_n_iter_times_batch_size() -> None:
    [row] = read_prompt_text("--prompt x --n_iter 3 --batch_size 2").rows
    assert row.count == 6
    [row] = read_prompt_text("--prompt x --batch_size 4").rows
    assert row.count == 4


def test_seed_minus_one_means_random_as_in_a1111() -> None:
    [row] = read_prompt_text("--prompt x --seed -1").rows
    assert row.seed is None


def test_a_plain_line_with_dashes_inside_is_a_prompt() -> None:
    [row] = read_prompt_text("a cat -- sitting --seed 3").rows
    assert row.prompt == "a cat -- sitting --seed 3"


def test_unterminated_quote_is_reported_at_the_quote_and_other_lines_survive() -> None:
    result = read_prompt_text('good one\n--prompt "a cat --seed 4\nanother good one')
    assert [r.prompt for r in result.rows] == ["good one", "another good one"]
    assert messages(result) == ["typed:2:10: unterminated quote: add the closing quote"]


def test_bad_flag_values_name_line_and_column_of_the_value() -> None:
    result = read_prompt_text("--prompt x --seed abc\n--prompt y --n_iter -2\n--prompt z --size 12x")
    assert messages(result) == [
        "typed:1:19: seed 'abc' is not a whole number",
        "typed:2:21: count -2 must be at least 1",
        "typed:3:19: size '12x' is not WIDTHxHEIGHT, e.g. 1024x1024",
    ]
    assert result.rows == []


def test_flag_lines_without_a_prompt_or_without_values_are_reported() -> None:
    result = read_prompt_text('--seed 4\n--prompt "" --seed 1\n--prompt x --seed\n--prompt y stray --')
    assert messages(result) == [
        'typed:1:1: a line of flags needs --prompt "..."',
        "typed:2:10: empty prompt",
        "typed:3:12: --seed needs a value",
        "typed:4:18: expected a flag like --prompt, found '--'",
    ]


def test_a_flag_given_twice_is_reported() -> None:
    result = read_prompt_text("--prompt x --seed 1 --seed 2")
    assert messages(result) == ["typed:1:28: seed is given twice"]


def test_split_flags_matches_shlex_and_gives_columns() -> None:
    assert split_flags("""--prompt 'it''s' "a \\"b\\"" x""") == [
        ("--prompt", 1), ("its", 10), ('a "b"', 18), ("x", 28),
    ]
    assert split_flags('--prompt "a b"c  --seed 2') == [
        ("--prompt", 1), ("a bc", 10), ("--seed", 18), ("2", 25),
    ]


def test_typed_text_uses_the_given_source_name() -> None:
    result = read_prompt_text("a\n\nb", source="editor")
    assert [r.source for r in result.rows] == ["editor:1", "editor:3"]
    assert result.file == "editor"


def test_excel_unicode_text_export_in_a_txt_file_is_read_as_a_table(read_file: WriteAndRead) -> None:
    text = "prompt\tcount\n一隻在雨中的貓，水彩風格\t2\n"
    result = read_file("export.txt", "\ufeff" + text, encoding="utf-16-le")
    assert [(r.prompt, r.count) for r in result.rows] == [("一隻在雨中的貓，水彩風格", 2)]
