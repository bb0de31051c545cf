"""The agent's catalog, saved carts and message templates, per profile (stdlib ``sqlite3``).

One SQLite file next to the history (``app.py`` chooses it, ``<AppDataLocation>/desk.sqlite3``),
three tables keyed by profile name:

* ``products``: name, a price per currency (EUR/USD, either may be missing), the default
  quantity, an optional reference. Names are unique per profile, case-insensitively.
* ``carts``: a named cart ("Starter bundle"): currency and lines.
* ``templates``: the profile's message templates (:class:`MessageTemplates`). This table is
  *the* place templates come from: anything else that wants to provide them (a policy file)
  goes through :meth:`CatalogStore.templates` / :meth:`CatalogStore.save_templates`. Only the
  templates the agent edited are stored; a ``NULL`` one is the default, which follows the app's
  language each time it is read (issue 17: a default stored as text stayed in the language it
  was saved in).

CSV import/export: UTF-8 (a BOM is accepted), a header row
``name,price_eur,price_usd,quantity,reference``, decimal amounts with a dot (``49.99``). An
import checks every row first; with any bad row nothing is imported and
:class:`CatalogImportError` lists each problem with its line number.
"""

from __future__ import annotations

import csv
import io
import logging
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Final

from inflow_desk.domain.handover import (
    DEFAULT_MESSAGE_TEMPLATE,
    DEFAULT_SMS_TEMPLATE,
    DEFAULT_SUBJECT_TEMPLATE,
    MessageTemplates,
    reads_as_default,
)
from inflow_desk.domain.i18n import number_text, translate
from inflow_desk.domain.models import LineItem
from inflow_desk.domain.money import Currency, plain_amount
from inflow_desk.domain.validation import check_name, check_quantity, check_unit_price

log = logging.getLogger(__name__)

CSV_COLUMNS: Final = ("name", "price_eur", "price_usd", "quantity", "reference")
MAX_REFERENCE_LENGTH: Final = 100
MAX_CART_NAME_LENGTH: Final = 100
MAX_CATALOG_PRODUCTS: Final = 50_000
_AMOUNT = re.compile(r"\d{1,9}(?:\.\d{1,2})?")

_SCHEMA: Final = """
CREATE TABLE IF NOT EXISTS products (
    id INTEGER PRIMARY KEY,
    profile TEXT NOT NULL,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    eur_cents INTEGER,
    usd_cents INTEGER,
    quantity INTEGER NOT NULL DEFAULT 1,
    reference TEXT,
    UNIQUE (profile, name_key)
);
CREATE TABLE IF NOT EXISTS carts (
    id INTEGER PRIMARY KEY,
    profile TEXT NOT NULL,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    currency TEXT NOT NULL,
    lines TEXT NOT NULL,
    UNIQUE (profile, name_key)
);
CREATE TABLE IF NOT EXISTS templates (
    profile TEXT PRIMARY KEY,
    message TEXT,
    sms TEXT,
    subject TEXT
);
"""
#: The template columns; NULL: not edited, the default in the app's language.
_TEMPLATE_COLUMNS: Final = ("message", "sms", "subject")


class CatalogError(Exception):
    """The catalog database could not be read or written."""


class InvalidProductError(ValueError):
    """A product the catalog does not take; ``str(err)`` is a sentence for the agent."""


def _already_there(product: CatalogProduct) -> InvalidProductError:
    return InvalidProductError(
        translate("Catalog", "“{name}” is already in the catalog.").format(
            name=product.name.strip()
        )
    )


@dataclass(frozen=True)
class CsvRowProblem:
    """A CSV row that cannot be imported: its line number (1 = the header) and why."""

    line: int
    message: str


class CatalogImportError(ValueError):
    """A CSV file with bad rows: nothing was imported. ``problems`` lists them all."""

    def __init__(self, problems: Sequence[CsvRowProblem]) -> None:
        self.problems = tuple(problems)
        first = self.problems[0] if self.problems else None
        super().__init__(
            f"{len(self.problems)} bad row(s); first: line {first.line}: {first.message}"
            if first is not None
            else "bad file"
        )


