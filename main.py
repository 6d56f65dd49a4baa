"""Batch Image Generator: the window by default, headless subcommands otherwise."""

from __future__ import annotations

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
