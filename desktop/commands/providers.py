"""`main.py providers list|test NAME|set-key NAME|remove-key NAME`."""

from __future__ import annotations

import argparse
import getpass
import sys

from desktop.commands.common import (
    add_library_option,
    fail,
    guarded,
    print_table,
    run_with_services,
)
from desktop.core.providers.registry import UnknownProviderError
from desktop.core.secrets import SecretsError, mask


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("providers", help="list providers, test connections, store keys")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="every provider with its status of configuration")
    add_library_option(listing)
    listing.set_defaults(func=guarded(_list))
    test = actions.add_parser("test", help="a cheap authenticated call that says exactly what fails")
    test.add_argument("name")
    add_library_option(test)
    test.set_defaults(func=guarded(_test))
    setkey = actions.add_parser("set-key", help="store a provider key in the keyring (read from a prompt or stdin)")
    setkey.add_argument("name")
    setkey.add_argument("--secret", default="api_key", help="which secret (e.g. client_secret for Firefly)")
    add_library_option(setkey)
    setkey.set_defaults(func=guarded(_set_key))
    remove = actions.add_parser("remove-key", help="forget a stored provider key")
    remove.add_argument("name")
    remove.add_argument("--secret", default="api_key")
    add_library_option(remove)
    remove.set_defaults(func=guarded(_remove_key))


def _list(args: argparse.Namespace) -> int:
    async def work(services) -> int:
        rows = []
        for name in services.providers.names():
            provider = services.providers.get(name)
            key = provider.credential() if provider.needs_key else None
            caps = provider.capabilities()
            rows.append([
                name, provider.display_name, "local" if caps.local else "cloud",
                mask(key) if key else ("not needed" if not provider.needs_key else "missing"),
                provider.base_url, ", ".join(m.id for m in caps.models[:4]) or "(discovered)",
            ])
        print_table(rows, ["name", "provider", "where", "key", "base URL", "models"])
        return 0

    return run_with_services(args, work)


def _test(args: argparse.Namespace) -> int:
    async def work(services) -> int:
        try:
            provider = services.providers.get(args.name)
        except UnknownProviderError as exc:
            return fail(str(exc))
        report = await provider.check()
        latency = f" in {report.latency_ms:.0f} ms" if report.latency_ms is not None else ""
        print(f"{provider.display_name}: {report.status}: {report.message}{latency}")
        for key, value in (report.detail or {}).items():
            print(f"  {key}: {value}")
        return 0 if report.ok else 1

    return run_with_services(args, work)


def _read_secret(prompt: str) -> str:
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    return sys.stdin.readline().strip()


def _set_key(args: argparse.Namespace) -> int:
    async def work(services) -> int:
        if args.name not in services.providers:
            return fail(str(UnknownProviderError(args.name, services.providers.names())))
        value = _read_secret(f"{args.name} {args.secret}: ")
        if not value:
            return fail("no key given; nothing stored")
        try:
            services.secrets.set(f"{args.name}.{args.secret}", value)
        except SecretsError as exc:
            return fail(str(exc))
        print(f"stored {args.name} {args.secret} ({mask(value)}) in the {services.secrets.backend_name}")
        return 0

    return run_with_services(args, work)


def _remove_key(args: argparse.Namespace) -> int:
    async def work(services) -> int:
        services.secrets.delete(f"{args.name}.{args.secret}")
        print(f"removed {args.name} {args.secret}")
        return 0

    return run_with_services(args, work)
