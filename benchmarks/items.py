"""The in-process benchmark items; each runs in a fresh worker process started by ``run.py``.

An item returns a :class:`Measured`: paired per-run samples of the thing measured ("subject")
and of its baseline, measured alternately in the same process so that both see the same
machine state. Times are in seconds. ``profiler.section()`` wraps the subject's code, so that
``run.py`` can profile exactly that when a target is missed.

Items whose UI does not exist yet report ``available=False`` with the reason.
"""

from __future__ import annotations

import cProfile
import gc
import hashlib
import importlib.util
import json
import os
import secrets
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

HEARTBEAT_MS = 10
API_KEY = "bench-key-not-secret"
CHECKOUT_URL = "https://checkout.inflowpay.com/pay/sess_{}"


@dataclass
class Measured:
    subject: list[float] = field(default_factory=list)
    baseline: list[float] = field(default_factory=list)
    available: bool = True
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


class Profiler:
    """cProfile around the subject's code only, when ``run.py`` asked for a profile."""

    def __init__(self, enabled: bool) -> None:
        self.profile: cProfile.Profile | None = cProfile.Profile() if enabled else None

    @contextmanager
    def section(self) -> Iterator[None]:
        if self.profile is None:
            yield
            return
        self.profile.enable()
        try:
            yield
        finally:
            self.profile.disable()


@dataclass(frozen=True)
class Context:
    runs: int
    quick: bool
    profiler: Profiler


def _app() -> QApplication:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    return QApplication(["inflow-desk-bench"])


def _timed(fn: Callable[[], object], count: int) -> float:
    """Mean seconds per call of ``fn`` over ``count`` calls."""
    started = time.perf_counter()
    for _ in range(count):
        fn()
    return (time.perf_counter() - started) / count


def _paired(
    ctx: Context, subject: Callable[[], object], baseline: Callable[[], object], warmup: int = 3
) -> Measured:
    """``ctx.runs`` pairs of batch means, alternating which one goes first."""
    for _ in range(warmup):
        subject()
        baseline()
    count = 10 if ctx.quick else 40
    measured = Measured()
    for run in range(ctx.runs):
        if run % 2:
            with ctx.profiler.section():
                measured.subject.append(_timed(subject, count))
            measured.baseline.append(_timed(baseline, count))
        else:
            measured.baseline.append(_timed(baseline, count))
            with ctx.profiler.section():
                measured.subject.append(_timed(subject, count))
    measured.extra["calls_per_run"] = count
    return measured


# ------------------------------------------------------------------------------ QR
def qr_render(ctx: Context) -> Measured:
    """``qr_pixmap`` of a checkout URL (220 px at device pixel ratio 2) vs stock segno.make."""
    import segno

    from inflow_desk.ui.checkout.qr import ERROR_CORRECTION, qr_pixmap

    _app()
    urls = [CHECKOUT_URL.format(secrets.token_hex(12)) for _ in range(64)]
    state = {"i": 0}

    def next_url() -> str:
        state["i"] = (state["i"] + 1) % len(urls)
        return urls[state["i"]]

    def subject() -> object:
        pixmap = qr_pixmap(next_url(), 220, 2.0)
        assert not pixmap.isNull()
        return pixmap

    def baseline() -> object:
        return segno.make(next_url(), error=ERROR_CORRECTION, micro=False)

    measured = _paired(ctx, subject, baseline)
    measured.note = (
        "220 logical px at device pixel ratio 2.0 (440 device px); "
        "baseline: stock segno.make of the same URL alone (the matrix without drawing it)"
    )
    return measured


