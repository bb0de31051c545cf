"""Issue 13 item 5: TLS is verified strictly against the OS trust store (truststore), not certifi.

The emulator serves HTTPS with a certificate from a throwaway CA (trustme) that no real trust
store knows.
"""

from __future__ import annotations

import os
import ssl
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import trustme
import truststore

from inflow_desk.api import InflowClient, TLSVerificationError
from inflow_desk.emulator import InflowEmulator
from inflow_desk.ui.kit.errors import describe_error

from .conftest import one_time_request

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


def _https_emulator(ca: trustme.CA, api_key: str, *names: str) -> InflowEmulator:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ca.issue_cert(*names).configure_cert(context)
    return InflowEmulator(api_key, ssl_context=context)


@pytest.fixture
def https_emulator(ca: trustme.CA, api_key: str) -> Iterator[InflowEmulator]:
    with _https_emulator(ca, api_key, "127.0.0.1", "localhost") as emulator:
        yield emulator


def _trust_store_with(ca: trustme.CA) -> ssl.SSLContext:
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ca.configure_trust(context)
    return context


def test_a_certificate_from_an_unknown_ca_is_refused_clearly(api_key, https_emulator):
    with (
        InflowClient(api_key, https_emulator.base_url) as client,
        pytest.raises(TLSVerificationError) as info,
    ):
        client.create_one_time_session(one_time_request())
    error = info.value
    assert error.request_sent is False
    assert "not trusted" in str(error) and "issuer" in error.reason
    assert https_emulator.requests == []  # nothing was sent
    message = describe_error(error, account="Acme — CUSTOM", creating="one_time")
    assert "may have been created" not in message.as_text()
    assert "certificate" in message.as_text() and "nothing was sent" in message.as_text()
    assert api_key not in message.as_text()


def test_the_same_server_is_accepted_when_the_trust_store_has_the_ca(api_key, ca, https_emulator):
    with InflowClient(
        api_key, https_emulator.base_url, ssl_context=_trust_store_with(ca)
    ) as client:
        session = client.create_one_time_session(one_time_request())
    assert session.session_id in https_emulator.sessions


def test_a_certificate_for_another_host_is_refused(api_key, ca):
    with (
        _https_emulator(ca, api_key, "inflow.example") as emulator,
        InflowClient(api_key, emulator.base_url, ssl_context=_trust_store_with(ca)) as client,
        pytest.raises(TLSVerificationError) as info,
    ):
        client.check_connection()
    assert "mismatch" in info.value.reason.lower() or "match" in info.value.reason.lower()


_CHILD = """
import sys
from inflow_desk.api import InflowClient, TLSVerificationError
try:
    with InflowClient(sys.argv[1], sys.argv[2]) as client:
        client.check_connection()
except TLSVerificationError as exc:
    print("refused:", exc.reason)
    sys.exit(3)
print("trusted")
"""


@pytest.mark.parametrize("variable", ["SSL_CERT_FILE", None])
def test_the_default_client_trusts_what_the_os_store_lookup_trusts(
    api_key, ca, https_emulator, tmp_path, variable
):
    """OpenSSL's default verify paths (the OS store on Linux) decide, and SSL_CERT_FILE
    points them at our CA; without it the same server is refused."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    env.pop("SSL_CERT_FILE", None)
    env.pop("SSL_CERT_DIR", None)
    if variable is not None:
        ca_file = tmp_path / "ca.pem"
        ca.cert_pem.write_to_path(str(ca_file))
        env[variable] = str(ca_file)
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, api_key, https_emulator.base_url],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    if variable is None:
        assert result.returncode == 3, result.stderr
        assert result.stdout.startswith("refused:")
    else:
        assert result.returncode == 0, result.stdout + result.stderr
        assert result.stdout.strip() == "trusted"
