"""One window per library and user: a second start (`main.py FILE`) hands its files to the
first over a local socket and exits; a socket left by a crash does not block the next start;
files handed over open in the queue's preview."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QDir

from desktop.app import WindowSession
from desktop.core.services import build_services
from desktop.ui.queue.preview_dialog import PreviewDialog
from desktop.ui.single_instance import SingleInstance, send_to_running, server_name
from tests.ui.conftest import keep

ROOT = Path(__file__).resolve().parents[2]


def test_the_name_is_per_user_and_per_library(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    assert server_name(a, "ana") == server_name(a, "ana")
    assert server_name(a, "ana") != server_name(b, "ana")
    assert server_name(a, "ana") != server_name(a, "ben")
    assert len(server_name(a)) < 40  # socket paths are short


def test_a_second_start_hands_its_file_to_the_first_and_exits(qtbot, tmp_path: Path) -> None:
    library = tmp_path / "lib"
    prompts = tmp_path / "prompts.csv"
    prompts.write_text("prompt\na lighthouse at dusk\n", "utf-8")
    first = keep(SingleInstance(server_name(library)))
    assert first.listen()
    second = None
    try:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        with qtbot.waitSignal(first.files_received, timeout=30_000) as received:
            second = subprocess.Popen([sys.executable, "main.py", "--library", str(library), str(prompts)],
                                      cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert received.args[0] == [prompts.resolve()]
        _out, err = second.communicate(timeout=30)
        assert second.returncode == 0, err
        assert not (library / "library.db").exists()  # the second start never opened the library
    finally:
        first.close()
        if second is not None and second.poll() is None:
            second.kill()
            second.wait()


def test_a_socket_left_by_a_crashed_instance_does_not_block_the_next_start(qtbot, tmp_path: Path) -> None:
    name = server_name(tmp_path / "crashed")
    path = Path(QDir.tempPath()) / name
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(path))  # bound and closed without unlinking: what a killed process leaves
    stale.close()
    assert path.exists()
    assert not send_to_running(name, [])  # nobody answers: this start becomes the instance
    guard = keep(SingleInstance(name))
    try:
        assert guard.listen()
    finally:
        guard.close()


def test_files_from_the_command_line_and_from_later_starts_open_in_the_queue(qloop, qtbot, qapp, tmp_path: Path) -> None:
    prompts = tmp_path / "prompts.txt"
    prompts.write_text("a red kite\n", "utf-8")
    later = tmp_path / "later.txt"
    later.write_text("a blue kite\n", "utf-8")
    services = build_services(tmp_path / "lib", env={})
    instance = keep(SingleInstance(server_name(tmp_path / "lib")))
    session = keep(WindowSession(qapp, services, files=[prompts], instance=instance))
    finished = asyncio.ensure_future(session.run())
    qtbot.waitUntil(lambda: session.window is not None, timeout=5000)
    def previews() -> list:
        return [d for d in session.window.findChildren(PreviewDialog) if d.isVisible()]

    qtbot.waitUntil(lambda: len(previews()) == 1, timeout=5000)  # the file named at start
    assert previews()[0].windowTitle()
    previews()[0].close()
    session.window.showMinimized()
    instance.files_received.emit([later])  # what a later `main.py later.txt` sends
    qtbot.waitUntil(lambda: len(previews()) == 1, timeout=5000)
    assert not session.window.isMinimized()
    previews()[0].close()
    session.window.close()
    qtbot.waitUntil(finished.done, timeout=10_000)
    assert finished.result() == 0
