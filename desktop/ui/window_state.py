"""Remembering the window between runs: geometry, splitter positions, table headers and the
last tab, kept in the settings file's `ui` section (the last folder is kept there too)."""

from __future__ import annotations

import base64
from typing import Any

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter, QTabWidget


def _encode(data: QByteArray) -> str:
    return base64.b64encode(bytes(data.data())).decode("ascii")


def _decode(text: Any) -> QByteArray | None:
    if not isinstance(text, str) or not text:
        return None
    try:
        return QByteArray(base64.b64decode(text))
    except ValueError:
        return None


def save_window(ui: dict[str, Any], window: QMainWindow, tabs: QTabWidget) -> None:
    ui["geometry"] = _encode(window.saveGeometry())
    ui["window_state"] = _encode(window.saveState())
    ui["splitters"] = {s.objectName(): _encode(s.saveState())
                       for s in window.findChildren(QSplitter) if s.objectName()}
    ui["headers"] = {h.parent().objectName(): _encode(h.saveState())
                     for h in window.findChildren(QHeaderView)
                     if h.orientation().name == "Horizontal" and h.parent() and h.parent().objectName()}
    current = tabs.currentWidget()
    ui["last_tab"] = current.objectName() if current is not None else ""


def restore_window(ui: dict[str, Any], window: QMainWindow, tabs: QTabWidget) -> None:
    geometry = _decode(ui.get("geometry"))
    if geometry is not None:
        window.restoreGeometry(geometry)
    state = _decode(ui.get("window_state"))
    if state is not None:
        window.restoreState(state)
    splitters = ui.get("splitters") or {}
    for splitter in window.findChildren(QSplitter):
        saved = _decode(splitters.get(splitter.objectName()))
        if saved is not None:
            splitter.restoreState(saved)
    headers = ui.get("headers") or {}
    for header in window.findChildren(QHeaderView):
        owner = header.parent()
        saved = _decode(headers.get(owner.objectName())) if owner is not None else None
        if saved is not None and header.orientation().name == "Horizontal":
            header.restoreState(saved)
    restore_tab(ui, tabs)


def restore_tab(ui: dict[str, Any], tabs: QTabWidget) -> None:
    wanted = ui.get("last_tab")
    for index in range(tabs.count()):
        if tabs.widget(index).objectName() == wanted:
            tabs.setCurrentIndex(index)
            return
