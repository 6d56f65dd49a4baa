"""Sync against a real S3 emulator (moto server on loopback): verified uploads with their
metadata, pulls into a second library, delete policies, conflicts, damaged local files,
clear errors for bad credentials and missing buckets, and a multipart upload that resumes
after the sync process is killed."""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
from pathlib import Path
from urllib.parse import unquote

import pytest
import requests

from desktop.core.events import AssetsDidChange, EventBus, SyncDidProgress
from desktop.core.sync.destination import DeletePolicy, DestinationOptions
from desktop.core.sync.report import AssetSyncState
from tests.core.sync.library_builder import LibraryBuilder
from tests.integration.conftest import Emulator
from tests.integration.sync_support import (
    kill_sync_mid_upload,
    s3_bucket,
    s3_client,
    service,
)

pytestmark = pytest.mark.emulator
MiB = 1024 * 1024


@pytest.fixture(autouse=True)
def aws_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.delenv("AWS_PROFILE", raising=False)


def _opts(moto: Emulator, **kw: object) -> DestinationOptions:
    return DestinationOptions(endpoint_url=moto.url, **kw)  # type: ignore[arg-type]


def _keys(moto: Emulator, bucket: str) -> list[str]:
    resp = s3_client(moto).list_objects_v2(Bucket=bucket)
    return sorted(o["Key"] for o in resp.get("Contents", []))


def test_new_assets_go_up_verified_with_prompt_provider_and_hash_as_metadata(
        moto: Emulator, tmp_path: Path) -> None:
    lib = LibraryBuilder(tmp_path / "a")
    first = lib.add_asset(prompt="一隻在雨中的貓，水彩風格", tags=("貓", "rain"), rating=4)
    lib.add_asset(prompt="a red fox")
    bucket = s3_bucket(moto)
    events = EventBus()
    seen: list[SyncDidProgress] = []
    events.subscribe(SyncDidProgress, seen.append)
    svc = service(lib, events=events)
    svc.add_destination(f"s3://{bucket}/team", "team", _opts(moto))

    report = asyncio.run(svc.run_until_idle())

    assert report.ok, report
    asset = lib.asset(first)
    s3 = s3_client(moto)
    head = s3.head_object(Bucket=bucket, Key=f"team/{asset['path']}")
    data = (lib.root / asset["path"]).read_bytes()
    assert head["ETag"].strip('"') == hashlib.md5(data).hexdigest()
    assert head["Metadata"]["sha256"] == asset["sha256"] == hashlib.sha256(data).hexdigest()
    assert unquote(head["Metadata"]["prompt"]) == "一隻在雨中的貓，水彩風格"
    assert head["Metadata"]["provider"] == "openai"
    sidecar = json.loads(s3.get_object(Bucket=bucket, Key=f"team/sidecars/{asset['sha256']}.json")["Body"].read())
    assert sidecar["prompt"] == "一隻在雨中的貓，水彩風格" and sidecar["tags"] == ["rain", "貓"]
    assert sidecar["rating"] == 4 and sidecar["origin_library"] == svc.library_id
    keys = _keys(moto, bucket)
    assert f"team/{asset['thumb_path']}" in keys
    assert f"team/manifest/{svc.library_id}/0000000001.jsonl" in keys
    assert svc.asset_states([first]) == {first: AssetSyncState.SYNCED}
    finished = [e for e in seen if e.detail == "done"]
    assert (finished[0].done, finished[0].total) == (2, 2)  # the first pass did both assets
    assert [e.done for e in seen[:3]] == [0, 1, 2]


