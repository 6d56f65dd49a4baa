"""Three-way merge of the fields users edit on several machines."""

from __future__ import annotations

from desktop.core.sync.merge import Outcome, three_way


def _view(rating: int = 0, favorite: bool = False, tags: list[str] | None = None) -> dict:
    return {"rating": rating, "favorite": favorite, "tags": tags or []}


def _outcomes(local: dict, remote: dict, base: dict | None) -> dict[str, Outcome]:
    return {m.field: m.outcome for m in three_way(local, remote, base)}


def test_a_field_only_one_side_changed_takes_that_side() -> None:
    base = _view(1, False, ["a"])
    got = _outcomes(_view(3, False, ["a"]), _view(1, True, ["a", "b"]), base)
    assert got == {"rating": Outcome.KEEP_LOCAL, "favorite": Outcome.TAKE_REMOTE, "tags": Outcome.TAKE_REMOTE}


def test_a_field_both_changed_differently_is_a_conflict_and_equal_changes_are_not() -> None:
    base = _view(1)
    got = _outcomes(_view(2, True), _view(5, True), base)
    assert got["rating"] is Outcome.CONFLICT and got["favorite"] is Outcome.SAME


def test_without_a_base_untouched_defaults_yield_to_the_other_side() -> None:
    got = _outcomes(_view(0, False, []), _view(4, False, ["x"]), None)
    assert got["rating"] is Outcome.TAKE_REMOTE and got["tags"] is Outcome.TAKE_REMOTE
    both = _outcomes(_view(2), _view(4), None)
    assert both["rating"] is Outcome.CONFLICT