# ------------------------------------------------------------------------------ client
class CannedServer:
    """An HTTP/1.1 server on 127.0.0.1 that answers every request with the same prepared bytes.

    The server's own time is one ``recv`` and one ``sendall`` per request, the same for both
    sides of ``create_session``; the emulator, by contrast, validates and builds each answer in
    Python (in this process), and that dominated both sides. Keep-alive, one thread per
    connection; the bodies of the POSTs it received are kept for the byte-identity check.
    """

    def __init__(self, response: bytes) -> None:
        self._response = response
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.base_url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self.bodies: set[bytes] = set()
        threading.Thread(target=self._accept, name="canned-server", daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self._listener.accept()
            except OSError:  # closed
                return
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        buffer = b""
        with conn:
            while True:
                while b"\r\n\r\n" not in buffer:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    buffer += chunk
                head, _, buffer = buffer.partition(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n")[1:]:
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value)
                while len(buffer) < length:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    buffer += chunk
                body, buffer = buffer[:length], buffer[length:]
                if head.startswith(b"POST "):
                    self.bodies.add(body)
                conn.sendall(self._response)

    def close(self) -> None:
        self._listener.close()


_SERVER_PROCESS = """
import hashlib, sys
sys.path.insert(0, sys.argv[2])
from benchmarks.items import CannedServer
server = CannedServer(sys.stdin.buffer.read(int(sys.argv[1])))
print(server.base_url, flush=True)
sys.stdin.buffer.read()  # until the benchmark closes our stdin
print(" ".join(sorted(hashlib.sha256(body).hexdigest() for body in server.bodies)), flush=True)
"""


@contextmanager
def canned_server_process(answer: bytes) -> Iterator[tuple[str, list[str]]]:
    """A :class:`CannedServer` in a child process (it takes no GIL from the client measured):
    yields its base URL and a list that, on exit, holds the SHA-256 of each body it received."""
    import subprocess

    root = str(Path(__file__).resolve().parent.parent)
    proc = subprocess.Popen(
        [sys.executable, "-c", _SERVER_PROCESS, str(len(answer)), root],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert proc.stdin is not None and proc.stdout is not None
    received: list[str] = []
    try:
        proc.stdin.write(answer)
        proc.stdin.flush()
        base_url = proc.stdout.readline().decode().strip()
        if not base_url.startswith("http://127.0.0.1:"):
            raise AssertionError(f"the canned server did not start: {base_url!r}")
        yield base_url, received
    finally:
        proc.stdin.close()
        received += proc.stdout.readline().decode().split()
        proc.wait(30)


def _canned_answer(base_url: str, path: str, headers: dict[str, str], content: bytes) -> bytes:
    """The emulator's real answer to this request, as raw HTTP/1.1 bytes to serve again."""
    import httpx

    with httpx.Client(base_url=base_url, headers=headers) as client:
        response = client.post(path, content=content)
    assert response.status_code == 201, response.status_code
    skip = {"content-length", "connection", "transfer-encoding", "content-encoding", "date"}
    lines = [f"HTTP/1.1 {response.status_code} {response.reason_phrase}"]
    lines += [f"{k}: {v}" for k, v in response.headers.multi_items() if k.lower() not in skip]
    lines.append(f"Content-Length: {len(response.content)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + response.content


def create_session(ctx: Context) -> Measured:
    """Validate + serialise + POST + parse with our client vs a raw httpx POST of the same bytes,
    both against a server that answers at once with the emulator's prepared answer."""
    import httpx

    from inflow_desk.api._constants import API_KEY_HEADER, ONE_TIME_SESSION_PATH
    from inflow_desk.api.client import InflowClient
    from inflow_desk.domain.models import Cart, CheckoutOptions, LineItem
    from inflow_desk.domain.money import Currency
    from inflow_desk.domain.requests import build_one_time_request
    from inflow_desk.emulator import InflowEmulator

    cart = Cart(
        currency=Currency.EUR,
        items=(
            LineItem(name="Starter kit", unit_price_cents=4999, quantity=2),
            LineItem(name="Shipping express", unit_price_cents=990, quantity=1),
        ),
    )
    options = CheckoutOptions(
        customer_email="client@example.org",
        success_url="https://shop.example/thanks",
        cancel_url="https://shop.example/cart",
        expires_in_hours=24,
    )
    body = json.dumps(build_one_time_request(cart, options).to_json(), separators=(",", ":"))
    content = body.encode("utf-8")
    headers = {
        API_KEY_HEADER: API_KEY,
        "Accept": "application/json",
        "Content-Type": "application/json",
    }
    with InflowEmulator(api_key=API_KEY) as emulator:
        answer = _canned_answer(emulator.base_url, ONE_TIME_SESSION_PATH, headers, content)

    with canned_server_process(answer) as (base_url, received):
        client = InflowClient(API_KEY, base_url=base_url)
        raw = httpx.Client(base_url=base_url, headers=headers)

        def subject() -> object:
            session = client.create_one_time_session(build_one_time_request(cart, options))
            assert session.checkout_url
            return session

        def baseline() -> object:
            response = raw.post(ONE_TIME_SESSION_PATH, content=content)
            assert response.status_code == 201, response.status_code
            return response

        try:
            measured = _paired(ctx, subject, baseline)
        finally:
            client.close()
            raw.close()
    if received != [hashlib.sha256(content).hexdigest()]:
        raise AssertionError("the client and the raw POST did not send the same bytes")
    measured.note = (
        f"{len(content)}-byte body, keep-alive connection on 127.0.0.1 to a server (another "
        f"process) that answers every request with the same {len(answer)} bytes (the emulator's "
        "own answer, recorded once), so neither side pays for the server's work; baseline: "
        "httpx.Client.post of the same bytes"
    )
    return measured


# ------------------------------------------------------------------------------ GUI stalls
class Heartbeat:
    """A 10 ms precise timer on the GUI thread; the longest gap between ticks is the stall."""

    def __init__(self, interval_ms: int = HEARTBEAT_MS) -> None:
        from PySide6.QtCore import Qt, QTimer

        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._ticks: list[float] = []

    def _tick(self) -> None:
        self._ticks.append(time.perf_counter())

    def start(self) -> None:
        self._ticks = [time.perf_counter()]
        self._timer.start()

    def stop(self) -> float:
        """Stop; the longest interval between two ticks (or the last tick and now), seconds."""
        self._timer.stop()
        self._ticks.append(time.perf_counter())
        return max(b - a for a, b in zip(self._ticks, self._ticks[1:], strict=False))

    @property
    def ticks(self) -> int:
        return len(self._ticks)


def spin(ms: int) -> None:
    """Run the event loop for ``ms`` milliseconds."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def idle_stall(ms: int) -> float:
    """The longest heartbeat interval of an idle event loop over ``ms`` milliseconds."""
    beat = Heartbeat()
    beat.start()
    spin(ms)
    return beat.stop()


def _module_missing(*names: str) -> str | None:
    missing = [name for name in names if importlib.util.find_spec(name) is None]
    return ", ".join(missing) if missing else None


def not_available(reason: str) -> Measured:
    return Measured(available=False, note=reason)


def _wait_for(signal: Any, timeout_ms: int) -> bool:
    """Run the event loop until ``signal`` fires (True) or ``timeout_ms`` passed (False)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    fired: list[bool] = []

    def done(*_: object) -> None:
        fired.append(True)
        loop.quit()

    signal.connect(done)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(done)
    return bool(fired)


def _keystroke_times(line_edit: Any, text: str) -> list[float]:
    """Seconds per typed character: the key event and the events it causes (filter, paint)."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    times = []
    for char in text:
        started = time.perf_counter()
        QTest.keyClicks(line_edit, char)
        QApplication.processEvents()
        times.append(time.perf_counter() - started)
        spin(20)  # let batched layout and timers run between keys, as between real keystrokes
    return times


@dataclass
class _Bench:
    """A real main window on a real client and emulator, as ``app.py`` builds it."""

    window: Any
    client: Any
    emulator: Any
    settings: Any
    folder: Path
    store: Any = None  # with a history: the store, its recorder and the docked view
    recorder: Any = None
    view: Any = None

    def close(self) -> None:
        from PySide6.QtCore import QThreadPool

        self.window.close()
        self.window.deleteLater()
        self.client.close()
        self.emulator.stop()
        if self.store is not None:
            QThreadPool.globalInstance().waitForDone(30_000)
            spin(10)
            self.store.close()


def _history_parts(path: Path) -> tuple[Any, Any]:
    """The history store and recorder for ``path``, as ``app.build_desk`` makes them."""
    from inflow_desk.storage.history import HistoryStore
    from inflow_desk.ui.history.recorder import make_recorder

    store = HistoryStore(path)
    return store, make_recorder(store, profile="bench")


def _dock_history(window: Any, store: Any, recorder: Any) -> Any:
    """The history view docked into ``window`` and fed by ``recorder``, as the app wires it;
    returns once its first rows are loaded."""
    from inflow_desk.ui.history.dock import reserve_history_dock
    from inflow_desk.ui.history.view import HistoryView, dock_history

    reserve_history_dock(window)
    view = HistoryView(store, profile="bench")
    dock_history(window, window, view)
    recorder.recorded.connect(view.add_record)
    recorder.replayed.connect(lambda _added: view.refresh())
    loaded = view.model.rowCount() or _wait_for(view.model.refreshed, 60_000)
    if not loaded and store.count():
        raise AssertionError("the history did not load")
    spin(200)
    return view


def _main_window(offers: int = 0, history: Path | None = None) -> _Bench:
    """The window (with ``history``: its store, recorder and docked history view)."""
    import httpx
    from PySide6.QtCore import QSettings

    from inflow_desk.api.client import InflowClient
    from inflow_desk.emulator import InflowEmulator, generate_offers
    from inflow_desk.ui.accounts.account import Account
    from inflow_desk.ui.kit.runtime import freeze_startup_heap, tune_interpreter
    from inflow_desk.ui.kit.settings import AppSettings
    from inflow_desk.ui.main_window import MainWindow

    _app()
    folder = Path(tempfile.mkdtemp(prefix="inflow-bench-"))
    emulator = InflowEmulator(api_key=API_KEY, offers=generate_offers(offers) if offers else None)
    emulator.start()
    client = InflowClient(API_KEY, base_url=emulator.base_url, timeout=httpx.Timeout(30.0))
    settings = AppSettings(
        QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat), profile="bench"
    )
    store, recorder = _history_parts(history) if history is not None else (None, None)
    window = MainWindow(
        gateway=client,
        account=Account("Bench shop", "DEMO", emulator.base_url),
        settings=settings,
        record_session=recorder,
    )
    window.resize(1100, 680)
    window.show()
    spin(300)
    view = _dock_history(window, store, recorder) if store is not None else None
    # What app.main does around the first frame (ui/runtime.py): a short GIL switch interval
    # from the start, and the start-up heap frozen out of the garbage collector afterwards.
    tune_interpreter()
    freeze_startup_heap()
    return _Bench(window, client, emulator, settings, folder, store, recorder, view)


def stall_create_2s(ctx: Context) -> Measured:
    """Click Create in the real main window while the emulator takes 2 s to answer; the window
    records into a history of 100,000 rows shown in its dock, as the app does."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from inflow_desk.emulator import Fault

    bench = _main_window(history=_history_database())
    window = bench.window
    measured = Measured()
    try:
        for _ in range(ctx.runs):
            window.new_link()
            model = window.one_time_form.model
            model.setData(model.index(0, 0), "Starter kit")
            model.setData(model.index(0, 1), "49.99")
            spin(50)
            measured.baseline.append(idle_stall(1000))
            bench.emulator.inject(Fault("latency", delay=2.0))
            beat = Heartbeat()
            started = time.perf_counter()
            with ctx.profiler.section():
                beat.start()
                QTest.mouseClick(window.create_button, Qt.MouseButton.LeftButton)
                finished = _wait_for(window.requestFinished, 10_000)
                spin(200)  # the result panel paints its QR code after the answer
                measured.subject.append(beat.stop())
            elapsed = time.perf_counter() - started
            if not finished or not window.result_panel.url_edit.text():
                raise AssertionError("no checkout link was shown")
            if window.status_label.text() != "Link created ✓":
                raise AssertionError(f"not saved to the history: {window.status_label.text()}")
            if elapsed < 2.0:
                raise AssertionError(f"the create took {elapsed:.2f} s, less than the fault")
    finally:
        bench.close()
    measured.note = (
        "real MainWindow + InflowClient, emulator latency fault 2 s, Create clicked; the link "
        f"recorded into a {HISTORY_ROWS:,}-row history shown in the dock (row inserted); "
        "baseline: the same window idle for 1 s"
    )
    return measured


OFFERS = 10_000
OFFER_QUERY = "pro yearly"


def _subscription_bench() -> tuple[_Bench, Any] | str:
    missing = _module_missing(
        "inflow_desk.ui.checkout.subscription_form", "inflow_desk.ui.checkout.offers_model"
    )
    if missing:
        return f"not available: {missing} does not exist yet"
    try:
        from inflow_desk.ui.checkout.subscription_form import install_subscription_mode
    except ImportError as exc:
        return f"not available: {exc}"
    bench = _main_window(offers=OFFERS)
    form = install_subscription_mode(bench.window, bench.settings)
    return bench, form


def stall_offers_load_10k(ctx: Context) -> Measured:
    """Switch to the Subscription tab (which loads the offers) with 10,000 offers listed."""
    made = _subscription_bench()
    if isinstance(made, str):
        return not_available(made)
    bench, form = made
    measured = Measured()
    try:
        for run in range(ctx.runs):
            measured.baseline.append(idle_stall(1000))
            beat = Heartbeat()
            with ctx.profiler.section():
                beat.start()
                if run == 0:
                    bench.window.switch_mode(1)  # the first show loads the offers
                else:
                    form.load_offers()  # F5
                loaded = _wait_for(form.offersLoaded, 60_000)
                spin(200)
                measured.subject.append(beat.stop())
            shown = form.model.rowCount()
            if not loaded or shown < OFFERS:
                raise AssertionError(f"offers did not load ({shown} shown)")
    finally:
        bench.close()
    measured.note = (
        f"{OFFERS:,} offers from the emulator (100 per page) into the real SubscriptionForm; "
        "baseline: the same window idle for 1 s"
    )
    return measured


def offer_filter_keystroke_10k(ctx: Context) -> Measured:
    """Type a query into the offer search at 10,000 offers: the longest keystroke per run,
    vs the same keystrokes into a stock QSortFilterProxyModel over the same display strings."""
    from PySide6.QtCore import QSortFilterProxyModel, QStringListModel, Qt
    from PySide6.QtWidgets import QLineEdit, QListView, QVBoxLayout, QWidget

    made = _subscription_bench()
    if isinstance(made, str):
        return not_available(made)
    bench, form = made
    measured = Measured()
    per_key: dict[str, list[float]] = {}
    try:
        bench.window.switch_mode(1)
        if not _wait_for(form.offersLoaded, 60_000) or form.model.rowCount() < OFFERS:
            raise AssertionError("offers did not load")
        texts = [
            str(form.model.data(form.model.index(row, 0))) for row in range(form.model.rowCount())
        ]
        stock = QWidget()
        stock_edit = QLineEdit(stock)
        stock_view = QListView(stock)
        stock_view.setUniformItemSizes(True)
        proxy = QSortFilterProxyModel(stock)
        proxy.setSourceModel(QStringListModel(texts, stock))
        proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        stock_view.setModel(proxy)
        stock_edit.textChanged.connect(proxy.setFilterFixedString)
        layout = QVBoxLayout(stock)
        layout.addWidget(stock_edit)
        layout.addWidget(stock_view)
        stock.resize(600, 500)
        stock.show()
        spin(200)
        for _ in range(ctx.runs):
            form.search_edit.clear()
            spin(100)
            form.search_edit.setFocus()
            with ctx.profiler.section():
                ours = _keystroke_times(form.search_edit, OFFER_QUERY)
            stock_edit.clear()
            spin(100)
            theirs = _keystroke_times(stock_edit, OFFER_QUERY)
            measured.subject.append(max(ours))
            measured.baseline.append(max(theirs))
            for n, took in enumerate(ours):
                per_key.setdefault(repr(OFFER_QUERY[: n + 1]), []).append(took)
        stock.close()
    finally:
        bench.close()
    measured.extra["per_keystroke_median_ms"] = {
        key: round(sorted(v)[len(v) // 2] * 1000, 2) for key, v in per_key.items()
    }
    measured.note = (
        f"longest keystroke of typing {OFFER_QUERY!r} (key event + processEvents) in the real "
        f"SubscriptionForm at {OFFERS:,} offers; baseline: QSortFilterProxyModel over "
        "QStringListModel of the same display texts in a QListView"
    )
    return measured


HISTORY_QUERY = "starter kit 49"


def stall_history_100k(ctx: Context) -> Measured:
    """Open the history dock on 100,000 rows, then type a filter (one key per 60 ms)."""
    from PySide6.QtTest import QTest

    missing = _module_missing("inflow_desk.ui.history.view", "inflow_desk.ui.history.model")
    if missing:
        return not_available(f"not available: {missing} does not exist yet")
    try:
        from inflow_desk.ui.history.view import HistoryView, dock_history
    except ImportError as exc:
        return not_available(f"not available: {exc}")
    from inflow_desk.storage.history import HistoryStore
    from inflow_desk.ui.history.dock import reserve_history_dock

    path = _history_database()
    measured = Measured()
    for _ in range(ctx.runs):
        bench = _main_window()
        reserve_history_dock(bench.window)  # as build_desk does before the first frame
        spin(100)
        store = HistoryStore(path)
        try:
            measured.baseline.append(idle_stall(1000))
            beat = Heartbeat()
            with ctx.profiler.section():
                beat.start()
                # As the app's start-up steps do it: the view, then (next turn) into its dock.
                view = HistoryView(store, profile="default")
                spin(1)
                dock_history(bench.window, bench.window, view)
                opened = _wait_for(view.model.refreshed, 30_000) or view.model.rowCount() > 0
                spin(200)
                view.focus_search()
                for char in HISTORY_QUERY:
                    QTest.keyClicks(view.search_edit, char)
                    spin(60)
                _wait_for(view.model.refreshed, 30_000)
                spin(300)
                measured.subject.append(beat.stop())
            if not opened:
                raise AssertionError("the history did not load")
            measured.extra["matching_rows"] = view.model.rowCount()
        finally:
            bench.close()
            store.close()
    measured.note = (
        f"real HistoryView docked into MainWindow on {HISTORY_ROWS:,} rows, then "
        f"{HISTORY_QUERY!r} typed one key per 60 ms; baseline: the window idle for 1 s"
    )
    return measured


# ------------------------------------------------------------------------------ history store
HISTORY_ROWS = 100_000
FILTER_TYPED = "starter kit 49"


def _history_records(n: int) -> Iterator[Any]:
    from inflow_desk.storage.history import HistoryLineItem, NewHistoryRecord, SessionKind

    products = ["Starter kit", "Shipping express", "Gift card", "Pro plan", "Repair", "Cable"]
    start = datetime(2024, 1, 1, tzinfo=UTC)
    for i in range(n):
        name = products[i % len(products)]
        price = 500 + (i * 37) % 20_000
        quantity = 1 + i % 3
        created = start + timedelta(minutes=7 * i)
        session_id = f"sess_{i:08d}{secrets.token_hex(4)}"
        body = {
            "currency": "EUR",
            "products": [{"name": name, "price": price, "quantity": quantity}],
            "customerEmail": f"customer{i % 5000}@example.org",
        }
        yield NewHistoryRecord(
            created_at=created,
            profile="default",
            environment="PRODUCTION",
            base_url="https://api.inflowpay.xyz",
            kind=SessionKind.ONE_TIME,
            session_id=session_id,
            checkout_url=CHECKOUT_URL.format(session_id[5:]),
            expires_at=created + timedelta(hours=1),
            expires_at_is_default=True,
            currency="EUR",
            total_cents=price * quantity,
            line_items=(HistoryLineItem(name, price, quantity),),
            customer_email=f"customer{i % 5000}@example.org",
            agent="bench",
            request_json=json.dumps(body),
        )


def _history_database() -> Path:
    """A history database of ``HISTORY_ROWS`` rows (built once per worker process)."""
    from inflow_desk.storage.history import HistoryStore

    global _HISTORY_PATH
    if _HISTORY_PATH is None:
        folder = Path(tempfile.mkdtemp(prefix="inflow-bench-history-"))
        path = folder / "history.sqlite3"
        with HistoryStore(path) as store:
            store.add_many(_history_records(HISTORY_ROWS))
        _HISTORY_PATH = path
    return _HISTORY_PATH


_HISTORY_PATH: Path | None = None


def history_query_100k(ctx: Context) -> Measured:
    """The queries the history view runs (in a worker) on 100,000 rows: open + count + first
    page, then count + first page per keystroke of a filter. The slowest is the longest wait
    until the filtered rows show (not a GUI stall: ``HistoryModel`` queries off the GUI thread)."""
    import sqlite3

    from inflow_desk.storage.history import HistoryStore

    started = time.perf_counter()
    path = _history_database()
    fill_s = time.perf_counter() - started

    measured = Measured()
    steps: dict[str, list[float]] = {}
    for _ in range(ctx.runs):
        longest = 0.0
        with ctx.profiler.section():
            t0 = time.perf_counter()
            store = HistoryStore(path)
            rows = store.count()
            first = store.page(0, 200)
            longest = time.perf_counter() - t0
            steps.setdefault("open", []).append(longest)
            assert rows == HISTORY_ROWS and len(first) == 200
            for end in range(1, len(FILTER_TYPED) + 1):
                typed = FILTER_TYPED[:end]
                t0 = time.perf_counter()
                store.count(typed)
                store.page(0, 200, typed)
                took = time.perf_counter() - t0
                steps.setdefault(repr(typed), []).append(took)
                longest = max(longest, took)
            store.close()
        measured.subject.append(longest)

        t0 = time.perf_counter()
        conn = sqlite3.connect(path)
        conn.execute("SELECT count(*) FROM sessions").fetchone()
        conn.execute("SELECT * FROM sessions ORDER BY id DESC LIMIT 200").fetchall()
        conn.close()
        measured.baseline.append(time.perf_counter() - t0)
    measured.extra["fill_seconds"] = round(fill_s, 2)
    measured.extra["per_step_median_ms"] = {
        step: round(sorted(values)[len(values) // 2] * 1000, 2) for step, values in steps.items()
    }
    measured.note = (
        "HistoryStore open+count+page(0,200), then count+page(0,200) per keystroke of "
        f"{FILTER_TYPED!r}; slowest step. "
        "Baseline: raw sqlite3 count(*) + 200 rows, unfiltered"
    )
    return measured


# ------------------------------------------------------------------------------ soak
SOAK_LINKS = 1000
SOAK_LINKS_QUICK = 100
SOAK_WARMUP = 20


def _descriptors() -> int:
    return len(os.listdir("/proc/self/fd"))


def _rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS in /proc/self/status")


def _soak_session(links: int, history: Path | None, profiler: Profiler | None) -> dict[str, Any]:
    """``links`` creates in one window session (with ``history``: recorder, store and docked
    view, as the app builds them): descriptor and RSS growth after a warm-up."""
    bench = _main_window(history=history)
    try:

        def create(window: Any = bench.window) -> None:
            window.new_link()
            model = window.one_time_form.model
            model.setData(model.index(0, 0), "Starter kit")
            model.setData(model.index(0, 1), "49.99")
            window.create_session()
            if not _wait_for(window.requestFinished, 10_000):
                raise AssertionError("a create did not finish")
            if window.status_label.text() != "Link created ✓":
                raise AssertionError(f"not saved: {window.status_label.text()}")

        for _ in range(SOAK_WARMUP):
            create()
        spin(100)
        gc.collect()
        fds0, rss0 = _descriptors(), _rss_mib()
        series: list[list[float]] = [[0, 0, 0.0]]
        with profiler.section() if profiler is not None else nullcontext():
            for n in range(1, links + 1):
                create()
                if n % max(1, links // 10) == 0:
                    spin(50)
                    series.append([n, _descriptors() - fds0, round(_rss_mib() - rss0, 1)])
        spin(200)
        gc.collect()
        result = {"rss": _rss_mib() - rss0, "fds": _descriptors() - fds0, "series": series}
        if bench.store is not None:
            if bench.store.count() != SOAK_WARMUP + links:
                raise AssertionError("rows are missing from the history")
            result["connections"] = bench.store.open_connections
        return result
    finally:
        bench.close()


def soak_links(ctx: Context) -> Measured:
    """Create many links in one session of the real window (recorder, store, docked history
    view): growth of open descriptors and RSS from after a warm-up to the end. Baseline: the
    same window and emulator without a history (the emulator, in this process, keeps every
    request). ``run.py`` reports the two as ``soak_rss`` and ``soak_fds``."""
    if not Path("/proc/self/status").exists():
        return not_available("not available: needs /proc (Linux)")
    links = SOAK_LINKS_QUICK if ctx.quick else SOAK_LINKS
    measured = Measured()
    fds: list[float] = []
    baseline_fds: list[float] = []
    for _ in range(ctx.runs):
        folder = Path(tempfile.mkdtemp(prefix="inflow-bench-soak-"))
        ours = _soak_session(links, folder / "history.sqlite3", ctx.profiler)
        bare = _soak_session(links, None, None)
        measured.subject.append(ours["rss"])
        measured.baseline.append(bare["rss"])
        fds.append(ours["fds"])
        baseline_fds.append(bare["fds"])
        measured.extra["connections_open_at_end"] = ours["connections"]
        measured.extra["series_links_fds_rss_mib"] = ours["series"]
        measured.extra["baseline_series_links_fds_rss_mib"] = bare["series"]
    measured.extra["links"] = links
    measured.extra["descriptors_growth"] = fds
    measured.extra["baseline_descriptors_growth"] = baseline_fds
    measured.note = (
        f"{links} links created in one real window session (emulator, recorder, store, docked "
        f"history view) after {SOAK_WARMUP} warm-up links; growth of open descriptors and RSS; "
        "baseline: the same without a history"
    )
    return measured


def _simulated_hour(focused: bool, links: int = 20) -> int:
    """Payment list requests a real :class:`PaymentWatcher` sends to the emulator (real HTTP)
    over one simulated hour (a fake clock, one tick per simulated second) for ``links`` open
    links; ``focused``: the agent waits on one of them in the result panel."""
    from datetime import UTC, datetime, timedelta

    from inflow_desk.api.client import InflowClient
    from inflow_desk.domain.payments import LinkFacts
    from inflow_desk.emulator import InflowEmulator
    from inflow_desk.ui.payments.watcher import PaymentWatcher

    app = _app()
    start = datetime(2026, 11, 25, 13, 0, tzinfo=UTC)
    now = [start]
    with (
        InflowEmulator(api_key="bench-key") as emulator,
        InflowClient("bench-key", base_url=emulator.base_url) as client,
    ):
        watcher = PaymentWatcher(client, clock=lambda: now[0], tick_ms=10**8)
        for index in range(links):
            watcher.watch(
                LinkFacts(f"sess_{index}", start, start + timedelta(hours=24), "EUR", 1000 + index)
            )
        if focused:
            watcher.set_focus("sess_0")
        for second in range(3600):
            now[0] = start + timedelta(seconds=second)
            watcher.tick()
            deadline = time.monotonic() + 5
            while watcher.plan.in_flight and time.monotonic() < deadline:
                app.processEvents()
                time.sleep(0.0005)
        watcher.stop()
        return len(emulator.requests_to("/api/payment")) + len(
            emulator.requests_to("/api/checkout/sessions/", "GET")
        )


def payment_poll_requests_hour(ctx: Context) -> Measured:
    """Requests per profile in one simulated hour with 20 open links: the agent waiting on one
    (subject; budget 3600 s / 5 s = 720) and all in the background (baseline; 45 s apart)."""
    measured = Measured()
    for _ in range(ctx.runs):
        with ctx.profiler.section():
            measured.subject.append(float(_simulated_hour(focused=True)))
        measured.baseline.append(float(_simulated_hour(focused=False)))
    measured.note = (
        "payment watcher, 20 open links, 1 simulated hour, real HTTP to the emulator; "
        "baseline column: the same links with nobody waiting (slow interval)"
    )
    return measured


CATALOG_PRODUCTS = 10_000
CATALOG_QUERY = "starter 12"


def catalog_completion_keystroke_10k(ctx: Context) -> Measured:
    """Type a product name into the cart at 10,000 catalog products (issue 16): the longest
    keystroke per run (completer filter + popup), vs the same keystrokes into a stock
    QLineEdit + QCompleter over a QStringListModel of the same names."""
    from PySide6.QtCore import QStringListModel, Qt
    from PySide6.QtWidgets import QCompleter, QLineEdit

    from inflow_desk.domain.money import Currency
    from inflow_desk.ui.checkout.line_items_model import Column
    from inflow_desk.ui.checkout.line_items_view import CatalogChoice

    bench = _main_window()
    measured = Measured()
    per_key: dict[str, list[float]] = {}
    try:
        choices = [
            CatalogChoice(f"Starter {n} kit", {Currency.EUR: 100 + n}, 1 + n % 3)
            for n in range(CATALOG_PRODUCTS)
        ]
        bench.window.recent_products.set_catalog(choices)
        stock_edit = QLineEdit()
        stock = QCompleter(QStringListModel([c.name for c in choices], stock_edit), stock_edit)
        stock.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        stock.setFilterMode(Qt.MatchFlag.MatchContains)
        stock_edit.setCompleter(stock)
        stock_edit.show()
        table = bench.window.one_time_form.table
        for _ in range(ctx.runs):
            bench.window.new_link()
            spin(100)
            table.edit_cell(0, Column.NAME)
            table.edit(table.currentIndex())
            spin(50)
            editor = table.findChild(QLineEdit, "lineItemNameEditor")
            if not isinstance(editor, QLineEdit):
                raise AssertionError("no name editor")
            with ctx.profiler.section():
                ours = _keystroke_times(editor, CATALOG_QUERY)
            stock_edit.clear()
            stock_edit.setFocus()
            spin(50)
            theirs = _keystroke_times(stock_edit, CATALOG_QUERY)
            measured.subject.append(max(ours))
            measured.baseline.append(max(theirs))
            for n, took in enumerate(ours):
                per_key.setdefault(repr(CATALOG_QUERY[: n + 1]), []).append(took)
        stock_edit.close()
    finally:
        bench.close()
    measured.extra["per_keystroke_median_ms"] = {
        key: round(sorted(v)[len(v) // 2] * 1000, 2) for key, v in per_key.items()
    }
    measured.note = (
        f"longest keystroke of typing {CATALOG_QUERY!r} into the cart's product name at "
        f"{CATALOG_PRODUCTS:,} catalog products; baseline: stock QCompleter (contains, "
        "case-insensitive) over a QStringListModel of the same names"
    )
    return measured


ITEMS: dict[str, Callable[[Context], Measured]] = {
    "payment_poll_requests_hour": payment_poll_requests_hour,
    "qr_render": qr_render,
    "create_session": create_session,
    "stall_create_2s": stall_create_2s,
    "stall_offers_load_10k": stall_offers_load_10k,
    "offer_filter_keystroke_10k": offer_filter_keystroke_10k,
    "catalog_completion_keystroke_10k": catalog_completion_keystroke_10k,
    "stall_history_100k": stall_history_100k,
    "history_query_100k": history_query_100k,
    "soak_links": soak_links,
}


def stall_after_first_frame(ctx: Context) -> Measured:
    """The app started as ``main`` starts it, in a fresh process per run (imports included),
    in demo mode on a history of 100,000 rows: the longest heartbeat gap from the first frame
    until the deferred start-up ran, the history's first rows show and the post-start warm-up
    (HTTP client imports, heap freeze) finished."""
    import json
    import subprocess

    _app()
    history = _history_database()
    measured = Measured()
    steps: dict[str, list[float]] = {}
    root = Path(__file__).resolve().parents[1]
    for _ in range(ctx.runs):
        measured.baseline.append(idle_stall(1000))
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                "from benchmarks.items import after_first_frame_child as run; run()",
                str(history),
            ],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if result.returncode != 0:
            raise AssertionError(f"the start-up child failed: {result.stderr[-2000:]}")
        out = json.loads(result.stdout.strip().splitlines()[-1])
        measured.subject.append(out["stall"])
        for name, took in out["steps"]:
            steps.setdefault(name, []).append(took)
    measured.extra["per_step_median_ms"] = {
        name: round(sorted(values)[len(values) // 2] * 1000, 2) for name, values in steps.items()
    }
    measured.note = (
        "fresh process per run: app.build_desk(staged=True) in demo mode on a 100,000-row "
        "history, shown; heartbeat from the first frame through the deferred start-up steps "
        "(one per event-loop turn, imports in a background thread), the history's first rows "
        "and the post-start warm-up; baseline: an idle event loop"
    )
    return measured


def after_first_frame_child() -> None:
    """Child of :func:`stall_after_first_frame`: ``app.main``'s sequence, with a heartbeat."""
    import json
    import threading

    from PySide6.QtCore import QSettings

    from inflow_desk import app as desk_app
    from inflow_desk.storage.keystore import MemoryKeyStore
    from inflow_desk.ui.kit.runtime import tune_interpreter
    from inflow_desk.ui.main_window import FirstPaintWatcher

    history = Path(sys.argv[1])
    folder = Path(tempfile.mkdtemp(prefix="inflow-bench-start-"))
    tune_interpreter()
    _app = desk_app.make_application(["inflow-desk-bench"])  # kept alive until the end
    desk = desk_app.build_desk(
        desk_app.parse_args(["--demo"]),
        qsettings=QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat),
        keystore=MemoryKeyStore(),
        history_file=history,
        staged=True,
    )
    beat = Heartbeat()
    finished: list[bool] = []

    def after_stages() -> None:
        desk_app.after_first_frame()  # as main does: warm-up imports, then the heap freeze
        finished.append(True)

    def first_frame() -> None:
        beat.start()
        desk.stages.run_in_turns(then=after_stages)

    FirstPaintWatcher(desk.window, first_frame)
    desk.window.resize(1100, 680)
    desk.window.show()
    while not finished:
        spin(10)
    view: Any = desk.history_view
    if view is None or not (view.model.rowCount() or _wait_for(view.model.refreshed, 30_000)):
        raise AssertionError("the history did not load")
    for thread in threading.enumerate():
        if thread.name in ("warm-up-imports", "start-up-imports", "demo-emulator-start"):
            while thread.is_alive():
                spin(10)
    spin(300)
    stall = beat.stop()
    desk.window.close()
    desk.close()
    print(json.dumps({"stall": stall, "steps": desk.stages.timings}))


ITEMS["stall_after_first_frame"] = stall_after_first_frame
