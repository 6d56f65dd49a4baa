"""The window's side of crash reporting: a dialog with what went wrong (copyable), where the
crash file is, and the choice to keep working or quit.

`CrashNotifier.notify` is handed to the core's `CrashReporter` as its `on_crash`; it may be
called from any thread and shows the dialog on the GUI thread. Later crashes while the
dialog is open are added to it rather than opening a dialog each.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop.core.crash_report import CrashReport


class CrashDialog(QDialog):
    """Shows one or more crash reports; `quit_requested` when the user chooses to quit."""

    quit_requested = Signal()

    def __init__(self, report: CrashReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CrashDialog")
        self.reports: list[CrashReport] = []
        self.icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        self.icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(size))
        self.heading = QLabel(self)
        self.heading.setObjectName("crash-heading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.where = QLabel(self)
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("crash-details")
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setMinimumHeight(220)
        self.buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("crash-copy")
        self.copy_button.clicked.connect(self.copy_details)
        self.folder_button = QPushButton(self)
        self.folder_button.clicked.connect(self.open_folder)
        self.keep_button = QPushButton(self)
        self.keep_button.setDefault(True)
        self.keep_button.clicked.connect(self.accept)
        self.quit_button = QPushButton(self)
        self.quit_button.setObjectName("crash-quit")
        self.quit_button.clicked.connect(self._quit)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        text = QVBoxLayout()
        text.addWidget(self.heading)
        text.addWidget(self.explanation)
        top.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(text, 1)
        layout.addLayout(top)
        layout.addWidget(self.where)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)
        self.resize(720, 520)
        self.add_report(report)

    def add_report(self, report: CrashReport) -> None:
        self.reports.append(report)
        self.details.setPlainText("\n\n".join(r.details for r in self.reports))
        self.retranslate()

    def text(self) -> str:
        return self.details.toPlainText()

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
        self.copy_button.setText(self.tr("Copied"))

    def open_folder(self) -> None:
        folder = next((r.path.parent for r in self.reports if r.path is not None), None)
        if folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _quit(self) -> None:
        self.reject()
        self.quit_requested.emit()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Batch Image Generator ran into a problem"))
        latest = self.reports[-1]
        count = len(self.reports)
        self.heading.setText(self.tr("Something went wrong: %1").replace("%1", latest.summary) if count == 1
                             else self.tr("%1 problems, the latest: %2").replace("%1", str(count))
                             .replace("%2", latest.summary))
        self.explanation.setText(self.tr(
            "The app did not expect this. Your library and queue are safe: jobs that were running "
            "go back to the queue the next time the app starts. You can keep working, or quit and "
            "start again. Keys and passwords were removed from the details below."))
        paths = [str(r.path) for r in self.reports if r.path is not None]
        self.where.setText(self.tr("Saved to %1").replace("%1", paths[-1]) if paths
                           else self.tr("The details could not be saved to a file; copy them instead."))
        self.folder_button.setVisible(bool(paths))
        self.copy_button.setText(self.tr("Copy details"))
        self.folder_button.setText(self.tr("Open crash folder"))
        self.keep_button.setText(self.tr("Keep working"))
        self.quit_button.setText(self.tr("Quit"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "quit_button"):
            self.retranslate()
        super().changeEvent(event)


class CrashNotifier(QObject):
    """Turns crash reports from any thread into one dialog on the GUI thread."""

    crashed = Signal(object)  # CrashReport, emitted from any thread
    dialog_shown = Signal(object)  # the CrashDialog, for tests and the window
    quit_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialog: CrashDialog | None = None
        self.parent_widget: QWidget | None = None  # the main window, once there is one
        self.crashed.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def notify(self, report: CrashReport) -> None:
        self.crashed.emit(report)

    def _show(self, report: CrashReport) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add_report(report)
            return
        self.dialog = CrashDialog(report, self.parent_widget)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.destroyed.connect(self._forget)
        self.dialog.quit_requested.connect(self.quit_requested)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog_shown.emit(self.dialog)

    def _forget(self) -> None:
        self.dialog = None


def crash_folder(config_dir: Path) -> Path:
    return config_dir / "crashes"
