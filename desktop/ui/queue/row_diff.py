"""Turning one ordered list of ids into another as the few steps an item model announces:
remove runs, reorder what stays, insert runs. Views keep their selection and scroll place
because rows move instead of the model being reset. Pure Python, no Qt."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RowPlan:
    removals: list[tuple[int, int]]  # (first, last) rows of the OLD list, from the bottom up
    reordered: list[int] | None  # the kept ids in their new order, if that order changed
    insertions: list[tuple[int, int]]  # (first, last) rows of the NEW list, from the top down

    @property
    def empty(self) -> bool:
        return not self.removals and self.reordered is None and not self.insertions


def _runs(indexes: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for index in indexes:
        if runs and runs[-1][1] == index - 1:
            runs[-1] = (runs[-1][0], index)
        else:
            runs.append((index, index))
    return runs


def plan_rows(old: list[int], new: list[int]) -> RowPlan:
    """Steps that turn `old` into `new`. Apply removals (bottom up), then the reorder of the
    kept ids, then insertions (top down); after each step the model's list must match."""
    if old == new:
        return RowPlan([], None, [])
    new_set = set(new)
    old_set = set(old)
    removed = [i for i, job_id in enumerate(old) if job_id not in new_set]
    kept_old_order = [job_id for job_id in old if job_id in new_set]
    kept_new_order = [job_id for job_id in new if job_id in old_set]
    reordered = kept_new_order if kept_new_order != kept_old_order else None
    inserted = [i for i, job_id in enumerate(new) if job_id not in old_set]
    return RowPlan(list(reversed(_runs(removed))), reordered, _runs(inserted))
