"""Collecting every string a window shows (labels, buttons, titles, tabs, menus, headers,
placeholders, tool tips) and finding English words left in a translated UI."""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)

WORD = re.compile(r"[A-Za-z]{2,}")
# Things that are not words of the interface: removed before looking for English.
IDENTIFIERS = (
    re.compile(r"https?://\S+"),  # URLs
    re.compile(r"(?<!\w)/[\w./-]+"),  # absolute paths
    re.compile(r"\b[\w-]+\.[a-z]{2,4}\b"),  # file names
    re.compile(r"\b[a-z]{2}-[A-Z]{2}\b"),  # locale codes
    re.compile(r"\b[a-z]{2}…[0-9a-f]{4}\b"),  # a masked key
    re.compile(r"\b[a-z0-9]+(?:-[a-z0-9]+)+\b"),  # model ids such as gpt-4o-mini
)
NOISE = (
    re.compile(r"\b[A-Z][A-Z0-9_]+\b"),  # environment variables, CFG, API, FLUX
    re.compile(r"\bCtrl\+[\w+]+|\b(Shift|Enter|Del|Home|End|Up|Down)\b"),  # key names
    re.compile(r"__\w+__|--\w+|\{[^}]*\}"),  # prompt syntax in examples
)


class MissRecorder(QTranslator):
    """Installed before the real translators, so Qt asks it last: every call it sees is a
    string no translation file answered."""

    def __init__(self) -> None:
        super().__init__()
        self.missed: set[tuple[str, str]] = set()

    def isEmpty(self) -> bool:  # noqa: N802 - Qt skips empty translators
        return False

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        if context and not re.match(r"Q[A-Z]", context) and source:
            self.missed.add((context, source))
        return None  # a null string: "no translation here", so the source text is shown


def texts_of(root: QWidget, skip_data_of: Iterable[str] = (),
             skip_subtrees: Iterable[QWidget] = ()) -> list[tuple[str, str]]:
    """(where, text) for every string the widgets under `root` show or hold ready to show.
    Item view cells are user data and not listed, except headers."""
    skip = set(skip_data_of)
    found: list[tuple[str, str]] = []

    def add(widget: QWidget, what: str, text: object) -> None:
        if isinstance(text, str) and text.strip():
            found.append((f"{type(widget).__name__}#{widget.objectName()}.{what}", text))

    skipped = [w for w in skip_subtrees if w is not None]

    def inside_skipped(widget: QWidget) -> bool:
        node = widget
        while node is not None:  # parent() also crosses into popups and dialogs
            if any(node is s for s in skipped):
                return True
            node = node.parent()
        return False

    for widget in [root, *root.findChildren(QWidget)]:
        if inside_skipped(widget):
            continue
        if widget.isWindow():
            add(widget, "windowTitle", widget.windowTitle())
        add(widget, "toolTip", widget.toolTip())
        if isinstance(widget, QLabel):
            add(widget, "text", re.sub(r"<[^>]+>", "", widget.text()))
        elif isinstance(widget, QAbstractButton):
            add(widget, "text", widget.text())
        elif isinstance(widget, QGroupBox):
            add(widget, "title", widget.title())
        elif isinstance(widget, QLineEdit | QPlainTextEdit):
            add(widget, "placeholder", widget.placeholderText())
        elif isinstance(widget, QAbstractSpinBox):
            add(widget, "specialValueText", widget.specialValueText())
        if isinstance(widget, QComboBox) and not widget.isEditable() and widget.objectName() not in skip \
                and not widget.objectName().startswith("option-"):
            for i in range(widget.count()):
                add(widget, f"item{i}", widget.itemText(i))
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                add(widget, f"tab{i}", widget.tabText(i))
        if isinstance(widget, QMenu):
            add(widget, "title", widget.title())
        if isinstance(widget, QTableView | QTreeView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount()):
                add(widget, f"header{column}", model.headerData(column, Qt.Orientation.Horizontal))
        for action in widget.actions():
            add(widget, f"action:{action.objectName()}", action.text())
            add(widget, f"actionTip:{action.objectName()}", action.toolTip())
    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            add(root, "menu", action.text())
    return found


def english_words(text: str, allowed: set[str]) -> list[str]:
    cleaned = text
    for pattern in IDENTIFIERS:
        cleaned = pattern.sub(" ", cleaned)
    for word in sorted(allowed, key=len, reverse=True):
        if re.search(r"[A-Za-z]", word):
            cleaned = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", " ", cleaned)
    for pattern in NOISE:
        cleaned = pattern.sub(" ", cleaned)
    return WORD.findall(cleaned)


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)
