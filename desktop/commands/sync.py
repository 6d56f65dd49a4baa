"""`main.py sync add|list|run|status|remove|test|conflicts|resolve|backup|backups|fetch-backup`.

Credentials never come from the command line: they come from the environment and each
SDK's usual sources, or `sync add --ask-credentials` reads them with getpass into the
secrets store.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.commands.common import (
    add_library_option,
    fail,
    guarded,
    library_root,
    open_database,
    print_table,
)
from desktop.core.config import config_dir
from desktop.core.events import EventBus, SyncDidProgress
from desktop.core.secrets import SecretsError, open_secrets
from desktop.core.sync.destination import DeletePolicy, DestinationOptions
from desktop.core.sync.errors import SyncError
from desktop.core.sync.report import PassReport, SyncReport
from desktop.core.sync.service import SyncService

_RATE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b(?:/s)?)?\s*$", re.I)


def parse_rate(text: str) -> int:
    """`500K`, `5M`, `1.5MB/s`, `0` -> bytes per second (binary units)."""
    match = _RATE.match(text)
    if not match:
        raise argparse.ArgumentTypeError(f"{text!r}: use a rate like 500K, 5M or 0 (unlimited)")
    scale = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[match.group(2).lower()]
    return int(float(match.group(1)) * scale)


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("sync", help="mirror the library to S3, GCS or Azure buckets and pull from them")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="add a destination: s3://bucket/prefix, gs://..., az://..., "
                                         "https://ACCOUNT.blob.core.windows.net/container/prefix")
    add.add_argument("url", metavar="DEST")
    add.add_argument("--name", help="a short name (default: the bucket's)")
    _option_arguments(add)
    add.add_argument("--ask-credentials", action="store_true",
                     help="type the credentials (hidden) into the secrets store")
    add.add_argument("--test", action="store_true", help="check the destination after adding it")
    add_library_option(add)
    add.set_defaults(func=_guard(_add))

    change = actions.add_parser("set", help="change a destination's options")
    change.add_argument("name")
    _option_arguments(change)
    add_library_option(change)
    change.set_defaults(func=_guard(_set))

    for name, helptext, func in (("list", "list destinations", _list),
                                 ("status", "pending, verified and failing items per destination", _status)):
        p = actions.add_parser(name, help=helptext)
        add_library_option(p)
        if name == "status":
            p.add_argument("--errors", action="store_true", help="show the failing items")
        p.set_defaults(func=_guard(func))

    run = actions.add_parser("run", help="push and pull until up to date; exit 0 only when "
                                         "everything is verified")
    run.add_argument("names", nargs="*", metavar="NAME", help="destinations (default: all)")
    run.add_argument("--push-only", action="store_true", help="send local changes; pull nothing")
    run.add_argument("--quiet", "-q", action="store_true", help="no progress line")
    add_library_option(run)
    run.set_defaults(func=_guard(_run))

    remove = actions.add_parser("remove", help="forget a destination (the bucket is left alone)")
    remove.add_argument("name")
    remove.add_argument("--keep-credentials", action="store_true",
                        help="keep its stored credentials (default: forget them)")
    add_library_option(remove)
    remove.set_defaults(func=_guard(_remove))

    test = actions.add_parser("test", help="check credentials, bucket and a verified test write")
    test.add_argument("name")
    add_library_option(test)
    test.set_defaults(func=_guard(_test))

    conflicts = actions.add_parser("conflicts", help="list metadata conflicts")
    conflicts.add_argument("--all", action="store_true", help="include resolved ones")
    add_library_option(conflicts)
    conflicts.set_defaults(func=_guard(_conflicts))

    resolve = actions.add_parser("resolve", help="resolve a conflict")
    resolve.add_argument("id", type=int)
    resolve.add_argument("--keep", choices=("local", "remote"), required=True,
                         help="which value wins: this library's or the bucket's")
    add_library_option(resolve)
    resolve.set_defaults(func=_guard(_resolve))

    make = actions.add_parser("backup", help="back up the database now and push it")
    make.add_argument("name")
    add_library_option(make)
    make.set_defaults(func=_guard(_backup))

    listing = actions.add_parser("backups", help="list the backups at a destination")
    listing.add_argument("name")
    add_library_option(listing)
    listing.set_defaults(func=_guard(_backups))

    fetch = actions.add_parser("fetch-backup", help="download a backup into backups/ for "
                                                    "`main.py library restore`")
    fetch.add_argument("name")
    fetch.add_argument("--file", help="the backup's file name (default: the newest)")
    fetch.add_argument("--from-library", help="only backups of this library id")
    add_library_option(fetch)
    fetch.set_defaults(func=_guard(_fetch_backup))


def _option_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--endpoint-url", help="S3-compatible endpoint (MinIO, R2) or GCS emulator")
    parser.add_argument("--region")
    parser.add_argument("--profile", help="AWS profile name from ~/.aws")
    parser.add_argument("--delete-policy", choices=[p.value for p in DeletePolicy],
                        help="mirror: local deletes and trash remove remote copies; keep: never")
    parser.add_argument("--concurrency", type=int, help="parallel transfers (default 8)")
    parser.add_argument("--bandwidth-limit", type=parse_rate, metavar="RATE",
                        help="e.g. 2M (bytes per second); 0 = unlimited")
    parser.add_argument("--part-size", type=parse_rate, metavar="SIZE", help="multipart part size")
    parser.add_argument("--multipart-threshold", type=parse_rate, metavar="SIZE")
    parser.add_argument("--no-pull", dest="pull", action="store_false", default=None,
                        help="only push to this destination")
    parser.add_argument("--no-backups", dest="push_backups", action="store_false", default=None,
                        help="do not push library backups")
    parser.add_argument("--backup-keep", type=int, help="remote backups to keep (default 10)")


def _options_from(args: argparse.Namespace, base: DestinationOptions) -> DestinationOptions:
    return base.with_changes(
        endpoint_url=args.endpoint_url, region=args.region, profile=args.profile,
        delete_policy=args.delete_policy, concurrency=args.concurrency,
        bandwidth_limit=args.bandwidth_limit, part_size=args.part_size,
        multipart_threshold=args.multipart_threshold, pull=args.pull,
        push_backups=args.push_backups, backup_keep=args.backup_keep)


def _guard(func: Callable[[argparse.Namespace, SyncService], int]) -> Callable[[argparse.Namespace], int]:
    """Open the library and the sync service, run, close; sync errors become one line."""

    def run(args: argparse.Namespace) -> int:
        root = library_root(args)
        db = open_database(root)
        try:
            service = SyncService(db, root, EventBus(), open_secrets(config_dir()))
            try:
                return func(args, service)
            finally:
                asyncio.run(service.aclose())
        except (SyncError, SecretsError) as exc:
            return fail(str(exc))
        finally:
            db.close()

    run.__name__ = func.__name__
    return guarded(run)


# -- commands ------------------------------------------------------------------------
def _add(args: argparse.Namespace, service: SyncService) -> int:
    dest = service.add_destination(args.url, args.name, _options_from(args, DestinationOptions()))
    print(f"added {dest.name}: {dest.url} (delete policy: {dest.options.delete_policy.value})")
    if args.ask_credentials:
        _ask_credentials(service, dest.name)
    print(f"credentials: {service.credentials_source(dest.name)}")
    if args.test:
        return _test(argparse.Namespace(name=dest.name), service)
    return 0


def _ask_credentials(service: SyncService, name: str) -> None:
    from desktop.core.sync.credentials import SECRET_FIELDS

    kind = service.destination(name).kind
    values: dict[str, str] = {}
    print("Press Enter to skip a field; typed values are not shown.")
    for field_name in SECRET_FIELDS[kind]:
        if field_name == "gcs_service_account_json":
            path = input("path to the service account JSON file: ").strip()
            if path:
                values[field_name] = Path(path).expanduser().read_text("utf-8")
            continue
        value = getpass.getpass(f"{field_name.replace('_', ' ')}: ").strip()
        if value:
            values[field_name] = value
    saved = service.store_credentials(name, values)
    print(f"saved to the secrets store: {', '.join(saved) or 'nothing'}")


def _set(args: argparse.Namespace, service: SyncService) -> int:
    dest = service.destination(args.name)
    dest = service.update_destination(dest.name, _options_from(args, dest.options))
    print(f"{dest.name}: {dest.options.to_json()}")
    return 0


def _list(args: argparse.Namespace, service: SyncService) -> int:
    dests = service.destinations()
    if not dests:
        print("no destinations; add one with `main.py sync add s3://bucket/prefix`")
        return 0
    print_table([[d.name, d.url.text, d.options.delete_policy.value,
                  d.options.endpoint_url or "", _when(d.last_run_at)] for d in dests],
                ["name", "url", "deletes", "endpoint", "last run"])
    return 0


def _status(args: argparse.Namespace, service: SyncService) -> int:
    rows = service.status()
    if not rows:
        print("no destinations")
        return 0
    print_table([[s.name, s.pending, s.failing, s.verified_objects, _size(s.verified_bytes),
                  s.open_uploads, s.open_conflicts, _when(s.last_run_at), _short(s.last_error or "", 60)]
                 for s in rows],
                ["name", "pending", "failing", "verified", "bytes", "open uploads", "conflicts",
                 "last run", "last error"])
    for s in rows:  # in full below the table, so the table keeps one line a destination
        if s.last_error and len(s.last_error) > 60:
            print(f"{s.name}: last error: {s.last_error}")
    if args.errors:
        for dest in service.destinations():
            for item in service.outbox.errors(dest.id):
                print(f"{dest.name}: {item.path or f'asset {item.asset_id}'} "
                      f"(attempt {item.attempts}): {item.last_error}")
    return 0


def _run(args: argparse.Namespace, service: SyncService) -> int:
    if not service.destinations():
        return fail("no destinations; add one with `main.py sync add s3://bucket/prefix`")
    progress = _Progress(enabled=not args.quiet)
    service.events.subscribe(SyncDidProgress, progress.update)
    names = args.names or None

    async def work() -> SyncReport:
        if args.push_only:
            return await service.run_once(names, pull=False)
        return await service.run_until_idle(names)

    report = asyncio.run(work())
    progress.close()
    for p in report.passes:
        print(_summary(p))
        for error in p.errors[:10]:
            print(f"  error: {error}", file=sys.stderr)
        if len(p.errors) > 10:
            print(f"  ... and {len(p.errors) - 10} more (`main.py sync status --errors`)", file=sys.stderr)
    conflicts = service.conflicts()
    if conflicts:
        print(f"{len(conflicts)} open conflict(s); local values are kept until resolved "
              "(`main.py sync conflicts`)")
    return 0 if report.ok else 1


def _summary(p: PassReport) -> str:
    state = "up to date, all verified" if p.ok else ("FAILED" if p.fatal else "NOT up to date")
    parts = [f"{p.uploaded} objects verified ({_size(p.sent_bytes)} sent)"]
    if p.resumed_parts:
        parts.append(f"{p.resumed_parts} parts resumed")
    parts += [f"{p.deleted} deleted", f"{p.pulled} pulled", f"{p.merged} merged"]
    if p.backups:
        parts.append(f"{p.backups} backups")
    if p.conflicts:
        parts.append(f"{p.conflicts} conflicts")
    if p.corrupt:
        parts.append(f"{p.corrupt} damaged local files not uploaded")
    if p.failed:
        parts.append(f"{p.failed} failed")
    parts.append(f"{p.pending} pending")
    return f"{p.destination}: {state}: " + ", ".join(parts) + f" in {p.seconds:.1f}s"


def _remove(args: argparse.Namespace, service: SyncService) -> int:
    dest = service.remove_destination(args.name, forget_credentials=not args.keep_credentials)
    print(f"removed {dest.name} ({dest.url}); the bucket was not touched")
    return 0


def _test(args: argparse.Namespace, service: SyncService) -> int:
    result = asyncio.run(service.test(args.name))
    print(("ok: " if result.ok else "failed: ") + result.message,
          file=sys.stdout if result.ok else sys.stderr)
    return 0 if result.ok else 1


def _conflicts(args: argparse.Namespace, service: SyncService) -> int:
    found = service.conflicts(include_resolved=args.all)
    if not found:
        print("no conflicts")
        return 0
    print_table([[c.id, c.destination, c.asset_path, c.field, _short(c.local_value),
                  _short(c.remote_value), c.resolution or "open"] for c in found],
                ["id", "destination", "asset", "field", "local", "remote", "state"])
    print("resolve with `main.py sync resolve ID --keep local|remote`")
    return 0


def _resolve(args: argparse.Namespace, service: SyncService) -> int:
    conflict = service.resolve_conflict(args.id, args.keep)
    kept = conflict.local_value if args.keep == "local" else conflict.remote_value
    print(f"conflict {conflict.id} ({conflict.asset_path}, {conflict.field}): kept {args.keep} "
          f"value {_short(kept)}; `main.py sync run` sends it")
    return 0


def _backup(args: argparse.Namespace, service: SyncService) -> int:
    pushed = asyncio.run(service.push_backup(args.name))
    print(f"backed up the library and pushed {pushed} backup(s) to {args.name}")
    return 0


def _backups(args: argparse.Namespace, service: SyncService) -> int:
    found = asyncio.run(service.remote_backups(args.name))
    if not found:
        print("no backups at this destination")
        return 0
    mine = service.library_id
    print_table([[b.name, b.library_id + (" (this library)" if b.library_id == mine else ""),
                  _size(b.size or 0)] for b in found], ["backup", "library", "size"])
    return 0


def _fetch_backup(args: argparse.Namespace, service: SyncService) -> int:
    path = asyncio.run(service.fetch_backup(args.name, args.file, args.from_library))
    print(f"downloaded and verified {path}")
    print(f"bring it back with `main.py library restore --library {service.root} --from {path}`")
    return 0


# -- output helpers ------------------------------------------------------------------
class _Progress:
    """One progress line on a terminal; a line every few seconds otherwise."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.tty = sys.stderr.isatty()
        self.state: dict[str, SyncDidProgress] = {}
        self.last = 0.0

    def update(self, event: SyncDidProgress) -> None:
        self.state[event.destination] = event
        now = time.monotonic()
        if not self.enabled or (not self.tty and now - self.last < 2.0 and event.detail != "done"):
            return
        if self.tty and now - self.last < 0.1 and event.detail != "done":
            return
        self.last = now
        line = "  ".join(f"{e.destination}: {e.done}/{e.total}" + (f" ({e.errors} errors)" if e.errors else "")
                         for e in self.state.values())
        print(f"\r{line}\033[K" if self.tty else line, end="" if self.tty else "\n",
              file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.enabled and self.tty and self.state:
            print(file=sys.stderr)


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return f"{n} B"


def _when(t: float | None) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(t)) if t else "never"


def _short(value: Any, width: int = 30) -> str:
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"
