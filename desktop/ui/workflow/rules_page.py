"""Editing a project's brand rules: palette with ΔE2000 tolerance and the share that must
match, aspect ratios and minimum size, forbidden and required prompt words, the safe-area
margin, and "no text". Saving records a rule change; every image is then checked again
on request, and results export as CSV or JSON."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.workflow.brand_rules import BrandRules
from desktop.core.workflow.errors import FormatError


def _split(text: str) -> list[str]:
    return [w.strip() for w in text.replace("，", ",").replace("、", ",").split(",") if w.strip()]


class BrandRulesView(QWidget):
    save_requested = Signal(object, str)  # BrandRules, note
    check_all_requested = Signal()
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WorkflowRules")
        self.colours = QLineEdit(self)
        self.colours.textChanged.connect(self._swatches)
        self.swatch_row = QHBoxLayout()
        self.swatch_row.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.swatches: list[QLabel] = []
        self.tolerance = QDoubleSpinBox(self)
        self.tolerance.setRange(0.5, 50.0)
        self.tolerance.setDecimals(1)
        self.share = QSpinBox(self)
        self.share.setRange(0, 100)
        self.share.setSuffix(" %")
        self.ratios = QLineEdit(self)
        self.min_w, self.min_h = QSpinBox(self), QSpinBox(self)
        for spin in (self.min_w, self.min_h):
            spin.setRange(0, 16384)
            spin.setSingleStep(64)
        self.forbidden = QLineEdit(self)
        self.required = QLineEdit(self)
        self.margin = QSpinBox(self)
        self.margin.setRange(0, 45)
        self.margin.setSuffix(" %")
        self.edge = QDoubleSpinBox(self)
        self.edge.setRange(0.0, 100.0)
        self.edge.setDecimals(1)
        self.edge.setSuffix(" %")
        self.text_free = QCheckBox(self)
        self.note = QLineEdit(self)
        self.error = QLabel(self)
        self.error.setObjectName("WorkflowError")
        self.version = QLabel(self)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("WorkflowSaveRules")
        self.save_button.clicked.connect(self._save)
        self.check_button = QPushButton(self)
        self.check_button.clicked.connect(self.check_all_requested)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self.export_requested)
        self.labels = {k: QLabel(self) for k in ("colours", "tolerance", "share", "ratios", "size", "forbidden",
                                                 "required", "margin", "edge", "note")}
        size = QHBoxLayout()
        size.addWidget(self.min_w)
        size.addWidget(QLabel("×", self))
        size.addWidget(self.min_h)
        size.addStretch(1)
        colours = QVBoxLayout()
        colours.addWidget(self.colours)
        colours.addLayout(self.swatch_row)
        form = QFormLayout()
        for key, field in (("colours", colours), ("tolerance", self.tolerance), ("share", self.share),
                           ("ratios", self.ratios), ("size", size), ("forbidden", self.forbidden),
                           ("required", self.required), ("margin", self.margin), ("edge", self.edge)):
            form.addRow(self.labels[key], field)
        form.addRow("", self.text_free)
        form.addRow(self.labels["note"], self.note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.version, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self._version = 0
        self.retranslate()
        self.load(BrandRules(), 0)

    def retranslate(self) -> None:
        texts = {"colours": self.tr("Palette colours:"), "tolerance": self.tr("Colour tolerance (ΔE2000):"),
                 "share": self.tr("Share of pixels in the palette:"), "ratios": self.tr("Aspect ratios:"),
                 "size": self.tr("Minimum size:"), "forbidden": self.tr("Forbidden words:"),
                 "required": self.tr("Required words:"), "margin": self.tr("Safe-area margin:"),
                 "edge": self.tr("Most edge detail in the margin:"), "note": self.tr("Why (for the history):")}
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.colours.setPlaceholderText(self.tr("#C81E2D, #141E50 (empty: no palette rule)"))
        self.ratios.setPlaceholderText(self.tr("1:1, 4:5, 9:16 (empty: any)"))
        self.forbidden.setPlaceholderText(self.tr("Comma-separated, e.g. watermark, competitor"))
        self.required.setPlaceholderText(self.tr("Comma-separated, e.g. brand name"))
        self.margin.setSpecialValueText(self.tr("Off"))
        self.min_w.setSpecialValueText(self.tr("Any"))
        self.min_h.setSpecialValueText(self.tr("Any"))
        self.margin.setToolTip(self.tr("Busy detail should not reach this band along the edges"))
        self.text_free.setText(self.tr("No text in the image (asks a vision model when one is available)"))
        self.save_button.setText(self.tr("Save rules"))
        self.check_button.setText(self.tr("Check all images"))
        self.export_button.setText(self.tr("Export results…"))
        self._show_version()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_version(self) -> None:
        self.version.setText(self.tr("Rules version %1").replace("%1", str(self._version))
                             if self._version else self.tr("No rules yet"))

    def load(self, rules: BrandRules, version: int) -> None:
        self._version = version
        self.colours.setText(", ".join(rules.palette.colours))
        self.tolerance.setValue(rules.palette.tolerance)
        self.share.setValue(round(rules.palette.min_share * 100))
        self.ratios.setText(", ".join(rules.aspect_ratios))
        self.min_w.setValue(rules.min_width)
        self.min_h.setValue(rules.min_height)
        self.forbidden.setText(", ".join(rules.forbidden_words))
        self.required.setText(", ".join(rules.required_words))
        self.margin.setValue(round(rules.safe_margin * 100))
        self.edge.setValue(rules.max_edge_density * 100)
        self.text_free.setChecked(rules.text_free)
        self.note.clear()
        self.error.clear()
        self._show_version()

    def rules(self) -> BrandRules:
        data = {
            "palette": {"colours": _split(self.colours.text()), "tolerance": self.tolerance.value(),
                        "min_share": self.share.value() / 100},
            "aspect_ratios": _split(self.ratios.text()), "min_width": self.min_w.value(),
            "min_height": self.min_h.value(), "forbidden_words": _split(self.forbidden.text()),
            "required_words": _split(self.required.text()), "safe_margin": self.margin.value() / 100,
            "max_edge_density": self.edge.value() / 100, "text_free": self.text_free.isChecked(),
        }
        return BrandRules.from_dict(data)

    def _save(self) -> None:
        try:
            rules = self.rules()
        except FormatError as exc:
            field = exc.where.rsplit(".", 1)[-1]
            self.error.setText(self.tr("Check this field: %1").replace("%1", self._field_name(field)))
            return
        self.error.clear()
        self.save_requested.emit(rules, self.note.text().strip())

    def _field_name(self, field: str) -> str:
        return {"colours": self.labels["colours"].text(), "aspect_ratios": self.labels["ratios"].text()}.get(
            field, field).rstrip(":：")

    def _swatches(self) -> None:
        for swatch in self.swatches:
            swatch.deleteLater()
        self.swatches = []
        for text in _split(self.colours.text())[:12]:
            colour = QColor(text if text.startswith("#") else f"#{text}")
            if not colour.isValid():
                continue
            swatch = QLabel(self)
            swatch.setFixedSize(22, 16)
            swatch.setStyleSheet(f"background:{colour.name()}; border:1px solid #888;")
            swatch.setToolTip(colour.name().upper())
            self.swatch_row.addWidget(swatch)
            self.swatches.append(swatch)
