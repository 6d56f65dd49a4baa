"""CSV and TSV prompt tables: header matching, delimiters, encodings, and bad rows named by
line and cell while the good rows are kept."""

from __future__ import annotations

import codecs

import pytest

from tests.core.prompts.conftest import WriteAndRead, messages


def test_header_is_case_insensitive_and_every_column_is_read(read_file: WriteAndRead) -> None:
    text = (
        "Prompt,Negative Prompt,PROVIDER,model,size,seed,count,style,name,steps,cfg_scale,quality\n"
        "a red fox,blurry,OpenAI,gpt-image-1,1024x1536,7,2,vivid,fox,30,6.5,high\n"
    )
    result = read_file("p.csv", text)
    assert result.problems == []
    [row] = result.rows
    assert (row.prompt, row.negative_prompt, row.provider, row.model) == (
        "a red fox", "blurry", "openai", "gpt-image-1",
    )
    assert (row.width, row.height, row.seed, row.count) == (1024, 1536, 7, 2)
    assert (row.style, row.name, row.steps, row.cfg_scale, row.quality) == (
        "vivid", "fox", 30, 6.5, "high",
    )
    assert (row.source, row.line) == ("p.csv:2", 2)


def test_width_and_height_columns_work_without_size(read_file: WriteAndRead) -> None:
    [row] = read_file("p.csv", "prompt,width,height\nx,640,480\n").rows
    assert (row.width, row.height) == (640, 480)


def test_unknown_columns_are_kept_as_tags(read_file: WriteAndRead) -> None:
    [row] = read_file("p.csv", "prompt,Client,campaign\nx,ACME,spring\n").rows
    assert row.tags == {"Client": "ACME", "campaign": "spring"}


@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_csv_delimiter_is_sniffed_from_the_header(read_file: WriteAndRead, delimiter: str) -> None:
    text = delimiter.join(["prompt", "count"]) + "\n" + delimiter.join(["a, b; c", "3"]) + "\n"
    if delimiter != "\t":
        text = text.replace("a, b; c", '"a, b; c"')
    [row] = read_file("p.csv", text).rows
    assert (row.prompt, row.count) == ("a, b; c", 3)


def test_tsv_uses_tabs(read_file: WriteAndRead) -> None:
    [row] = read_file("p.tsv", "prompt\tseed\na, b\t9\n").rows
    assert (row.prompt, row.seed) == ("a, b", 9)


def test_quoted_cells_keep_commas_quotes_and_newlines(read_file: WriteAndRead) -> None:
    text = 'prompt,count\n"a ""tall"" tree, at dusk\nsecond line",2\nnext,1\n'
    result = read_file("p.csv", text)
    assert [(r.prompt, r.line) for r in result.rows] == [
        ('a "tall" tree, at dusk\nsecond line', 2), ("next", 4),
    ]


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("cp950", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-8", b""),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
    ],
)
def test_traditional_chinese_csv_in_any_excel_encoding(
    read_file: WriteAndRead, encoding: str, prefix: bytes
) -> None:
    text = "prompt,negative_prompt,count\r\n一隻在雨中的貓，水彩風格,模糊,2\r\n台北101的夜景，霓虹燈,,1\r\n"
    result = read_file("zh.csv", prefix + text.encode(encoding))
    assert result.problems == []
    assert [(r.prompt, r.negative_prompt, r.count) for r in result.rows] == [
        ("一隻在雨中的貓，水彩風格", "模糊", 2), ("台北101的夜景，霓虹燈", "", 1),
    ]
    if encoding == "cp950":
        assert result.encoding == "cp950"


def test_simplified_chinese_csv_in_gb18030(read_file: WriteAndRead) -> None:
    result = read_file("zh.csv", "prompt,count\n一只在雨中的猫，水彩风格,3\n", encoding="gb18030")
    assert result.encoding == "gb18030"
    assert [(r.prompt, r.count) for r in result.rows] == [("一只在雨中的猫，水彩风格", 3)]


def test_chinese_headers_are_understood(read_file: WriteAndRead) -> None:
    [row] = read_file("zh.csv", "提示詞,數量,尺寸\n貓,2,512x512\n", encoding="cp950").rows
    assert (row.prompt, row.count, row.width) == ("貓", 2, 512)


def test_bad_cells_are_named_and_good_rows_are_kept(read_file: WriteAndRead) -> None:
    text = (
        "prompt,seed,count,size,cfg_scale\n"
        "ok one,1,1,512x512,7\n"
        "bad seed,abc,1,,\n"
        "bad count,,-2,,\n"
        "bad size,,,12x,\n"
        ",5,,,\n"
        "bad cfg,,,,high\n"
        "ok two,,,,\n"
    )
    result = read_file("p.csv", text)
    assert [r.prompt for r in result.rows] == ["ok one", "ok two"]
    assert messages(result) == [
        "p.csv:3:2: seed 'abc' is not a whole number",
        "p.csv:4:3: count -2 must be at least 1",
        "p.csv:5:4: size '12x' is not WIDTHxHEIGHT, e.g. 1024x1024",
        "p.csv:6:1: empty prompt",
        "p.csv:7:5: cfg_scale 'high' is not a number",
    ]


