"""The profiles core's errors in the user's language (the core's messages are English)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.core.profiles import errors as pe
from desktop.core.secrets import SecretsError


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProfileErrors", text)


NOT_ALLOWED = {
    "admin_only": lambda: _tr("Only an unlocked admin profile can do this."),
    "protected": lambda: _tr("This profile has a password: only the profile itself or an admin can change it."),
    "current": lambda: _tr("This is the current profile. Switch to another profile first."),
    "last": lambda: _tr("The last profile cannot be deleted."),
    "last_admin": lambda: _tr("This is the only admin profile. Make another profile an admin first."),
}


def profile_error_text(exc: BaseException) -> str:
    if isinstance(exc, pe.WrongPasswordError):
        return _tr("Wrong password. %1 tries left before a pause.").replace("%1", str(exc.tries_left))
    if isinstance(exc, pe.LockedOutError):
        return _tr("Too many wrong passwords. Try again in %1 seconds.").replace("%1", str(int(exc.seconds) + 1))
    if isinstance(exc, pe.PasswordRequiredError):
        return _tr("This profile has a password. Enter it to continue.")
    if isinstance(exc, pe.DuplicateProfileError):
        return _tr("A profile named “%1” already exists.").replace("%1", exc.name)
    if isinstance(exc, pe.UnknownProfileError):
        return _tr("There is no profile named “%1”.").replace("%1", exc.name)
    if isinstance(exc, pe.NotAllowedError):
        return NOT_ALLOWED.get(exc.reason, _tr("This is not allowed for the current profile."))()
    if isinstance(exc, pe.InvalidProfileError):
        return _tr("Please check this value: %1").replace("%1", str(exc))
    if isinstance(exc, SecretsError):
        return _tr("The profile's keys could not be opened: %1").replace("%1", str(exc))
    return str(exc)