@dataclass(frozen=True)
class CatalogProduct:
    """A product of the catalog. ``prices`` holds cents per currency (at least one)."""

    name: str
    prices: dict[Currency, int] = field(default_factory=dict)
    default_quantity: int = 1
    reference: str | None = None
    id: int | None = None

    def price(self, currency: Currency) -> int | None:
        return self.prices.get(currency)

    def problem(self) -> str | None:
        """Why the catalog refuses this product, or None."""
        name_problem = check_name(self.name)
        if name_problem is not None:
            return translate("Catalog", "Name: {problem}").format(problem=name_problem)
        if not self.prices:
            return translate("Catalog", "Give a price in EUR or USD.")
        for currency, cents in self.prices.items():
            price_problem = check_unit_price(cents)
            if price_problem is not None:
                return translate("Catalog", "Price in {currency}: {problem}").format(
                    currency=currency.value, problem=price_problem
                )
        quantity_problem = check_quantity(self.default_quantity)
        if quantity_problem is not None:
            return translate("Catalog", "Quantity: {problem}").format(problem=quantity_problem)
        if self.reference is not None:
            if len(self.reference) > MAX_REFERENCE_LENGTH:
                return translate("Catalog", "Reference: at most {limit} characters.").format(
                    limit=MAX_REFERENCE_LENGTH
                )
            if not self.reference.isprintable():
                return translate("Catalog", "Reference: only printable characters, on one line.")
        return None


@dataclass(frozen=True)
class SavedCart:
    """A named cart: its currency and lines."""

    name: str
    currency: Currency
    items: tuple[LineItem, ...]
    id: int | None = None


def _key(name: str) -> str:
    return name.strip().casefold()


def _product(row: sqlite3.Row) -> CatalogProduct:
    prices: dict[Currency, int] = {}
    if row["eur_cents"] is not None:
        prices[Currency.EUR] = int(row["eur_cents"])
    if row["usd_cents"] is not None:
        prices[Currency.USD] = int(row["usd_cents"])
    return CatalogProduct(
        name=row["name"],
        prices=prices,
        default_quantity=int(row["quantity"]),
        reference=row["reference"],
        id=int(row["id"]),
    )


