"""The bandwidth limit averages to its rate after a one-second burst."""

from __future__ import annotations

from desktop.core.sync.throttle import Bandwidth


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def test_sending_ten_seconds_worth_takes_nine_seconds_after_the_burst() -> None:
    clock = FakeClock()
    limit = Bandwidth(1000, clock=clock, sleep=clock.sleep)
    for _ in range(100):
        limit.consume(100)
    assert abs(clock.now - 9.0) < 1e-6


def test_zero_means_unlimited() -> None:
    clock = FakeClock()
    limit = Bandwidth(0, clock=clock, sleep=clock.sleep)
    assert limit.consume(10**9) == 0.0 and clock.now == 0.0


def test_idle_time_refills_only_up_to_one_second_of_burst() -> None:
    clock = FakeClock()
    limit = Bandwidth(1000, clock=clock, sleep=clock.sleep)
    limit.consume(1000)
    clock.now += 3600  # an hour idle
    assert limit.consume(1000) == 0.0
    assert limit.consume(500) == 0.5
