"""The actions on selected jobs, with their shortcuts, and which of them make sense for a
selection (pausing needs a waiting job, retrying a failed or cancelled one...)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

from desktop.core.queue.types import JobRow

# name -> (shortcut, standard icon or None)
SPECS: dict[str, tuple[str, QStyle.StandardPixmap | None]] = {
    "pause": ("Ctrl+P", QStyle.StandardPixmap.SP_MediaPause),
    "resume": ("Ctrl+R", QStyle.StandardPixmap.SP_MediaPlay),
    "cancel": ("Del", QStyle.StandardPixmap.SP_DialogCancelButton),
    "retry": ("Ctrl+Shift+R", QStyle.StandardPixmap.SP_BrowserReload),
    "front": ("Ctrl+Home", QStyle.StandardPixmap.SP_ArrowUp),
    "back": ("Ctrl+End", QStyle.StandardPixmap.SP_ArrowDown),
    "raise": ("Ctrl+Up", None),
    "lower": ("Ctrl+Down", None),
    "priority": ("Ctrl+Alt+P", None),
    "edit": ("F2", None),
    "duplicate": ("Ctrl+D", None),
    "gallery": ("Ctrl+G", None),
    "details": ("Ctrl+I", QStyle.StandardPixmap.SP_MessageBoxInformation),
}
# Above this many selected jobs the rows are not read just to grey out actions; the core
# only changes the jobs an action applies to anyway.
CHECK_LIMIT = 2000


class QueueActions(QObject):
    """`actions[name]` for every name in SPECS; shortcuts work while the queue tab has focus."""

    def __init__(self, owner: QWidget) -> None:
        super().__init__(owner)
        self.actions: dict[str, QAction] = {}
        for name, (keys, icon) in SPECS.items():
            action = QAction(owner)
            action.setObjectName(f"action-{name}")
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            if icon is not None:
                action.setIcon(owner.style().standardIcon(icon))
            owner.addAction(action)
            self.actions[name] = action
        self.retranslate()

    def __getitem__(self, name: str) -> QAction:
        return self.actions[name]

    def retranslate(self) -> None:
        texts = {
            "pause": self.tr("Pause"),
            "resume": self.tr("Resume"),
            "cancel": self.tr("Cancel"),
            "retry": self.tr("Retry"),
            "front": self.tr("Move to front"),
            "back": self.tr("Move to back"),
            "raise": self.tr("Raise priority"),
            "lower": self.tr("Lower priority"),
            "priority": self.tr("Set priority…"),
            "edit": self.tr("Edit…"),
            "duplicate": self.tr("Duplicate"),
            "gallery": self.tr("Show in gallery"),
            "details": self.tr("Error and attempts…"),
        }
        tips = {
            "pause": self.tr("Keep the selected waiting jobs from starting"),
            "resume": self.tr("Let the selected paused jobs run again"),
            "cancel": self.tr("Cancel the selected jobs; running ones are stopped"),
            "retry": self.tr("Run the selected failed or cancelled jobs again"),
            "edit": self.tr("Change the prompt or parameters of a job that has not run"),
            "gallery": self.tr("Open the image this job made"),
            "details": self.tr("The full error and every attempt of this job"),
        }
        for name, action in self.actions.items():
            action.setText(texts[name])
            tip = tips.get(name, texts[name])
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)

    def update_for(self, rows: Iterable[JobRow] | None, count: int) -> None:
        """Enable what applies to the selection; `rows` None means "too many to check"."""
        if rows is None:
            for name, action in self.actions.items():
                action.setEnabled(name not in ("edit", "gallery", "details"))
            return
        rows = list(rows)
        states = {row.state.value for row in rows}
        single = rows[0] if count == 1 and rows else None
        enabled = {
            "pause": "pending" in states,
            "resume": "paused" in states,
            "cancel": bool(states & {"pending", "paused", "running"}),
            "retry": bool(states & {"failed", "cancelled"}),
            "front": bool(states & {"pending", "paused"}),
            "back": bool(states & {"pending", "paused"}),
            "raise": bool(states & {"pending", "paused", "failed"}),
            "lower": bool(states & {"pending", "paused", "failed"}),
            "priority": bool(states & {"pending", "paused", "failed"}),
            "edit": single is not None and single.state.value in ("pending", "paused", "failed", "cancelled"),
            "duplicate": count > 0,
            "gallery": single is not None and single.asset_id is not None,
            "details": single is not None,
        }
        for name, action in self.actions.items():
            action.setEnabled(enabled[name])