class CatalogStore:
    """Products, saved carts and templates of every profile, in one SQLite file.

    Every call opens a short-lived connection (any thread may call; SQLite serialises the
    writers), and each write is one transaction: a failed import leaves nothing behind.
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.executescript(_SCHEMA)
            old_file = self._templates_not_null(db)
        if old_file:
            self._let_defaults_follow_the_language()

    @staticmethod
    def _templates_not_null(db: sqlite3.Connection) -> bool:
        columns = db.execute("PRAGMA table_info(templates)").fetchall()
        return any(c["notnull"] for c in columns if c["name"] in _TEMPLATE_COLUMNS)

    def _let_defaults_follow_the_language(self) -> None:
        """A file written before issue 17 has ``NOT NULL`` template columns holding every
        template, the defaults too: the table is rebuilt with nullable columns, and a stored
        template that reads as a default (the English one, or the one in the app's language
        now) becomes ``NULL``, so it follows the language again. Once per file."""
        with self._transaction() as db:
            if not self._templates_not_null(db):  # another process did it meanwhile
                return
            db.execute(
                "CREATE TABLE templates_17 (profile TEXT PRIMARY KEY, message TEXT, sms TEXT,"
                " subject TEXT)"
            )
            english = MessageTemplates(
                message=DEFAULT_MESSAGE_TEMPLATE,
                sms=DEFAULT_SMS_TEMPLATE,
                subject=DEFAULT_SUBJECT_TEMPLATE,
            )
            current = MessageTemplates()
            for row in db.execute("SELECT * FROM templates").fetchall():
                kept = [
                    None
                    if any(
                        reads_as_default(row[column], getattr(defaults, column))
                        for defaults in (english, current)
                    )
                    else row[column]
                    for column in _TEMPLATE_COLUMNS
                ]
                if any(text is not None for text in kept):
                    db.execute(
                        "INSERT INTO templates_17 (profile, message, sms, subject)"
                        " VALUES (?, ?, ?, ?)",
                        (row["profile"], *kept),
                    )
            db.execute("DROP TABLE templates")
            db.execute("ALTER TABLE templates_17 RENAME TO templates")
        log.info("message templates: only the edited ones kept (the defaults follow the language)")

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        try:
            db = sqlite3.connect(self._path, timeout=5.0, isolation_level=None)
        except sqlite3.Error as exc:
            raise CatalogError(f"cannot open {self._path.name}: {exc}") from exc
        db.row_factory = sqlite3.Row
        try:
            yield db
        except sqlite3.Error as exc:
            raise CatalogError(f"{self._path.name}: {exc}") from exc
        finally:
            db.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._connect() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    # ------------------------------------------------------------------ products
    def products(self, profile: str) -> list[CatalogProduct]:
        """Every product of ``profile``, by name."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT * FROM products WHERE profile = ? ORDER BY name_key", (profile,)
            ).fetchall()
        return [_product(row) for row in rows]

    def search(self, profile: str, text: str) -> list[CatalogProduct]:
        """Products whose name or reference contains ``text`` (case-insensitive)."""
        needle = text.strip().casefold()
        return [
            p
            for p in self.products(profile)
            if needle in p.name.casefold() or needle in (p.reference or "").casefold()
        ]

    def add_product(self, profile: str, product: CatalogProduct) -> CatalogProduct:
        """Store a new product; raises :class:`InvalidProductError` for a bad one or a name
        the profile already has."""
        self._check(product)
        with self._transaction() as db:
            if self._name_taken(db, profile, product.name, None):
                raise _already_there(product)
            cursor = db.execute(
                "INSERT INTO products (profile, name, name_key, eur_cents, usd_cents, quantity,"
                " reference) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (profile, *self._columns(product)),
            )
        return replace(product, name=product.name.strip(), id=cursor.lastrowid)

    def update_product(self, profile: str, product: CatalogProduct) -> None:
        """Change the stored product with ``product.id``."""
        if product.id is None:
            raise ValueError("update_product needs a stored product")
        self._check(product)
        with self._transaction() as db:
            if self._name_taken(db, profile, product.name, product.id):
                raise _already_there(product)
            db.execute(
                "UPDATE products SET name = ?, name_key = ?, eur_cents = ?, usd_cents = ?,"
                " quantity = ?, reference = ? WHERE id = ? AND profile = ?",
                (*self._columns(product), product.id, profile),
            )

    def delete_product(self, profile: str, product_id: int) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM products WHERE id = ? AND profile = ?", (product_id, profile))

    @staticmethod
    def _check(product: CatalogProduct) -> None:
        problem = product.problem()
        if problem is not None:
            raise InvalidProductError(problem)

    @staticmethod
    def _columns(product: CatalogProduct) -> tuple[object, ...]:
        reference = (product.reference or "").strip() or None
        return (
            product.name.strip(),
            _key(product.name),
            product.prices.get(Currency.EUR),
            product.prices.get(Currency.USD),
            product.default_quantity,
            reference,
        )

    @staticmethod
    def _name_taken(db: sqlite3.Connection, profile: str, name: str, own_id: int | None) -> bool:
        row = db.execute(
            "SELECT id FROM products WHERE profile = ? AND name_key = ?", (profile, _key(name))
        ).fetchone()
        return row is not None and row["id"] != own_id

    # ------------------------------------------------------------------ CSV
    def export_csv(self, profile: str) -> str:
        """The profile's catalog as CSV text (header row, decimal amounts)."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        for p in self.products(profile):
            eur, usd = p.prices.get(Currency.EUR), p.prices.get(Currency.USD)
            writer.writerow(
                [
                    p.name,
                    plain_amount(eur) if eur is not None else "",
                    plain_amount(usd) if usd is not None else "",
                    p.default_quantity,
                    p.reference or "",
                ]
            )
        return out.getvalue()

    def import_csv(self, profile: str, text: str) -> int:
        """Add (or, by name, replace) the products of a CSV text; returns how many.

        Every row is checked first: with any bad row, :class:`CatalogImportError` lists them
        all (by line number) and nothing is imported."""
        products = parse_catalog_csv(text)
        with self._transaction() as db:
            for product in products:
                db.execute(
                    "INSERT INTO products (profile, name, name_key, eur_cents, usd_cents,"
                    " quantity, reference) VALUES (?, ?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT (profile, name_key) DO UPDATE SET name = excluded.name,"
                    " eur_cents = excluded.eur_cents, usd_cents = excluded.usd_cents,"
                    " quantity = excluded.quantity, reference = excluded.reference",
                    (profile, *self._columns(product)),
                )
        return len(products)

    # ------------------------------------------------------------------ saved carts
    def carts(self, profile: str) -> list[SavedCart]:
        with self._connect() as db:
            rows = db.execute(
                "SELECT * FROM carts WHERE profile = ? ORDER BY name_key", (profile,)
            ).fetchall()
        return [
            SavedCart(
                name=row["name"],
                currency=Currency(row["currency"]),
                items=_lines_from_text(row["lines"]),
                id=int(row["id"]),
            )
            for row in rows
            if row["currency"] in Currency.__members__
        ]

    def save_cart(self, profile: str, cart: SavedCart) -> None:
        """Store ``cart`` under its name (a cart of that name is replaced)."""
        name = cart.name.strip()
        if not name or len(name) > MAX_CART_NAME_LENGTH:
            raise InvalidProductError(
                translate("Catalog", "Name the cart (at most {limit} characters).").format(
                    limit=MAX_CART_NAME_LENGTH
                )
            )
        if not cart.items:
            raise InvalidProductError(translate("Catalog", "The cart is empty."))
        with self._transaction() as db:
            db.execute(
                "INSERT INTO carts (profile, name, name_key, currency, lines)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (profile, name_key)"
                " DO UPDATE SET name = excluded.name, currency = excluded.currency,"
                " lines = excluded.lines",
                (profile, name, _key(name), cart.currency.value, _lines_to_text(cart.items)),
            )

    def delete_cart(self, profile: str, name: str) -> None:
        with self._transaction() as db:
            db.execute(
                "DELETE FROM carts WHERE profile = ? AND name_key = ?", (profile, _key(name))
            )

    # ------------------------------------------------------------------ templates
    def templates(self, profile: str) -> MessageTemplates:
        """The profile's message templates: the edited ones as written, the others (and any
        stored one that cannot be used) the defaults in the app's language."""
        with self._connect() as db:
            row = db.execute("SELECT * FROM templates WHERE profile = ?", (profile,)).fetchone()
        if row is None:
            return MessageTemplates()
        stored = {c: row[c] for c in _TEMPLATE_COLUMNS if row[c] is not None}
        bad = MessageTemplates(**stored).problems()
        if bad:
            log.warning("stored templates not usable (%s): defaults used", ", ".join(bad))
        return MessageTemplates(**{c: t for c, t in stored.items() if c not in bad})

    def save_templates(self, profile: str, templates: MessageTemplates) -> None:
        """Store the templates the agent edited (:meth:`MessageTemplates.edited`) and forget
        the others: one that reads as the default in the app's language is not stored, so it
        keeps following the language. Raises ValueError for one that cannot be used."""
        bad = templates.problems()
        if bad:
            raise ValueError("; ".join(f"{k}: {v}" for k, v in bad.items()))
        edited = templates.edited()
        with self._transaction() as db:
            if not edited:
                db.execute("DELETE FROM templates WHERE profile = ?", (profile,))
                return
            db.execute(
                "INSERT INTO templates (profile, message, sms, subject) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (profile) DO UPDATE SET message = excluded.message,"
                " sms = excluded.sms, subject = excluded.subject",
                (profile, *(edited.get(c) for c in _TEMPLATE_COLUMNS)),
            )