def test_a_second_library_pulls_everything_once_and_keeps_tags_and_ratings(
        moto: Emulator, tmp_path: Path) -> None:
    a, b = LibraryBuilder(tmp_path / "a"), LibraryBuilder(tmp_path / "b")
    for n in range(5):
        a.add_asset(prompt=f"貓 {n}", tags=("cat",), rating=n)
    bucket = s3_bucket(moto)
    svc_a, svc_b = service(a), service(b)
    for svc in (svc_a, svc_b):
        svc.add_destination(f"s3://{bucket}/team", "team", _opts(moto))
    assert asyncio.run(svc_a.run_until_idle()).ok

    first = asyncio.run(svc_b.run_until_idle())
    again = asyncio.run(svc_b.run_until_idle())
    back = asyncio.run(svc_a.run_until_idle())

    assert first.ok and first.passes[0].pulled == 5
    rows = b.rows("SELECT path, sha256, rating, origin FROM assets ORDER BY rating")
    assert [r[2] for r in rows] == [0, 1, 2, 3, 4] and {r[3] for r in rows} == {"pulled"}
    for path, sha, _, _ in rows:
        assert hashlib.sha256((b.root / path).read_bytes()).hexdigest() == sha
    assert b.rows("SELECT COUNT(*) FROM asset_tags")[0][0] == 5
    assert again.passes[0].pulled == 0 and again.passes[0].uploaded == 0
    assert back.passes[0].pulled == 0 and a.rows("SELECT COUNT(*) FROM assets")[0][0] == 5
    assert svc_b.asset_states([1, 2, 3, 4, 5]) == dict.fromkeys(range(1, 6), AssetSyncState.SYNCED)


REMOTE_CALLS = {"check", "put", "head", "get", "download", "delete", "list", "list_prefixes",
                "start_upload", "uploaded_parts", "upload_part", "finish_upload", "abort_upload"}


class CountingBackend:
    """Counts the requests a pass makes through the real backend it wraps."""

    def __init__(self, inner: object) -> None:
        self.inner = inner
        self.calls: list[str] = []

    def __getattr__(self, name: str) -> object:
        attr = getattr(self.inner, name)
        if not callable(attr):
            return attr

        def counted(*a: object, **kw: object) -> object:
            if name in REMOTE_CALLS:
                self.calls.append(name)
            return attr(*a, **kw)

        return counted


