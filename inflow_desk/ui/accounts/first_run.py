"""The screen the window shows while the current profile has no API key (and is not demo).

Two ways on: "Enter API key" (opens the settings dialog) and "Try the demo" (the built-in
emulator, no key, no real payments). When the system keychain could not be read, it says so
and offers to keep keys in memory for this run only. The same screen tells the agent when the
current profile was damaged in the settings (:meth:`FirstRunScreen.show_attention`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from inflow_desk.domain.i18n import QT_TRANSLATE_NOOP, translate
from inflow_desk.ui.kit import design, palette
from inflow_desk.ui.kit.theme import set_style

__all__ = ["FirstRunScreen"]

WELCOME_TITLE = QT_TRANSLATE_NOOP("FirstRunScreen", "Welcome to Inflow Desk")
ENTER_KEY_TEXT = QT_TRANSLATE_NOOP("FirstRunScreen", "Enter API key…")

PROBLEM_STYLE = (
    f"QFrame#keychainProblem {{ background: {palette.NOTICE_SURFACE}; "
    f"border: {design.BORDER} {palette.NOTICE_OUTLINE}; {design.ROUNDED} }}"
)


class FirstRunScreen(QWidget):
    """No key yet: explain, and offer the two ways on."""

    enterKeyRequested = Signal()
    demoRequested = Signal()
    useMemoryRequested = Signal()
    retryRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunScreen")

        self.title_label = QLabel(translate("FirstRunScreen", WELCOME_TITLE), self)
        self.title_label.setObjectName("firstRunTitle")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.message_label = QLabel(self)
        self.message_label.setObjectName("firstRunMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)

        self.enter_key_button = QPushButton(translate("FirstRunScreen", ENTER_KEY_TEXT), self)
        self.enter_key_button.setObjectName("enterKeyButton")
        self.enter_key_button.setAccessibleName(translate("FirstRunScreen", "Enter API key"))
        self.enter_key_button.setDefault(True)
        self.enter_key_button.setAutoDefault(True)
        self.enter_key_button.setToolTip(
            translate("FirstRunScreen", "Paste the private key from the Inflow dashboard (Ctrl+,)")
        )
        self.enter_key_button.setMinimumHeight(36)
        self.enter_key_button.clicked.connect(self.enterKeyRequested)

        self.demo_button = QPushButton(translate("FirstRunScreen", "Try the demo"), self)
        self.demo_button.setObjectName("tryDemoButton")
        self.demo_button.setAutoDefault(True)
        self.demo_button.setAccessibleName(translate("FirstRunScreen", "Try the demo"))
        demo_tip = translate(
            "FirstRunScreen", "Use a built-in emulator: no key needed, no real payments"
        )
        self.demo_button.setToolTip(demo_tip)
        self.demo_button.setAccessibleDescription(demo_tip)
        self.demo_button.setMinimumHeight(36)
        self.demo_button.clicked.connect(self.demoRequested)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.enter_key_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)

        # Shown only when the keychain could not be read.
        self.problem_frame = QFrame(self)
        self.problem_frame.setObjectName("keychainProblem")
        set_style(self.problem_frame, PROBLEM_STYLE)
        problem_layout = QVBoxLayout(self.problem_frame)
        self.problem_label = QLabel(self.problem_frame)
        self.problem_label.setObjectName("firstRunProblemLabel")
        self.problem_label.setWordWrap(True)
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)
        memory_text = translate("FirstRunScreen", "Keep keys in memory for this run only")
        self.memory_button = QPushButton(memory_text, self.problem_frame)
        self.memory_button.setObjectName("firstRunMemoryButton")
        self.memory_button.setAccessibleName(memory_text)
        self.memory_button.setToolTip(
            translate(
                "FirstRunScreen",
                "Keys you enter are forgotten when Inflow Desk quits; nothing is written to disk",
            )
        )
        self.memory_button.clicked.connect(self.useMemoryRequested)
        retry_text = translate("FirstRunScreen", "Try the keychain again")
        self.retry_button = QPushButton(retry_text, self.problem_frame)
        self.retry_button.setObjectName("firstRunRetryButton")
        self.retry_button.setAccessibleName(retry_text)
        self.retry_button.clicked.connect(self.retryRequested)
        problem_buttons = QHBoxLayout()
        problem_buttons.addWidget(self.memory_button)
        problem_buttons.addWidget(self.retry_button)
        problem_buttons.addStretch(1)
        problem_layout.addWidget(self.problem_label)
        problem_layout.addLayout(problem_buttons)
        self.problem_frame.hide()

        self.hint_label = hint = QLabel(
            translate(
                "FirstRunScreen",
                "The key is kept in your system's keychain, never in a file. "
                "You can add more merchant accounts later in Settings (Ctrl+,).",
            ),
            self,
        )
        hint.setObjectName("firstRunHint")
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setEnabled(False)  # greyed: secondary text

        column = QWidget(self)
        column.setMaximumWidth(560)
        column.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        inner = QVBoxLayout(column)
        inner.setSpacing(14)
        inner.addWidget(self.title_label)
        inner.addWidget(self.message_label)
        inner.addLayout(buttons)
        inner.addWidget(self.problem_frame)
        inner.addWidget(hint)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 3)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.setTabOrder(self.enter_key_button, self.demo_button)
        self.setTabOrder(self.demo_button, self.memory_button)
        self.setTabOrder(self.memory_button, self.retry_button)

    def show_state(
        self,
        *,
        profile_label: str,
        base_url: str,
        problem: str | None = None,
        can_use_memory: bool = False,
        can_retry: bool = False,
        key_unusable: bool = False,
    ) -> None:
        """What to say: which profile lacks a key, and why the keychain failed (if it did).

        ``key_unusable``: a value is stored but it cannot be an API key (``problem`` says why).
        """
        if key_unusable:
            first = translate(
                "FirstRunScreen", "The API key stored for {profile} ({address}) cannot be used."
            )
        else:
            first = translate("FirstRunScreen", "No API key is stored for {profile} ({address}).")
        then = translate(
            "FirstRunScreen",
            "Enter the private API key of this merchant account, or try the app with the "
            "built-in demo first.",
        )
        self.message_label.setText(
            first.format(profile=profile_label, address=base_url) + "\n" + then
        )
        self.title_label.setText(translate("FirstRunScreen", WELCOME_TITLE))
        self.enter_key_button.setText(translate("FirstRunScreen", ENTER_KEY_TEXT))
        self.enter_key_button.setAccessibleName(translate("FirstRunScreen", "Enter API key"))
        self.problem_frame.setVisible(problem is not None)
        self.hint_label.setVisible(problem is None)
        self.problem_label.setText(problem or "")
        self.memory_button.setVisible(can_use_memory)
        self.retry_button.setVisible(can_retry)

    def show_attention(self, *, profile_name: str, attention: str, notice: str | None) -> None:
        """The profile was damaged in the settings: say what, and that nothing is sent.

        ``attention`` is :attr:`Profile.attention` ("needs attention: environment 'prodution'
        is not known — open Settings"); ``notice`` says where the damaged file was kept.
        """
        self.title_label.setText(translate("FirstRunScreen", "This profile needs attention"))
        self.message_label.setText(
            translate(
                "FirstRunScreen",
                "The profile “{profile}” {attention} (Ctrl+,) and choose its environment.\n"
                "Nothing is sent with this profile until then.",
            ).format(profile=profile_name, attention=attention)
        )
        self.enter_key_button.setText(translate("FirstRunScreen", "Open Settings…"))
        self.enter_key_button.setAccessibleName(translate("FirstRunScreen", "Open Settings"))
        self.problem_frame.setVisible(notice is not None)
        self.problem_label.setText(notice or "")
        self.hint_label.setVisible(notice is None)
        self.memory_button.setVisible(False)
        self.retry_button.setVisible(False)

    def focus_first(self) -> None:
        self.enter_key_button.setFocus(Qt.FocusReason.OtherFocusReason)
