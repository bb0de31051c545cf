"""Settings › Catalog and messages: the profile's products (add, edit, delete, search, CSV import
and export) and its message templates (edited with a live preview; unknown placeholders are
refused). Everything is stored by :class:`~inflow_desk.storage.catalog.CatalogStore`."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inflow_desk.domain.handover import (
    PLACEHOLDERS,
    MessageTemplates,
    placeholder_description,
    render_template,
    sms_count,
    sms_plain,
    template_problem,
)
from inflow_desk.domain.i18n import QT_TRANSLATE_NOOP, translate
from inflow_desk.domain.money import Currency, MoneyParseError, parse_money, plain_amount
from inflow_desk.storage.catalog import (
    CatalogError,
    CatalogImportError,
    CatalogProduct,
    CatalogStore,
    InvalidProductError,
)
from inflow_desk.ui.kit import palette
from inflow_desk.ui.kit.errors import (
    UserMessage,
    catalog_import_failed,
    catalog_unavailable,
    export_failed,
)
from inflow_desk.ui.kit.formatting import format_money
from inflow_desk.ui.kit.theme import set_style

log = logging.getLogger(__name__)


def sample_values() -> dict[str, str]:
    """What the preview fills the placeholders with (amounts in the agent's locale)."""
    return {
        "link": "https://checkout.inflowpay.com/pay/sess_7Hq2Lm90abcdEFGH",
        "amount": format_money(9998, Currency.EUR),
        "items": translate("CatalogDialog", "2 × Starter kit"),
        "offer": "",
        "expires_at": "15:42",
        "expires_in": translate("HandoverFacts", "{minutes} min").format(minutes=58),
        "merchant": "Acme",
        "customer_email": "customer@example.com",
    }


ERROR_STYLE = f"color: {palette.DANGER_STRONG};"
#: Column titles (the currency codes stay codes).
COLUMNS = (
    QT_TRANSLATE_NOOP("CatalogDialog", "Name"),
    "EUR",
    "USD",
    QT_TRANSLATE_NOOP("CatalogDialog", "Qty"),
    QT_TRANSLATE_NOOP("CatalogDialog", "Reference"),
)
CURRENCY_CODES = frozenset({"EUR", "USD"})
#: The three templates' names (form rows and problems).
MESSAGE_LABEL = QT_TRANSLATE_NOOP("CatalogDialog", "Chat / e-mail text")
SUBJECT_LABEL = QT_TRANSLATE_NOOP("CatalogDialog", "E-mail subject")
SMS_LABEL = QT_TRANSLATE_NOOP("CatalogDialog", "SMS text")


class CatalogDialog(QDialog):
    """The profile's catalog and message templates. ``changed`` callbacks run after every
    stored change (the cart's completer reloads)."""

    def __init__(
        self,
        store: CatalogStore,
        profile: str,
        parent: QWidget | None = None,
        *,
        on_change: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("catalogDialog")
        self.setWindowTitle(
            translate("CatalogDialog", "Catalog and messages — {profile}").format(profile=profile)
        )
        self._store = store
        self._profile = profile
        self._on_change = on_change
        self._products: list[CatalogProduct] = []
        self._editing: int | None = None

        tabs = QTabWidget(self)
        tabs.setObjectName("catalogTabs")
        tabs.setAccessibleName(translate("CatalogDialog", "Catalog and messages"))
        tabs.addTab(self._catalog_tab(), translate("CatalogDialog", "&Catalog"))
        tabs.addTab(self._templates_tab(), translate("CatalogDialog", "&Messages"))
        self.message_label = QLabel(self)
        self.message_label.setObjectName("catalogMessageLabel")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addWidget(self.message_label)
        layout.addWidget(close)
        self.resize(820, 620)
        self.reload()
        self._load_templates()

    # ------------------------------------------------------------------ catalog tab
    def _catalog_tab(self) -> QWidget:
        page = QWidget(self)
        self.search_edit = QLineEdit(page)
        self.search_edit.setObjectName("catalogSearchEdit")
        self.search_edit.setPlaceholderText(
            translate("CatalogDialog", "Search by name or reference")
        )
        self.search_edit.setAccessibleName(translate("CatalogDialog", "Search the catalog"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._show_products)
        self.table = QTableWidget(0, len(COLUMNS), page)
        self.table.setObjectName("catalogTable")
        self.table.setHorizontalHeaderLabels(
            [c if c in CURRENCY_CODES else translate("CatalogDialog", c) for c in COLUMNS]
        )
        self.table.setAccessibleName(translate("CatalogDialog", "Products"))
        self.table.setAccessibleDescription(
            translate("CatalogDialog", "Select a product to edit it below")
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.itemSelectionChanged.connect(self._edit_selected)

        self.name_edit = QLineEdit(page)
        self.name_edit.setObjectName("catalogNameEdit")
        self.name_edit.setAccessibleName(translate("CatalogDialog", "Product name"))
        self.eur_edit = QLineEdit(page)
        self.eur_edit.setObjectName("catalogEurEdit")
        self.eur_edit.setPlaceholderText("49.99")
        self.eur_edit.setAccessibleName(translate("CatalogDialog", "Price in euros"))
        self.usd_edit = QLineEdit(page)
        self.usd_edit.setObjectName("catalogUsdEdit")
        self.usd_edit.setAccessibleName(translate("CatalogDialog", "Price in dollars"))
        self.quantity_spin = QSpinBox(page)
        self.quantity_spin.setObjectName("catalogQuantitySpin")
        self.quantity_spin.setRange(1, 10_000)
        self.quantity_spin.setAccessibleName(translate("CatalogDialog", "Default quantity"))
        self.reference_edit = QLineEdit(page)
        self.reference_edit.setObjectName("catalogReferenceEdit")
        self.reference_edit.setAccessibleName(translate("CatalogDialog", "Reference"))
        form = QFormLayout()
        form.addRow(translate("CatalogDialog", "&Name"), self.name_edit)
        prices = QHBoxLayout()
        prices.addWidget(QLabel("EUR", page))
        prices.addWidget(self.eur_edit)
        prices.addWidget(QLabel("USD", page))
        prices.addWidget(self.usd_edit)
        form.addRow(translate("CatalogDialog", "Price"), prices)
        form.addRow(translate("CatalogDialog", "Default &quantity"), self.quantity_spin)
        form.addRow(translate("CatalogDialog", "&Reference"), self.reference_edit)

        self.save_button = QPushButton(translate("CatalogDialog", "&Add to catalog"), page)
        self.save_button.setObjectName("catalogSaveButton")
        self.save_button.clicked.connect(self.save_product)
        self.new_button = QPushButton(translate("CatalogDialog", "Ne&w product"), page)
        self.new_button.setObjectName("catalogNewButton")
        self.new_button.clicked.connect(self.start_new)
        self.delete_button = QPushButton(translate("CatalogDialog", "&Delete"), page)
        self.delete_button.setObjectName("catalogDeleteButton")
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button = QPushButton(translate("CatalogDialog", "&Import CSV…"), page)
        self.import_button.setObjectName("catalogImportButton")
        self.import_button.clicked.connect(self._import_dialog)
        self.export_button = QPushButton(translate("CatalogDialog", "E&xport CSV…"), page)
        self.export_button.setObjectName("catalogExportButton")
        self.export_button.clicked.connect(self._export_dialog)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.new_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)

        layout = QVBoxLayout(page)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        return page

    def reload(self) -> None:
        try:
            self._products = self._store.products(self._profile)
        except CatalogError:
            log.exception("the catalog could not be read")
            self._products = []
            self._show_message(catalog_unavailable())
        self._show_products()

    def shown_products(self) -> list[CatalogProduct]:
        needle = self.search_edit.text().strip().casefold()
        return [
            p
            for p in self._products
            if needle in p.name.casefold() or needle in (p.reference or "").casefold()
        ]

    def _show_products(self) -> None:
        shown = self.shown_products()
        self.table.blockSignals(True)
        self.table.setRowCount(len(shown))
        for row, p in enumerate(shown):
            eur, usd = p.prices.get(Currency.EUR), p.prices.get(Currency.USD)
            cells = (
                p.name,
                plain_amount(eur) if eur is not None else "",
                plain_amount(usd) if usd is not None else "",
                str(p.default_quantity),
                p.reference or "",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, p.id)
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        self.delete_button.setEnabled(False)

    def _selected(self) -> CatalogProduct | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        product_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return next((p for p in self._products if p.id == product_id), None)

    def _edit_selected(self) -> None:
        product = self._selected()
        self.delete_button.setEnabled(product is not None)
        if product is None:
            return
        self._editing = product.id
        eur, usd = product.prices.get(Currency.EUR), product.prices.get(Currency.USD)
        self.name_edit.setText(product.name)
        self.eur_edit.setText(plain_amount(eur) if eur is not None else "")
        self.usd_edit.setText(plain_amount(usd) if usd is not None else "")
        self.quantity_spin.setValue(product.default_quantity)
        self.reference_edit.setText(product.reference or "")
        self.save_button.setText(translate("CatalogDialog", "&Save changes"))

    def start_new(self) -> None:
        self._editing = None
        self.table.clearSelection()
        for edit in (self.name_edit, self.eur_edit, self.usd_edit, self.reference_edit):
            edit.clear()
        self.quantity_spin.setValue(1)
        self.save_button.setText(translate("CatalogDialog", "&Add to catalog"))
        self.name_edit.setFocus()

    def _typed_product(self) -> CatalogProduct:
        prices: dict[Currency, int] = {}
        for currency, edit in ((Currency.EUR, self.eur_edit), (Currency.USD, self.usd_edit)):
            if edit.text().strip():
                try:
                    prices[currency] = parse_money(edit.text(), expected=currency)
                except MoneyParseError as exc:
                    raise InvalidProductError(
                        translate("CatalogDialog", "Price in {currency}: {problem}").format(
                            currency=currency.value, problem=exc
                        )
                    ) from exc
        return CatalogProduct(
            name=self.name_edit.text(),
            prices=prices,
            default_quantity=self.quantity_spin.value(),
            reference=self.reference_edit.text().strip() or None,
            id=self._editing,
        )

    def save_product(self) -> None:
        """Add the typed product, or store the changes to the selected one."""
        try:
            product = self._typed_product()
            if product.id is None:
                self._store.add_product(self._profile, product)
                done = translate("CatalogDialog", "“{name}” added ✓").format(
                    name=product.name.strip()
                )
            else:
                self._store.update_product(self._profile, product)
                done = translate("CatalogDialog", "“{name}” saved ✓").format(
                    name=product.name.strip()
                )
        except InvalidProductError as exc:
            self._show_problem(str(exc))  # already a sentence for the agent (no exception text)
            return
        except CatalogError:
            log.exception("the catalog could not be written")
            self._show_message(catalog_unavailable())
            return
        self._changed(done)
        self.start_new()

    def delete_selected(self) -> None:
        product = self._selected()
        if product is None or product.id is None:
            return
        try:
            self._store.delete_product(self._profile, product.id)
        except CatalogError:
            log.exception("the catalog could not be written")
            self._show_message(catalog_unavailable())
            return
        self._changed(translate("CatalogDialog", "“{name}” deleted").format(name=product.name))
        self.start_new()

    def import_csv(self, path: Path) -> None:
        """Import ``path``; with any bad row nothing is imported and every row is listed."""
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            log.warning("catalog import: cannot read %s: %s", path.name, type(exc).__name__)
            self._show_message(
                catalog_import_failed(
                    [(1, translate("CatalogDialog", "Not a UTF-8 text file."))], path.name
                )
            )
            return
        try:
            count = self._store.import_csv(self._profile, text)
        except CatalogImportError as exc:
            problems = [(p.line, p.message) for p in exc.problems]
            self._show_message(catalog_import_failed(problems, path.name))
            return
        except CatalogError:
            log.exception("the catalog could not be written")
            self._show_message(catalog_unavailable())
            return
        self._changed(
            translate("CatalogDialog", "%n product(s) imported from {file} ✓", None, count).format(
                file=path.name
            )
        )

    def export_csv(self, path: Path) -> None:
        try:
            path.write_text(self._store.export_csv(self._profile), encoding="utf-8", newline="")
        except OSError as exc:
            self._show_message(export_failed(exc, str(path)))
            return
        except CatalogError:
            self._show_message(catalog_unavailable())
            return
        self._show_done(
            translate("CatalogDialog", "Catalog exported to {file} ✓").format(file=path.name)
        )

    def _import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("CatalogDialog", "Import catalog"), "", "CSV (*.csv)"
        )
        if path:
            self.import_csv(Path(path))

    def _export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, translate("CatalogDialog", "Export catalog"), "catalog.csv", "CSV (*.csv)"
        )
        if path:
            self.export_csv(Path(path))

    def _changed(self, done: str) -> None:
        self.reload()
        self._show_done(done)
        if self._on_change is not None:
            self._on_change()

    # ------------------------------------------------------------------ templates tab
    def _templates_tab(self) -> QWidget:
        page = QWidget(self)
        self.message_edit = QPlainTextEdit(page)
        self.message_edit.setObjectName("messageTemplateEdit")
        self.message_edit.setAccessibleName(translate("CatalogDialog", MESSAGE_LABEL))
        self.sms_edit = QPlainTextEdit(page)
        self.sms_edit.setObjectName("smsTemplateEdit")
        self.sms_edit.setMaximumHeight(70)
        self.sms_edit.setAccessibleName(translate("CatalogDialog", SMS_LABEL))
        self.subject_edit = QLineEdit(page)
        self.subject_edit.setObjectName("subjectTemplateEdit")
        self.subject_edit.setAccessibleName(translate("CatalogDialog", SUBJECT_LABEL))
        self.preview_label = QLabel(page)
        self.preview_label.setObjectName("templatePreviewLabel")
        self.preview_label.setWordWrap(True)
        self.preview_label.setTextFormat(Qt.TextFormat.PlainText)
        self.preview_label.setAccessibleName(translate("CatalogDialog", "Preview"))
        self.template_problem_label = QLabel(page)
        self.template_problem_label.setObjectName("templateProblemLabel")
        self.template_problem_label.setWordWrap(True)
        set_style(self.template_problem_label, ERROR_STYLE)
        self.save_templates_button = QPushButton(
            translate("CatalogDialog", "Save &templates"), page
        )
        self.save_templates_button.setObjectName("saveTemplatesButton")
        self.save_templates_button.clicked.connect(self.save_templates)
        defaults = QPushButton(translate("CatalogDialog", "Back to the &defaults"), page)
        defaults.setObjectName("defaultTemplatesButton")
        defaults.setAccessibleDescription(
            translate("CatalogDialog", "The default texts, in the app's language")
        )
        defaults.clicked.connect(lambda: self._set_templates(MessageTemplates()))
        known = QLabel(
            translate("CatalogDialog", "Placeholders: {names}").format(
                names=", ".join("{" + name + "}" for name in PLACEHOLDERS)
            ),
            page,
        )
        known.setObjectName("templatePlaceholdersLabel")
        known.setToolTip(
            "\n".join("{" + name + "}: " + placeholder_description(name) for name in PLACEHOLDERS)
        )
        known.setWordWrap(True)
        form = QFormLayout()
        form.addRow(translate("CatalogDialog", MESSAGE_LABEL), self.message_edit)
        form.addRow(translate("CatalogDialog", SUBJECT_LABEL), self.subject_edit)
        form.addRow(translate("CatalogDialog", SMS_LABEL), self.sms_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_templates_button)
        buttons.addWidget(defaults)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(known)
        layout.addLayout(form)
        layout.addWidget(self.template_problem_label)
        layout.addWidget(QLabel(translate("CatalogDialog", "Preview (sample values):"), page))
        layout.addWidget(self.preview_label, 1)
        layout.addLayout(buttons)
        for edit in (self.message_edit, self.sms_edit):
            edit.textChanged.connect(self._preview)
        self.subject_edit.textChanged.connect(self._preview)
        return page

    def typed_templates(self) -> MessageTemplates:
        return MessageTemplates(
            message=self.message_edit.toPlainText(),
            sms=self.sms_edit.toPlainText(),
            subject=self.subject_edit.text(),
        )

    def _load_templates(self) -> None:
        try:
            templates = self._store.templates(self._profile)
        except CatalogError:
            templates = MessageTemplates()
        self._set_templates(templates)

    def _set_templates(self, templates: MessageTemplates) -> None:
        self.message_edit.setPlainText(templates.message)
        self.sms_edit.setPlainText(templates.sms)
        self.subject_edit.setText(templates.subject)
        self._preview()

    def _preview(self) -> None:
        templates = self.typed_templates()
        problems = []
        for label, text in (
            (MESSAGE_LABEL, templates.message),
            (SUBJECT_LABEL, templates.subject),
            (SMS_LABEL, templates.sms),
        ):
            problem = template_problem(text)
            if problem is not None:
                problems.append(
                    translate("CatalogDialog", "{template}: {problem}").format(
                        template=translate("CatalogDialog", label), problem=problem
                    )
                )
        self.template_problem_label.setText("\n".join(problems))
        self.save_templates_button.setEnabled(not problems)
        if problems:
            return
        values = sample_values()
        message = render_template(templates.message, values)
        subject = render_template(templates.subject, values)
        sms = sms_plain(render_template(templates.sms, values))
        self.preview_label.setText(
            translate(
                "CatalogDialog", "Subject: {subject}\n\n{message}\n\n— SMS ({count}):\n{sms}"
            ).format(subject=subject, message=message, count=sms_count(sms).describe(), sms=sms)
        )

    def save_templates(self) -> None:
        templates = self.typed_templates()
        if templates.problems():
            return
        try:
            self._store.save_templates(self._profile, templates)
        except CatalogError:
            log.exception("the templates could not be saved")
            self._show_message(catalog_unavailable())
            return
        self._show_done(translate("CatalogDialog", "Templates saved ✓"))

    # ------------------------------------------------------------------ messages
    def _show_message(self, message: UserMessage) -> None:
        set_style(self.message_label, ERROR_STYLE)
        self.message_label.setText(message.as_text())

    def _show_problem(self, text: str) -> None:
        set_style(self.message_label, ERROR_STYLE)
        self.message_label.setText(text)

    def _show_done(self, text: str) -> None:
        set_style(self.message_label, f"color: {palette.SUCCESS};")
        self.message_label.setText(text)
