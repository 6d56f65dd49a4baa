"""Every option of the everyday commands says what it does in `--help`."""

from __future__ import annotations

import argparse

from desktop.cli import build_parser


def _options_without_help(parser: argparse.ArgumentParser, path: list[str]) -> list[str]:
    missing = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                missing += _options_without_help(sub, [*path, name])
        elif action.option_strings and action.help is None:
            missing.append(f"{' '.join(path)} {action.option_strings[0]}")
    return missing


def test_batch_and_queue_options_all_have_help() -> None:
    parser = build_parser()
    subcommands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices
    missing = [m for name in ("batch", "queue") for m in _options_without_help(subcommands[name], [name])]
    assert missing == []


def test_the_sync_options_whose_effect_is_not_obvious_have_help() -> None:
    parser = build_parser()
    subcommands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices
    missing = _options_without_help(subcommands["sync"], ["sync"])
    assert not {"sync run --push-only", "sync remove --keep-credentials", "sync resolve --keep"} & set(missing)
