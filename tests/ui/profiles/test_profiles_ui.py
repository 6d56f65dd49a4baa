"""Profiles in the window: the switcher and menu, switching without a restart (with the
password prompt for a protected profile), lock now, lock after idle and the lock screen,
the editor, and screenshots in English and 繁體中文."""

from __future__ import annotations

from pathlib import Path

from argon2 import PasswordHasher, Type
from PySide6.QtWidgets import QLineEdit

from desktop.core.profiles.passwords import Passwords
from desktop.core.profiles.records import ProfilePrefs
from desktop.ui.profiles.idle_watcher import IdleWatcher
from desktop.ui.profiles.password_dialog import PasswordDialog

PASSWORD = "tea-and-cake"


def _cheap(services) -> None:
    services.profiles.passwords = Passwords(PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1,
                                                           type=Type.ID))


def _actions(services) -> list[tuple[str, str]]:
    services.audit.flush()
    return [(e.actor, e.action) for e in services.audit.query()]


def test_the_window_shows_the_current_profile_and_switches_without_a_restart(qtbot, window, services):
    ui = window.profiles_ui
    assert ui.switcher.text() == "Default"
    assert window.menuBar().cornerWidget().isAncestorOf(ui.switcher)
    services.profiles.create("Mei", ProfilePrefs(avatar_color="#d16ba5"))
    ui.menu.refresh()
    assert [a.text() for a in ui.menu.profile_actions.values()] == ["Default", "Mei"]
    with qtbot.waitSignal(ui.profile_changed, timeout=5000):
        ui.menu.profile_actions["Mei"].trigger()
    assert ui.switcher.text() == "Mei" and services.queue.profile_id == services.profiles.get("Mei").id
    assert window.isVisible() and window.profiles_ui is ui  # same window: no restart
    assert ("Default", "sign_out") in _actions(services) and ("Mei", "sign_in") in _actions(services)


def test_a_protected_profile_asks_for_its_password_and_says_when_it_is_wrong(qtbot, window, services):
    _cheap(services)
    services.profiles.create("Mei", password=PASSWORD)
    ui = window.profiles_ui
    with qtbot.waitSignal(ui.dialog_opened) as opened:
        ui.switch_to("Mei")
    dialog: PasswordDialog = opened.args[0]
    dialog.password.setText("wrong one")
    dialog.submit()
    qtbot.waitUntil(dialog.error.isVisible, timeout=5000)
    assert "4" in dialog.error.text() and services.profiles.current.name == "Default"
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.submit()
    qtbot.waitUntil(lambda: ui.switcher.text() == "Mei", timeout=5000)


def test_lock_now_covers_the_window_until_the_password_is_entered(qtbot, window, services):
    _cheap(services)
    services.profiles.create("Mei", password=PASSWORD)
    services.profiles.switch("Mei", PASSWORD)
    ui = window.profiles_ui
    ui.menu.refresh()
    assert ui.menu.lock_action.isEnabled()
    ui.menu.lock_action.trigger()
    screen = ui.lock_screen
    qtbot.waitUntil(screen.isVisible, timeout=3000)
    assert screen.geometry() == window.rect() and services.profiles.locked
    screen.password.setText("nope")
    screen.submit()
    qtbot.waitUntil(screen.error.isVisible, timeout=5000)
    screen.password.setText(PASSWORD)
    with qtbot.waitSignal(screen.unlocked, timeout=5000):
        screen.submit()
    assert not screen.isVisible() and not services.profiles.locked
    assert [a for _w, a in _actions(services)][-3:] == ["lock", "sign_in_failed", "unlock"]


def test_idle_time_locks_a_protected_profile(qtbot, window, services):
    _cheap(services)
    services.profiles.create("Mei", ProfilePrefs(idle_lock_minutes=3), password=PASSWORD)
    services.profiles.switch("Mei", PASSWORD)
    ui = window.profiles_ui
    qtbot.waitUntil(lambda: ui.idle.timer.isActive(), timeout=3000)
    assert ui.idle.timer.interval() == 3 * 60_000
    ui.idle.set_minutes(0.002)  # the preference's minutes, shortened for the test
    qtbot.waitUntil(ui.lock_screen.isVisible, timeout=5000)
    assert services.profiles.locked


def test_the_idle_watcher_restarts_on_activity_and_can_be_turned_off(qtbot):
    watcher = IdleWatcher()
    watcher.set_minutes(0.001)
    with qtbot.waitSignal(watcher.idle, timeout=2000):
        pass
    watcher.set_minutes(0)
    assert not watcher.timer.isActive()
    watcher.close()


