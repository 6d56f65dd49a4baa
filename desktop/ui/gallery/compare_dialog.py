"""Two or more images side by side, each with its key settings underneath; settings
that differ between the images are shown in bold so the difference is easy to spot."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.gallery.views import AssetView
from desktop.ui import formatting
from desktop.ui.gallery.image_loader import ImageLoader
from desktop.ui.gallery.labels import field_name

MAX_SIDE = 420


def compared_fields(asset: AssetView) -> dict[str, str]:
    request = asset.request()
    return {
        "prompt": asset.prompt, "negative_prompt": asset.negative_prompt,
        "provider": asset.provider, "model": asset.model,
        "seed": "" if asset.seed is None else str(asset.seed),
        "size": f"{asset.width} × {asset.height}",
        "steps": "" if request.steps is None else str(request.steps),
        "cfg_scale": "" if request.cfg_scale is None else str(request.cfg_scale),
        "cost": formatting.money(asset.cost_usd), "rating": "★" * asset.rating,
    }


class CompareDialog(QDialog):
    def __init__(self, assets: Sequence[AssetView], file_of: Callable[[AssetView], str],
                 loader: ImageLoader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("GalleryCompare")
        self.assets = list(assets)
        self._labels: dict[int, QLabel] = {}
        self._forms: list[tuple[QFormLayout, dict[str, QLabel]]] = []
        side = max(200, min(MAX_SIDE, 1500 // max(len(self.assets), 1)))
        row = QHBoxLayout()
        values = [compared_fields(a) for a in self.assets]
        differs = {k for k in values[0] if len({v[k] for v in values}) > 1} if values else set()
        for asset, fields in zip(self.assets, values, strict=True):
            column = QVBoxLayout()
            picture = QLabel(self)
            picture.setFixedSize(side, side)
            picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
            picture.setStyleSheet("background: rgba(128,128,128,40);")
            column.addWidget(picture)
            form = QFormLayout()
            labels: dict[str, QLabel] = {}
            for key, value in fields.items():
                text = QLabel(value or "—", self)
                text.setWordWrap(True)
                text.setMaximumWidth(side)
                text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                if key in differs:
                    font = text.font()
                    font.setBold(True)
                    text.setFont(font)
                form.addRow(QLabel(self), text)
                labels[key] = text
            self._forms.append((form, labels))
            column.addLayout(form)
            column.addStretch(1)
            row.addLayout(column)
            ticket = loader.load(file_of(asset), QSize(side, side))
            self._labels[ticket] = picture
        body = QWidget(self)
        body.setLayout(row)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll)
        loader.image_loaded.connect(self._loaded)
        self.resize(min(1600, (side + 40) * len(self.assets)), side + 320)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Compare %1 images").replace("%1", str(len(self.assets))))
        for form, labels in self._forms:
            for row, key in enumerate(labels):
                label = form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
                if isinstance(label, QLabel):
                    label.setText(field_name(key))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _loaded(self, ticket: int, image: QImage) -> None:
        label = self._labels.pop(ticket, None)
        if label is not None:
            label.setPixmap(QPixmap.fromImage(image))

    @property
    def waiting(self) -> int:
        return len(self._labels)
