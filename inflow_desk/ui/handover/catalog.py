"""The catalog in the cart: the profile's products feed the product-name completer (before the
recent products), loaded off the GUI thread and again whenever the profile changes."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject

from inflow_desk.storage.catalog import CatalogProduct, CatalogStore
from inflow_desk.ui.checkout.line_items_view import CatalogChoice, RecentProductsModel
from inflow_desk.ui.kit.workers import LatestOnly, run_in_background

log = logging.getLogger(__name__)


def catalog_choices(products: list[CatalogProduct]) -> list[CatalogChoice]:
    return [CatalogChoice(p.name, dict(p.prices), p.default_quantity) for p in products]


class CatalogFeed(QObject):
    """Keeps ``completions`` filled with the current profile's catalog."""

    def __init__(
        self,
        store: CatalogStore,
        completions: RecentProductsModel,
        profile: Callable[[], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._completions = completions
        self._profile = profile
        self._latest = LatestOnly()

    def reload(self, *_: object) -> None:
        """Read the profile's catalog in a worker; the newest answer fills the completer."""
        store, profile = self._store, self._profile()
        run_in_background(
            lambda: catalog_choices(store.products(profile)),
            self._completions.set_catalog,
            self._failed,
            owner=self,
            latest=self._latest,
        )

    def _failed(self, exc: BaseException) -> None:
        # The cart still completes from recent products; typing by hand always works.
        log.warning("the catalog could not be read: %s", type(exc).__name__)
        self._completions.set_catalog([])
