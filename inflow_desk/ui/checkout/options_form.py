"""Customer and session options shared by both modes: e-mail, redirect URLs, expiry."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QLocale, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from inflow_desk.domain import limits
from inflow_desk.domain.i18n import QT_TRANSLATE_NOOP, translate
from inflow_desk.domain.models import CheckoutOptions, FieldIssue
from inflow_desk.domain.validation import check_email, check_expires_in, check_redirect_url
from inflow_desk.ui.kit import design, palette
from inflow_desk.ui.kit.theme import set_style
from inflow_desk.ui.kit.widgets import WrappingLabel, retain_size_when_hidden

#: (label, hours) presets of the expiry combo; the last entry is "Custom". The labels are
#: translated where the combo is filled (``translate("OptionsForm", label)``).
EXPIRY_PRESETS: tuple[tuple[str, float], ...] = (
    (QT_TRANSLATE_NOOP("OptionsForm", "15 minutes"), 0.25),
    (QT_TRANSLATE_NOOP("OptionsForm", "1 hour"), 1.0),
    (QT_TRANSLATE_NOOP("OptionsForm", "24 hours"), 24.0),
)
CUSTOM_LABEL = QT_TRANSLATE_NOOP("OptionsForm", "Custom…")

ERROR_STYLE = f"color: {palette.DANGER};"
INVALID_EDIT_STYLE = (
    f"border: {design.BORDER} {palette.INVALID_OUTLINE}; background: {palette.INVALID_SURFACE};"
)


class FieldError(QLabel):
    """A small red line under a field; hidden while there is nothing to say."""

    def __init__(self, name: str, parent: QWidget, accessible_name: str = "") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(accessible_name)
        set_style(self, ERROR_STYLE)
        self.setWordWrap(True)
        self.hide()

    def show_message(self, message: str | None) -> None:
        self.setText(message or "")
        self.setVisible(bool(message))


class OptionsForm(QGroupBox):
    """Customer e-mail, success/cancel URLs and expiry, with inline validation."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("OptionsForm", "Customer && options"), parent)
        self.setObjectName("optionsGroup")

        self.email_edit = QLineEdit(self)
        self.email_edit.setObjectName("customerEmailEdit")
        self.email_edit.setAccessibleName(translate("OptionsForm", "Customer e-mail"))
        self.email_edit.setPlaceholderText(
            translate("OptionsForm", "optional — pre-fills the checkout")
        )
        self.email_edit.setClearButtonEnabled(True)
        # Room for a typical address however long the labels around it are in a language.
        self.email_edit.setMinimumWidth(self.email_edit.fontMetrics().averageCharWidth() * 22)
        self.email_error = FieldError(
            "customerEmailError", self, translate("OptionsForm", "Customer e-mail problem")
        )

        self.expiry_combo = QComboBox(self)
        self.expiry_combo.setObjectName("expiryPresetCombo")
        self.expiry_combo.setAccessibleName(translate("OptionsForm", "Link expiry preset"))
        for label, hours in EXPIRY_PRESETS:
            self.expiry_combo.addItem(translate("OptionsForm", label), hours)
        self.expiry_combo.addItem(translate("OptionsForm", CUSTOM_LABEL), None)
        self.expires_spin = QDoubleSpinBox(self)
        self.expires_spin.setObjectName("expiresInSpin")
        self.expires_spin.setAccessibleName(translate("OptionsForm", "Link expiry in hours"))
        self.expires_spin.setDecimals(2)
        self.expires_spin.setRange(0.0, 100_000.0)  # out-of-range values are flagged, not clamped
        self.expires_spin.setSingleStep(0.25)
        self.expires_spin.setSuffix(translate("OptionsForm", " h"))
        self.expires_spin.setToolTip(
            translate(
                "OptionsForm",
                "Hours until the link expires: at least {minimum} (15 minutes), at most {maximum}.",
            ).format(
                minimum=QLocale().toString(limits.MIN_EXPIRES_IN_HOURS, "g", 6),
                maximum=QLocale().toString(limits.MAX_EXPIRES_IN_HOURS, "g", 6),
            )
        )
        self.expires_error = FieldError(
            "expiresInError", self, translate("OptionsForm", "Link expiry problem")
        )

        self.success_edit = QLineEdit(self)
        self.success_edit.setObjectName("successUrlEdit")
        self.success_edit.setAccessibleName(translate("OptionsForm", "Success URL"))
        self.success_edit.setPlaceholderText(
            translate("OptionsForm", "https://… where the customer lands after paying (optional)")
        )
        self.success_error = FieldError(
            "successUrlError", self, translate("OptionsForm", "Success URL problem")
        )
        self.cancel_edit = QLineEdit(self)
        self.cancel_edit.setObjectName("cancelUrlEdit")
        self.cancel_edit.setAccessibleName(translate("OptionsForm", "Cancel URL"))
        self.cancel_edit.setPlaceholderText(
            translate(
                "OptionsForm", "https://… where the customer lands after cancelling (optional)"
            )
        )
        self.cancel_error = FieldError(
            "cancelUrlError", self, translate("OptionsForm", "Cancel URL problem")
        )

        expiry_row = QHBoxLayout()
        expiry_row.addWidget(self.expiry_combo)
        expiry_row.addWidget(self.expires_spin)
        expiry_row.addStretch(1)

        # E-mail and expiry share the first row (a 1366×768 screen has no height to spare).
        # Their messages share one line under it, as wide as both fields and kept while empty:
        # an invalid e-mail moves neither the expiry nor the rows below (issue 19).
        row_errors = QWidget(self)
        row_errors.setObjectName("customerRowErrors")
        errors_line = QHBoxLayout(row_errors)
        errors_line.setContentsMargins(0, 0, 0, 0)
        errors_line.addWidget(self.email_error, 1, Qt.AlignmentFlag.AlignTop)
        errors_line.addWidget(self.expires_error, 0, Qt.AlignmentFlag.AlignTop)
        for error in (self.email_error, self.expires_error):
            retain_size_when_hidden(error)
        row_errors.setMinimumHeight(self.email_error.fontMetrics().lineSpacing())
        form = _RowsForWidth(self._arrange_for, self._two_row_grid_width)
        form.setVerticalSpacing(design.SPACE_XS)
        self._form = form
        self._email_label = self._label(
            translate("OptionsForm", "Customer &e-mail"), self.email_edit
        )
        self._expires_label = self._label(
            translate("OptionsForm", "E&xpires after"), self.expiry_combo
        )
        self._expiry_row = expiry_row
        self._row_errors = row_errors
        self._success = (
            self._label(translate("OptionsForm", "&Success URL"), self.success_edit),
            _stack(self.success_edit, self.success_error),
        )
        self._cancel = (
            self._label(translate("OptionsForm", "Cance&l URL"), self.cancel_edit),
            _stack(self.cancel_edit, self.cancel_error),
        )
        self.two_rows = True  # (so that the next line places every field)
        self._arrange(two_rows=False)  # the grid picks again for each width it is given
        form.setColumnStretch(1, 1)
        self.setLayout(form)

        self._edits = {
            "customerEmail": (self.email_edit, self.email_error),
            "successUrl": (self.success_edit, self.success_error),
            "cancelUrl": (self.cancel_edit, self.cancel_error),
            "expiresIn": (self.expires_spin, self.expires_error),
        }
        for edit, _ in self._edits.values():
            # The invalid style's border draws a field shorter than the platform's: the field
            # keeps its height when it turns red (nothing moves).
            edit.setMinimumHeight(edit.sizeHint().height())
        self.expiry_combo.currentIndexChanged.connect(self._on_preset_chosen)
        self.expires_spin.valueChanged.connect(self._on_hours_changed)
        for edit in (self.email_edit, self.success_edit, self.cancel_edit):
            edit.textEdited.connect(self._on_text_edited)
            edit.editingFinished.connect(self._validate_live)
        self._default_hours = limits.DEFAULT_EXPIRES_IN_HOURS
        self.reset_expiry()

    def _arrange(self, *, two_rows: bool) -> None:
        """E-mail and expiry on one row, their messages on one line under it; or, where the
        form is narrower than that row needs (a longer language), the expiry on a row of its
        own under the e-mail and the messages under both: no label squeezed to three lines,
        no e-mail field too short to read."""
        if two_rows == self.two_rows:
            return
        self.two_rows = two_rows
        form = self._form
        for widget in (self.email_edit, self._email_label, self._expires_label, self._row_errors):
            form.removeWidget(widget)
        form.removeItem(self._expiry_row)
        for widget in (*self._success, *self._cancel):
            form.removeWidget(widget)
        top = Qt.AlignmentFlag.AlignTop
        form.addWidget(self._email_label, 0, 0)
        if two_rows:
            form.addWidget(self.email_edit, 0, 1, 1, 3)
            form.addWidget(self._expires_label, 1, 0)
            form.addLayout(self._expiry_row, 1, 1, 1, 3)
        else:
            form.addWidget(self.email_edit, 0, 1)
            form.addWidget(self._expires_label, 0, 2)
            form.addLayout(self._expiry_row, 0, 3)
        row = 2 if two_rows else 1
        form.addWidget(self._row_errors, row, 1, 1, 3)
        for label, field in (self._success, self._cancel):
            row += 1
            form.addWidget(label, row, 0, top)
            form.addWidget(field, row, 1, 1, 3)

    def one_row_width(self) -> int:
        """The form's width when e-mail and expiry share a row, each label on one line."""
        return self._one_row_grid_width() + self.width() - self.contentsRect().width()

    def _one_row_grid_width(self) -> int:
        form = self._form
        margins = form.contentsMargins()
        parts = (
            self._email_label.sizeHint().width(),
            self.email_edit.minimumWidth(),
            self._expires_label.sizeHint().width(),
            self._expiry_row.minimumSize().width(),
        )
        spacing = max(form.horizontalSpacing(), 0) * (len(parts) - 1)
        return sum(parts) + spacing + margins.left() + margins.right()

    def _two_row_grid_width(self) -> int:
        """The narrowest the grid can be: two rows, labels and fields each at their minimum."""
        form = self._form
        margins = form.contentsMargins()
        labels = (self._email_label, self._expires_label, self._success[0], self._cancel[0])
        fields = (self.email_edit, self._row_errors, self._success[1], self._cancel[1])
        widest_field = max(
            self._expiry_row.minimumSize().width(), *(_minimum_width(w) for w in fields)
        )
        return (
            max(_minimum_width(label) for label in labels)
            + max(form.horizontalSpacing(), 0)
            + widest_field
            + margins.left()
            + margins.right()
        )

    def _arrange_for(self, grid_width: int) -> None:
        self._arrange(two_rows=grid_width < self._one_row_grid_width())

    def sizeHint(self) -> QSize:
        """The one-row form's width whichever arrangement shows: the window shares its width
        out the same way before and after the first resize."""
        hint = super().sizeHint()
        return QSize(max(hint.width(), self.one_row_width()), hint.height())

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = WrappingLabel(text, self)  # two lines in a longer language, not a wider form
        label.setBuddy(buddy)
        return label

    # ------------------------------------------------------------------ expiry
    def reset_expiry(self) -> None:
        """Back to the default expiry: 1 hour (Inflow's documented default), or the one the
        organisation's policy sets (:meth:`set_default_expiry`)."""
        hours = self._default_hours
        if hours == limits.DEFAULT_EXPIRES_IN_HOURS:
            self.expiry_combo.setCurrentIndex(1)
        self.expires_spin.setValue(hours)  # the preset follows (_on_hours_changed)

    def set_default_expiry(self, hours: float) -> None:
        """The expiry a new link starts with (managed policy); applied at once."""
        self._default_hours = hours
        self.reset_expiry()

    def _on_preset_chosen(self, index: int) -> None:
        hours = self.expiry_combo.itemData(index)
        if hours is None:
            self.expires_spin.setFocus()
            self.expires_spin.selectAll()
        elif self.expires_spin.value() != hours:
            self.expires_spin.setValue(float(hours))
        self.changed.emit()

    def _on_hours_changed(self, hours: float) -> None:
        match = next(
            (i for i, (_, h) in enumerate(EXPIRY_PRESETS) if h == hours), len(EXPIRY_PRESETS)
        )
        if self.expiry_combo.currentIndex() != match:
            self.expiry_combo.blockSignals(True)
            self.expiry_combo.setCurrentIndex(match)
            self.expiry_combo.blockSignals(False)
        if self.expires_error.isVisible():
            self._validate_live()
        self.changed.emit()

    # ------------------------------------------------------------------ values
    def options(self) -> CheckoutOptions:
        return CheckoutOptions(
            customer_email=self.email_edit.text().strip() or None,
            success_url=self.success_edit.text().strip() or None,
            cancel_url=self.cancel_edit.text().strip() or None,
            expires_in_hours=self.expires_spin.value(),
        )

    def issues(self) -> list[FieldIssue]:
        """Problems with the options, in visual order."""
        found: list[FieldIssue] = []
        email = self.email_edit.text().strip()
        if email and (msg := check_email(email)):
            found.append(FieldIssue(field="customerEmail", message=msg))
        if msg := check_expires_in(self.expires_spin.value()):
            found.append(FieldIssue(field="expiresIn", message=msg))
        for key, edit in (("successUrl", self.success_edit), ("cancelUrl", self.cancel_edit)):
            url = edit.text().strip()
            if url and (msg := check_redirect_url(url)):
                found.append(FieldIssue(field=key, message=msg))
        return found

    def show_issues(self, issues: Iterable[FieldIssue]) -> None:
        by_field = {i.field: i.message for i in issues if i.field in self._edits}
        for key, (edit, error) in self._edits.items():
            message = by_field.get(key)
            error.show_message(message)
            set_style(edit, INVALID_EDIT_STYLE if message else "")
            edit.setToolTip(message or "")
            edit.setProperty("invalid", bool(message))

    def focus_field(self, field: str) -> bool:
        entry = self._edits.get(field)
        if entry is None:
            return False
        entry[0].setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(entry[0], QLineEdit):
            entry[0].selectAll()
        return True

    def handles(self, field: str) -> bool:
        return field in self._edits

    def clear_customer(self) -> None:
        """For the next caller: the e-mail goes, the redirect defaults and expiry preset stay."""
        self.email_edit.clear()
        self.reset_expiry()
        self.show_issues([])

    def set_redirects(self, success_url: str, cancel_url: str) -> None:
        self.success_edit.setText(success_url)
        self.cancel_edit.setText(cancel_url)

    def snapshot(self) -> dict[str, object]:
        return {
            "customerEmail": self.email_edit.text(),
            "successUrl": self.success_edit.text(),
            "cancelUrl": self.cancel_edit.text(),
            "expiresIn": self.expires_spin.value(),
        }

    def restore(self, data: dict[str, object]) -> None:
        self.email_edit.setText(str(data.get("customerEmail") or ""))
        self.success_edit.setText(str(data.get("successUrl") or ""))
        self.cancel_edit.setText(str(data.get("cancelUrl") or ""))
        hours = data.get("expiresIn")
        if isinstance(hours, int | float) and not isinstance(hours, bool):
            self.expires_spin.setValue(float(hours))
        else:
            self.reset_expiry()
        self.show_issues([])

    def load_request(self, body: dict[str, object]) -> None:
        """The options of a sent request body: absent fields become empty."""
        self.restore(
            {
                key: body.get(key)
                for key in ("customerEmail", "successUrl", "cancelUrl", "expiresIn")
            }
        )

    def _on_text_edited(self) -> None:
        self.changed.emit()
        # Clear a shown error as soon as the agent starts fixing the field.
        sender = self.sender()
        for edit, error in self._edits.values():
            if edit is sender and error.isVisible():
                self._validate_live()

    def _validate_live(self) -> None:
        self.show_issues(self.issues())


