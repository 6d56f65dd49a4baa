"""What every headless command shares: the --library option, settings, opening the store,
and turning core errors into one clear line on stderr with a non-zero exit."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.core.config import AppConfig, ConfigError, ConfigStore
from desktop.core.profiles.errors import PasswordRequiredError, ProfileError
from desktop.core.store.database import Database, StoreError


def add_library_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--library", metavar="DIR", type=Path, default=None,
        help="library folder (default: the one in settings, or BATCHGEN_LIBRARY)",
    )
    # A command whose own --profile means something else (a report filter, an AWS profile)
    # keeps it and acts as the last profile used.
    if "--profile" not in parser._option_string_actions:
        parser.add_argument(
            "--profile", dest="acting_profile", metavar="NAME", default=None,
            help="local profile to act as (default: the last one used with this library; "
                 "a password is asked for, or read from BATCHGEN_PROFILE_PASSWORD)",
        )


def load_config() -> AppConfig:
    return ConfigStore().load()


def library_root(args: argparse.Namespace, config: AppConfig | None = None) -> Path:
    given = getattr(args, "library", None)
    return Path(given) if given else (config or load_config()).library_dir()


def open_database(root: Path) -> Database:
    return Database(root / "library.db", backups_dir=root / "backups").open()


def fail(message: str, code: int = 1) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code


def guarded(func: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Run a command, printing typed core errors as one line instead of a traceback."""

    def run(args: argparse.Namespace) -> int:
        try:
            return func(args)
        except (StoreError, ConfigError, ProfileError) as exc:
            return fail(str(exc))
        except KeyboardInterrupt:
            return fail("interrupted", 130)

    run.__name__ = getattr(func, "__name__", "command")
    run.__doc__ = func.__doc__
    return run


def print_table(rows: list[list[Any]], headers: list[str]) -> None:
    table = [headers] + [[("" if v is None else str(v)) for v in row] for row in rows]
    widths = [max(_width(r[i]) for r in table) for i in range(len(headers))]
    for i, row in enumerate(table):
        print("  ".join(cell + " " * (widths[j] - _width(cell)) for j, cell in enumerate(row)).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))


def _width(text: str) -> int:
    """Display width: CJK characters take two columns in a terminal."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def act_as_profile(services: Any, name: str | None) -> None:
    """Make `name` (or the remembered profile) current for this command; a profile with a
    password needs it from BATCHGEN_PROFILE_PASSWORD or a prompt on a terminal."""
    profiles = services.profiles
    profile = profiles.start(name) if name else profiles.current
    if not profile.has_password:
        return
    password = os.environ.get("BATCHGEN_PROFILE_PASSWORD")
    if password is None and sys.stdin.isatty():
        password = getpass.getpass(f"Password for profile {profile.name}: ")
    if password is None:
        raise PasswordRequiredError(profile.name)
    profiles.unlock(password)


def run_with_services(args: argparse.Namespace, work: Callable[[Any], Any]) -> int:
    """Build the core's services for `--library`, await `work(services)`, close them."""
    import asyncio

    from desktop.core.services import build_services

    async def main() -> int:
        services = build_services(library_root(args))
        try:
            try:
                act_as_profile(services, getattr(args, "acting_profile", None))
            except ProfileError as exc:
                return fail(str(exc))
            return int(await work(services) or 0)
        finally:
            await services.aclose()

    try:
        return asyncio.run(main())
    except KeyboardInterrupt:
        print("\ninterrupted: running jobs went back to the queue; `main.py queue run` continues them.",
              file=sys.stderr)
        return 130
