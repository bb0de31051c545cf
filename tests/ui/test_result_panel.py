"""The result panel: copy, countdown, QR (decodable, crisp, saved, copied, enlarged)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from inflow_desk.ui.checkout.qr import qr_image, qr_pixmap
from inflow_desk.ui.checkout.result_panel import QrWindow, ResultPanel
from inflow_desk.ui.kit.widgets import countdown_text
from tests.ui.conftest import FROZEN_NOW, Clock

URL = "https://checkout.inflowpay.com/pay/sess_7Hq2Lm90abcdEFGH"


def decode(image: QImage) -> str:
    [result] = zxingcpp.read_barcodes(image.convertToFormat(QImage.Format.Format_Grayscale8))
    return str(result.text)


@pytest.fixture
def panel(qtbot: QtBot, clock: Clock) -> ResultPanel:
    widget = ResultPanel(clock=clock)
    qtbot.addWidget(widget)
    widget.show()
    widget.show_session(
        url=URL,
        session_id="sess_7Hq2Lm90abcdEFGH",
        expires_at=FROZEN_NOW + timedelta(hours=1),
        expiry_assumed=False,
    )
    return widget


def local_hhmm(moment: datetime) -> str:
    return moment.astimezone().strftime("%H:%M")


def test_countdown_text() -> None:
    expires = FROZEN_NOW + timedelta(minutes=58, seconds=30)
    assert countdown_text(expires, FROZEN_NOW) == f"expires {local_hhmm(expires)} — 58 min left"
    assert countdown_text(expires, expires - timedelta(seconds=20)).endswith(
        "less than a minute left"
    )
    assert countdown_text(FROZEN_NOW + timedelta(hours=2, minutes=5), FROZEN_NOW).endswith(
        "2 h 5 min left"
    )
    assert countdown_text(FROZEN_NOW + timedelta(hours=3), FROZEN_NOW).endswith("3 h left")
    assert countdown_text(expires, expires) == f"expired at {local_hhmm(expires)}"
    assert "default" in countdown_text(expires, FROZEN_NOW, assumed=True)


def test_live_countdown_follows_the_clock(panel: ResultPanel, clock: Clock) -> None:
    label = panel.findChild(QLabel, "expiryLabel")
    assert label.text().endswith("60 min left") or label.text().endswith("1 h left")
    clock.now = FROZEN_NOW + timedelta(minutes=59, seconds=1)
    panel.refresh_countdown()
    assert label.text().endswith("less than a minute left")
    clock.now = FROZEN_NOW + timedelta(hours=1)
    panel.refresh_countdown()
    assert label.text().startswith("expired at")


def test_copy_puts_the_url_in_the_clipboard(qtbot: QtBot, panel: ResultPanel) -> None:
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(
        panel, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert QGuiApplication.clipboard().text() == URL
    assert "Copied" in panel.findChild(QLabel, "copiedLabel").text()


def test_qr_decodes_and_is_crisp_at_any_scale() -> None:
    for dpr in (1.0, 1.25, 2.0, 3.0):
        pixmap = qr_pixmap(URL, 220, dpr)
        image = pixmap.toImage()
        assert decode(image) == URL
        assert pixmap.devicePixelRatio() == dpr
        # whole pixels per module: the image side is a multiple of the module count
        modules = 33 + 8  # version 4 + quiet zone, see segno
        assert image.width() % modules == 0
        assert image.width() <= round(220 * dpr)
        assert set(_gray_levels(image)) <= {0, 255}, "scaled (blurred) pixels found"


def _gray_levels(image: QImage) -> set[int]:
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    return {
        gray.pixelColor(x, y).value()
        for x in range(0, gray.width(), 3)
        for y in range(0, gray.height(), 3)
    }


def test_panel_qr_decodes(panel: ResultPanel) -> None:
    assert decode(panel.findChild(QLabel, "qrCodeLabel").pixmap().toImage()) == URL


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_save_qr(panel: ResultPanel, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"qr{suffix}"
    panel.save_qr_to(path)
    assert path.exists()
    if suffix == ".png":
        assert decode(QImage(str(path))) == URL
    else:
        text = path.read_text()
        assert text.lstrip().startswith("<?xml") or "<svg" in text
        from PySide6.QtGui import QPainter
        from PySide6.QtSvg import QSvgRenderer

        renderer = QSvgRenderer(str(path))
        image = QImage(400, 400, QImage.Format.Format_RGB32)
        image.fill(0xFFFFFF)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        assert decode(image) == URL


def test_save_qr_without_known_suffix_becomes_png(panel: ResultPanel, tmp_path: Path) -> None:
    panel.save_qr_to(tmp_path / "qr")
    assert decode(QImage(str(tmp_path / "qr.png"))) == URL


def test_copy_qr_image(panel: ResultPanel) -> None:
    panel.copy_qr_image()
    assert decode(QGuiApplication.clipboard().image()) == URL


def test_enlarge_shows_a_big_decodable_qr(qtbot: QtBot, panel: ResultPanel) -> None:
    qtbot.keyClick(panel, Qt.Key.Key_F11)
    window = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, QrWindow) and w.isVisible()
    )
    label = window.findChild(QLabel, "bigQrCodeLabel")
    qtbot.waitUntil(lambda: not label.pixmap().isNull())
    assert label.pixmap().width() > 300
    assert decode(label.pixmap().toImage()) == URL
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isVisible())


def test_qr_image_rejects_nothing_it_can_encode() -> None:
    long_url = URL + "?" + "x" * 500
    assert decode(qr_image(long_url, 800)) == long_url


def test_clear_hides_everything(panel: ResultPanel) -> None:
    panel.clear()
    assert panel.url == ""
    assert panel.findChild(QLabel, "qrCodeLabel").pixmap().isNull()
    assert panel.findChild(QLabel, "resultPlaceholderLabel").isVisible()


def test_expired_is_shown_in_red(panel: ResultPanel, clock: Clock) -> None:
    clock.now = datetime(2030, 1, 1, tzinfo=UTC)
    panel.refresh_countdown()
    assert "a40000" in panel.findChild(QLabel, "expiryLabel").styleSheet()
