"""The profiles core's errors in the user's language (the core's messages are English)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.core.profiles import errors as pe
from desktop.core.secrets import SecretsError


def _not_allowed(reason: str) -> str:
    texts = {
        "admin_only": QCoreApplication.translate("ProfileErrors", "Only an unlocked admin profile can do this."),
        "protected": QCoreApplication.translate("ProfileErrors",
                        "This profile has a password: only the profile itself or an admin can change it."),
        "current": QCoreApplication.translate("ProfileErrors", "This is the current profile. Switch to another profile first."),
        "last": QCoreApplication.translate("ProfileErrors", "The last profile cannot be deleted."),
        "last_admin": QCoreApplication.translate("ProfileErrors", "This is the only admin profile. Make another profile an admin first."),
    }
    return texts.get(reason, QCoreApplication.translate("ProfileErrors", "This is not allowed for the current profile."))


def profile_error_text(exc: BaseException) -> str:
    if isinstance(exc, pe.WrongPasswordError):
        return QCoreApplication.translate("ProfileErrors", "Wrong password. %1 tries left before a pause.").replace("%1", str(exc.tries_left))
    if isinstance(exc, pe.LockedOutError):
        return QCoreApplication.translate("ProfileErrors", "Too many wrong passwords. Try again in %1 seconds.").replace(
            "%1", str(int(exc.seconds) + 1))
    if isinstance(exc, pe.PasswordRequiredError):
        return QCoreApplication.translate("ProfileErrors", "This profile has a password. Enter it to continue.")
    if isinstance(exc, pe.DuplicateProfileError):
        return QCoreApplication.translate("ProfileErrors", "A profile named “%1” already exists.").replace("%1", exc.name)
    if isinstance(exc, pe.UnknownProfileError):
        return QCoreApplication.translate("ProfileErrors", "There is no profile named “%1”.").replace("%1", exc.name)
    if isinstance(exc, pe.NotAllowedError):
        return _not_allowed(exc.reason)
    if isinstance(exc, pe.InvalidProfileError):
        return QCoreApplication.translate("ProfileErrors", "Please check this value: %1").replace("%1", str(exc))
    if isinstance(exc, SecretsError):
        return QCoreApplication.translate("ProfileErrors", "The profile's keys could not be opened: %1").replace("%1", str(exc))
    return str(exc)
