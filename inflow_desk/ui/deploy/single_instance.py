"""One window per user: a second launch hands its arguments to the running app and exits.

The running app listens on a local socket (:class:`InstanceServer`, ``QLocalServer``; on
Linux/macOS a Unix socket only this user can reach, in ``$XDG_RUNTIME_DIR`` when there is
one, on Windows a named pipe). A new launch first tries :func:`hand_over`: when the running
app answers, it gets the command line, brings its window to the front (and fills the form
from a deep link, if one came) — the new process exits 0 without opening a window. A socket
left behind by a crash answers nobody: the next app to start removes it and listens.

Protocol: one line of JSON ``{"argv": [...]}`` (at most :data:`MAX_MESSAGE` bytes), answered
by ``ok``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Final

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

MAX_MESSAGE: Final = 64 * 1024
CONNECT_MS: Final = 1_000
ANSWER_MS: Final = 3_000
ACK: Final = b"ok\n"
#: A Unix socket's path must fit ``sockaddr_un.sun_path`` (108 bytes on Linux, 104 on macOS).
MAX_SOCKET_PATH: Final = 100


def instance_name() -> str:
    """This user's (and this settings folder's) socket name: the same for every launch of
    the app by the user, different for another user or a sandboxed test HOME."""
    config = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation)
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    digest = hashlib.sha256(f"{user}\0{config}".encode()).hexdigest()[:16]
    name = f"inflow-desk-{digest}"
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.name == "posix" and Path(runtime).is_dir():
        path = str(Path(runtime) / f"{name}.sock")
        if len(os.fsencode(path)) < MAX_SOCKET_PATH:
            return path
    return name  # Qt puts it in the temporary folder


def hand_over(name: str, argv: list[str]) -> bool:
    """Give ``argv`` to the running instance; True when it took it (then exit)."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return False
    try:
        socket.write(json.dumps({"argv": argv}).encode("utf-8") + b"\n")
        if not socket.waitForBytesWritten(ANSWER_MS):
            return False
        answer = b""
        while not answer.endswith(b"\n") and socket.waitForReadyRead(ANSWER_MS):
            answer += bytes(socket.readAll().data())
        taken = answer == ACK
        if not taken:
            log.warning("the running Inflow Desk did not answer; starting another")
        return taken
    finally:
        socket.abort()


class InstanceServer(QObject):
    """Listens for later launches; ``received`` carries each one's arguments."""

    received = Signal(list)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_connection)

    def listen(self) -> bool:
        """Start listening; removes a stale socket left by a crash. False when another
        instance is (still) listening, or the socket cannot be made."""
        if self._server.listen(self.name):
            log.info("single instance: listening")
            return True
        if self._server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
            probe = QLocalSocket()
            probe.connectToServer(self.name)
            alive = probe.waitForConnected(CONNECT_MS)
            probe.abort()
            if alive:
                log.warning("single instance: another instance is listening")
                return False
            QLocalServer.removeServer(self.name)  # a crash left it behind
            if self._server.listen(self.name):
                log.info("single instance: removed a stale socket; listening")
                return True
        log.warning("single instance: cannot listen (%s)", self._server.errorString())
        return False

    def close(self) -> None:
        self._server.close()

    def _on_connection(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            buffer = bytearray()

            def read(socket: QLocalSocket = socket, buffer: bytearray = buffer) -> None:
                buffer.extend(bytes(socket.readAll().data()))
                if len(buffer) > MAX_MESSAGE:
                    log.warning("single instance: message too long; dropped")
                    socket.abort()
                    return
                if not buffer.endswith(b"\n"):
                    return
                argv = _decode(bytes(buffer))
                if argv is None:
                    log.warning("single instance: unreadable message; dropped")
                    socket.abort()
                    return
                socket.write(ACK)
                socket.flush()
                socket.disconnectFromServer()
                log.info("single instance: another launch handed over %d arguments", len(argv))
                self.received.emit(argv)

            socket.readyRead.connect(read)
            socket.disconnected.connect(socket.deleteLater)


def _decode(data: bytes) -> list[str] | None:
    try:
        message = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    argv = message.get("argv") if isinstance(message, dict) else None
    if not isinstance(argv, list) or not all(isinstance(a, str) for a in argv):
        return None
    return argv