def test_the_window_opens_locked_on_a_protected_last_profile(qtbot, services, bridge, appearance):
    from desktop.ui.main_window import MainWindow

    _cheap(services)
    services.profiles.create("Mei", password=PASSWORD)
    services.profiles.start("Mei")  # as `main.py --profile Mei` does
    window = MainWindow(services, bridge, appearance)
    qtbot.addWidget(window)
    window.show()
    assert window.profiles_ui.lock_screen.isVisible()
    assert window.profiles_ui.lock_screen.button.text() == "Unlock"


def test_the_editor_saves_preferences_and_a_profile_language_switches_the_window(qtbot, window, services):
    ui = window.profiles_ui
    services.profiles.create("美玲")
    with qtbot.waitSignal(ui.dialog_opened) as opened:
        ui.open_editor()
    editor = opened.args[0]
    editor.reload("美玲")
    editor.language_combo.setCurrentIndex(editor.language_combo.findData("zh_TW"))
    editor.budget_spin.setValue(120)
    editor._set_color("#2c9c9c")
    with qtbot.waitSignal(editor.saved, timeout=5000):
        editor.save()
    saved = services.profiles.get("美玲")
    assert saved.prefs.language == "zh_TW" and saved.prefs.monthly_budget_usd == 120
    assert saved.prefs.avatar_color == "#2c9c9c"
    with qtbot.waitSignal(ui.profile_changed, timeout=5000):
        ui.switch_to("美玲")
    qtbot.waitUntil(lambda: ui.menu.title() == "設定檔(&P)", timeout=3000)
    assert window.file_menu.title() == "檔案(&F)"
    with qtbot.waitSignal(ui.profile_changed, timeout=5000):
        ui.switch_to("Default")
    qtbot.waitUntil(lambda: ui.menu.title() == "&Profile", timeout=3000)
    editor.close()


def test_the_editor_sets_a_password_and_an_admin_resets_another(qtbot, window, services):
    _cheap(services)
    ui = window.profiles_ui
    services.profiles.create("Mei")
    editor = ui.open_editor()
    editor.reload("Mei")
    assert not editor.current_password.isVisible()
    editor.new_password.setText("ab")
    editor.confirm_password.setText("ab")
    editor.set_password()
    assert "at least" in editor.error.text()
    editor.new_password.setText(PASSWORD)
    editor.confirm_password.setText(PASSWORD)
    with qtbot.waitSignal(editor.password_changed, timeout=5000):
        editor.set_password()
    assert services.profiles.get("Mei").has_password
    assert editor.reset_password_button.isVisibleTo(editor)  # Default is an admin
    editor.close()


def _grab(widget, folder: Path, name: str) -> None:
    path = folder / f"{name}.png"
    assert widget.grab().save(str(path)), path


def test_screenshots_in_english_and_traditional_chinese(qtbot, window, services, appearance, artifacts_dir):
    _cheap(services)
    folder = artifacts_dir / "profiles"
    folder.mkdir(parents=True, exist_ok=True)
    services.profiles.create("陳美玲", ProfilePrefs(avatar_color="#d16ba5", language="zh_TW",
                                                 monthly_budget_usd=200, idle_lock_minutes=10),
                             password=PASSWORD)
    services.profiles.create("Lin Wei", ProfilePrefs(avatar_color="#2c9c9c"))
    ui = window.profiles_ui
    window.resize(1100, 700)
    for language in ("en", "zh_TW"):
        appearance.translations.apply(language)
        editor = ui.open_editor()
        editor.reload("陳美玲")
        qtbot.waitExposed(editor)
        button = editor.set_password_button
        qtbot.waitUntil(lambda b=button: b.width() >= b.sizeHint().width(), timeout=3000)
        _grab(editor, folder, f"profile-editor-{language}")
        editor.close()
        ui.menu.refresh()
        ui.menu.popup(window.mapToGlobal(window.rect().topRight()))
        qtbot.waitExposed(ui.menu)
        _grab(ui.menu, folder, f"profile-menu-{language}")
        ui.menu.hide()
        services.profiles.switch("陳美玲", PASSWORD)
        appearance.translations.apply(language)  # the profile's own language would win otherwise
        services.profiles.lock()
        qtbot.waitUntil(ui.lock_screen.isVisible, timeout=3000)
        _grab(window, folder, f"lock-screen-{language}")
        ui.lock_screen.password.setText("wrong")
        ui.lock_screen.submit()
        qtbot.waitUntil(ui.lock_screen.error.isVisible, timeout=5000)
        _grab(window, folder, f"lock-screen-wrong-password-{language}")
        services.profiles.unlock(PASSWORD)
        qtbot.waitUntil(lambda: not ui.lock_screen.isVisible(), timeout=3000)
        services.profiles.switch("Default")
        appearance.translations.apply(language)  # Default follows the app (English here)
        _grab(window, folder, f"window-with-switcher-{language}")
    appearance.translations.apply("en")
    print(f"screenshots in {folder.resolve()}")
    assert isinstance(ui.lock_screen.password, QLineEdit)
