"""Named constants of the API client: base URLs, timeouts, paging and retry limits."""

from __future__ import annotations

from typing import Final

DEFAULT_BASE_URL: Final = "https://api.inflowpay.xyz"
"""Production, the only base URL every version of the docs agrees on (inflow-api.md §2.3)."""

SANDBOX_BASE_URL: Final = "https://sandbox.api.inflowpay.com"
"""Sandbox, per the newest base-URLs page; access is granted by Inflow on request."""

API_KEY_HEADER: Final = "X-Inflow-Api-Key"

CONNECT_TIMEOUT: Final = 5.0
"""Seconds to establish the TCP/TLS connection."""
READ_TIMEOUT: Final = 30.0
"""Seconds to wait for (each chunk of) the response."""
WRITE_TIMEOUT: Final = 10.0
"""Seconds to send the request."""
POOL_TIMEOUT: Final = 5.0
"""Seconds to wait for a free connection from the pool."""

OFFERS_PAGE_LIMIT: Final = 100
"""``limit`` query parameter when listing subscription offers."""
MAX_OFFER_PAGES: Final = 1000
"""Hard stop for offer paging, in case the server never signals the last page."""
OFFER_LIST_PATHS: Final = ("/subscription/offer", "/subscription/offers")
"""Candidate paths for listing offers (undocumented, inflow-api.md §3.4), tried in order."""

CONNECTION_CHECK_PATH: Final = "/api/payment"
"""The cheap authenticated GET used by ``check_connection`` (with ``page=1&limit=1``)."""

PAYMENT_LIST_PATH: Final = "/api/payment"
"""``GET`` lists payments, ``page``/``limit`` (inflow-api.md §3.7)."""
PAYMENTS_PAGE_LIMIT: Final = 100
"""One page of the newest payments serves every open link of a profile."""
SESSION_READ_PATH: Final = "/api/checkout/sessions/{session_id}"
"""Undocumented (§3.3): probed once per profile, 404/405 means "not available"."""

ONE_TIME_SESSION_PATH: Final = "/api/checkout/sessions/one-time-payment"
SUBSCRIPTION_SESSION_PATH: Final = "/api/checkout/sessions/subscription/{offer_id}"

MAX_RATE_LIMIT_WAIT: Final = 5.0
"""A GET that got 429 is retried once if ``Retry-After`` asks for at most this many seconds."""

CONNECT_RETRIES: Final = 1
"""Retries after a connection failure that provably happened before the request was sent."""

MAX_ERROR_MESSAGES: Final = 50
"""At most this many server messages are kept on an error."""
MAX_ERROR_MESSAGE_LENGTH: Final = 500
"""Each server message is cut to this many characters."""
MAX_LOGGED_BODY: Final = 500
"""Response bodies are logged at DEBUG cut to this many characters."""

REQUEST_DEADLINE: Final = 45.0
"""Seconds one call may take in all (connect, send, every read, a retry), whatever the
per-phase timeouts say: a server that drips one byte at a time never resets this one."""

MAX_RESPONSE_BYTES: Final = 1024 * 1024
"""A response body (once decompressed) larger than this is refused unread: a checkout session
is a few hundred bytes."""
MAX_OFFER_PAGE_BYTES: Final = 16 * 1024 * 1024
"""The cap for one page of offers. A page of 100 typical offers is ~42 KB (about 425 bytes
each); a server that ignores paging sends every offer at once (10,000 offers: ~4.3 MB), and
offers with long descriptions are bigger. 16 MiB covers both several times over."""
MAX_ERROR_BODY_BYTES: Final = 64 * 1024
"""Of an error answer (non-2xx) only this much is read: enough for any server message."""

ACCEPT_ENCODING: Final = "gzip, deflate"
"""The encodings we decode ourselves, with a bound on the decoded size."""
