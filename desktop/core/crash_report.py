"""Crash reports: an uncaught exception (main thread, worker thread or asyncio loop) becomes a
readable report, written to `<config dir>/crashes/` with every secret scrubbed, and handed to
whoever shows it (the window's crash dialog, or stderr for headless runs).

Secrets are removed twice: the values the secrets store knows (`Redactor`) and anything
shaped like a key or a bearer token, since an exception may quote a key that was typed but
never saved.
"""

from __future__ import annotations

import logging
import os
import platform
import re
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from desktop import __version__
from desktop.core.secrets import Redactor

log = logging.getLogger(__name__)
KEEP_FILES = 50

# Things that look like credentials whatever store they came from: provider key prefixes,
# bearer/basic tokens, and `key=value` pairs whose name says secret.
_PATTERNS = (
    re.compile(r"\b(sk|pk|rk|r8|hf|key|AIza)[-_][A-Za-z0-9_\-]{8,}"),
    re.compile(r"\bAIza[0-9A-Za-z_\-]{20,}"),
    re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=\-]{8,}"),
    re.compile(r"(?i)((?:api[_-]?key|token|secret|password|passwd|authorization|signature|"
               r"accountkey|x-api-key)[\"']?\s*[:=]\s*[\"']?)([^\s\"'&,;}]{4,})"),
)


def scrub(text: str, redactor: Redactor | None = None) -> str:
    """`text` without known secret values and without anything shaped like a credential."""
    if redactor is not None:
        text = redactor.scrub(text)
    text = _PATTERNS[0].sub(lambda m: f"{m.group(1)}-[redacted]", text)
    text = _PATTERNS[1].sub("[redacted]", text)
    text = _PATTERNS[2].sub(lambda m: f"{m.group(1)} [redacted]", text)
    return _PATTERNS[3].sub(lambda m: f"{m.group(1)}[redacted]", text)


@dataclass(frozen=True)
class CrashReport:
    """One uncaught exception, as the dialog shows it and the crash file keeps it."""

    when: float
    where: str  # "main thread", "thread image-io_0", "asyncio loop"
    summary: str  # "ValueError: the message"
    details: str  # the whole report: versions, platform, traceback
    path: Path | None = None  # the crash file, once written


def build_report(exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None,
                 *, where: str, redactor: Redactor | None = None, when: float | None = None,
                 context: str = "") -> CrashReport:
    when = time.time() if when is None else when
    trace = "".join(traceback.format_exception(exc_type, exc, tb))
    summary = traceback.format_exception_only(exc_type, exc)[-1].strip()
    lines = [
        f"Batch Image Generator {__version__} crash report",
        f"time: {time.strftime('%Y-%m-%d %H:%M:%S %z', time.localtime(when))}",
        f"where: {where}",
        f"python: {platform.python_version()} ({sys.executable})",
        f"platform: {platform.platform()}",
        f"frozen: {bool(getattr(sys, 'frozen', False))}",
    ]
    if context:
        lines.append(f"context: {context}")
    lines += ["", trace.rstrip()]
    return CrashReport(when, where, scrub(summary, redactor), scrub("\n".join(lines) + "\n", redactor))


def write_report(report: CrashReport, directory: Path, *, keep: int = KEEP_FILES) -> CrashReport:
    """Write the report as `crash-<time>-<pid>.txt` (readable by the user only) and keep the
    newest `keep` files. Returns the report with its path."""
    directory.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(report.when))
    path = directory / f"crash-{stamp}-{os.getpid()}-{time.time_ns() % 1_000_000:06d}.txt"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(report.details)
    for old in list_reports(directory)[keep:]:
        old.unlink(missing_ok=True)
    return CrashReport(report.when, report.where, report.summary, report.details, path)


def list_reports(directory: Path) -> list[Path]:
    """Crash files, newest first."""
    if not directory.is_dir():
        return []
    return sorted(directory.glob("crash-*.txt"), key=lambda p: (p.stat().st_mtime, p.name), reverse=True)


class CrashReporter:
    """Installs itself as sys.excepthook, threading.excepthook and an asyncio loop's exception
    handler; each crash is written to `directory` and passed to `on_crash` (which may be
    called from any thread)."""

    def __init__(self, directory: Path, redactor: Redactor | None = None,
                 on_crash: Callable[[CrashReport], None] | None = None,
                 secrets: Callable[[], Iterable[str | None]] | None = None) -> None:
        self.directory = directory
        self.redactor = redactor or Redactor()
        self.on_crash = on_crash
        self.secrets = secrets  # values to remember before scrubbing (keys in the store)
        self.reports: list[CrashReport] = []
        self._previous: tuple[Any, Any] | None = None
        self._lock = threading.Lock()

    def install(self) -> CrashReporter:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook
        return self

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    # -- the three entry points ------------------------------------------------------------
    def excepthook(self, exc_type: type[BaseException], exc: BaseException | None,
                   tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        self.report(exc_type, exc, tb, where="main thread")

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "unknown"
        self.report(args.exc_type, args.exc_value, args.exc_traceback, where=f"thread {name}")

    def loop_exception_handler(self, loop: Any, context: dict[str, Any]) -> None:
        """asyncio's handler: exceptions nobody awaited. Plain messages (no exception) are
        only logged; cancellations are not crashes."""
        exc = context.get("exception")
        message = str(context.get("message") or "")
        if exc is None:
            log.warning("asyncio: %s", self.redactor.scrub(message))
            return
        if isinstance(exc, (KeyboardInterrupt, SystemExit)) or type(exc).__name__ == "CancelledError":
            return
        self.report(type(exc), exc, exc.__traceback__, where="asyncio loop", context=message)

    # -- writing -----------------------------------------------------------------------------
    def report(self, exc_type: type[BaseException], exc: BaseException | None,
               tb: TracebackType | None, *, where: str, context: str = "") -> CrashReport:
        self._remember_secrets()
        made = build_report(exc_type, exc, tb, where=where, redactor=self.redactor, context=context)
        try:
            made = write_report(made, self.directory)
        except OSError as err:  # a full disk must not hide the crash itself
            log.error("cannot write a crash file in %s: %s", self.directory, err)
        with self._lock:
            self.reports.append(made)
        log.error("uncaught exception (%s): %s%s", where, made.summary,
                  f"; details in {made.path}" if made.path else "")
        if self.on_crash is not None:
            try:
                self.on_crash(made)
            except Exception:  # the reporter itself must never raise from a hook
                log.exception("showing the crash report failed")
        else:
            print(made.details, file=sys.stderr)
        return made

    def _remember_secrets(self) -> None:
        if self.secrets is None:
            return
        try:
            for value in self.secrets():
                self.redactor.remember(value)
        except Exception:  # a locked keyring: the patterns still scrub key-shaped text
            log.debug("could not read the secrets to scrub a crash report", exc_info=True)
