"""A local emulator of the documented Inflow HTTP API (stdlib only; imports nothing of ours).

Used by demo mode, by the tests of every layer and by benchmarks::

    with InflowEmulator(api_key="demo-key") as emulator:
        emulator.inject(Fault("rate_limit", retry_after=0.1))
        ...  # point the client at emulator.base_url

Run standalone with ``python -m inflow_desk.emulator [--port N] [--api-key KEY] [--offers N]``.
"""

from .faults import FAULT_KINDS, GZIP_BOMB_SIZE, Fault, FaultKind
from .seed import generate_offers
from .server import (
    API_KEY_HEADER,
    MAX_RECORDED_REQUESTS,
    InflowEmulator,
    OfferListShape,
    RecordedRequest,
)

__all__ = [
    "API_KEY_HEADER",
    "FAULT_KINDS",
    "GZIP_BOMB_SIZE",
    "MAX_RECORDED_REQUESTS",
    "Fault",
    "FaultKind",
    "InflowEmulator",
    "OfferListShape",
    "RecordedRequest",
    "generate_offers",
]