def test_a_pass_with_nothing_changed_makes_no_per_file_requests(
        moto: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lib = LibraryBuilder(tmp_path / "a")
    ids = [lib.add_asset(size=1024) for _ in range(30)]
    bucket = s3_bucket(moto)
    svc = service(lib)
    svc.add_destination(f"s3://{bucket}/team", "team", _opts(moto))
    assert asyncio.run(svc.run_until_idle()).ok
    counters: list[CountingBackend] = []
    import desktop.core.sync.service as service_module

    real_open = service_module.open_backend

    def counting_open(*a: object, **kw: object) -> CountingBackend:
        counters.append(CountingBackend(real_open(*a, **kw)))  # type: ignore[arg-type]
        return counters[-1]

    monkeypatch.setattr(service_module, "open_backend", counting_open)
    svc.update_destination("team", _opts(moto))  # a new backend, counted from here

    idle = asyncio.run(svc.run_once())
    idle_calls = list(counters[-1].calls)
    lib.set_rating(ids[7], 5)
    changed = asyncio.run(svc.run_once())

    assert idle.ok and idle.passes[0].queued == 0
    assert idle_calls == ["list_prefixes"]  # the pull's look for other libraries' manifests
    assert changed.passes[0].queued == 1 and changed.passes[0].uploaded == 1  # just the sidecar
    assert counters[-1].calls[len(idle_calls):] == ["list_prefixes", "put", "put"]  # + manifest


@pytest.mark.parametrize("policy", [DeletePolicy.MIRROR, DeletePolicy.KEEP])
def test_trash_and_delete_follow_the_destination_policy(
        moto: Emulator, tmp_path: Path, policy: DeletePolicy) -> None:
    lib = LibraryBuilder(tmp_path / "a")
    trashed, deleted, kept = (lib.add_asset() for _ in range(3))
    bucket = s3_bucket(moto)
    svc = service(lib)
    svc.add_destination(f"s3://{bucket}/p", "p", _opts(moto, delete_policy=policy))
    assert asyncio.run(svc.run_until_idle()).ok
    gone = {lib.asset(trashed)["path"], lib.asset(deleted)["path"]}
    lib.trash(trashed)
    lib.delete(deleted)

    report = asyncio.run(svc.run_until_idle())

    keys = _keys(moto, bucket)
    assert report.ok
    assert f"p/{lib.asset(kept)['path']}" in keys
    if policy is DeletePolicy.MIRROR:
        assert report.passes[0].deleted == 6  # image, thumbnail and sidecar of each
        assert not any(f"p/{path}" in keys for path in gone)
    else:
        assert report.passes[0].deleted == 0
        assert all(f"p/{path}" in keys for path in gone)


def test_edits_on_two_machines_become_a_conflict_and_the_local_value_is_kept(
        moto: Emulator, tmp_path: Path) -> None:
    a, b = LibraryBuilder(tmp_path / "a"), LibraryBuilder(tmp_path / "b")
    asset_a = a.add_asset(rating=1, tags=("draft",))
    bucket = s3_bucket(moto)
    events_a = EventBus()
    changed_at_a: list[AssetsDidChange] = []
    events_a.subscribe(AssetsDidChange, changed_at_a.append)
    svc_a, svc_b = service(a, events=events_a), service(b)
    for svc in (svc_a, svc_b):
        svc.add_destination(f"s3://{bucket}/team", "team", _opts(moto))
    asyncio.run(svc_a.run_until_idle())
    asyncio.run(svc_b.run_until_idle())
    asset_b = b.rows("SELECT id FROM assets")[0][0]
    sha = a.asset(asset_a)["sha256"]

    a.set_rating(asset_a, 5)  # both change the rating, differently
    asyncio.run(svc_a.run_until_idle())
    b.set_rating(asset_b, 2)
    b.execute("INSERT INTO tags (name) VALUES ('final')")  # and B alone adds a tag
    b.execute("INSERT INTO asset_tags SELECT :a, id FROM tags WHERE name='final'", a=asset_b)
    report_b = asyncio.run(svc_b.run_until_idle())

    conflicts = svc_b.conflicts()
    assert [(c.field, c.local_value, c.remote_value) for c in conflicts] == [("rating", 2, 5)]
    assert b.asset(asset_b)["rating"] == 2  # the local edit is not lost
    assert svc_b.asset_states([asset_b]) == {asset_b: AssetSyncState.CONFLICT}
    assert report_b.passes[0].held >= 1
    remote = json.loads(s3_client(moto).get_object(Bucket=bucket, Key=f"team/sidecars/{sha}.json")["Body"].read())
    assert remote["rating"] == 5  # held: B does not overwrite A's value while in conflict

    svc_b.resolve_conflict(conflicts[0].id, "local")
    asyncio.run(svc_b.run_until_idle())
    asyncio.run(svc_a.run_until_idle())

    remote = json.loads(s3_client(moto).get_object(Bucket=bucket, Key=f"team/sidecars/{sha}.json")["Body"].read())
    assert remote["rating"] == 2 and remote["tags"] == ["draft", "final"]
    assert a.asset(asset_a)["rating"] == 2  # A had not touched it since: it takes B's choice
    assert AssetsDidChange((asset_a,)) in changed_at_a  # so A's gallery redraws it
    assert sorted(r[0] for r in a.rows(
        "SELECT t.name FROM asset_tags x JOIN tags t ON t.id=x.tag_id WHERE x.asset_id=:a", a=asset_a)) == ["draft", "final"]
    assert svc_b.conflicts() == [] and svc_a.conflicts() == []


def test_a_damaged_local_file_is_reported_and_not_uploaded(moto: Emulator, tmp_path: Path) -> None:
    lib = LibraryBuilder(tmp_path / "a")
    good, bad = lib.add_asset(), lib.add_asset()
    path = lib.root / lib.asset(bad)["path"]
    raw = bytearray(path.read_bytes())
    raw[100] ^= 0xFF  # one flipped byte: a bad disk sector or an outside edit
    path.write_bytes(bytes(raw))
    bucket = s3_bucket(moto)
    svc = service(lib)
    svc.add_destination(f"s3://{bucket}/team", "team", _opts(moto))

    report = asyncio.run(svc.run_until_idle())

    p = report.passes[0]
    assert not report.ok and p.corrupt == 1 and p.pending == 1
    assert str(path) in p.errors[0] and "not uploaded" in p.errors[0]
    keys = _keys(moto, bucket)
    assert f"team/{lib.asset(bad)['path']}" not in keys
    assert f"team/{lib.asset(good)['path']}" in keys
    assert svc.asset_states([good, bad]) == {good: AssetSyncState.SYNCED, bad: AssetSyncState.ERROR}


def test_a_missing_bucket_is_named_in_a_clear_error(moto: Emulator, tmp_path: Path) -> None:
    lib = LibraryBuilder(tmp_path / "a")
    lib.add_asset()
    svc = service(lib)
    svc.add_destination("s3://no-such-bucket-here/team", "gone", _opts(moto))

    report = asyncio.run(svc.run_until_idle())
    check = asyncio.run(svc.test("gone"))

    assert report.passes[0].fatal and report.passes[0].pending == 1
    assert report.passes[0].errors == [f"bucket 'no-such-bucket-here' does not exist at {moto.url}"]
    assert not check.ok and "no-such-bucket-here" in check.message and "does not exist" in check.message


@pytest.fixture
def moto_with_auth(moto: Emulator) -> object:
    """Moto checking signatures against its IAM users; one user with a real key pair."""
    iam = __import__("boto3").client("iam", endpoint_url=moto.url, region_name="us-east-1",
                                     aws_access_key_id="testing", aws_secret_access_key="testing")
    user = f"sync-{os.getpid()}-{id(moto) % 10000}"
    iam.create_user(UserName=user)
    iam.put_user_policy(UserName=user, PolicyName="s3", PolicyDocument=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}))
    key = iam.create_access_key(UserName=user)["AccessKey"]
    bucket = s3_bucket(moto)
    requests.post(f"{moto.url}/moto-api/reset-auth", data=b"0", timeout=5).raise_for_status()
    try:
        yield key, bucket
    finally:
        requests.post(f"{moto.url}/moto-api/reset-auth", data=b"inf", timeout=5).raise_for_status()


