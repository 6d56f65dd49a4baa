"""Provider, model and size choosers that follow each other: the models of the chosen
provider, the sizes of the chosen model (or common sizes, editable, when any size goes)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from desktop.core.queue.intake import parse_size
from desktop.ui.core_text import model_label

COMMON_SIZES = ("1024x1024", "1536x1024", "1024x1536", "1344x768", "768x1344", "832x1216",
                "1216x832", "768x768", "512x512")
SOURCE_LABEL_ROLE = Qt.ItemDataRole.UserRole + 1


def provider_display_names(services: Any) -> dict[str, str]:
    return {cls.name: cls.display_name for cls in services.providers.classes()}


class ProviderPickerView(QWidget):
    changed = Signal()

    def __init__(self, services: Any, provider: str = "", model: str = "", size: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.names = provider_display_names(services)
        self.provider_combo = QComboBox(self)
        self.provider_combo.setObjectName("ProviderCombo")
        self.model_combo = QComboBox(self)
        self.model_combo.setObjectName("ModelCombo")
        self.size_combo = QComboBox(self)
        self.size_combo.setObjectName("SizeCombo")
        self.size_combo.setEditable(True)
        for name in services.providers.names():
            self.provider_combo.addItem(self.names.get(name, name), name)
        self.provider_label, self.model_label, self.size_label = QLabel(self), QLabel(self), QLabel(self)
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addRow(self.provider_label, self.provider_combo)
        layout.addRow(self.model_label, self.model_combo)
        layout.addRow(self.size_label, self.size_combo)
        chosen = provider or services.config.default_provider
        self.provider_combo.setCurrentIndex(max(0, self.provider_combo.findData(chosen)))
        self._fill_models(model)
        self._fill_sizes(size or services.config.default_size or "1024x1024")
        self.provider_combo.currentIndexChanged.connect(self._provider_changed)
        self.model_combo.currentIndexChanged.connect(self._model_changed)
        self.size_combo.currentTextChanged.connect(lambda _t: self.changed.emit())
        self.retranslate()

    def provider(self) -> str:
        return str(self.provider_combo.currentData() or "")

    def model(self) -> str:
        data = self.model_combo.currentData()
        return "" if data is None else str(data)

    def size(self) -> tuple[int, int]:
        """(width, height); raises ValueError with a readable message for a bad entry."""
        return parse_size(self.size_combo.currentText())

    def _capabilities(self) -> Any | None:
        name = self.provider()
        return self.services.providers.get(name).capabilities() if name in self.services.providers else None

    def _fill_models(self, wanted: str = "") -> None:
        self.model_combo.blockSignals(True)
        self.model_combo.clear()
        caps = self._capabilities()
        configured = self.services.config.provider(self.provider()).default_model
        for info in caps.models if caps else ():
            self.model_combo.addItem(model_label(info.label or info.id), info.id)
            row = self.model_combo.count() - 1
            self.model_combo.setItemData(row, info.id, Qt.ItemDataRole.ToolTipRole)
            self.model_combo.setItemData(row, info.label or info.id, SOURCE_LABEL_ROLE)
        target = wanted or configured or (caps.default_model if caps else "")
        index = self.model_combo.findData(target)
        if index < 0 and target:
            self.model_combo.addItem(target, target)
            index = self.model_combo.count() - 1
        self.model_combo.setCurrentIndex(max(0, index))
        self.model_combo.blockSignals(False)

    def _fill_sizes(self, wanted: str = "") -> None:
        current = wanted or self.size_combo.currentText()
        caps = self._capabilities()
        info = caps.model(self.model()) if caps else None
        sizes = list(info.sizes) if info and info.sizes else list(COMMON_SIZES)
        self.size_combo.blockSignals(True)
        self.size_combo.clear()
        self.size_combo.addItems(sizes)
        if current in sizes or not (info and info.sizes):
            self.size_combo.setCurrentText(current)
        self.size_combo.blockSignals(False)

    def _provider_changed(self) -> None:
        self._fill_models()
        self._fill_sizes()
        self.changed.emit()

    def _model_changed(self) -> None:
        self._fill_sizes()
        self.changed.emit()

    def retranslate(self) -> None:
        self.provider_label.setText(self.tr("Provider"))
        self.model_label.setText(self.tr("Model"))
        self.size_label.setText(self.tr("Size"))
        self.size_combo.setToolTip(self.tr("Width × height in pixels, e.g. 1024x1024"))
        for row in range(self.model_combo.count()):
            source = self.model_combo.itemData(row, SOURCE_LABEL_ROLE)
            if source:
                self.model_combo.setItemText(row, model_label(source))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