def _lines_to_text(items: Iterable[LineItem]) -> str:
    import json

    return json.dumps(
        [
            {"name": i.name, "unitPriceCents": i.unit_price_cents, "quantity": i.quantity}
            for i in items
        ]
    )


def _lines_from_text(text: str) -> tuple[LineItem, ...]:
    import json

    try:
        data = json.loads(text)
    except ValueError:
        return ()
    items: list[LineItem] = []
    for entry in data if isinstance(data, list) else []:
        if not isinstance(entry, dict):
            continue
        name, price, quantity = (
            entry.get("name"),
            entry.get("unitPriceCents"),
            entry.get("quantity"),
        )
        if isinstance(name, str) and isinstance(price, int) and isinstance(quantity, int):
            items.append(LineItem(name=name, unit_price_cents=price, quantity=quantity))
    return tuple(items)


def _amount_cents(text: str) -> int:
    """``"49.99"`` → 4999; raises ValueError for anything but a plain decimal amount."""
    value = text.strip()
    if not _AMOUNT.fullmatch(value):
        raise ValueError(
            translate("Catalog", "“{amount}” is not an amount (write it like 49.99)").format(
                amount=value
            )
        )
    return int(Decimal(value) * 100)


def _not_csv(exc: csv.Error) -> str:
    return translate("Catalog", "Not CSV: {error}").format(error=exc)


