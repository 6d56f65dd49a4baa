"""The character frequency lists behind the Big5/GB18030 choice: right scripts, sensible order,
and exactly what the generator makes from Unihan (checked where Unihan files are installed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.prompts import han_frequency
from desktop.core.prompts.cjk_score import SIMPLIFIED, TRADITIONAL, character_rank, chinese_cost
from tests.core.prompts.build_han_frequency import DEFAULT_FOLDER, TARGET, build_orders, module_text


def test_lists_hold_thousands_of_distinct_characters_with_the_most_common_first() -> None:
    for chars in (han_frequency.SIMPLIFIED_BY_FREQUENCY, han_frequency.TRADITIONAL_BY_FREQUENCY):
        assert len(chars) > 3500 and len(set(chars)) == len(chars)
        assert chars[:2] == "的一"


def test_each_list_holds_only_its_own_script() -> None:
    simplified, traditional = han_frequency.SIMPLIFIED_BY_FREQUENCY, han_frequency.TRADITIONAL_BY_FREQUENCY
    assert "灯" in simplified and "灯" not in traditional
    assert "燈" in traditional and "燈" not in simplified
    simplified.encode("gb2312")
    traditional.encode("cp950")


def test_ranks_put_everyday_characters_before_rare_ones_and_foreign_script_after() -> None:
    assert character_rank("貓", TRADITIONAL) < character_rank("箇", TRADITIONAL)
    assert character_rank("猫", SIMPLIFIED) < character_rank("貓", SIMPLIFIED)  # 貓 in a GBK file
    assert character_rank("ア", SIMPLIFIED) > character_rank("鼹", SIMPLIFIED)  # kana: not Chinese


def test_the_right_reading_of_short_text_costs_less_than_the_misreading() -> None:
    for text, encoding, script, other, other_script in [
        ("霓虹灯", "gb18030", SIMPLIFIED, "cp950", TRADITIONAL),
        ("一隻貓", "cp950", TRADITIONAL, "gb18030", SIMPLIFIED),
    ]:
        misread = text.encode(encoding).decode(other)
        assert misread != text
        assert chinese_cost(text, script) + 0.5 < chinese_cost(misread, other_script)
    assert chinese_cost("plain ascii", SIMPLIFIED) == 0.0


@pytest.mark.skipif(
    not (DEFAULT_FOLDER / "Unihan_Readings.txt.bz2").exists()
    and not (DEFAULT_FOLDER / "Unihan_Readings.txt").exists(),
    reason="Unihan files not installed (Debian package unicode-data)",
)
def test_committed_lists_are_what_the_generator_makes_from_unihan() -> None:
    assert module_text(*build_orders(DEFAULT_FOLDER)) == Path(TARGET).read_text(encoding="utf-8")
