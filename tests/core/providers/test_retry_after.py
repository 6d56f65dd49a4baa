"""Reading the waits providers ask for: Retry-After in both forms, retry-after-ms, OpenAI's
x-ratelimit-reset durations and Google's RetryInfo."""

from __future__ import annotations

from email.utils import formatdate

import pytest

from desktop.core.providers.retry_after import google_retry_delay, parse_duration, parse_retry_after

NOW = 1_800_000_000.0


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("12ms", 0.012), ("1s", 1.0), ("19s", 19.0), ("6m0s", 360.0), ("1h2m3.5s", 3723.5), ("0.5s", 0.5),
     ("2.5", 2.5), (" 7 ", 7.0), ("-3", 0.0), ("1M", 60.0)],
)
def test_parse_duration_reads_go_style_durations_and_plain_seconds(text, seconds):
    assert parse_duration(text) == pytest.approx(seconds)


@pytest.mark.parametrize("text", ["", "soon", "5 minutes", "1s2x", "ms", "1d"])
def test_parse_duration_refuses_what_it_cannot_read(text):
    assert parse_duration(text) is None


def test_retry_after_in_seconds():
    assert parse_retry_after({"Retry-After": "30"}, now=NOW) == 30.0


def test_retry_after_as_an_http_date_counts_from_now():
    date = formatdate(NOW + 90, usegmt=True)
    assert parse_retry_after({"retry-after": date}, now=NOW) == pytest.approx(90.0)


def test_a_retry_after_date_in_the_past_means_no_wait():
    assert parse_retry_after({"Retry-After": formatdate(NOW - 500, usegmt=True)}, now=NOW) == 0.0


def test_retry_after_ms_is_read_in_milliseconds():
    assert parse_retry_after({"retry-after-ms": "1500"}, now=NOW) == 1.5


def test_the_longest_of_retry_after_and_retry_after_ms_wins():
    assert parse_retry_after({"retry-after-ms": "1500", "Retry-After": "2"}, now=NOW) == 2.0
    assert parse_retry_after({"retry-after-ms": "4500", "Retry-After": "2"}, now=NOW) == 4.5


def test_ratelimit_resets_are_a_fallback_only_when_no_retry_after_is_given():
    headers = {"x-ratelimit-reset-requests": "1s", "x-ratelimit-reset-tokens": "6m0s"}
    assert parse_retry_after(headers, now=NOW) == 360.0
    assert parse_retry_after({**headers, "Retry-After": "3"}, now=NOW) == 3.0
    assert parse_retry_after({"X-RateLimit-Reset": "20"}, now=NOW) == 20.0


def test_unreadable_or_missing_headers_give_none():
    assert parse_retry_after({}, now=NOW) is None
    assert parse_retry_after({"Retry-After": "whenever", "retry-after-ms": "x"}, now=NOW) is None
    assert parse_retry_after({"x-ratelimit-reset-requests": "later"}, now=NOW) is None


def test_google_retry_delay_reads_retry_info_among_other_details():
    body = {"error": {"code": 429, "status": "RESOURCE_EXHAUSTED", "details": [
        {"@type": "type.googleapis.com/google.rpc.QuotaFailure", "violations": []},
        {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "19s"},
    ]}}
    assert google_retry_delay(body) == 19.0
    body["error"]["details"][1]["retryDelay"] = "0.250s"
    assert google_retry_delay(body) == 0.25


@pytest.mark.parametrize(
    "body",
    [None, "text", {}, {"error": "x"}, {"error": {"details": None}},
     {"error": {"details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "X"}]}}],
)
def test_google_retry_delay_is_none_without_retry_info(body):
    assert google_retry_delay(body) is None
