"""The monthly budget alert: once a month, when the current profile's batches this month
cost more than its budget, recorded in the audit log and published."""

from __future__ import annotations

from sqlalchemy import text

from desktop.core.events import BatchDidFinish
from desktop.core.profiles.budget import BudgetWatch
from desktop.core.profiles.events import ProfileBudgetDidExceed
from desktop.core.profiles.records import ProfilePrefs
from tests.core.profiles.conftest import World


def _spend(world: World, profile_id: int | None, amount: float, kind: str = "actual") -> None:
    now = world.clock.now
    with world.db.engine_or_raise().begin() as conn:
        batch = conn.execute(text("INSERT INTO batches (name, source, created_at, paused, priority, fallback_json,"
                                  " profile_id, notified) VALUES ('b', '', :now, 0, 0, '[]', :p, 0)"),
                             {"now": now, "p": profile_id}).lastrowid
        conn.execute(text("INSERT INTO usage_ledger (created_at, batch_id, provider, model, amount_usd, kind, note)"
                          " VALUES (:now, :b, 'openai', 'm', :a, :k, '')"),
                     {"now": now, "b": batch, "a": amount, "k": kind})


def test_an_over_budget_month_alerts_once_for_the_profile_whose_batches_spent_it(world: World) -> None:
    profiles = world.profiles
    profiles.start()
    mei = profiles.create("Mei", ProfilePrefs(monthly_budget_usd=10.0))
    profiles.switch("Mei")
    watch = BudgetWatch(profiles, world.events, world.clock)
    watch.attach()
    _spend(world, mei.id, 6.0)
    _spend(world, None, 50.0)  # someone else's batch
    _spend(world, mei.id, 9.0, kind="saved")  # money the cache saved is not spent
    world.events.publish(BatchDidFinish(1, 1, 0, 0))
    assert watch.month_spend(mei.id) == 6.0
    assert not [e for e in world.seen if isinstance(e, ProfileBudgetDidExceed)]
    _spend(world, mei.id, 5.0)
    world.events.publish(BatchDidFinish(2, 1, 0, 0))
    world.events.publish(BatchDidFinish(3, 1, 0, 0))  # same month: no second alert
    alerts = [e for e in world.seen if isinstance(e, ProfileBudgetDidExceed)]
    assert [(a.name, a.budget_usd, a.spent_usd) for a in alerts] == [("Mei", 10.0, 11.0)]
    assert world.actions()[-1] == ("Mei", "budget_exceeded", "Mei")
    world.clock.now += 40 * 86400  # a new month starts from zero
    _spend(world, mei.id, 12.0)
    world.events.publish(BatchDidFinish(4, 1, 0, 0))
    assert len([e for e in world.seen if isinstance(e, ProfileBudgetDidExceed)]) == 2
