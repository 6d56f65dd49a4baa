"""One window per library and user: a second start hands its files to the first and quits.

The first instance listens on a local socket named after the user and the library folder;
a later start connects, sends `{"files": [...]}` as one JSON line and waits for "ok". A
socket left behind by a crashed instance answers nobody: the next start removes it and
listens itself.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)
CONNECT_TIMEOUT_MS = 1000
REPLY_TIMEOUT_MS = 3000
MAX_MESSAGE = 1 << 20


def server_name(library: Path, user: str | None = None) -> str:
    """A short name (socket paths are limited to ~100 bytes) unique per user and library."""
    try:
        user = user or getpass.getuser()
    except Exception:  # no user name in a bare container: still unique per library
        user = "user"
    key = f"{user}\0{Path(library).expanduser().resolve()}"
    return f"batchgen-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:20]}"


def send_to_running(name: str, files: list[Path], timeout_ms: int = CONNECT_TIMEOUT_MS) -> bool:
    """Hand `files` to the instance listening on `name` and ask it to come to the front.
    False when no instance answers (none runs, or its socket is stale)."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    message = json.dumps({"files": [str(Path(f).expanduser().resolve()) for f in files]})
    socket.write(message.encode("utf-8") + b"\n")
    socket.flush()
    socket.waitForBytesWritten(timeout_ms)  # False when it all went out already: not an error
    reply = b""
    while b"\n" not in reply and socket.waitForReadyRead(REPLY_TIMEOUT_MS):
        reply += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return reply.strip() == b"ok"


class SingleInstance(QObject):
    """The first instance's listener: `files_received` carries the paths a later start sent
    (possibly none: then it only wants the window in front)."""

    files_received = Signal(list)  # list[Path]

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytearray] = {}

    def listen(self) -> bool:
        """Listen, removing a stale socket first. Call only after `send_to_running` failed."""
        if self.server.listen(self.name):
            return True
        # A crashed instance leaves its socket file behind (Unix): nobody answers on it.
        QLocalServer.removeServer(self.name)
        if self.server.listen(self.name):
            return True
        log.warning("cannot listen on %s: %s", self.name, self.server.errorString())
        return False

    def close(self) -> None:
        """Stop listening and drop open connections (their signals first: a socket destroyed
        with its server must not call back into Python)."""
        for socket in list(self._buffers):
            if shiboken6.isValid(socket):
                socket.disconnect(self)
                socket.readyRead.disconnect()
                socket.disconnected.disconnect()
                socket.abort()
                socket.deleteLater()
        self._buffers.clear()
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._buffers[socket] = bytearray()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _read(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.get(socket)
        if buffer is None:
            return
        buffer += bytes(socket.readAll().data())
        if len(buffer) > MAX_MESSAGE:
            socket.abort()
            return
        if b"\n" not in buffer:
            return
        line = bytes(buffer).split(b"\n", 1)[0]
        try:
            files = [Path(f) for f in json.loads(line.decode("utf-8")).get("files", [])]
        except (ValueError, AttributeError, TypeError):
            log.warning("ignoring a malformed message on %s", self.name)
            socket.abort()
            return
        socket.write(b"ok\n")
        socket.flush()
        self.files_received.emit(files)

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        if shiboken6.isValid(socket):
            socket.deleteLater()


def bring_to_front(window: object) -> None:
    """Show `window` (restored if minimised) and ask the window manager to focus it."""
    from PySide6.QtCore import Qt

    state = window.windowState()
    if state & Qt.WindowState.WindowMinimized:
        window.setWindowState(state & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()


def claim(library: Path, files: list[Path]) -> SingleInstance | None:
    """Become the instance for `library`, or hand `files` to the one that already is and
    return None (the caller then exits)."""
    name = server_name(library)
    if send_to_running(name, files):
        log.info("handed %d file(s) to the running instance (%s)", len(files), name)
        return None
    guard = SingleInstance(name)
    guard.listen()
    return guard
