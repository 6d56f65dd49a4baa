"""Typed errors of the workflow feature; each message says what and where."""

from __future__ import annotations


class WorkflowError(Exception):
    """Base of the workflow feature's errors."""


class NotFoundError(WorkflowError):
    """A project, preset or asset id that does not exist (or is in the trash)."""


class DuplicateNameError(WorkflowError):
    """A project name already taken."""


class FormatError(WorkflowError):
    """A template, preset or rules file that cannot be read; names the file and the field
    or line."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


class ModelUnavailableError(WorkflowError):
    """No language or vision model can be reached; the message says what was tried."""
