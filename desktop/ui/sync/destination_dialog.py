"""Add or edit a sync destination: its URL (which picks the backend), an endpoint for
S3-compatible stores, credential fields for that backend (stored in the secrets store,
shown back only masked), and the options: concurrency, bandwidth, delete policy, pull and
backups. The dialog only collects and checks; the page applies the result."""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
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

from desktop.core.sync.credentials import SECRET_FIELDS
from desktop.core.sync.destination import (
    BackendKind,
    DeletePolicy,
    Destination,
    DestinationOptions,
    DestinationUrl,
)
from desktop.core.sync.errors import DestinationUrlError
from desktop.ui.sync.labels import CREDENTIAL_FIELDS, DELETE_POLICIES, KINDS, label

MiB = 1024 * 1024
_NAME = re.compile(r"^[\w-]{1,64}$")


@dataclass(frozen=True)
class DestinationEdit:
    """What the user asked for: `credentials` holds only fields typed in (others stay)."""

    url: str
    name: str
    options: DestinationOptions
    credentials: dict[str, str] = field(default_factory=dict, repr=False)
    forget_credentials: bool = False


class DestinationDialog(QDialog):
    """`DestinationDialog(existing=None, taken_names=...)` adds; with a Destination, edits."""

    def __init__(self, bridge: Any, executor: Any, existing: Destination | None = None,
                 taken_names: set[str] | frozenset[str] = frozenset(),
                 stored: dict[str, str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DestinationDialog")
        self.bridge, self.executor = bridge, executor
        self.existing = existing
        self.taken = set(taken_names)
        self.stored = dict(stored or {})  # field -> masked value
        self.result_edit: DestinationEdit | None = None
        options = existing.options if existing else DestinationOptions()

        self.url_edit = QLineEdit(existing.url.text if existing else "", self)
        self.url_edit.setObjectName("UrlEdit")
        self.url_edit.textChanged.connect(self._url_changed)
        self.kind_label = QLabel(self)
        self.kind_label.setWordWrap(True)
        self.name_edit = QLineEdit(existing.name if existing else "", self)
        self.name_edit.setObjectName("NameEdit")
        self.endpoint_edit = QLineEdit(options.endpoint_url or "", self)
        self.endpoint_edit.setObjectName("EndpointEdit")
        self.region_edit = QLineEdit(options.region or "", self)
        self.profile_edit = QLineEdit(options.profile or "", self)
        if existing is not None:
            self.url_edit.setReadOnly(True)
            self.name_edit.setReadOnly(True)

        self.credentials_box = QGroupBox(self)
        self.credentials_form = QFormLayout(self.credentials_box)
        self.credentials_note = QLabel(self.credentials_box)
        self.credentials_note.setWordWrap(True)
        self.credential_edits: dict[str, QLineEdit] = {}
        self.credential_labels: dict[str, QLabel] = {}
        self.key_file_button = QPushButton(self.credentials_box)
        self.key_file_button.clicked.connect(self._choose_key_file)
        self.forget_check = QCheckBox(self.credentials_box)
        self.forget_check.setObjectName("ForgetCredentials")
        self.forget_check.setVisible(bool(self.stored))
        self._kind: BackendKind | None = None

        self.concurrency_spin = QSpinBox(self)
        self.concurrency_spin.setObjectName("ConcurrencySpin")
        self.concurrency_spin.setRange(1, 64)
        self.concurrency_spin.setValue(options.concurrency)
        self.bandwidth_spin = QDoubleSpinBox(self)
        self.bandwidth_spin.setObjectName("BandwidthSpin")
        self.bandwidth_spin.setRange(0, 10_000)
        self.bandwidth_spin.setDecimals(1)
        self.bandwidth_spin.setSingleStep(0.5)
        self.bandwidth_spin.setValue(options.bandwidth_limit / MiB)
        self.policy_combo = QComboBox(self)
        self.policy_combo.setObjectName("DeletePolicyCombo")
        for policy in (DeletePolicy.KEEP, DeletePolicy.MIRROR):
            self.policy_combo.addItem("", policy.value)
        self.policy_combo.setCurrentIndex(max(0, self.policy_combo.findData(options.delete_policy.value)))
        self.pull_check = QCheckBox(self)
        self.pull_check.setObjectName("PullCheck")
        self.pull_check.setChecked(options.pull)
        self.backups_check = QCheckBox(self)
        self.backups_check.setObjectName("BackupsCheck")
        self.backups_check.setChecked(options.push_backups)
        self.keep_spin = QSpinBox(self)
        self.keep_spin.setRange(1, 1000)
        self.keep_spin.setValue(options.backup_keep)
        self.backups_check.toggled.connect(self.keep_spin.setEnabled)
        self.keep_spin.setEnabled(options.push_backups)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("DialogError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #d32f2f;")
        self.error_label.hide()
        # "Add" / "Save" as our own button: a standard OK button gets its text back from Qt
        # at every language change.
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("DestinationOk")
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.check_and_accept)
        self.buttons.rejected.connect(self.reject)
        self._build_layout()
        self.retranslate()
        self._url_changed(self.url_edit.text())
        self.resize(620, 640)

    def _build_layout(self) -> None:
        self.labels = {k: QLabel(self) for k in (
            "url", "name", "endpoint", "region", "profile", "concurrency", "bandwidth", "policy", "keep")}
        self.where_box = QGroupBox(self)
        where = QFormLayout(self.where_box)
        where.addRow(self.labels["url"], self.url_edit)
        where.addRow("", self.kind_label)
        where.addRow(self.labels["name"], self.name_edit)
        where.addRow(self.labels["endpoint"], self.endpoint_edit)
        where.addRow(self.labels["region"], self.region_edit)
        where.addRow(self.labels["profile"], self.profile_edit)
        self.options_box = QGroupBox(self)
        opts = QFormLayout(self.options_box)
        opts.addRow(self.labels["concurrency"], self.concurrency_spin)
        opts.addRow(self.labels["bandwidth"], self.bandwidth_spin)
        opts.addRow(self.labels["policy"], self.policy_combo)
        opts.addRow("", self.pull_check)
        backups = QHBoxLayout()
        backups.addWidget(self.backups_check)
        backups.addStretch(1)
        backups.addWidget(self.labels["keep"])
        backups.addWidget(self.keep_spin)
        opts.addRow("", backups)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where_box)
        layout.addWidget(self.credentials_box)
        layout.addWidget(self.options_box)
        layout.addStretch(1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    # -- URL and credential fields -------------------------------------------------------------
    def parsed_url(self) -> DestinationUrl | None:
        try:
            return DestinationUrl.parse(self.url_edit.text())
        except DestinationUrlError:
            return None

    def _url_changed(self, _text: str) -> None:
        url = self.parsed_url()
        kind = url.kind if url else None
        if url is not None:
            self.kind_label.setText(label(KINDS, url.kind.value))
        elif self.url_edit.text().strip():
            self.kind_label.setText(self.tr("Not a destination address this app understands yet."))
        else:
            self.kind_label.setText("")
        for widget in (self.endpoint_edit, self.region_edit, self.profile_edit):
            widget.setEnabled(kind in (None, BackendKind.S3))
        if kind != self._kind:
            self._kind = kind
            self._build_credential_fields(kind)

    def _build_credential_fields(self, kind: BackendKind | None) -> None:
        typed = {k: e.text() for k, e in self.credential_edits.items()}
        while self.credentials_form.rowCount():
            self.credentials_form.takeRow(0)
        for edit in self.credential_edits.values():
            edit.deleteLater()
        for lab in self.credential_labels.values():
            lab.deleteLater()
        self.credential_edits, self.credential_labels = {}, {}
        self.credentials_form.addRow(self.credentials_note)
        for name in SECRET_FIELDS.get(kind, ()) if kind else ():
            edit = QLineEdit(typed.get(name, ""), self.credentials_box)
            edit.setObjectName(f"secret-{name}")
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            lab = QLabel(self.credentials_box)
            self.credential_edits[name], self.credential_labels[name] = edit, lab
            if name == "gcs_service_account_json":
                row = QHBoxLayout()
                row.addWidget(edit, 1)
                row.addWidget(self.key_file_button)
                self.credentials_form.addRow(lab, row)
            else:
                self.credentials_form.addRow(lab, edit)
        self.key_file_button.setVisible(kind is BackendKind.GCS)
        self.credentials_form.addRow(self.forget_check)
        self._label_credentials()

    def _label_credentials(self) -> None:
        for name, edit in self.credential_edits.items():
            self.credential_labels[name].setText(label(CREDENTIAL_FIELDS, name))
            shown = self.stored.get(name)
            edit.setPlaceholderText(self.tr("Stored: %1 (type to replace)").replace("%1", shown) if shown
                                    else self.tr("Not stored"))
        notes = {
            BackendKind.S3: self.tr("Leave these empty to use the AWS profile or the AWS_ACCESS_KEY_ID and "
                                    "AWS_SECRET_ACCESS_KEY environment variables."),
            BackendKind.GCS: self.tr("Leave this empty to use GOOGLE_APPLICATION_CREDENTIALS or the "
                                     "gcloud login of this computer."),
            BackendKind.AZURE: self.tr("Give one of these, or leave them empty to use the "
                                       "AZURE_STORAGE_CONNECTION_STRING environment variable."),
        }
        first = self.tr("Type the address first: the fields depend on the storage service.")
        self.credentials_note.setText(notes[self._kind] if self._kind else first)

    def _choose_key_file(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose the service account key file"))
        dialog.setNameFilter(self.tr("Key files (*.json)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.load_key_file)
        dialog.open()

    def load_key_file(self, path: str) -> None:
        """Read a service account key off the GUI thread into its (masked) field."""
        executor = self.executor

        async def read() -> str:
            return await asyncio.get_running_loop().run_in_executor(
                executor, lambda: Path(path).read_text("utf-8"))

        def done(text: str) -> None:
            edit = self.credential_edits.get("gcs_service_account_json")
            if edit is not None:
                edit.setText(text.strip())

        self.bridge.run_task(read(), self.tr("Reading the key file"), on_done=done, owner=self)

    # -- result --------------------------------------------------------------------------------
    def options(self) -> DestinationOptions:
        base = self.existing.options if self.existing else DestinationOptions()
        return replace(
            base,
            endpoint_url=self.endpoint_edit.text().strip() or None,
            region=self.region_edit.text().strip() or None,
            profile=self.profile_edit.text().strip() or None,
            concurrency=self.concurrency_spin.value(),
            bandwidth_limit=int(round(self.bandwidth_spin.value() * MiB)),
            delete_policy=DeletePolicy(self.policy_combo.currentData()),
            pull=self.pull_check.isChecked(),
            push_backups=self.backups_check.isChecked(),
            backup_keep=self.keep_spin.value(),
        )

    def check_and_accept(self) -> None:
        problem = self.problem()
        if problem:
            self.error_label.setText(problem)
            self.error_label.show()
            return
        url = self.parsed_url()
        assert url is not None
        self.result_edit = DestinationEdit(
            url=url.text, name=self.name_edit.text().strip(), options=self.options(),
            credentials={k: e.text().strip() for k, e in self.credential_edits.items() if e.text().strip()},
            forget_credentials=self.forget_check.isVisible() and self.forget_check.isChecked())
        self.accept()

    def problem(self) -> str | None:
        """What stops the dialog from closing, in the user's words; None when all is well."""
        text = self.url_edit.text().strip()
        if not text:
            return self.tr("Type the address of the bucket.")
        try:
            DestinationUrl.parse(text)
        except DestinationUrlError:
            return self.tr("Use s3://bucket/folder, gs://bucket/folder, az://container/folder or "
                           "https://ACCOUNT.blob.core.windows.net/container/folder.")
        name = self.name_edit.text().strip()
        if self.existing is None and name:
            if not _NAME.match(name):
                return self.tr("A name is up to 64 letters, digits, '_' or '-', without spaces.")
            if name in self.taken:
                return self.tr("Another destination is already called %1.").replace("%1", name)
        endpoint = self.endpoint_edit.text().strip()
        if endpoint and not re.match(r"^https?://[^\s/]+", endpoint):
            return self.tr("The endpoint is a web address such as https://minio.example.com:9000.")
        return None

    # -- language ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit sync destination") if self.existing else self.tr("Add sync destination"))
        self.where_box.setTitle(self.tr("Where"))
        self.credentials_box.setTitle(self.tr("Credentials"))
        self.options_box.setTitle(self.tr("Options"))
        self.labels["url"].setText(self.tr("Address"))
        self.labels["name"].setText(self.tr("Name"))
        self.labels["endpoint"].setText(self.tr("Endpoint URL"))
        self.labels["region"].setText(self.tr("Region"))
        self.labels["profile"].setText(self.tr("AWS profile"))
        self.labels["concurrency"].setText(self.tr("Parallel transfers"))
        self.labels["bandwidth"].setText(self.tr("Bandwidth limit"))
        self.labels["policy"].setText(self.tr("When an image is deleted here"))
        self.labels["keep"].setText(self.tr("Keep"))
        self.url_edit.setPlaceholderText(self.tr("s3://team-bucket/batch-images"))
        self.url_edit.setToolTip(self.tr("s3://bucket/folder, gs://bucket/folder, az://container/folder or "
                                         "https://ACCOUNT.blob.core.windows.net/container/folder"))
        self.name_edit.setPlaceholderText(self.tr("From the bucket name"))
        self.endpoint_edit.setPlaceholderText(self.tr("Only for MinIO, R2 and other S3-compatible stores"))
        self.region_edit.setPlaceholderText(self.tr("Automatic"))
        self.profile_edit.setPlaceholderText(self.tr("Default"))
        self.bandwidth_spin.setSuffix(" " + self.tr("MB/s"))
        self.bandwidth_spin.setSpecialValueText(self.tr("Unlimited"))
        self.keep_spin.setSuffix(" " + self.tr("backups"))
        for i in range(self.policy_combo.count()):
            self.policy_combo.setItemText(i, label(DELETE_POLICIES, self.policy_combo.itemData(i)))
        self.policy_combo.setToolTip(self.tr("Keep: the bucket keeps every image ever pushed. Mirror: deleting "
                                             "an image here (or moving it to the trash) deletes it there too."))
        self.pull_check.setText(self.tr("Bring in images other computers pushed here"))
        self.backups_check.setText(self.tr("Upload library backups"))
        self.key_file_button.setText(self.tr("Load key file…"))
        self.forget_check.setText(self.tr("Forget the stored credentials"))
        self.ok_button.setText(self.tr("Save") if self.existing else self.tr("Add"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self._label_credentials()
        if self._kind is None and not self.url_edit.text().strip():
            self.kind_label.setText("")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._url_changed(self.url_edit.text())
        super().changeEvent(event)

