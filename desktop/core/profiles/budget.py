"""A profile's monthly budget alert: after each finished batch, the current calendar month's
spend on batches made by the current profile is compared with its budget; the first time it
is over in a month, the audit log records it and `ProfileBudgetDidExceed` is published."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import text

from desktop.core.audit import actions as act
from desktop.core.events import BatchDidFinish, EventBus
from desktop.core.profiles.events import ProfileBudgetDidExceed
from desktop.core.profiles.service import ProfileService

ALERTED_KEY = "profiles.budget_alerted.{id}"  # app_state: the month (YYYY-MM) already alerted


def month_start(now: float) -> float:
    moment = datetime.fromtimestamp(now)
    return datetime(moment.year, moment.month, 1).timestamp()


class BudgetWatch:
    def __init__(self, profiles: ProfileService, events: EventBus,
                 clock: Callable[[], float] = time.time) -> None:
        self.profiles, self.events, self.clock = profiles, events, clock
        self.db = profiles.store.db

    def attach(self) -> Callable[[], None]:
        return self.events.subscribe(BatchDidFinish, lambda _e: self.check())

    def month_spend(self, profile_id: int, now: float | None = None) -> float:
        """Money spent (actual, else estimated) this calendar month on the profile's batches."""
        start = month_start(self.clock() if now is None else now)
        value = self.db.scalar(
            "SELECT COALESCE(SUM(u.amount_usd), 0) FROM usage_ledger u JOIN batches b ON b.id = u.batch_id"
            " WHERE b.profile_id = :p AND u.kind != 'saved' AND u.created_at >= :start", p=profile_id, start=start)
        return float(value or 0.0)

    def check(self) -> ProfileBudgetDidExceed | None:
        profile = self.profiles.active
        budget = profile.prefs.monthly_budget_usd if profile else None
        if profile is None or not budget:
            return None
        now = self.clock()
        spent = self.month_spend(profile.id, now)
        month = datetime.fromtimestamp(now).strftime("%Y-%m")
        key = ALERTED_KEY.format(id=profile.id)
        if spent <= budget or self.db.scalar("SELECT value FROM app_state WHERE key = :k", k=key) == month:
            return None
        with self.db.engine_or_raise().begin() as conn:
            conn.execute(text("INSERT INTO app_state (key, value) VALUES (:k, :v)"
                              " ON CONFLICT(key) DO UPDATE SET value = excluded.value"), {"k": key, "v": month})
        self.profiles.audit.record(act.BUDGET_EXCEEDED, profile.name,
                                   {"monthly_budget_usd": budget, "spent_usd": round(spent, 6), "month": month})
        event = ProfileBudgetDidExceed(profile.id, profile.name, budget, spent, month)
        self.events.publish(event)
        return event
