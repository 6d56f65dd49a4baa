"""The panel beside the grid: the selected image large, every metadata field (the row's,
the request's and what the file itself carries), copy prompt/seed, rating, favourite,
tags, collections, and the way back to the queue. With several images selected it offers
rating, favourite, tags and comparing them side by side."""

from __future__ import annotations

import json
from pathlib import PurePosixPath

from PySide6.QtCore import QEvent, QSize, QStringListModel, Qt, Signal
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.gallery.views import AssetDetails
from desktop.ui import formatting
from desktop.ui.gallery.labels import field_name, origin_name, writer_name
from desktop.ui.gallery.rating_view import RatingView

IMAGE_HEIGHT = 300
REQUEST_FIELDS = ("steps", "cfg_scale", "quality", "style")


def split_tags(text: str) -> list[str]:
    """Tags typed as "a, b，c" (a full-width comma counts too)."""
    return [t.strip() for t in text.replace("，", ",").split(",") if t.strip()]


class DetailPanelView(QWidget):
    rating_changed = Signal(int)
    favorite_toggled = Signal(bool)
    tags_edited = Signal(list)  # the whole new list of tags
    copy_prompt_clicked = Signal()
    copy_seed_clicked = Signal()
    rerun_clicked = Signal()
    template_clicked = Signal()
    compare_clicked = Signal()
    collections_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("GalleryDetail")
        self.details: AssetDetails | None = None
        self._image = QImage()
        self._count = 0
        self.image_label = QLabel(self)
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_label.setMinimumSize(200, IMAGE_HEIGHT)
        self.image_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.title_label = QLabel(self)
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rating_view = RatingView(self)
        self.favorite_button = QToolButton(self)
        self.favorite_button.setCheckable(True)
        self.favorite_button.setText("♥")
        self.favorite_button.setStyleSheet("QToolButton:checked { color: rgb(235, 64, 90); }")
        self.copy_prompt_button, self.copy_seed_button = QPushButton(self), QPushButton(self)
        self.rerun_button, self.template_button = QPushButton(self), QPushButton(self)
        self.compare_button = QPushButton(self)
        self.prompt_label, self.negative_label = QLabel(self), QLabel(self)
        self.prompt_text, self.negative_text = QPlainTextEdit(self), QPlainTextEdit(self)
        for text in (self.prompt_text, self.negative_text):
            text.setReadOnly(True)
        self.prompt_text.setMaximumHeight(96)
        self.negative_text.setMaximumHeight(56)
        self.tags_label, self.tags_edit = QLabel(self), QLineEdit(self)
        self._tag_words = QStringListModel(self)
        completer = QCompleter(self._tag_words, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags_edit.setCompleter(completer)
        self.collections_label = QLabel(self)
        self.collections_label.setWordWrap(True)
        self.collections_button = QPushButton(self)
        self.fields_tree = QTreeWidget(self)
        self.fields_tree.setColumnCount(2)
        self.fields_tree.setRootIsDecorated(False)
        self.fields_tree.setWordWrap(True)
        self.fields_tree.setMinimumHeight(200)
        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self._build_layout()
        self.rating_view.rating_changed.connect(self.rating_changed)
        self.favorite_button.toggled.connect(self.favorite_toggled)
        self.copy_prompt_button.clicked.connect(self.copy_prompt_clicked)
        self.copy_seed_button.clicked.connect(self.copy_seed_clicked)
        self.rerun_button.clicked.connect(self.rerun_clicked)
        self.template_button.clicked.connect(self.template_clicked)
        self.compare_button.clicked.connect(self.compare_clicked)
        self.collections_button.clicked.connect(self.collections_clicked)
        self.tags_edit.editingFinished.connect(self._tags_done)
        self.retranslate()
        self.show_selection(0)

    def _build_layout(self) -> None:
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(8, 8, 8, 8)
        column.addWidget(self.image_label)
        column.addWidget(self.title_label)
        marks = QHBoxLayout()
        marks.addWidget(self.rating_view)
        marks.addWidget(self.favorite_button)
        marks.addStretch(1)
        column.addLayout(marks)
        buttons = QGridLayout()
        buttons.addWidget(self.copy_prompt_button, 0, 0)
        buttons.addWidget(self.copy_seed_button, 0, 1)
        buttons.addWidget(self.rerun_button, 1, 0)
        buttons.addWidget(self.template_button, 1, 1)
        buttons.addWidget(self.compare_button, 2, 0, 1, 2)
        column.addLayout(buttons)
        for widget in (self.prompt_label, self.prompt_text, self.negative_label, self.negative_text,
                       self.tags_label, self.tags_edit):
            column.addWidget(widget)
        collections = QHBoxLayout()
        collections.addWidget(self.collections_label, 1)
        collections.addWidget(self.collections_button)
        column.addLayout(collections)
        column.addWidget(self.fields_tree, 1)
        column.addWidget(self.empty_label, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def retranslate(self) -> None:
        self.favorite_button.setToolTip(self.tr("Favourite"))
        self.copy_prompt_button.setText(self.tr("Copy prompt"))
        self.copy_seed_button.setText(self.tr("Copy seed"))
        self.rerun_button.setText(self.tr("Generate again"))
        self.rerun_button.setToolTip(
            self.tr("Queue this image's settings again with a new seed (opens the queue's preview)"))
        self.template_button.setText(self.tr("Use as template"))
        self.template_button.setToolTip(
            self.tr("Open these settings in the queue to change them before generating"))
        self.compare_button.setText(self.tr("Compare side by side"))
        self.prompt_label.setText(f"<b>{field_name('prompt')}</b>")
        self.negative_label.setText(f"<b>{field_name('negative_prompt')}</b>")
        self.tags_label.setText(f"<b>{field_name('tags')}</b>")
        self.tags_edit.setPlaceholderText(self.tr("Add tags, separated by commas"))
        self.collections_button.setText(self.tr("Collections…"))
        self.fields_tree.setHeaderLabels([self.tr("Field"), self.tr("Value")])
        self.empty_label.setText(self.tr("Select an image to see how it was made."))
        if self.details is not None:
            self.show_details(self.details)
        elif self._count > 1:
            self.show_selection(self._count)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- content --------------------------------------------------------------------------
    def image_target(self) -> QSize:
        return QSize(max(self.image_label.width(), 320), IMAGE_HEIGHT)

    def show_selection(self, count: int) -> None:
        """0: nothing selected; 1: wait for show_details; more: the multi-image actions."""
        self._count = count
        single, many = count == 1, count > 1
        if not single:
            self.details = None
            self._image = QImage()
            self.image_label.clear()
        for widget in (self.copy_prompt_button, self.copy_seed_button, self.rerun_button,
                       self.template_button, self.prompt_label, self.prompt_text,
                       self.negative_label, self.negative_text, self.fields_tree,
                       self.image_label):
            widget.setVisible(single)
        for widget in (self.rating_view, self.favorite_button, self.tags_label, self.tags_edit,
                       self.collections_button, self.collections_label, self.title_label):
            widget.setVisible(count > 0)
        self.compare_button.setVisible(many)
        self.empty_label.setVisible(count == 0)
        if many:
            self.title_label.setText(self.tr("%1 images selected").replace("%1", formatting.number(count)))
            self.collections_label.clear()
            self.tags_edit.clear()
            self.rating_view.set_rating(0)
            self.favorite_button.blockSignals(True)
            self.favorite_button.setChecked(False)
            self.favorite_button.blockSignals(False)

    def set_tag_words(self, words: list[str]) -> None:
        self._tag_words.setStringList(words)

    def show_image(self, image: QImage) -> None:
        self._image = image
        self._fit_image()

    def _fit_image(self) -> None:
        if self._image.isNull():
            return
        target = QSize(max(self.image_label.width(), 1), IMAGE_HEIGHT)
        scaled = self._image.scaled(target, Qt.AspectRatioMode.KeepAspectRatio,
                                    Qt.TransformationMode.SmoothTransformation)
        self.image_label.setPixmap(QPixmap.fromImage(scaled))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_image()

    def show_details(self, details: AssetDetails) -> None:
        self.details = details
        asset = details.asset
        self.show_selection(1)
        self.details = details
        self.title_label.setText(f"<b>{PurePosixPath(asset.path).name}</b>")
        self.rating_view.set_rating(asset.rating)
        self.favorite_button.blockSignals(True)
        self.favorite_button.setChecked(asset.favorite)
        self.favorite_button.blockSignals(False)
        self.prompt_text.setPlainText(asset.prompt)
        self.negative_text.setPlainText(asset.negative_prompt)
        self.negative_label.setVisible(bool(asset.negative_prompt))
        self.negative_text.setVisible(bool(asset.negative_prompt))
        self.copy_seed_button.setEnabled(asset.seed is not None)
        self.tags_edit.setText(", ".join(asset.tags))
        self.collections_label.setText(
            self.tr("In: %1").replace("%1", "、".join(details.collections)) if details.collections
            else self.tr("In no collection"))
        self._fill_fields(details)

    def _fill_fields(self, details: AssetDetails) -> None:
        asset, request = details.asset, details.request
        rows: list[tuple[str, str]] = [
            ("provider", asset.provider), ("model", asset.model),
            ("seed", "" if asset.seed is None else str(asset.seed)),
            ("size", f"{asset.width} × {asset.height}"),
        ]
        rows += [(k, str(request[k])) for k in REQUEST_FIELDS if request.get(k) not in (None, "")]
        params = request.get("params") or {}
        if params:
            rows.append(("params", json.dumps(params, ensure_ascii=False, sort_keys=True)))
        rows += [
            ("cost", formatting.money(asset.cost_usd)), ("created", formatting.date_time(asset.created_at)),
            ("origin", origin_name(asset.origin)), ("file", asset.path),
            ("file_size", self.tr("%1 KB").replace("%1", formatting.number(asset.size_bytes / 1024, 0))),
            ("batch", "" if asset.batch_id is None else f"#{asset.batch_id}"),
            ("job", "" if asset.job_id is None else f"#{asset.job_id}"),
            ("prompt_source", details.job_source), ("sha256", asset.sha256[:16]),
        ]
        self.fields_tree.clear()
        for key, value in rows:
            if value:
                QTreeWidgetItem(self.fields_tree, [field_name(key), value])
        if details.file_fields or not details.file_exists:
            header = QTreeWidgetItem(self.fields_tree, [self.tr("In the file"), ""])
            font = header.font(0)
            font.setBold(True)
            header.setFont(0, font)
            if not details.file_exists:
                header.setText(1, self.tr("The image file is missing"))
            for key, value in details.file_fields.items():
                shown = writer_name(value) if key == "source" else value
                QTreeWidgetItem(self.fields_tree, [field_name(key), shown])
        self.fields_tree.resizeColumnToContents(0)

    def _tags_done(self) -> None:
        if self._count == 0:
            return
        tags = split_tags(self.tags_edit.text())
        current = list(self.details.asset.tags) if self.details and self._count == 1 else []
        if tags != current:
            self.tags_edited.emit(tags)
