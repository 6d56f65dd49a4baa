"""Headless commands over the core; each module adds one subcommand group to the parser."""