def test_refused_credentials_are_named_in_a_clear_error(
        moto: Emulator, moto_with_auth: tuple[dict, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    key, bucket = moto_with_auth
    lib = LibraryBuilder(tmp_path / "a")
    lib.add_asset()
    svc = service(lib)
    svc.add_destination(f"s3://{bucket}/team", "team", _opts(moto))
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", key["AccessKeyId"])
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", key["SecretAccessKey"])
    good = asyncio.run(svc.test("team"))
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "not-the-secret")
    svc.update_destination("team", _opts(moto, concurrency=2))  # fresh client, new keys

    report = asyncio.run(svc.run_until_idle())
    bad = asyncio.run(svc.test("team"))

    assert good.ok, good.message
    assert report.passes[0].fatal and report.passes[0].pending == 1
    assert "refused the credentials" in report.passes[0].errors[0]
    assert "SignatureDoesNotMatch" in report.passes[0].errors[0]
    assert not bad.ok and "refused the credentials" in bad.message
    assert "not-the-secret" not in bad.message


def test_a_multipart_upload_resumes_after_the_sync_process_is_killed(
        moto: Emulator, tmp_path: Path) -> None:
    lib = LibraryBuilder(tmp_path / "a")
    big = lib.add_asset(size=16 * MiB, thumb=False)
    bucket = s3_bucket(moto)
    svc = service(lib)
    slow = _opts(moto, part_size=5 * MiB, multipart_threshold=8 * MiB, bandwidth_limit=6 * MiB, pull=False)
    svc.add_destination(f"s3://{bucket}/team", "team", slow)
    key = f"team/{lib.asset(big)['path']}"

    kill_sync_mid_upload(lib.root, {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"})

    state = lib.rows("SELECT state, parts_done, upload_id FROM sync_objects WHERE key=:k", k=key)
    assert state and state[0][0] == "uploading" and state[0][1] >= 1 and state[0][2]
    assert key not in _keys(moto, bucket)  # nothing partial is visible, or counted
    assert svc.asset_states([big]) == {big: AssetSyncState.PENDING}

    svc.update_destination("team", _opts(moto, part_size=5 * MiB, multipart_threshold=8 * MiB, pull=False))
    report = asyncio.run(svc.run_until_idle())

    assert report.ok and report.passes[0].resumed_parts == state[0][1]
    head = s3_client(moto).head_object(Bucket=bucket, Key=key)
    assert head["ContentLength"] == 16 * MiB and head["ETag"].strip('"').endswith("-4")
    body = s3_client(moto).get_object(Bucket=bucket, Key=key)["Body"].read()
    assert hashlib.sha256(body).hexdigest() == lib.asset(big)["sha256"]
    assert svc.asset_states([big]) == {big: AssetSyncState.SYNCED}


def test_backups_are_pushed_rotated_and_fetched_back_for_restore(moto: Emulator, tmp_path: Path) -> None:
    from desktop.core.store import backup

    lib = LibraryBuilder(tmp_path / "a")
    lib.add_asset(prompt="before the accident")
    bucket = s3_bucket(moto)
    svc = service(lib)
    svc.add_destination(f"s3://{bucket}/team", "team", _opts(moto, backup_keep=2))
    for _ in range(3):
        assert asyncio.run(svc.push_backup("team")) == 1
    remote = asyncio.run(svc.remote_backups("team"))
    fresh = LibraryBuilder(tmp_path / "new-machine")
    svc_new = service(fresh)
    svc_new.add_destination(f"s3://{bucket}/team", "team", _opts(moto))

    fetched = asyncio.run(svc_new.fetch_backup("team", library=svc.library_id))
    fresh.close()
    backup.restore(fetched, fresh.root / "library.db", fresh.root / "backups")

    assert len(remote) == 2 and all(b.library_id == svc.library_id for b in remote)
    assert fetched.name == remote[0].name
    restored = LibraryBuilder(tmp_path / "new-machine")
    assert restored.rows("SELECT prompt FROM assets") == [("before the accident",)]


def test_a_scheduled_report_asking_for_sync_goes_up_to_every_destination_verified(
        moto: Emulator, tmp_path: Path) -> None:
    from desktop.core.analytics.service import AnalyticsService
    from desktop.core.reports.schedule import Frequency, ReportSchedule, ScheduleStore
    from desktop.core.reports.scheduler import ScheduleRunner
    from desktop.core.reports.service import ReportService

    lib = LibraryBuilder(tmp_path / "a")
    first, second = s3_bucket(moto), s3_bucket(moto)
    svc = service(lib)
    svc.add_destination(f"s3://{first}/team", "team", _opts(moto))
    svc.add_destination(f"s3://{second}/mirror", "mirror", _opts(moto))
    store = ScheduleStore(lib.db)
    store.add(ReportSchedule(report_type="usage", format="csv", frequency=Frequency.DAILY,
                             folder=tmp_path / "out", created_at=0.0, name="daily", at_minute=0,
                             push_sync=True))
    runner = ScheduleRunner(store, ReportService(AnalyticsService(lib.db), lib.root),
                            clock=lambda: 3 * 86400.0, tz_offset=lambda _t: 0, push=svc.push_report)

    outcome = runner.run_due()[-1]

    assert outcome.error is None and outcome.pushed and outcome.path is not None
    local = outcome.path.read_bytes()
    for bucket, prefix in ((first, "team"), (second, "mirror")):
        key = f"{prefix}/reports/{svc.library_id}/{outcome.path.name}"
        assert key in _keys(moto, bucket)
        assert s3_client(moto).get_object(Bucket=bucket, Key=key)["Body"].read() == local


def test_sync_run_exits_zero_only_when_everything_is_verified(
        moto: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.cli import main

    lib = LibraryBuilder(tmp_path / "a")
    lib.add_asset()
    bucket = s3_bucket(moto)

    def cli(*args: str) -> tuple[int, str, str]:
        code = main(["sync", *args, "--library", str(lib.root)])
        out = capsys.readouterr()
        return code, out.out, out.err

    added = cli("add", f"s3://{bucket}/team", "--name", "team", "--endpoint-url", moto.url)
    ok = cli("run", "--quiet")
    path = lib.root / lib.asset(lib.add_asset())["path"]  # a new image, damaged before it goes up
    path.write_bytes(b"changed behind the library's back")
    damaged = cli("run", "--quiet")
    status = cli("status")

    assert added[0] == 0, added
    assert ok[0] == 0, ok
    assert "team: up to date, all verified" in ok[1]
    assert damaged[0] == 1
    assert str(path) in damaged[2] and "not uploaded" in damaged[2]
    assert "NOT up to date" in damaged[1]
    assert status[0] == 0 and "team" in status[1]
