"""Help ▸ About (F1): what support asks first — which version, on which Qt and Python, and
which keychain holds the API key (its *name* only: the key never reaches this module).

The version has one source, the package metadata (:data:`inflow_desk.__version__`); the
PyInstaller bundle carries that metadata too (``packaging/inflow-desk.spec``).
"""

from __future__ import annotations

import platform
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QAction, QGuiApplication, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inflow_desk import version
from inflow_desk.domain.i18n import QT_TRANSLATE_NOOP, translate
from inflow_desk.ui.kit.widgets import ABOUT_SHORTCUT

ICON_NAME = "inflow-desk"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
#: The rows' names: English in the copied details (a support request reads the same in every
#: language), translated on screen.
PLATFORM = QT_TRANSLATE_NOOP("AboutDialog", "Platform")
KEY_STORAGE = QT_TRANSLATE_NOOP("AboutDialog", "Key storage")
UNKNOWN = QT_TRANSLATE_NOOP("AboutDialog", "unknown")
#: Names of products, the same in every language (still marked: a translator may adapt them).
_PRODUCTS = (
    QT_TRANSLATE_NOOP("AboutDialog", "Inflow Desk"),
    QT_TRANSLATE_NOOP("AboutDialog", "Qt"),
    QT_TRANSLATE_NOOP("AboutDialog", "PySide6"),
    QT_TRANSLATE_NOOP("AboutDialog", "Python"),
)


class HasMenus(Protocol):
    """What :func:`install_about` needs of the main window."""

    def menu(self, title: str) -> QMenu: ...


def resources_dir() -> Path | None:
    """The ``resources/`` folder: inside a PyInstaller bundle, or in a source checkout."""
    bundle = getattr(sys, "_MEIPASS", None)
    candidates = [Path(bundle) / "resources"] if bundle else []
    candidates.append(Path(__file__).resolve().parents[2] / "resources")
    return next((path for path in candidates if (path / f"{ICON_NAME}.svg").is_file()), None)


def app_icon() -> QIcon:
    """The application icon (every PNG size plus the SVG); a null icon when not shipped
    (a plain ``pip install`` has no ``resources/``: the desktop theme's icon is used then)."""
    folder = resources_dir()
    icon = QIcon()
    if folder is None:
        return icon
    for size in ICON_SIZES:
        png = folder / "icons" / f"{ICON_NAME}-{size}.png"
        if png.is_file():
            icon.addFile(str(png))
    if icon.isNull():
        icon.addFile(str(folder / f"{ICON_NAME}.svg"))
    return icon


def version_info(backend_name: str) -> list[tuple[str, str]]:
    """The rows of the dialog, in order, as (label, value)."""
    return [
        ("Inflow Desk", version()),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("Python", f"{platform.python_version()} ({platform.python_implementation()})"),
        (PLATFORM, platform.platform(terse=True)),
        (KEY_STORAGE, backend_name or UNKNOWN),
    ]


class AboutDialog(QDialog):
    """Versions and the keyring backend in use, with a button to copy them for support."""

    def __init__(self, backend_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(translate("AboutDialog", "About Inflow Desk"))
        self.rows = version_info(backend_name)

        icon_label = QLabel(self)
        icon_label.setObjectName("aboutIcon")
        icon = app_icon()
        if not icon.isNull():
            icon_label.setPixmap(icon.pixmap(64, 64))
        icon_label.setAccessibleName(translate("AboutDialog", "Inflow Desk icon"))
        title = QLabel(
            translate("AboutDialog", "<b>Inflow Desk</b> {version}").format(version=version()),
            self,
        )
        title.setObjectName("aboutTitle")
        title.setTextFormat(Qt.TextFormat.RichText)
        subtitle = QLabel(
            translate(
                "AboutDialog",
                "Create Inflow Pay checkout links while the customer is on the phone.",
            )
        )
        subtitle.setWordWrap(True)
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(subtitle)
        top = QHBoxLayout()
        top.addWidget(icon_label, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)

        form = QFormLayout()
        self.value_labels: dict[str, QLabel] = {}
        for name, value in self.rows:
            shown = (
                translate("AboutDialog", UNKNOWN)
                if name == KEY_STORAGE and value == UNKNOWN
                else value
            )
            label = QLabel(shown, self)
            camel = "".join(word[:1].upper() + word[1:] for word in name.split())
            label.setObjectName(f"about{camel}Value")  # e.g. aboutKeyStorageValue
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            title_text = translate("AboutDialog", name)
            label.setAccessibleName(title_text)
            form.addRow(translate("AboutDialog", "{name}:").format(name=title_text), label)
            self.value_labels[name] = label

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(translate("AboutDialog", "&Copy details"), self)
        self.copy_button.setObjectName("aboutCopyButton")
        self.copy_button.setAccessibleName(translate("AboutDialog", "Copy details"))
        self.copy_button.setToolTip(
            translate("AboutDialog", "Copy these lines, e.g. for a support request")
        )
        self.copy_button.setAutoDefault(False)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def details_text(self) -> str:
        return "\n".join(f"{name}: {value}" for name, value in self.rows)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details_text())
        self.copy_button.setText(translate("AboutDialog", "Copied ✓"))


BackendName = str | Callable[[], str]


def install_about(window: HasMenus, backend_name: BackendName = UNKNOWN) -> QAction:
    """Add Help ▸ About (F1) to ``window``. ``backend_name`` is the name of the key storage,
    or a callable giving it when the dialog opens (the account may change meanwhile)."""
    menu = window.menu("&Help")
    action = QAction(translate("AboutDialog", "&About Inflow Desk"), menu)
    action.setObjectName("aboutAction")
    action.setShortcut(QKeySequence(ABOUT_SHORTCUT))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setMenuRole(QAction.MenuRole.AboutRole)  # macOS: the application menu
    parent = window if isinstance(window, QWidget) else None

    def show() -> None:
        name = backend_name() if callable(backend_name) else backend_name
        dialog = AboutDialog(name, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    action.triggered.connect(show)
    menu.addAction(action)
    if parent is not None:
        parent.addAction(action)  # F1 works wherever the focus is in the window
    return action
