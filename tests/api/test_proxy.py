"""Issue 13 item 6: loopback is never proxied; a proxy that refuses the tunnel sent nothing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from inflow_desk.api import InflowClient, ProxyRefusedError
from inflow_desk.emulator import InflowEmulator
from inflow_desk.ui.kit.errors import describe_error

from .conftest import one_time_request
from .proxy import RecordingProxy

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy")


@pytest.fixture
def proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[RecordingProxy]:
    with RecordingProxy(refuse_status=407) as recording:
        for name in PROXY_VARIABLES:
            monkeypatch.setenv(name, recording.url)
        monkeypatch.delenv("NO_PROXY", raising=False)
        monkeypatch.delenv("no_proxy", raising=False)
        yield recording


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_loopback_is_reached_directly_whatever_the_proxy_variables_say(
    proxy: RecordingProxy, emulator: InflowEmulator, api_key: str, host: str
) -> None:
    base_url = emulator.base_url.replace("127.0.0.1", host)
    with InflowClient(api_key, base_url) as client:
        session = client.create_one_time_session(one_time_request())
        client.check_connection()
    assert session.session_id in emulator.sessions
    assert proxy.seen == []  # the key never went to the proxy in clear


@pytest.mark.parametrize("status", [403, 407])
def test_a_proxy_that_refuses_the_tunnel_means_nothing_was_sent(
    proxy: RecordingProxy, api_key: str, status: int
) -> None:
    proxy.refuse_status = status
    # The name never resolves: the proxy refuses before any DNS (and the test guard allows
    # the connection, which goes to the loopback proxy).
    with (
        InflowClient(api_key, "https://api.example.invalid") as client,
        pytest.raises(ProxyRefusedError) as info,
    ):
        client.create_one_time_session(one_time_request())
    error = info.value
    assert error.request_sent is False
    assert error.proxy_status.startswith(str(status))
    [(method, target, headers)] = proxy.seen  # one CONNECT, not retried
    assert (method, target) == ("CONNECT", "api.example.invalid:443")
    assert api_key not in str(headers)  # the key only travels inside the tunnel
    message = describe_error(error, account="Acme — PRODUCTION", creating="one_time")
    assert "may have been created" not in message.as_text()
    assert "may have been created" not in message.as_text()
    assert "nothing was sent" in message.as_text()
    assert api_key not in message.as_text() and api_key not in str(error)
