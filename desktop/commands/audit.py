"""`main.py audit verify|export|list`: check the audit log's chain of hashes, export it.

`verify` exits 0 when the chain is intact and 1 when it is broken, naming the first
broken entry and what is wrong with it."""

from __future__ import annotations

import argparse
from datetime import datetime, timedelta

from desktop.commands.common import (
    add_library_option,
    fail,
    guarded,
    library_root,
    open_database,
    print_table,
)
from desktop.core.audit import actions as act
from desktop.core.audit.export import FORMATS, AuditExportError, export_entries
from desktop.core.audit.log import AuditLog, AuditQuery
from desktop.core.audit.offline import audit_log_for
from desktop.core.profiles.errors import ProfileError


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("audit", help="verify and export the audit log")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    verify = actions.add_parser("verify", help="check the chain of hashes; exit 1 at the first broken entry")
    add_library_option(verify)
    verify.set_defaults(func=guarded(_verify))
    export = actions.add_parser("export", help="write entries to CSV or JSON (with their hashes)")
    export.add_argument("--format", choices=FORMATS, required=True)
    export.add_argument("--out", required=True, metavar="FILE")
    _filters(export)
    add_library_option(export)
    export.set_defaults(func=guarded(_export))
    listing = actions.add_parser("list", help="the latest entries")
    listing.add_argument("--limit", type=int, default=50)
    _filters(listing)
    add_library_option(listing)
    listing.set_defaults(func=guarded(_list))


def _filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="date_from", metavar="DATE", help="first day, e.g. 2026-11-01")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="last day (included)")
    parser.add_argument("--profile", metavar="NAME", help="only entries of this profile")
    parser.add_argument("--action", action="append", default=[], metavar="ACTION",
                        help="only this action (repeatable): " + ", ".join(act.ALL))


def _day(text: str, option: str) -> float:
    try:
        return datetime.strptime(text, "%Y-%m-%d").timestamp()
    except ValueError as exc:
        raise ProfileError(f"{option}: {text!r} is not a date like 2026-11-01") from exc


def _query(args: argparse.Namespace, audit: AuditLog) -> AuditQuery:
    profile_id = None
    if args.profile:
        from desktop.core.profiles.store import ProfileStore

        found = ProfileStore(audit.db).by_name(args.profile)
        if found is None:
            from desktop.core.profiles.errors import UnknownProfileError

            raise UnknownProfileError(args.profile, [p.name for p in ProfileStore(audit.db).all()])
        profile_id = found.id
    unknown = [a for a in args.action if a not in act.ALL]
    if unknown:
        raise ProfileError(f"--action: unknown action {unknown[0]!r} (known: {', '.join(act.ALL)})")
    start = _day(args.date_from, "--from") if args.date_from else None
    end = None
    if args.date_to:
        end = (datetime.fromtimestamp(_day(args.date_to, "--to")) + timedelta(days=1)).timestamp()
    return AuditQuery(start=start, end=end, profile_id=profile_id, actions=tuple(args.action))


def _verify(args: argparse.Namespace) -> int:
    db = open_database(library_root(args))
    try:
        result = AuditLog(db).verify()
    finally:
        db.close()
    if result.intact:
        print(f"audit log intact: {result.checked} entries checked")
        return 0
    broken = result.broken
    print(f"audit log BROKEN at entry {broken.entry_id}: {broken.reason}")  # type: ignore[union-attr]
    return 1


def _export(args: argparse.Namespace) -> int:
    db = open_database(library_root(args))
    try:
        audit = audit_log_for(db)
        entries = audit.query(_query(args, audit))
        out = export_entries(entries, args.out, args.format)
        audit.record(act.AUDIT_EXPORTED, str(out), {"format": args.format, "entries": len(entries)})
    except (ProfileError, AuditExportError) as exc:
        return fail(str(exc))
    finally:
        db.close()
    print(f"wrote {len(entries)} entries to {out}")
    return 0


def _list(args: argparse.Namespace) -> int:
    db = open_database(library_root(args))
    try:
        audit = AuditLog(db)
        ids = audit.ids(_query(args, audit))[: max(1, args.limit)]
        rows = [[e.id, datetime.fromtimestamp(e.at).strftime("%Y-%m-%d %H:%M:%S"), e.actor, e.action,
                 e.target[:60], e.details[:60]] for e in audit.entries(ids)]
    except ProfileError as exc:
        return fail(str(exc))
    finally:
        db.close()
    print_table(rows, ["id", "when", "who", "action", "target", "details"])
    return 0
