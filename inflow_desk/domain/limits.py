"""Upper and lower bounds the app enforces before anything is sent to Inflow.

Inflow documents no limits for checkout sessions; the bounds below are ours, chosen from what
Inflow documents elsewhere (see ``docs/architecture.md`` and ``inflow-api.md`` §5).
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

from inflow_desk.domain.money import Currency

MAX_LINE_ITEMS: Final = 100
MAX_NAME_LENGTH: Final = 200
MAX_QUANTITY: Final = 10_000
MIN_UNIT_PRICE_CENTS: Final = 1
#: Inflow's documented maximum for offer amounts and entry fees.
MAX_UNIT_PRICE_CENTS: Final = 99_999_999
MAX_TOTAL_CENTS: Final = 999_999_999
#: Minimum payment per currency (inflow-api.md §5): €1.50 / $2.00.
MIN_TOTAL_CENTS: Final = MappingProxyType({Currency.EUR: 150, Currency.USD: 200})
MIN_EXPIRES_IN_HOURS: Final = 0.25
MAX_EXPIRES_IN_HOURS: Final = 720.0
DEFAULT_EXPIRES_IN_HOURS: Final = 1.0
MAX_EMAIL_LENGTH: Final = 254
MAX_URL_LENGTH: Final = 2048
MAX_OFFER_ID_LENGTH: Final = 128
