"""`main.py profile list|create|reset-password|delete`: local profiles from the command line.

`reset-password` is the "forgot password" way out when no admin profile can reset it from
the window: whoever can open the library folder may run it. It is recorded in the audit
log, and the profile's key vault is discarded (its keys cannot be read without the old
password), so the profile's keys must be entered again."""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import datetime

from desktop.commands.common import (
    add_library_option,
    fail,
    guarded,
    library_root,
    load_config,
    open_database,
    print_table,
)
from desktop.core.audit.log import AuditLog
from desktop.core.config import ConfigStore
from desktop.core.profiles.errors import NotAllowedError, ProfileError
from desktop.core.profiles.records import ProfilePrefs
from desktop.core.profiles.service import ProfileService


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("profile", help="list, create and reset local profiles")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="the library's profiles")
    add_library_option(listing)
    listing.set_defaults(func=guarded(_list))
    create = actions.add_parser("create", help="add a profile")
    create.add_argument("name")
    create.add_argument("--admin", action="store_true", help="may reset other profiles' passwords")
    create.add_argument("--password", action="store_true",
                        help="protect it with a password (asked for, or read from stdin)")
    create.add_argument("--color", default=None, help="avatar colour, #RRGGBB")
    create.add_argument("--language", default="", choices=["", "en", "zh_TW"])
    add_library_option(create)
    create.set_defaults(func=guarded(_create))
    reset = actions.add_parser("reset-password", help="forgot password: set a new one (or --remove it)")
    reset.add_argument("name")
    reset.add_argument("--remove", action="store_true", help="leave the profile without a password")
    add_library_option(reset)
    reset.set_defaults(func=guarded(_reset))
    delete = actions.add_parser("delete", help="delete a profile (its batches and images stay)")
    delete.add_argument("name")
    add_library_option(delete)
    delete.set_defaults(func=guarded(_delete))


def _service(args: argparse.Namespace) -> ProfileService:
    store = ConfigStore()
    root = library_root(args)
    db = open_database(root)
    profiles = ProfileService(db, audit=AuditLog(db), config_store=store, config=load_config(),
                              library_key=str(root.resolve()))
    profiles.start(getattr(args, "acting_profile", None))
    return profiles


def _new_password(prompt: str) -> str:
    if not sys.stdin.isatty():
        line = sys.stdin.readline().rstrip("\n")
        if not line:
            raise ProfileError("no password on standard input")
        return line
    first = getpass.getpass(f"{prompt}: ")
    if getpass.getpass("Again: ") != first:
        raise ProfileError("the two passwords differ")
    return first


def _run(args: argparse.Namespace, work) -> int:  # noqa: ANN001 - a small local callback
    try:
        profiles = _service(args)
    except ProfileError as exc:
        return fail(str(exc))
    try:
        return work(profiles)
    except ProfileError as exc:
        return fail(str(exc))
    finally:
        profiles.store.db.close()


def _when(ts: float | None) -> str:
    return datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M") if ts else ""


def _list(args: argparse.Namespace) -> int:
    def work(profiles: ProfileService) -> int:
        current = profiles.active.id if profiles.active else None
        rows = [["*" if p.id == current else "", p.name, "yes" if p.is_admin else "",
                 "yes" if p.has_password else "", p.prefs.avatar_color, p.prefs.language or "(app)",
                 _when(p.last_used_at)] for p in profiles.list()]
        print_table(rows, ["", "name", "admin", "password", "colour", "language", "last used"])
        return 0

    return _run(args, work)


def _create(args: argparse.Namespace) -> int:
    def work(profiles: ProfileService) -> int:
        password = _new_password(f"Password for {args.name}") if args.password else None
        prefs = None
        if args.color or args.language:
            prefs = ProfilePrefs(avatar_color=args.color or "#4f7cac", language=args.language)
        profile = profiles.create(args.name, prefs, password=password, is_admin=args.admin)
        print(f"created profile {profile.name!r}" + (" (admin)" if profile.is_admin else ""))
        return 0

    return _run(args, work)


def _reset(args: argparse.Namespace) -> int:
    def work(profiles: ProfileService) -> int:
        target = profiles.get(args.name)
        password = None if args.remove else _new_password(f"New password for {target.name}")
        profiles.reset_password(target.name, password, via="command line")
        print(f"{'removed' if args.remove else 'reset'} the password of {target.name!r};"
              " keys kept in its vault were discarded and must be entered again")
        return 0

    return _run(args, work)


def _delete(args: argparse.Namespace) -> int:
    def work(profiles: ProfileService) -> int:
        name = profiles.get(args.name).name
        try:
            profiles.delete(name)
        except NotAllowedError as exc:
            if exc.reason != "current":
                raise
            return fail(f"{exc} (here: add --profile NAME naming another profile)")
        print(f"deleted profile {name!r}")
        return 0

    return _run(args, work)
