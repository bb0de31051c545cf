"""``python -m inflow_desk.emulator`` — serve the Inflow emulator until Ctrl+C / SIGTERM.

The base URL is the very first line on stdout, so scripts can read it and go.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from collections.abc import Sequence
from types import FrameType

from .seed import generate_offers
from .server import InflowEmulator


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m inflow_desk.emulator",
        description="Serve a local emulator of the Inflow API (no real payments).",
    )
    parser.add_argument("--port", type=int, default=0, help="TCP port (default: any free port)")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    parser.add_argument("--api-key", default="demo-key", help="accepted X-Inflow-Api-Key")
    parser.add_argument("--offers", type=int, default=24, help="number of seeded offers")
    parser.add_argument(
        "--offer-list-shape",
        choices=("envelope", "list"),
        default="envelope",
        help="JSON shape of GET /subscription/offer",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log each request to stderr")
    args = parser.parse_args(argv)
    if args.offers < 0:
        parser.error("--offers must not be negative")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse_args(argv)
    if args.verbose:
        logging.basicConfig(
            level=logging.DEBUG, format="%(asctime)s %(message)s", stream=sys.stderr
        )
    emulator = InflowEmulator(
        args.api_key, offers=generate_offers(args.offers), port=args.port, host=args.host
    )
    emulator.offer_list_shape = args.offer_list_shape
    done = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:  # noqa: ARG001
        done.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    try:
        print(emulator.start(), flush=True)
    except OSError as exc:
        print(f"cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1
    print(
        f"Inflow emulator: {len(emulator.offers)} offers; header X-Inflow-Api-Key must match "
        "--api-key; Ctrl+C to stop.",
        file=sys.stderr,
        flush=True,
    )
    try:
        while not done.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        emulator.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
