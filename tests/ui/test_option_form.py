"""Provider options drawn from capability data; only values that differ are stored."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLineEdit, QSpinBox

from desktop.ui.widgets.option_form_view import OptionFormView


@dataclass(frozen=True)
class Spec:  # the shape of providers.base.OptionSpec, which the UI may not import
    key: str
    label: str
    kind: str = "choice"
    choices: tuple[str, ...] = ()
    default: object = None
    minimum: float | None = None
    maximum: float | None = None
    help: str = ""


SPECS = (
    Spec("quality", "Quality", choices=("auto", "low", "high"), default="auto"),
    Spec("hires", "Hires. fix", kind="bool", default=False),
    Spec("strength", "Style strength", kind="int", default=50, minimum=1, maximum=100),
    Spec("temperature", "Temperature", kind="float", default=None, minimum=0.0, maximum=2.0),
    Spec("scheduler", "Scheduler", kind="text", default=""),
)


def test_each_kind_gets_its_widget_and_defaults_are_not_stored(qtbot):
    form = OptionFormView(SPECS)
    qtbot.addWidget(form)
    kinds = {key: type(editor) for key, editor in form.editors.items()}
    assert kinds == {"quality": QComboBox, "hires": QCheckBox, "strength": QSpinBox,
                     "temperature": QDoubleSpinBox, "scheduler": QLineEdit}
    assert form.values() == {}
    assert form.value("temperature") is None  # "Default" sits below the minimum
    assert form.editors["quality"].currentText() == "Automatic"


def test_changed_values_are_returned_and_saved_values_are_shown(qtbot):
    form = OptionFormView(SPECS, {"quality": "high", "temperature": 0.7})
    qtbot.addWidget(form)
    form.editors["hires"].setChecked(True)
    form.editors["scheduler"].setText("karras")
    assert form.values() == {"quality": "high", "temperature": 0.7, "hires": True, "scheduler": "karras"}


def test_a_saved_value_outside_the_choices_is_kept(qtbot):
    form = OptionFormView(SPECS, {"quality": "ultra"})
    qtbot.addWidget(form)
    assert form.value("quality") == "ultra"
