"""Issue 13 item 14: what "Test connection" concludes from each answer of the probe."""

from __future__ import annotations

import pytest

from inflow_desk.api import (
    AuthenticationError,
    ConnectionCheckUnavailable,
    InflowClient,
    PermissionDeniedError,
)
from inflow_desk.emulator import Fault, InflowEmulator
from inflow_desk.ui.kit.errors import describe_error

from .conftest import one_time_request

CHECK = "/api/payment"


@pytest.mark.parametrize("status", [404, 405])
def test_a_missing_probe_is_inconclusive_and_creating_still_works(
    client: InflowClient, emulator: InflowEmulator, status: int
) -> None:
    emulator.inject(Fault("status", status=status, path_prefix=CHECK))
    with pytest.raises(ConnectionCheckUnavailable) as info:
        client.check_connection()
    assert info.value.status_code == status
    text = describe_error(info.value, account="A", action="test the connection").as_text()
    assert "Could not verify the key this way" in text
    assert "Checkout sessions may not be enabled" not in text
    assert client.create_one_time_session(one_time_request()).checkout_url


def test_401_and_403_from_the_probe_are_a_refused_key(
    client: InflowClient, emulator: InflowEmulator
) -> None:
    emulator.inject(Fault("status", status=401, path_prefix=CHECK))
    with pytest.raises(AuthenticationError):
        client.check_connection()
    emulator.inject(Fault("status", status=403, path_prefix=CHECK))
    with pytest.raises(PermissionDeniedError) as info:
        client.check_connection()
    assert not isinstance(info.value, ConnectionCheckUnavailable)
    headline = describe_error(info.value, account="A", action="test the connection").headline
    assert "refused this API key" in headline
