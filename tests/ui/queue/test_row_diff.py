"""The row plan turns one id order into another in steps a model can announce."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.ui.queue.row_diff import plan_rows


def apply(old: list[int], new: list[int]) -> list[int]:
    plan = plan_rows(old, new)
    rows = list(old)
    previous_first = None
    for first, last in plan.removals:
        assert previous_first is None or last < previous_first, "removals go bottom up"
        assert 0 <= first <= last < len(rows)
        del rows[first:last + 1]
        previous_first = first
    if plan.reordered is not None:
        assert sorted(plan.reordered) == sorted(rows), "a reorder keeps the same ids"
        rows = list(plan.reordered)
    for first, last in plan.insertions:
        assert first <= len(rows)
        rows[first:first] = new[first:last + 1]
    return rows


def test_identical_lists_need_no_steps():
    assert plan_rows([1, 2, 3], [1, 2, 3]).empty


def test_a_finished_job_moving_down_is_a_reorder_not_a_reset():
    plan = plan_rows([1, 2, 3, 4], [2, 3, 4, 1])
    assert plan.removals == [] and plan.insertions == [] and plan.reordered == [2, 3, 4, 1]


def test_new_jobs_are_inserted_as_runs():
    plan = plan_rows([1, 2], [1, 5, 6, 2, 7])
    assert plan.insertions == [(1, 2), (4, 4)] and plan.reordered is None


def test_removed_jobs_are_removed_from_the_bottom_up():
    plan = plan_rows([1, 2, 3, 4, 5], [1, 4])
    assert plan.removals == [(4, 4), (1, 2)]


@given(st.lists(st.integers(0, 40), unique=True), st.lists(st.integers(0, 40), unique=True))
def test_any_change_is_reproduced_exactly(old, new):
    assert apply(old, new) == new
