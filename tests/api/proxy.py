"""A tiny HTTP proxy on 127.0.0.1 for tests: records every request it sees and refuses them.

``CONNECT`` (an https tunnel) is answered with ``refuse_status``; a plain-http request sent
through it (``GET http://host/...``) is answered 502. Nothing is ever forwarded, so a test
can tell whether a client went through the proxy at all.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _record(self) -> None:
        proxy: RecordingProxy = self.server.proxy  # type: ignore[attr-defined]
        with proxy.lock:
            proxy.seen.append((self.command, self.path, dict(self.headers.items())))

    def do_CONNECT(self) -> None:
        self._record()
        proxy: RecordingProxy = self.server.proxy  # type: ignore[attr-defined]
        self.close_connection = True
        self.send_response(proxy.refuse_status)
        self.send_header("Content-Length", "0")
        self.send_header("Connection", "close")
        self.end_headers()

    def _refuse(self) -> None:
        self._record()
        self.close_connection = True
        body = b"proxy: not forwarding"
        self.send_response(502)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_HEAD = _refuse


class RecordingProxy:
    def __init__(self, refuse_status: int = 407) -> None:
        self.refuse_status = refuse_status
        self.seen: list[tuple[str, str, dict[str, str]]] = []
        self.lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self._server.proxy = self  # type: ignore[attr-defined]
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> RecordingProxy:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
