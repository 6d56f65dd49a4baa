"""One provider's settings: key (masked, replaced or removed, never shown back), base URL,
default model, concurrency, rate limit, its own options, and a "Test connection" button
that runs the provider's cheap check with what is typed and says exactly what failed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.config import ProviderSettings
from desktop.core.provider_settings import ProviderDescription, check_provider
from desktop.core.secrets import mask
from desktop.ui import formatting as fmt
from desktop.ui.core_text import health_text, model_label
from desktop.ui.qt_bridge import QtBridge
from desktop.ui.widgets.option_form_view import OptionFormView


class ProviderFormView(QWidget):
    tested = Signal(object)  # the HealthReport of the last test

    def __init__(self, services: Any, bridge: QtBridge, info: ProviderDescription,
                 settings: ProviderSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"provider-form-{info.name}")
        self.services, self.bridge, self.info = services, bridge, info
        self.remove_key = False
        self.title = QLabel(info.display_name, self)
        self.title.setObjectName("SectionTitle")
        self.where_label = QLabel(self)
        self.enabled_check = QCheckBox(self)
        self.enabled_check.setChecked(settings.enabled)
        self.key_edit = QLineEdit(self)
        self.key_edit.setObjectName("KeyEdit")
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remove_key_button = QPushButton(self)
        self.remove_key_button.clicked.connect(self._remove_key)
        self.remove_key_button.setEnabled(bool(info.stored_key))
        self.key_note = QLabel(self)
        self.key_note.setWordWrap(True)
        self.url_edit = QLineEdit(self)
        self.url_edit.setObjectName("BaseUrlEdit")
        self.url_edit.setText(settings.base_url or "")
        self.url_edit.setPlaceholderText(info.default_base_url)
        self.url_note = QLabel(self)
        self.url_note.setWordWrap(True)
        self.model_combo = QComboBox(self)
        self.model_combo.addItem("", "")
        for model in info.capabilities.models:
            self.model_combo.addItem(model_label(model.label or model.id), model.id)
        self.model_combo.setCurrentIndex(max(0, self.model_combo.findData(settings.default_model or "")))
        self.concurrency_spin = QSpinBox(self)
        self.concurrency_spin.setObjectName("ConcurrencySpin")
        self.concurrency_spin.setRange(0, 64)
        self.concurrency_spin.setValue(settings.concurrency or 0)
        self.rate_spin = QDoubleSpinBox(self)
        self.rate_spin.setObjectName("RateSpin")
        self.rate_spin.setRange(0, 100_000)
        self.rate_spin.setDecimals(0)
        self.rate_spin.setValue(settings.rate_per_minute or 0)
        self.options_box = QGroupBox(self)
        self.options = OptionFormView(info.capabilities.options, settings.options, self.options_box)
        QVBoxLayout(self.options_box).addWidget(self.options)
        self.options_box.setVisible(bool(info.capabilities.options))
        self.test_button = QPushButton(self)
        self.test_button.setObjectName("TestConnection")
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = QLabel(self)
        self.test_result.setObjectName("TestResult")
        self.test_result.setWordWrap(True)
        self.labels = {k: QLabel(self) for k in ("key", "url", "model", "concurrency", "rate")}
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_edit, 1)
        key_row.addWidget(self.remove_key_button)
        form = QFormLayout()
        form.addRow(self.enabled_check)
        form.addRow(self.labels["key"], key_row)
        form.addRow("", self.key_note)
        form.addRow(self.labels["url"], self.url_edit)
        form.addRow("", self.url_note)
        form.addRow(self.labels["model"], self.model_combo)
        form.addRow(self.labels["concurrency"], self.concurrency_spin)
        form.addRow(self.labels["rate"], self.rate_spin)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.where_label)
        layout.addLayout(form)
        layout.addWidget(self.options_box)
        layout.addLayout(test_row)
        layout.addStretch(1)
        self.retranslate()

    # -- values -----------------------------------------------------------------------------
    def settings(self, previous: ProviderSettings | None = None) -> ProviderSettings:
        base = previous or ProviderSettings()
        return ProviderSettings(
            enabled=self.enabled_check.isChecked(),
            base_url=self.url_edit.text().strip() or None,
            concurrency=self.concurrency_spin.value() or None,
            rate_per_minute=self.rate_spin.value() or None,
            default_model=self.model_combo.currentData() or None,
            timeout_s=base.timeout_s,
            options=self.options.values(),
        )

    def typed_key(self) -> str | None:
        return self.key_edit.text().strip() or None

    def key_change(self) -> tuple[str, str | None]:
        """("set", key), ("delete", None) or ("keep", None)."""
        if self.typed_key():
            return "set", self.typed_key()
        if self.remove_key:
            return "delete", None
        return "keep", None

    def _remove_key(self) -> None:
        self.remove_key = True
        self.key_edit.clear()
        self.remove_key_button.setEnabled(False)
        self.retranslate()

    # -- testing ------------------------------------------------------------------------------
    def test_connection(self) -> None:
        self.test_button.setEnabled(False)
        self._show_result(None, self.tr("Testing…"))
        key = self.typed_key()
        work = check_provider(self.services, self.info.name, self.settings(), key)
        self.bridge.run_task(work, self.tr("Testing the connection to %1").replace("%1", self.info.display_name),
                             on_done=self._tested, on_error=lambda _e: self.test_button.setEnabled(True),
                             owner=self)

    def _tested(self, report: Any) -> None:
        self.test_button.setEnabled(True)
        text = health_text(report.status)
        if report.ok and report.latency_ms is not None:
            text = self.tr("Connected in %1 ms").replace("%1", fmt.number(int(report.latency_ms)))
        elif not report.ok:
            text = f"{text}: {report.message}"
        self._show_result(report.ok, text)
        self.tested.emit(report)

    def _show_result(self, ok: bool | None, text: str) -> None:
        self.test_result.setProperty("ok", "" if ok is None else ("true" if ok else "false"))
        self.test_result.style().unpolish(self.test_result)
        self.test_result.style().polish(self.test_result)
        self.test_result.setText(text)

    # -- language ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        info = self.info
        self.where_label.setText(self.tr("Runs on this computer or your network") if info.capabilities.local
                                 else self.tr("Cloud service"))
        self.enabled_check.setText(self.tr("Use this provider"))
        self.labels["key"].setText(self.tr("API key"))
        self.labels["url"].setText(self.tr("Base URL"))
        self.labels["model"].setText(self.tr("Default model"))
        self.labels["concurrency"].setText(self.tr("Jobs at once"))
        self.labels["rate"].setText(self.tr("Requests per minute"))
        self.model_combo.setItemText(0, self.tr("Provider's default"))
        self.concurrency_spin.setSpecialValueText(
            self.tr("Default (%1)").replace("%1", fmt.number(info.default_concurrency)))
        self.rate_spin.setSpecialValueText(
            self.tr("Default (%1)").replace("%1", fmt.number(int(info.default_rate_per_minute))))
        self.remove_key_button.setText(self.tr("Remove key"))
        self.options_box.setTitle(self.tr("Default options"))
        self.test_button.setText(self.tr("Test connection"))
        if not info.needs_key:
            self.key_edit.setPlaceholderText(self.tr("Optional"))
        elif self.remove_key:
            self.key_edit.setPlaceholderText(self.tr("The stored key will be removed"))
        elif info.stored_key:
            self.key_edit.setPlaceholderText(self.tr("Stored: %1 (type to replace)").replace(
                "%1", mask(info.stored_key)))
        else:
            self.key_edit.setPlaceholderText(self.tr("No key stored"))
        if info.key_from_env:
            self.key_note.setText(self.tr("%1 is set in the environment and is used instead.").replace(
                "%1", info.key_from_env))
        else:
            self.key_note.setText(self.tr("Kept in the system keyring or an encrypted file, never in settings."))
        env_url = self.services.providers.env.get(info.base_url_env) if info.base_url_env else None
        self.url_note.setVisible(bool(env_url))
        if env_url:
            self.url_note.setText(self.tr("%1 is set in the environment and wins: %2").replace(
                "%1", info.base_url_env).replace("%2", env_url))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