def test_blank_spreadsheet_rows_are_skipped_silently(read_file: WriteAndRead) -> None:
    result = read_file("p.csv", "prompt,count\nx,1\n,\n;;\n\n,,,\ny,2\n")
    assert [r.prompt for r in result.rows] == ["x", ";;", "y"]
    assert result.problems == []


def test_missing_prompt_column_names_the_columns_found(read_file: WriteAndRead) -> None:
    result = read_file("p.csv", "text,count\na cat,2\n")
    assert result.rows == []
    [problem] = result.problems
    assert (problem.file, problem.line) == ("p.csv", 1)
    assert "no prompt column" in problem.message
    assert "'text', 'count'" in problem.message


def test_a_row_with_more_cells_than_the_header_says_to_quote(read_file: WriteAndRead) -> None:
    result = read_file("p.csv", "prompt,count\na cat, watercolor,2\nfine,1\n")
    assert [r.prompt for r in result.rows] == ["fine"]
    [problem] = messages(result)
    assert problem.startswith("p.csv:2:3: this row has 3 cells but the header names 2 columns")
    assert "double quotes" in problem


def test_trailing_empty_cells_beyond_the_header_are_fine(read_file: WriteAndRead) -> None:
    result = read_file("p.csv", "prompt,count\nx,1,,\n")
    assert [r.prompt for r in result.rows] == ["x"]
    assert result.problems == []


def test_unterminated_quote_costs_only_its_own_line(read_file: WriteAndRead) -> None:
    text = 'prompt,count\nfirst,1\n"broken,2\nthird,3\nfourth,4\n'
    result = read_file("p.csv", text)
    assert [r.prompt for r in result.rows] == ["first", "third", "fourth"]
    [problem] = result.problems
    assert (problem.line, problem.column) == (3, None)
    assert "unterminated quote" in problem.message


def test_text_after_a_closing_quote_is_bad_quoting(read_file: WriteAndRead) -> None:
    result = read_file("p.csv", 'prompt,count\n"a" cat,2\nok,1\n')
    assert [r.prompt for r in result.rows] == ["ok"]
    [problem] = messages(result)
    assert problem.startswith("p.csv:2: bad quoting")


def test_a_repeated_column_is_reported_and_ignored(read_file: WriteAndRead) -> None:
    result = read_file("p.csv", "prompt,seed,Seed\nx,1,2\n")
    [row] = result.rows
    assert row.seed == 1
    assert messages(result) == ["p.csv:1:3: column 'Seed' repeats seed (cell 2); its cells are ignored"]


def test_undecodable_bytes_in_a_cell_are_named_and_the_row_skipped(read_file: WriteAndRead) -> None:
    data = "prompt,count\n一隻在雨中的貓，水彩風格,2\n".encode() + b"bad \xff cell,1\nfine,1\n"
    result = read_file("p.csv", data)
    assert [r.prompt for r in result.rows] == ["一隻在雨中的貓，水彩風格", "fine"]
    [problem] = messages(result)
    assert problem.startswith("p.csv:3:1: prompt has bytes that are not valid text: 0xFF")
    assert "utf-8" in problem


def test_header_only_file_says_there_are_no_prompts(read_file: WriteAndRead) -> None:
    result = read_file("p.csv", "prompt,count\n")
    assert messages(result) == ["p.csv: no prompts in the file (only blank or # comment lines)"]


def test_a_size_typed_with_a_chinese_input_method_full_width_x_or_star_is_read(read_file: WriteAndRead) -> None:
    text = "提示詞,尺寸\n貓,1024ｘ1024\n狗,768Ｘ512\n鳥,512＊768\n魚,１０２４x１０２４\n"
    result = read_file("zh.csv", text)
    assert result.problems == []
    assert [(r.width, r.height) for r in result.rows] == [(1024, 1024), (768, 512), (512, 768), (1024, 1024)]


@pytest.mark.parametrize("hint,delimiter", [("sep=,", ","), ("sep=;", ";"), ("SEP=\t", "\t")])
def test_an_excel_sep_hint_line_sets_the_delimiter_and_is_not_the_header(
        read_file: WriteAndRead, hint: str, delimiter: str) -> None:
    text = f"{hint}\r\nprompt{delimiter}seed\r\n貓, 可愛{delimiter}1\r\n"
    text = text.replace("貓, 可愛", '"貓, 可愛"') if delimiter == "," else text
    result = read_file("p.csv", text)
    assert result.problems == []
    assert [(r.prompt, r.seed, r.line) for r in result.rows] == [("貓, 可愛", 1, 3)]
