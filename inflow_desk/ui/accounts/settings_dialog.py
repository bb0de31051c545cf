"""Settings › Accounts: profiles, their environment, and their API key.

The key field is never filled with the stored key unless the agent presses Show (then the key is
read from the key store); it is emptied after saving, when another profile is picked and when the
dialog closes. Key store calls and the connection test run in workers. A key that does not start
with ``inflow_`` gets a soft warning only: Inflow's docs disagree about prefixes.

The dialog changes nothing itself: profiles and keys change through the
:class:`~inflow_desk.ui.accounts.controller.AccountController`'s operations, their one owner.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from inflow_desk.domain.i18n import QT_TRANSLATE_NOOP, translate
from inflow_desk.storage.keystore import (
    KeyStoreError,
    KeyStoreLocked,
    KeyStoreUnavailable,
    UnusableKeyError,
    looks_like_inflow_key,
    normalize_key,
)
from inflow_desk.storage.profiles import (
    PRODUCTION_URL,
    SANDBOX_URL,
    Environment,
    Profile,
    validate_custom_url,
    validate_profile_name,
)
from inflow_desk.ui.accounts.profiles_store import problem_text
from inflow_desk.ui.kit import design, palette
from inflow_desk.ui.kit.errors import (
    TEST_CONNECTION_ACTION,
    describe_error,
    key_store_problem_text,
    managed_text,
    unusable_key_text,
)
from inflow_desk.ui.kit.i18n import FOLLOW_OS, LANGUAGES
from inflow_desk.ui.kit.theme import set_style
from inflow_desk.ui.kit.workers import LatestOnly, run_in_background

if TYPE_CHECKING:
    from inflow_desk.ui.accounts.controller import AccountController

__all__ = ["SettingsDialog", "check_key_text"]

log = logging.getLogger(__name__)

CONNECTED_TEXT = QT_TRANSLATE_NOOP("SettingsDialog", "Connected ✓")
ERROR_STYLE = f"color: {palette.DANGER_STRONG};"
WARNING_STYLE = f"color: {palette.WARNING};"
OK_STYLE = f"color: {palette.SUCCESS_STRONG}; font-weight: bold;"
PROBLEM_STYLE = (
    f"QFrame#keyringProblem {{ background: {palette.NOTICE_SURFACE}; "
    f"border: {design.BORDER} {palette.NOTICE_OUTLINE}; {design.ROUNDED} }}"
)
_PRESETS: list[tuple[Environment, str]] = [
    (Environment.PRODUCTION, QT_TRANSLATE_NOOP("SettingsDialog", "Production — real payments")),
    (Environment.SANDBOX, QT_TRANSLATE_NOOP("SettingsDialog", "Sandbox — test payments")),
    (Environment.CUSTOM, QT_TRANSLATE_NOOP("SettingsDialog", "Custom URL")),
]
#: What the profile list says beside each profile's name.
_SHORT_TITLES: dict[Environment, str] = {
    Environment.PRODUCTION: QT_TRANSLATE_NOOP("SettingsDialog", "Production"),
    Environment.SANDBOX: QT_TRANSLATE_NOOP("SettingsDialog", "Sandbox"),
    Environment.CUSTOM: QT_TRANSLATE_NOOP("SettingsDialog", "Custom URL"),
}
#: What failed, in the agent's words, for the error funnel ("Could not {action}."); the
#: English text goes to the log.
_SAVE_KEY = QT_TRANSLATE_NOOP("SettingsDialog", "save the key")
_READ_KEY = QT_TRANSLATE_NOOP("SettingsDialog", "read the key")
_SAVE_PROFILE = QT_TRANSLATE_NOOP("SettingsDialog", "save the profile")
_ACTIONS: dict[str, str] = {
    "save": _SAVE_KEY,
    "reveal": _READ_KEY,
    "check": _READ_KEY,
    "delete": QT_TRANSLATE_NOOP("SettingsDialog", "delete the key"),
    "remove": QT_TRANSLATE_NOOP("SettingsDialog", "remove the profile"),
    "test": TEST_CONNECTION_ACTION,
}
_NO_KEY = QT_TRANSLATE_NOOP("SettingsDialog", "No key stored for this profile.")
_KEY_STORED = QT_TRANSLATE_NOOP("SettingsDialog", "A key is stored for this profile ({where}).")
_PRESET_URLS = {Environment.PRODUCTION: PRODUCTION_URL, Environment.SANDBOX: SANDBOX_URL}


def check_key_text(text: str) -> tuple[str | None, str | None]:
    """``(key, None)`` if ``text`` can be sent as the key header, else ``(None, why not)``.

    The message (the error funnel's) never contains the key. The prefix is not checked (soft
    warning only).
    """
    try:
        return normalize_key(text), None
    except UnusableKeyError as exc:
        return None, unusable_key_text(exc)


def _ask(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def _message_label(parent: QWidget, name: str, style: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    set_style(label, style)
    label.hide()
    return label


def _set_message(label: QLabel, text: str, style: str | None = None) -> None:
    label.setText(text)
    if style is not None:
        set_style(label, style)
    label.setVisible(bool(text))


class SettingsDialog(QDialog):
    """Edit profiles and their keys; test a key against the profile's environment."""

    #: A key store call or the connection test finished (tests wait on this).
    operationFinished = Signal(str)

    def __init__(self, controller: AccountController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(translate("SettingsDialog", "Settings — Accounts and API keys"))
        self.setModal(False)
        self._controller = controller
        self._new_profile = False
        self._selected: Profile | None = None
        self._custom_text = ""
        self._key_from_store = False
        self._busy = False
        # Key checks and reveals: only the latest of each counts, and none started before
        # another profile was picked or a key was saved or deleted (_forget_key_reads).
        self._key_checks = LatestOnly()
        self._reveals = LatestOnly()
        self.key_stored: bool | None = None  # None = unknown
        #: Asks before a destructive action; tests replace it.
        self.confirm: Callable[[str, str], bool] = lambda title, text: _ask(self, title, text)

        # ---------------------------------------------------------- profile list
        self.profile_list = QListWidget(self)
        self.profile_list.setObjectName("profileList")
        self.profile_list.setAccessibleName(translate("SettingsDialog", "Profiles"))
        self.profile_list.setAccessibleDescription(
            translate("SettingsDialog", "The merchant accounts this computer can use")
        )
        self.profile_list.setMinimumWidth(180)
        self.profile_list.setMaximumWidth(240)
        self.profile_list.currentItemChanged.connect(self._on_list_changed)
        self.add_profile_button = QPushButton(translate("SettingsDialog", "Add profile"), self)
        self.add_profile_button.setObjectName("addProfileButton")
        self.add_profile_button.setAccessibleName(translate("SettingsDialog", "Add profile"))
        self.add_profile_button.setToolTip(
            translate("SettingsDialog", "Add another merchant account")
        )
        self.add_profile_button.clicked.connect(self.start_new_profile)
        self.remove_profile_button = QPushButton(translate("SettingsDialog", "Remove"), self)
        self.remove_profile_button.setObjectName("removeProfileButton")
        self.remove_profile_button.setAccessibleName(translate("SettingsDialog", "Remove profile"))
        self.remove_profile_button.setToolTip(
            translate("SettingsDialog", "Remove this profile and its key")
        )
        self.remove_profile_button.clicked.connect(self.remove_profile)
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.add_profile_button)
        list_buttons.addWidget(self.remove_profile_button)
        left = QVBoxLayout()
        left.addWidget(self.profile_list, 1)
        left.addLayout(list_buttons)

        # ---------------------------------------------------------- profile form
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("profileNameEdit")
        self.name_edit.setAccessibleName(translate("SettingsDialog", "Profile name"))
        self.name_edit.setPlaceholderText(translate("SettingsDialog", "e.g. Acme"))
        self.name_error = _message_label(self, "profileNameError", ERROR_STYLE)
        self.name_edit.textEdited.connect(lambda _t: _set_message(self.name_error, ""))

        self.environment_combo = QComboBox(self)
        self.environment_combo.setObjectName("environmentCombo")
        self.environment_combo.setAccessibleName(translate("SettingsDialog", "Environment"))
        self.environment_combo.setAccessibleDescription(
            translate("SettingsDialog", "Production takes real payments; Sandbox only tests")
        )
        for environment, title in _PRESETS:
            self.environment_combo.addItem(translate("SettingsDialog", title), environment.value)
        self.environment_combo.currentIndexChanged.connect(self._on_environment_changed)

        self.url_edit = QLineEdit(self)
        self.url_edit.setObjectName("customUrlEdit")
        self.url_edit.setAccessibleName(translate("SettingsDialog", "API address"))
        self.url_edit.setPlaceholderText(translate("SettingsDialog", "https://api.example.com"))
        self.url_edit.textEdited.connect(self._on_url_edited)
        self.url_edit.editingFinished.connect(self._check_url_now)
        self.url_error = _message_label(self, "customUrlError", ERROR_STYLE)
        self.override_note = _message_label(self, "apiUrlOverrideNote", WARNING_STYLE)
        # What the organisation's policy fixes (storage/policy.py): shown, not editable.
        self.managed_label = QLabel(managed_text(), self)
        self.managed_label.setObjectName("managedLabel")
        self.managed_label.setToolTip(
            translate("SettingsDialog", "Set by your organisation's policy file")
        )
        self.managed_label.hide()
        if self._controller.custom_urls_forbidden:  # no custom address to choose
            custom = self.environment_combo.findData(Environment.CUSTOM.value)
            if custom >= 0:
                self.environment_combo.removeItem(custom)
        if self._controller.profiles_locked:
            for button in (self.add_profile_button, self.remove_profile_button):
                button.setToolTip(managed_text())
        override = controller.api_url_override
        if override:
            _set_message(
                self.override_note,
                translate(
                    "SettingsDialog",
                    "This run was started with --api-url: every profile talks to {address}.",
                ).format(address=override),
            )

        self.key_edit = QLineEdit(self)
        self.key_edit.setObjectName("apiKeyEdit")
        self.key_edit.setAccessibleName(translate("SettingsDialog", "API key"))
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setPlaceholderText(translate("SettingsDialog", "Paste the private API key"))
        key_tip = translate(
            "SettingsDialog", "The key is saved in the system keychain, never in a file"
        )
        self.key_edit.setToolTip(key_tip)
        self.key_edit.setAccessibleDescription(key_tip)
        self.key_edit.textChanged.connect(self._on_key_text_changed)
        self.key_edit.textEdited.connect(self._on_key_edited)
        self.show_key_button = QPushButton(translate("SettingsDialog", "Show"), self)
        self.show_key_button.setObjectName("showKeyButton")
        self.show_key_button.setCheckable(True)
        self.show_key_button.setAccessibleName(translate("SettingsDialog", "Show the API key"))
        self.show_key_button.setToolTip(
            translate("SettingsDialog", "Show the key (reads the stored key if the field is empty)")
        )
        self.show_key_button.toggled.connect(self._on_show_toggled)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_edit, 1)
        key_row.addWidget(self.show_key_button)
        self.key_warning = _message_label(self, "keyWarningLabel", WARNING_STYLE)
        self.key_error = _message_label(self, "keyErrorLabel", ERROR_STYLE)
        self.key_status = QLabel(self)
        self.key_status.setObjectName("keyStatusLabel")
        self.key_status.setWordWrap(True)

        self.save_button = QPushButton(translate("SettingsDialog", "Save"), self)
        self.save_button.setObjectName("saveKeyButton")
        self.save_button.setAccessibleName(translate("SettingsDialog", "Save the profile"))
        self.save_button.setToolTip(
            translate("SettingsDialog", "Save the profile, and the key if one is entered (Enter)")
        )
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.delete_key_button = QPushButton(translate("SettingsDialog", "Delete key"), self)
        self.delete_key_button.setObjectName("deleteKeyButton")
        self.delete_key_button.setAccessibleName(translate("SettingsDialog", "Delete the API key"))
        self.delete_key_button.setToolTip(
            translate("SettingsDialog", "Remove this profile's key from the keychain")
        )
        self.delete_key_button.clicked.connect(self.delete_key)
        self.test_button = QPushButton(translate("SettingsDialog", "Test connection"), self)
        self.test_button.setObjectName("testConnectionButton")
        self.test_button.setAccessibleName(translate("SettingsDialog", "Test connection"))
        self.test_button.setToolTip(
            translate("SettingsDialog", "A read-only request with this key to this environment")
        )
        self.test_button.clicked.connect(self.test_connection)
        actions = QHBoxLayout()
        actions.addWidget(self.save_button)
        actions.addWidget(self.delete_key_button)
        actions.addWidget(self.test_button)
        actions.addStretch(1)
        self.connection_status = QLabel(self)
        self.connection_status.setObjectName("connectionStatusLabel")
        self.connection_status.setWordWrap(True)
        self.connection_status.setTextFormat(Qt.TextFormat.PlainText)
        self.connection_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.backend_label = QLabel(self)
        self.backend_label.setObjectName("keyringBackendLabel")
        self.backend_label.setWordWrap(True)
        self.backend_label.setTextFormat(Qt.TextFormat.PlainText)
        self.backend_label.setEnabled(False)  # greyed: secondary information

        self.problem_frame = QFrame(self)
        self.problem_frame.setObjectName("keyringProblem")
        set_style(self.problem_frame, PROBLEM_STYLE)
        problem_layout = QVBoxLayout(self.problem_frame)
        self.problem_label = QLabel(self.problem_frame)
        self.problem_label.setObjectName("keyringProblemLabel")
        self.problem_label.setWordWrap(True)
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)
        self.memory_button = QPushButton(
            translate("SettingsDialog", "Keep keys in memory for this run only"),
            self.problem_frame,
        )
        self.memory_button.setObjectName("useMemoryButton")
        self.memory_button.setAccessibleName(
            translate("SettingsDialog", "Keep keys in memory for this run only")
        )
        self.memory_button.setToolTip(
            translate(
                "SettingsDialog",
                "Keys are forgotten when Inflow Desk quits; nothing is written to disk",
            )
        )
        self.memory_button.clicked.connect(self.use_memory)
        problem_layout.addWidget(self.problem_label)
        problem_layout.addWidget(self.memory_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.problem_frame.hide()

        def column(*items: QWidget | QHBoxLayout) -> QVBoxLayout:
            box = QVBoxLayout()
            box.setSpacing(2)
            for item in items:
                if isinstance(item, QWidget):
                    box.addWidget(item)
                else:
                    box.addLayout(item)
            return box

        def label(text: str, buddy: QWidget) -> QLabel:
            widget = QLabel(text, self)
            widget.setBuddy(buddy)
            return widget

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(
            label(translate("SettingsDialog", "&Name:"), self.name_edit),
            column(self.name_edit, self.name_error, self.managed_label),
        )
        form.addRow(
            label(translate("SettingsDialog", "&Environment:"), self.environment_combo),
            self.environment_combo,
        )
        form.addRow(
            label(translate("SettingsDialog", "&Address:"), self.url_edit),
            column(self.url_edit, self.url_error, self.override_note),
        )
        form.addRow(
            label(translate("SettingsDialog", "API &key:"), self.key_edit),
            column(key_row, self.key_warning, self.key_error, self.key_status),
        )
        right = QVBoxLayout()
        right.addLayout(form)
        right.addLayout(actions)
        right.addWidget(self.connection_status)
        right.addWidget(self.problem_frame)
        right.addStretch(1)
        right.addWidget(self.backend_label)

        columns = QHBoxLayout()
        columns.addLayout(left, 0)
        separator = QFrame(self)
        separator.setFrameShape(QFrame.Shape.VLine)
        separator.setFrameShadow(QFrame.Shadow.Sunken)
        columns.addWidget(separator)
        right_widget = QWidget(self)
        right_widget.setLayout(right)
        right_widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        columns.addWidget(right_widget, 1)

        self.use_button = QPushButton(translate("SettingsDialog", "Use this profile"), self)
        self.use_button.setObjectName("useProfileButton")
        self.use_button.setAccessibleName(translate("SettingsDialog", "Use this profile"))
        self.use_button.setToolTip(
            translate("SettingsDialog", "Switch the main window to this profile and close")
        )
        self.use_button.setAutoDefault(False)
        self.use_button.clicked.connect(self.use_selected_profile)
        self.close_button = QPushButton(translate("SettingsDialog", "Close"), self)
        self.close_button.setObjectName("closeSettingsButton")
        self.close_button.setAutoDefault(False)
        self.close_button.setAccessibleName(translate("SettingsDialog", "Close the settings"))
        self.close_button.setToolTip(translate("SettingsDialog", "Close (Esc)"))
        self.close_button.clicked.connect(self.reject)
        # The app's language: stored at once, used from the next start (app.main reads it
        # before any widget exists, so every text is in one language).
        self._language_at_open = controller.language
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("languageCombo")
        self.language_combo.setAccessibleName(translate("SettingsDialog", "Language"))
        self.language_combo.setAccessibleDescription(
            translate("SettingsDialog", "Used from the next start of Inflow Desk")
        )
        self.language_combo.addItem(translate("SettingsDialog", "Follow the system"), FOLLOW_OS)
        for code, native_name in LANGUAGES.items():  # each in its own language
            self.language_combo.addItem(native_name, code)
        self.language_combo.setCurrentIndex(
            max(self.language_combo.findData(self._language_at_open), 0)
        )
        self.language_combo.activated.connect(self._on_language_chosen)
        self.language_note = _message_label(self, "languageNote", "")
        bottom = QHBoxLayout()
        bottom.addWidget(label(translate("SettingsDialog", "&Language:"), self.language_combo))
        bottom.addWidget(self.language_combo)
        bottom.addWidget(self.language_note, 1)
        bottom.addStretch(1)
        bottom.addWidget(self.use_button)
        bottom.addWidget(self.close_button)

        outer = QVBoxLayout(self)
        outer.addLayout(columns, 1)
        outer.addLayout(bottom)
        self.resize(760, 440)
        # Tab follows what the eye reads: the bottom row left to right (Language first).
        QWidget.setTabOrder(self.memory_button, self.language_combo)
        QWidget.setTabOrder(self.language_combo, self.use_button)
        QWidget.setTabOrder(self.use_button, self.close_button)

        controller.keyStoreChanged.connect(self._on_keystore_changed)
        self._update_backend_label()
        self.refresh_list()

    # ------------------------------------------------------------------ language
    def _on_language_chosen(self, _index: int) -> None:
        code = str(self.language_combo.currentData() or FOLLOW_OS)
        self._controller.set_language(code)
        _set_message(
            self.language_note,
            translate("SettingsDialog", "Inflow Desk will use this language from its next start.")
            if code != self._language_at_open
            else "",
        )

    # ------------------------------------------------------------------ profile list
    def refresh_list(self, select: str | None = None) -> None:
        """Rebuild the list; select ``select`` (else keep the current selection)."""
        if select is None and self._selected is not None and not self._new_profile:
            select = self._selected.name
        self.profile_list.blockSignals(True)
        self.profile_list.clear()
        target: QListWidgetItem | None = None
        for profile in self._controller.profile_list():
            short = _SHORT_TITLES.get(profile.environment)
            title = translate("SettingsDialog", short) if short else profile.environment.name
            if profile.needs_attention:
                title = translate("SettingsDialog", "needs attention")
            item = QListWidgetItem(f"{profile.name} · {title}")
            item.setData(Qt.ItemDataRole.UserRole, profile.name)
            self.profile_list.addItem(item)
            if select is not None and profile.name.casefold() == select.casefold():
                target = item
        self.profile_list.blockSignals(False)
        if target is None and not self._new_profile and self.profile_list.count():
            target = self.profile_list.item(0)
        if target is not None:
            self.profile_list.blockSignals(True)  # one load (one keychain read), just below
            self.profile_list.setCurrentItem(target)
            self.profile_list.blockSignals(False)
            self._on_list_changed(target, None)

    def select_profile(self, name: str | None) -> None:
        """Show profile ``name`` (the current one when None)."""
        self._new_profile = False
        self.refresh_list(select=name or self._controller.current_profile_name)

    def _on_list_changed(
        self, current: QListWidgetItem | None, previous: QListWidgetItem | None
    ) -> None:
        if current is None:
            return
        name = current.data(Qt.ItemDataRole.UserRole)
        profile = self._controller.find_profile(str(name))
        if profile is not None:
            self._new_profile = False
            self._load(profile)

    def start_new_profile(self) -> None:
        """An empty form for another merchant account (Production unless changed)."""
        self._new_profile = True
        self._selected = None
        self._forget_key_reads()
        self.profile_list.blockSignals(True)
        self.profile_list.clearSelection()
        self.profile_list.setCurrentRow(-1)
        self.profile_list.blockSignals(False)
        self.name_edit.setReadOnly(False)
        self.name_edit.clear()
        self.name_edit.setToolTip("")
        self._custom_text = ""
        self._set_environment(Environment.PRODUCTION)
        self._show_managed(False)
        self._reset_key_field()
        self._clear_messages()
        self.key_stored = False
        self.key_status.setText(translate("SettingsDialog", "No key stored yet."))
        self._update_buttons()
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _load(self, profile: Profile) -> None:
        self._selected = profile
        self._forget_key_reads()
        self.name_edit.setText(profile.name)
        self.name_edit.setReadOnly(True)
        self.name_edit.setToolTip(
            translate("SettingsDialog", "To rename, add a new profile and remove this one")
        )
        self._custom_text = profile.custom_url or ""
        self._set_environment(profile.environment)
        self._show_managed(self._controller.is_managed(profile.name))
        self._reset_key_field()
        self._clear_messages()
        if profile.problem is not None:  # damaged in the settings: the agent fixes it here
            _set_message(
                self.url_error,
                translate(
                    "SettingsDialog", "Needs attention: {problem}. Choose the environment and save."
                ).format(problem=problem_text(profile.problem)),
            )
        self._refresh_key_state()

    def _show_managed(self, managed: bool) -> None:
        """A profile of the policy: its environment and address are fixed (its key is not)."""
        self.managed_label.setVisible(managed)
        self.environment_combo.setEnabled(not managed)
        if managed:
            self.url_edit.setReadOnly(True)
            self.url_edit.setToolTip(managed_text())
        self._update_buttons()

    def _clear_messages(self) -> None:
        for label in (self.name_error, self.url_error, self.key_error, self.key_warning):
            _set_message(label, "")
        self.connection_status.clear()
        self.problem_frame.hide()

    # ------------------------------------------------------------------ environment
    def _set_environment(self, environment: Environment) -> None:
        index = self.environment_combo.findData(environment.value)
        self.environment_combo.blockSignals(True)
        self.environment_combo.setCurrentIndex(max(index, 0))
        self.environment_combo.blockSignals(False)
        self._on_environment_changed()

    def environment(self) -> Environment:
        return Environment(str(self.environment_combo.currentData()))

    def _on_environment_changed(self, _index: int = -1) -> None:
        environment = self.environment()
        preset = _PRESET_URLS.get(environment)
        if preset is None:
            self.url_edit.setReadOnly(False)
            self.url_edit.setText(self._custom_text)
            self.url_edit.setToolTip(
                translate("SettingsDialog", "https:// required; http:// only for this computer")
            )
        else:
            self.url_edit.setReadOnly(True)
            self.url_edit.setText(preset)
            self.url_edit.setToolTip(translate("SettingsDialog", "Fixed for this environment"))
        _set_message(self.url_error, "")
        self.connection_status.clear()

    def _on_url_edited(self, text: str) -> None:
        if self.environment() is Environment.CUSTOM:
            self._custom_text = text
        _set_message(self.url_error, "")

    def _check_url_now(self) -> None:
        if self.environment() is Environment.CUSTOM and self.url_edit.text().strip():
            _set_message(self.url_error, validate_custom_url(self.url_edit.text()) or "")

    def _form_base_url(self) -> str | None:
        """The address the form points at, or None (with the message shown) if invalid."""
        environment = self.environment()
        preset = _PRESET_URLS.get(environment)
        if preset is not None:
            return preset
        problem = validate_custom_url(self.url_edit.text())
        if problem is not None:
            _set_message(self.url_error, problem)
            self.url_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        return self.url_edit.text().strip().rstrip("/")

    def _form_profile(self) -> Profile | None:
        """The profile as the form describes it, or None (with messages shown)."""
        name = self.name_edit.text()
        if self._new_profile:
            problem = validate_profile_name(name)
            if problem is None and self._controller.find_profile(name) is not None:
                problem = translate("SettingsDialog", "A profile with this name already exists")
            if problem is not None:
                _set_message(self.name_error, problem)
                self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
                return None
        if self._form_base_url() is None:
            return None
        if self.environment() is Environment.CUSTOM:
            self._custom_text = self.url_edit.text()
        custom = self._custom_text.strip() or None
        try:
            # Checkout hosts have no field here yet: editing keeps the stored ones.
            selected = None if self._new_profile else self._selected
            hosts = selected.checkout_hosts if selected is not None else ()
            return Profile(name, self.environment(), custom, hosts)
        except ValueError as exc:  # already caught above; belt and braces
            action = translate("SettingsDialog", _SAVE_PROFILE)
            _set_message(self.url_error, describe_error(exc, account=name, action=action).as_text())
            return None

    # ------------------------------------------------------------------ key field
    def _on_key_text_changed(self, text: str) -> None:
        _set_message(self.key_error, "")
        if text.strip() and not looks_like_inflow_key(text):
            _set_message(
                self.key_warning,
                translate(
                    "SettingsDialog",
                    "This does not look like an Inflow key (they usually start with inflow_). "
                    "You can still save it.",
                ),
            )
        else:
            _set_message(self.key_warning, "")

    def _on_key_edited(self, _text: str) -> None:
        self._key_from_store = False

    def _reset_key_field(self) -> None:
        """Empty the key field and hide it again."""
        self.show_key_button.blockSignals(True)
        self.show_key_button.setChecked(False)
        self.show_key_button.setText(translate("SettingsDialog", "Show"))
        self.show_key_button.blockSignals(False)
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.clear()
        self._key_from_store = False

    def _on_show_toggled(self, checked: bool) -> None:
        self.show_key_button.setText(
            translate("SettingsDialog", "Hide") if checked else translate("SettingsDialog", "Show")
        )
        if not checked:
            self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
            if self._key_from_store:
                self.key_edit.clear()
                self._key_from_store = False
            return
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Normal)
        if self.key_edit.text() or self._selected is None:
            return
        name = self._selected.name
        controller = self._controller

        def revealed(key: Any) -> None:
            if not self.show_key_button.isChecked():
                return
            if key is None:
                self.key_stored = False
                self.key_status.setText(translate("SettingsDialog", _NO_KEY))
            elif not self.key_edit.text():
                self.key_edit.setText(str(key))
                self._key_from_store = True
            self._update_buttons()

        log.info("revealing the stored key of profile %r on request", name)
        self._run("reveal", lambda: controller.stored_key(name), revealed, latest=self._reveals)

    def focus_key(self) -> None:
        self.key_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _refresh_key_state(self) -> None:
        profile = self._selected
        if profile is None:
            return
        self.key_stored = None
        self.key_status.setText(translate("SettingsDialog", "Checking the keychain…"))
        name = profile.name
        controller = self._controller

        def checked(present: Any) -> None:
            self.key_stored = bool(present)
            self.key_status.setText(
                translate("SettingsDialog", _KEY_STORED).format(where=controller.key_store_name)
                if present
                else translate("SettingsDialog", _NO_KEY)
            )
            self._update_buttons()

        self._run(
            "check",
            lambda: controller.stored_key(name) is not None,
            checked,
            quiet=True,
            latest=self._key_checks,
        )

    # ------------------------------------------------------------------ actions
    def save(self) -> None:
        """Store the profile (new or edited) and, if one is entered, its key."""
        if self._busy:
            return
        profile = self._form_profile()
        if profile is None:
            return
        key: str | None = None
        if self.key_edit.text().strip():
            key, problem = check_key_text(self.key_edit.text())
            if problem is not None:
                _set_message(self.key_error, problem)
                self.key_edit.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        # With a key, the window reconnects once the key is saved (key_changed), not before.
        if self._new_profile:
            self._controller.add_profile(profile, reconnect=key is None)
            self._new_profile = False
        elif self._controller.is_managed(profile.name):
            profile = self._controller.find_profile(profile.name) or profile  # its key only
        else:
            self._controller.update_profile(profile, reconnect=key is None)
        self._selected = profile
        self.refresh_list(select=profile.name)  # reloads the form: the key field empties
        if key is None:
            self.connection_status.setText(translate("SettingsDialog", "Profile saved."))
            self.operationFinished.emit("save")
            return
        self._save_key(profile, key)

    def _save_key(self, profile: Profile, key: str) -> None:
        controller = self._controller
        name = profile.name

        def saved(_result: Any) -> None:
            self._forget_key_reads()  # a key check or reveal still under way predates the save
            self._reset_key_field()
            self.key_stored = True
            where = controller.key_store_name
            self.key_status.setText(translate("SettingsDialog", _KEY_STORED).format(where=where))
            self.connection_status.setText(
                translate("SettingsDialog", "Key saved ({where}).").format(where=where)
            )
            self.problem_frame.hide()
            self._update_buttons()
            controller.key_changed(name)

        def not_saved(exc: BaseException) -> None:
            # Put the key back so "keep in memory" can save it without pasting again.
            if not self.key_edit.text():
                self.key_edit.setText(key)
            self._show_failure(exc, _SAVE_KEY)
            controller.key_changed(name)  # the profile itself was saved

        self._run("save", lambda: controller.store_key(name, key), saved, not_saved)

    def delete_key(self) -> None:
        """Remove the selected profile's key from the key store (after asking)."""
        profile = self._selected
        if profile is None or self._busy:
            return
        if not self.confirm(
            translate("SettingsDialog", "Delete API key"),
            translate(
                "SettingsDialog",
                "Delete the API key of “{profile}”? You will need to paste it again "
                "from the Inflow dashboard to use this profile.",
            ).format(profile=profile.name),
        ):
            return
        controller = self._controller
        name = profile.name

        def deleted(_result: Any) -> None:
            self._forget_key_reads()  # a check or reveal still under way predates the delete
            self._reset_key_field()
            self.key_stored = False
            self.key_status.setText(translate("SettingsDialog", _NO_KEY))
            self.connection_status.setText(translate("SettingsDialog", "Key deleted."))
            self._update_buttons()
            controller.key_changed(name)

        self._run("delete", lambda: controller.delete_key(name), deleted)

    def remove_profile(self) -> None:
        """Remove the selected profile and its key (after asking)."""
        profile = self._selected
        if profile is None or self._busy:
            return
        if not self.confirm(
            translate("SettingsDialog", "Remove profile"),
            translate(
                "SettingsDialog",
                "Remove the profile “{profile}” and delete its API key from the keychain?",
            ).format(profile=profile.name),
        ):
            return
        controller = self._controller
        name = profile.name

        def removed(_result: Any) -> None:
            self._selected = None
            controller.remove_profile(name)
            self.refresh_list()
            self.connection_status.setText(
                translate("SettingsDialog", "Profile “{profile}” removed.").format(profile=name)
            )

        self._run("remove", lambda: controller.delete_key(name), removed)

    def test_connection(self) -> None:
        """A cheap authenticated GET with the typed key (or the stored one)."""
        if self._busy:
            return
        base = self._form_base_url()
        if base is None:
            return
        typed: str | None = None
        if self.key_edit.text().strip():
            typed, problem = check_key_text(self.key_edit.text())
            if problem is not None:
                _set_message(self.key_error, problem)
                return
        elif self._selected is None:
            _set_message(self.key_error, translate("SettingsDialog", "Paste the key first."))
            return
        profile_name = self._selected.name if self._selected else ""
        base_url = self._controller.api_url_override or base
        environment = self.environment().name
        shown_name = self.name_edit.text() or translate("SettingsDialog", "this profile")
        label = f"{shown_name} — {environment}"
        controller = self._controller

        def check() -> bool:
            key = typed if typed is not None else controller.stored_key(profile_name)
            if key is None:
                return False
            client = controller.make_client(key, base_url)
            try:
                client.check_connection()
            finally:
                client.close()
            return True

        def checked(result: Any) -> None:
            if result:
                self.connection_status.setText(translate("SettingsDialog", CONNECTED_TEXT))
                set_style(self.connection_status, OK_STYLE)
            else:
                set_style(self.connection_status, ERROR_STYLE)
                self.connection_status.setText(
                    translate("SettingsDialog", "No key to test: paste the key first.")
                )
            self.connection_status.show()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, KeyStoreError):  # the key could not be read: the keychain box
                set_style(self.connection_status, ERROR_STYLE)
                self._show_failure(exc, _READ_KEY)
                self.connection_status.show()
                return
            message = describe_error(exc, account=label, action=TEST_CONNECTION_ACTION)
            # An inconclusive check (no such check on this server) is no alarm.
            set_style(self.connection_status, ERROR_STYLE if message.alarming else "")
            prefix = "✗ " if message.alarming else ""
            self.connection_status.setText(prefix + message.as_text())
            self.connection_status.show()

        set_style(self.connection_status, "")
        self.connection_status.setText(translate("SettingsDialog", "Testing the connection…"))
        log.info("testing the connection of profile %r (%s)", profile_name, environment)
        self._run("test", check, checked, failed)

    def use_memory(self) -> None:
        """Keep keys in memory for this run; save the typed key there at once."""
        self._controller.use_memory_store()
        self.problem_frame.hide()
        if self.key_edit.text().strip() and self._selected is not None:
            key, problem = check_key_text(self.key_edit.text())
            if key is not None and problem is None:
                self._save_key(self._selected, key)
                return
        self._refresh_key_state()

    def use_selected_profile(self) -> None:
        """Switch the main window to the selected (saved) profile and close."""
        if self._selected is not None:
            self._controller.switch_to_profile(self._selected.name)
        self.accept()

    # ------------------------------------------------------------------ plumbing
    def _run(
        self,
        what: str,
        work: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        quiet: bool = False,
        latest: LatestOnly | None = None,
    ) -> None:
        """Run ``work`` in a worker, the dialog busy meanwhile unless ``quiet``. With ``latest``
        the callbacks run only for the newest task of that key (the busy state always ends)."""
        if not quiet:
            self._set_busy(True)
        ticket = latest.next() if latest is not None else None

        def current() -> bool:
            return ticket is None or ticket.is_latest()

        def success(result: Any) -> None:
            if not quiet:
                self._set_busy(False)
            if current():
                on_success(result)
            self.operationFinished.emit(what)

        def failure(exc: BaseException) -> None:
            if not quiet:
                self._set_busy(False)
            if current():  # a superseded task's failure is not shown
                if on_failure is not None:
                    on_failure(exc)
                else:
                    self._show_failure(exc, _ACTIONS.get(what, what))
            self.operationFinished.emit(what)

        run_in_background(work, success, failure, owner=self)

    def _show_failure(self, exc: BaseException, action: str) -> None:
        """Say what went wrong; ``action`` is English (the log's), translated for the agent."""
        if isinstance(exc, KeyStoreError):
            log.warning("key store: could not %s: %s", action, type(exc).__name__)
            self.problem_label.setText(key_store_problem_text(exc))
            offer = isinstance(exc, KeyStoreUnavailable | KeyStoreLocked)
            self.memory_button.setVisible(offer and not self._controller.uses_memory_store())
            self.problem_frame.show()
            if self.key_stored is None:
                self.key_status.setText(translate("SettingsDialog", "Could not read the keychain."))
        else:  # an unusable key (the funnel says why, never quoting it), or anything else
            shown = (
                action if action == TEST_CONNECTION_ACTION else translate("SettingsDialog", action)
            )
            message = describe_error(exc, account=self.name_edit.text(), action=shown)
            _set_message(self.key_error, message.as_text())

    def _forget_key_reads(self) -> None:
        """Answers of key checks and reveals still under way no longer count."""
        self._key_checks.supersede()
        self._reveals.supersede()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = not self._busy
        existing = self._selected is not None and not self._new_profile
        self.save_button.setEnabled(idle)
        self.test_button.setEnabled(idle)
        self.delete_key_button.setEnabled(idle and existing and self.key_stored is not False)
        selected = self._selected
        fixed = self._controller.profiles_locked or (
            selected is not None and self._controller.is_managed(selected.name)
        )
        self.add_profile_button.setEnabled(not self._controller.profiles_locked)
        self.remove_profile_button.setEnabled(idle and existing and not fixed)
        self.use_button.setEnabled(existing)
        self.show_key_button.setEnabled(idle)

    def _update_backend_label(self) -> None:
        name = self._controller.key_store_name
        if name.startswith("unavailable:"):  # the reason is in the problem box when it matters
            name = translate("SettingsDialog", "no usable system keychain was found")
        self.backend_label.setText(
            translate("SettingsDialog", "Keys are kept in: {where}").format(where=name)
        )

    def _on_keystore_changed(self) -> None:
        self._update_backend_label()
        self.problem_frame.hide()
        self._refresh_key_state()

    def hideEvent(self, event: QHideEvent) -> None:
        # A key never stays in the dialog once it is out of sight.
        self._reset_key_field()
        super().hideEvent(event)
