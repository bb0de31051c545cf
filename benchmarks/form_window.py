"""The start-up baseline: the app's first frame as a static Qt form, with no app code.

The same kinds and numbers of widgets as ``inflow-desk --demo --smoke`` shows at its first frame
(menus, the DEMO banner and badge with their style sheets, a tab widget with the cart table and
its buttons, the options form, the empty link panel, the Create button, the history dock), built
with Qt only, shown and quit at the first paint by ``bare_window.py``'s own code. Against it, the
start-up ratios (``startup_time``, ``startup_rss``) show what the app's own Python costs; the bare
window (information only) shows what any such form costs in PySide6.
"""

from __future__ import annotations

import sys

from bare_window import quit_at_first_paint  # this folder: run as a script, like it
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

DEMO_STYLE = "background: #f6c343; color: #3d2c00; border: 2px dashed #8a6100; font-weight: bold;"


def _cart() -> QWidget:
    page = QWidget()
    model = QStandardItemModel(1, 4, page)
    model.setHorizontalHeaderLabels(["Product", "Unit price", "Qty", "Line total"])
    table = QTableView(page)
    table.setModel(model)
    buttons = QHBoxLayout()
    for text in ("Add line", "Duplicate", "Remove"):
        buttons.addWidget(QPushButton(text, page))
    buttons.addStretch(1)
    currency = QComboBox(page)
    currency.addItems(["EUR (€)", "USD ($)"])
    total = QLabel("Total <b>€0.00</b> excl. tax", page)
    total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    bottom = QHBoxLayout()
    bottom.addWidget(QLabel("&Currency", page))
    bottom.addWidget(currency)
    bottom.addWidget(total, 1)
    layout = QVBoxLayout(page)
    layout.addWidget(table, 1)
    layout.addLayout(buttons)
    layout.addLayout(bottom)
    return page


def _options() -> QGroupBox:
    box = QGroupBox("Customer & options")
    form = QFormLayout(box)
    email = QLineEdit(box)
    email.setPlaceholderText("optional — pre-fills the checkout")
    email.setClearButtonEnabled(True)
    form.addRow("Customer &e-mail", email)
    expiry = QHBoxLayout()
    preset = QComboBox(box)
    preset.addItems(["1 hour", "15 minutes", "1 day", "Custom"])
    hours = QDoubleSpinBox(box)
    hours.setSuffix(" h")
    expiry.addWidget(preset)
    expiry.addWidget(hours)
    expiry.addStretch(1)
    form.addRow("E&xpires after", expiry)
    for label in ("&Success URL", "Cance&l URL"):
        edit = QLineEdit(box)
        edit.setPlaceholderText("https://... (optional)")
        form.addRow(label, edit)
    return box


def build() -> QMainWindow:
    window = QMainWindow()
    window.setWindowTitle("form window")
    for title in ("&File", "&View", "&Settings", "&Help"):
        menu = window.menuBar().addMenu(title)
        menu.addAction("Action").setShortcut(QKeySequence("Ctrl+Shift+N"))
    banner = QLabel("DEMO — no real payments. Links come from a local emulator.")
    banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
    banner.setStyleSheet(DEMO_STYLE + " font-size: 13pt; padding: 6px;")
    top = QHBoxLayout()
    top.addWidget(QLabel("Merchant: <b>Demo merchant</b>"), 1)
    profiles = QComboBox()
    profiles.addItem("Demo · no real payments")
    top.addWidget(profiles)
    top.addWidget(QPushButton("⚙ Settings"))
    badge = QLabel("DEMO")
    badge.setStyleSheet(DEMO_STYLE + " border-radius: 10px; padding: 2px 8px;")
    top.addWidget(badge)

    modes = QTabWidget()
    modes.addTab(_cart(), "One-time payment")
    left = QWidget()
    left_layout = QVBoxLayout(left)
    left_layout.addWidget(modes, 1)
    left_layout.addWidget(_options())
    link = QGroupBox("Link")
    link_layout = QVBoxLayout(link)
    empty = QLabel("No link yet.\nBuild the cart or pick an offer, then press Ctrl+Enter.")
    empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
    empty.setEnabled(False)
    link_layout.addWidget(empty, 1)
    link_layout.addWidget(QPushButton("New link"), 0, Qt.AlignmentFlag.AlignRight)
    split = QSplitter(Qt.Orientation.Horizontal)
    split.addWidget(left)
    split.addWidget(link)
    create = QPushButton("Create link   Ctrl+Enter")
    create.setStyleSheet("QPushButton { font-weight: bold; padding: 4px 18px; }")
    QShortcut(QKeySequence("Ctrl+Return"), window, create.click)

    central = QWidget()
    outer = QVBoxLayout(central)
    outer.addWidget(banner)
    outer.addLayout(top)
    outer.addWidget(split, 1)
    outer.addWidget(create, 0, Qt.AlignmentFlag.AlignRight)
    window.setCentralWidget(central)
    dock = QDockWidget("History", window)
    dock.setWidget(QLabel("Loading the history…"))
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    window.resize(1180, 700)  # the size of Inflow Desk's main window (MainWindow's default)
    return window


def main() -> int:
    return quit_at_first_paint(build)


if __name__ == "__main__":
    sys.exit(main())
