"""A project's images as a grid with their brand-check marks, picks and outliers; the
decisions, variants, checks, captions and explanations act on the selection, and the
panel below shows the selected image's check results with their numbers."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.workflow.image_grid_model import FILTERS, ImageGridModel
from desktop.ui.workflow.labels import rule_name, rule_text, status_name

DECISION_BUTTONS = ("pick", "reject", "approve", "request_changes", "comment")


class ProjectImagesView(QWidget):
    decision_requested = Signal(str, list)  # kind, asset ids
    variants_requested = Signal(int, int, bool)  # asset id, count, vary prompt
    check_requested = Signal(list)
    explain_requested = Signal(int)
    caption_requested = Signal(int)
    lineage_requested = Signal(int)
    selection_changed = Signal(list)

    def __init__(self, model: ImageGridModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WorkflowImages")
        self.model = model
        self.filter_combo = QComboBox(self)
        self.jump_label = QLabel(self)
        self.show_all_button = QPushButton(self)
        self.show_all_button.clicked.connect(lambda: self.model.show_project(self.model.project_id))
        self.grid = QListView(self)
        self.grid.setObjectName("WorkflowImageGrid")
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setIconSize(QSize(150, 150))
        self.grid.setGridSize(QSize(176, 196))
        self.grid.setUniformItemSizes(True)
        self.grid.setWordWrap(True)
        self.grid.setSelectionMode(QListView.SelectionMode.ExtendedSelection)
        self.grid.setModel(model)
        self.grid.selectionModel().selectionChanged.connect(lambda *_: self.refresh_selection())
        self.grid.doubleClicked.connect(lambda i: self.lineage_requested.emit(int(model.asset_id(i.row()))))
        model.modelReset.connect(self._model_reset)
        self.decision_buttons = {kind: QPushButton(self) for kind in DECISION_BUTTONS}
        for kind, button in self.decision_buttons.items():
            button.clicked.connect(lambda _c=False, k=kind: self.decision_requested.emit(k, self.selected()))
        self.variant_count = QSpinBox(self)
        self.variant_count.setRange(1, 32)
        self.variant_count.setValue(4)
        self.vary_prompt = QCheckBox(self)
        self.variants_button = QPushButton(self)
        self.variants_button.setObjectName("WorkflowVariantsButton")
        self.variants_button.clicked.connect(self._variants)
        self.check_button = QPushButton(self)
        self.check_button.clicked.connect(lambda: self.check_requested.emit(self.selected()))
        self.explain_button = QPushButton(self)
        self.explain_button.clicked.connect(lambda: self._one(self.explain_requested))
        self.caption_button = QPushButton(self)
        self.caption_button.clicked.connect(lambda: self._one(self.caption_requested))
        self.lineage_button = QPushButton(self)
        self.lineage_button.clicked.connect(lambda: self._one(self.lineage_requested))
        self.results = QLabel(self)
        self.results.setObjectName("WorkflowCheckResults")
        self.results.setWordWrap(True)
        self.results.setTextFormat(Qt.TextFormat.RichText)
        self.output = QPlainTextEdit(self)
        self.output.setReadOnly(True)
        self.output.setMaximumHeight(110)

        top = QHBoxLayout()
        top.addWidget(self.filter_combo)
        top.addWidget(self.jump_label, 1)
        top.addWidget(self.show_all_button)
        decide = QHBoxLayout()
        for button in self.decision_buttons.values():
            decide.addWidget(button)
        decide.addStretch(1)
        act = QHBoxLayout()
        act.addWidget(self.variant_count)
        act.addWidget(self.vary_prompt)
        act.addWidget(self.variants_button)
        act.addStretch(1)
        for button in (self.lineage_button, self.check_button, self.explain_button, self.caption_button):
            act.addWidget(button)
        panel = QWidget(self)
        below = QVBoxLayout(panel)
        below.setContentsMargins(0, 0, 0, 0)
        below.addLayout(decide)
        below.addLayout(act)
        below.addWidget(self.results)
        below.addWidget(self.output)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.grid)
        split.addWidget(panel)
        split.setStretchFactor(0, 3)
        split.setSizes([520, 260])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.filter_combo.currentIndexChanged.connect(
            lambda _i: self.model.set_filter(str(self.filter_combo.currentData() or "all")))
        self.retranslate()
        self.refresh_selection()

    def retranslate(self) -> None:
        names = {"all": self.tr("All images"), "passed": self.tr("Brand check passed"),
                 "failed": self.tr("Brand check failed"), "outliers": self.tr("Consistency outliers"),
                 "picked": self.tr("Picked or approved")}
        current = self.filter_combo.currentData() or "all"
        self.filter_combo.blockSignals(True)
        self.filter_combo.clear()
        for key in FILTERS:
            self.filter_combo.addItem(names[key], key)
        self.filter_combo.setCurrentIndex(max(0, self.filter_combo.findData(current)))
        self.filter_combo.blockSignals(False)
        texts = {"pick": self.tr("Pick"), "reject": self.tr("Reject"), "approve": self.tr("Approve"),
                 "request_changes": self.tr("Request changes…"), "comment": self.tr("Comment…")}
        for kind, button in self.decision_buttons.items():
            button.setText(texts[kind])
        self.vary_prompt.setText(self.tr("Vary the prompt"))
        self.vary_prompt.setToolTip(self.tr("Besides new seeds, add small changes of composition or light"))
        self.variants_button.setText(self.tr("Make variants"))
        self.check_button.setText(self.tr("Check again"))
        self.explain_button.setText(self.tr("Why does it fail?"))
        self.caption_button.setText(self.tr("Caption"))
        self.lineage_button.setText(self.tr("Show lineage"))
        self.show_all_button.setText(self.tr("Show all"))
        self.output.setPlaceholderText(self.tr("Explanations and captions from the language model appear here."))
        self._model_reset()
        self.refresh_selection()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _model_reset(self) -> None:
        jumped = self.model.only is not None
        self.jump_label.setText(self.tr("Showing the %n image(s) of one step", "", self.model.rowCount())
                                if jumped else "")
        self.show_all_button.setVisible(jumped)
        self.refresh_selection()

    def selected(self) -> list[int]:
        rows = sorted(i.row() for i in self.grid.selectionModel().selectedIndexes())
        return [a for a in (self.model.asset_id(r) for r in rows) if a is not None]

    def select(self, asset_ids: list[int]) -> None:
        selection = self.grid.selectionModel()
        selection.clearSelection()
        for asset_id in asset_ids:
            row = self.model.row_of(asset_id)
            if row >= 0:
                selection.select(self.model.index(row), QItemSelectionModel.SelectionFlag.Select)

    def _one(self, signal: Signal) -> None:
        chosen = self.selected()
        if chosen:
            signal.emit(chosen[0])

    def _variants(self) -> None:
        chosen = self.selected()
        if chosen:
            self.variants_requested.emit(chosen[0], self.variant_count.value(), self.vary_prompt.isChecked())

    def refresh_selection(self) -> None:
        chosen = self.selected()
        for button in (*self.decision_buttons.values(), self.check_button):
            button.setEnabled(bool(chosen))
        for button in (self.variants_button, self.lineage_button, self.caption_button):
            button.setEnabled(len(chosen) == 1)
        check = self.model.check(chosen[0]) if len(chosen) == 1 else None
        self.explain_button.setEnabled(check is not None and not check.passed)
        self.results.setText(self._results_html(check) if len(chosen) == 1 else (
            self.tr("%n image(s) selected", "", len(chosen)) if chosen else self.tr("Select an image to see its brand check.")))
        self.selection_changed.emit(chosen)

    def _results_html(self, check: object) -> str:
        if check is None:
            return self.tr("No brand check yet: the project has no rules, or the check is still running.")
        rows = []
        for r in check.result.results:  # type: ignore[attr-defined]
            colour = {"pass": "#1e8449", "fail": "#c0392b"}.get(r.status, "#7f8c8d")
            rows.append(f"<tr><td><b>{rule_name(r.rule)}</b></td>"
                        f"<td style='color:{colour}; padding: 0 6px'>{status_name(r.status)}</td>"
                        f"<td>{rule_text(r.rule, r.status, r.value, r.limit, r.detail)}</td></tr>")
        verdict = self.tr("Passes the brand rules") if check.passed else self.tr("Fails the brand rules")  # type: ignore[attr-defined]
        return f"<p><b>{verdict}</b></p><table>{''.join(rows)}</table>"

    def show_output(self, text: str) -> None:
        self.output.setPlainText(text)

    def append_output(self, piece: str) -> None:
        self.output.moveCursor(self.output.textCursor().MoveOperation.End)
        self.output.insertPlainText(piece)
