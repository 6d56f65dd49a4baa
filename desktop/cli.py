"""The command line: `main.py` opens the window; subcommands run the same core headless."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop import __version__

# Each module has `register(subparsers)`; its parsers set `func(args) -> int`.
COMMAND_MODULES = (
    "desktop.commands.batch",
    "desktop.commands.queue",
    "desktop.commands.library",
    "desktop.commands.providers",
    "desktop.commands.sync",
    "desktop.commands.report",
    "desktop.commands.project",
    "desktop.commands.profile",
    "desktop.commands.audit",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="Batch Image Generator: generate images in batches from many AI providers. "
        "With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not argv or _opens_window(parser, argv[0]):
        return _run_gui(parser, argv)
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:  # `main.py queue list | head`: the reader has all it wanted
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the flush at exit does not fail again
        return 141  # 128 + SIGPIPE, as other command-line tools end


def _opens_window(parser: argparse.ArgumentParser, first: str) -> bool:
    """The window's options, or a file to open in it (from the file manager or the app icon)
    rather than a command name."""
    if first.startswith("-"):
        return first.startswith(("--smoke-test", "--library", "--profile", "--no-welcome"))
    commands = next((a.choices for a in parser._actions if isinstance(a, argparse._SubParsersAction)), {})
    # A mistyped command is not a file: the parser then says which commands exist.
    return first not in commands and Path(first).exists()


def _run_gui(parser: argparse.ArgumentParser, argv: list[str]) -> int:
    if "--smoke-test" not in argv and _no_display():
        print("error: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set); "
              "on this machine use the headless commands:", file=sys.stderr)
        parser.print_help()
        return 2
    try:
        from desktop import app
    except ImportError:
        parser.print_help()
        return 0
    return app.main(argv)


def _no_display() -> bool:
    """Linux without X11 or Wayland (an SSH session, a server): Qt would abort at start."""
    names = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    return sys.platform.startswith("linux") and not any(os.environ.get(n) for n in names)
