"""The suite itself refuses to reach anything but loopback."""

import socket

import pytest

from tests.conftest import NonLoopbackConnectionError


def test_connecting_to_a_public_address_fails() -> None:
    with socket.socket() as s, pytest.raises(NonLoopbackConnectionError):
        s.connect(("93.184.216.34", 443))


def test_resolving_the_inflow_host_fails() -> None:
    with pytest.raises(NonLoopbackConnectionError):
        socket.getaddrinfo("api.inflowpay.xyz", 443)


def test_loopback_is_allowed() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.socket() as client:
            client.connect(server.getsockname())
