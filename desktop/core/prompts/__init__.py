"""Prompt input: read prompt files in any supported format and encoding, then expand them
(dynamic-prompt syntax, wildcards, counts) into job specs with a preview of cost and problems."""

from __future__ import annotations

from desktop.core.prompts.reader import (
    DEFAULT_MAX_BYTES,
    SUPPORTED_SUFFIXES,
    read_prompt_file,
    read_prompt_text,
)
from desktop.core.prompts.types import Problem, PromptRow, ReadResult

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "Problem",
    "PromptRow",
    "ReadResult",
    "read_prompt_file",
    "read_prompt_text",
]