def parse_catalog_csv(text: str) -> list[CatalogProduct]:
    """The products of a catalog CSV text; raises :class:`CatalogImportError` listing every
    bad row (line numbers count from 1, the header)."""
    text = text.removeprefix("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""))
    problems: list[CsvRowProblem] = []
    try:
        header = next(reader)
    except StopIteration:
        raise CatalogImportError(
            [CsvRowProblem(1, translate("Catalog", "The file is empty."))]
        ) from None
    except csv.Error as exc:
        raise CatalogImportError([CsvRowProblem(1, _not_csv(exc))]) from None
    columns = [h.strip().lower() for h in header]
    missing = [c for c in ("name", "price_eur", "price_usd") if c not in columns]
    unknown = [c for c in columns if c not in CSV_COLUMNS]
    if missing or unknown:
        expected = ",".join(CSV_COLUMNS)
        must = translate("Catalog", "The header must be: {columns}").format(columns=expected)
        raise CatalogImportError([CsvRowProblem(1, must)])
    at = {name: columns.index(name) for name in columns}
    products: list[CatalogProduct] = []
    seen: dict[str, int] = {}
    line = reader.line_num
    while True:
        start = line + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(CsvRowProblem(start, _not_csv(exc)))
            break
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue  # blank lines are skipped
        if len(row) > len(columns):
            too_many = translate("Catalog", "{count} columns, the header has {header}.")
            problems.append(
                CsvRowProblem(start, too_many.format(count=len(row), header=len(columns)))
            )
            continue
        cells = {name: (row[i] if i < len(row) else "") for name, i in at.items()}
        try:
            product = _row_product(cells)
        except ValueError as exc:
            problems.append(CsvRowProblem(start, str(exc)))
            continue
        key = _key(product.name)
        if key in seen:
            twice = translate("Catalog", "“{name}” is also on line {line}.")
            problems.append(CsvRowProblem(start, twice.format(name=product.name, line=seen[key])))
            continue
        seen[key] = start
        products.append(product)
        if len(products) > MAX_CATALOG_PRODUCTS:
            most = translate("Catalog", "More than {limit} products.")
            problems.append(
                CsvRowProblem(start, most.format(limit=number_text(MAX_CATALOG_PRODUCTS)))
            )
            break
    if problems:
        raise CatalogImportError(problems)
    return products


def _row_product(cells: dict[str, str]) -> CatalogProduct:
    prices: dict[Currency, int] = {}
    for column, currency in (("price_eur", Currency.EUR), ("price_usd", Currency.USD)):
        if cells.get(column, "").strip():
            prices[currency] = _amount_cents(cells[column])
    quantity_text = cells.get("quantity", "").strip()
    if quantity_text and not quantity_text.isdigit():
        raise ValueError(
            translate("Catalog", "Quantity “{quantity}” is not a whole number.").format(
                quantity=quantity_text
            )
        )
    product = CatalogProduct(
        name=cells.get("name", "").strip(),
        prices=prices,
        default_quantity=int(quantity_text) if quantity_text else 1,
        reference=cells.get("reference", "").strip() or None,
    )
    problem = product.problem()
    if problem is not None:
        raise ValueError(problem)
    return product
