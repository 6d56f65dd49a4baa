"""Destination URLs pick the backend; options round-trip through the store as JSON."""

from __future__ import annotations

import pytest

from desktop.core.sync.destination import (
    BackendKind,
    DeletePolicy,
    DestinationOptions,
    DestinationUrl,
    default_name,
)
from desktop.core.sync.errors import DestinationUrlError


@pytest.mark.parametrize(("url", "kind", "bucket", "prefix", "account"), [
    ("s3://team-bucket/renders/2026", BackendKind.S3, "team-bucket", "renders/2026", None),
    ("gs://studio/", BackendKind.GCS, "studio", "", None),
    ("az://images/a//b/", BackendKind.AZURE, "images", "a/b", None),
    ("https://myacct.blob.core.windows.net/images/team", BackendKind.AZURE, "images", "team", "myacct"),
])
def test_the_url_chooses_the_backend_bucket_and_prefix(url: str, kind: BackendKind, bucket: str,
                                                        prefix: str, account: str | None) -> None:
    parsed = DestinationUrl.parse(url)
    assert (parsed.kind, parsed.bucket, parsed.prefix, parsed.account) == (kind, bucket, prefix, account)


def test_keys_are_joined_under_the_prefix_and_read_back() -> None:
    url = DestinationUrl.parse("s3://b1b/team/x")
    assert url.key("images/a.png") == "team/x/images/a.png"
    assert url.rel("team/x/images/a.png") == "images/a.png"
    assert DestinationUrl.parse("s3://b1b").key("/images/a.png") == "images/a.png"


@pytest.mark.parametrize(("url", "needle"), [
    ("s3://AKIA:secret@bucket/p", "credentials do not belong in the URL"),
    ("ftp://bucket/p", "use s3://"),
    ("https://example.com/container/p", "use s3://"),
    ("s3:///p", "bucket (or container) name is missing"),
    ("s3://b/p?x=1", "no query"),
    ("gs://a/p", "not a valid bucket name"),
])
def test_unusable_urls_are_refused_with_a_reason(url: str, needle: str) -> None:
    with pytest.raises(DestinationUrlError) as info:
        DestinationUrl.parse(url)
    assert needle in str(info.value)


def test_options_round_trip_through_json_and_ignore_unknown_keys() -> None:
    opts = DestinationOptions(endpoint_url="http://127.0.0.1:9000", delete_policy=DeletePolicy.MIRROR,
                              bandwidth_limit=2_000_000, concurrency=3)
    back = DestinationOptions.from_json(opts.to_json().replace("{", '{"from_the_future": 1, ', 1))
    assert back == opts and back.delete_policy is DeletePolicy.MIRROR


@pytest.mark.parametrize("bad", [{"concurrency": 0}, {"bandwidth_limit": -1}, {"part_size": 1000},
                                 {"delete_policy": "sometimes"}])
def test_nonsense_options_are_refused(bad: dict) -> None:
    with pytest.raises(ValueError):
        DestinationOptions(**bad)


def test_default_names_come_from_the_bucket_and_stay_unique() -> None:
    url = DestinationUrl.parse("s3://team.assets/p")
    assert default_name(url, set()) == "team-assets"
    assert default_name(url, {"team-assets", "team-assets-2"}) == "team-assets-3"