class _RowsForWidth(QGridLayout):
    """The options grid: before it places the fields in a width, the form picks one row or
    two for that width (:meth:`OptionsForm._arrange`). Picking in a resize event would come
    too late: Qt lays the children out before the widget hears of its new size, and labels
    squeezed for one pass make the window grow (it does not shrink back)."""

    def __init__(self, choose: Callable[[int], None], narrowest: Callable[[], int]) -> None:
        super().__init__()
        self._choose = choose
        self._narrowest = narrowest

    def setGeometry(self, rect: QRect) -> None:
        self._choose(rect.width())
        super().setGeometry(rect)

    def minimumSize(self) -> QSize:
        """As narrow as the two-row form, whichever shows: a window restored or resized to
        that width is not held wider by the one-row form it starts with."""
        size = super().minimumSize()
        return QSize(min(size.width(), self._narrowest()), size.height())


def _minimum_width(widget: QWidget) -> int:
    """What a layout gives ``widget`` at least (its minimum width, else its hint's)."""
    return max(widget.minimumWidth(), widget.minimumSizeHint().width())


def _stack(top: QWidget | QHBoxLayout, error: QLabel) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    if isinstance(top, QWidget):
        layout.addWidget(top)
    else:
        layout.addLayout(top)
    layout.addWidget(error)
    return box
