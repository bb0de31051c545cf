"""Real Secret Service (gnome-keyring) behaviour — run by scripts/keyring-real-test.

Deselected by default (``-m 'not keyring_real'``). It needs a D-Bus session with an unlocked
gnome-keyring and ``PYTHON_KEYRING_BACKEND=keyring.backends.SecretService.Keyring``; the
script sets all that up in a throw-away HOME, so the developer's own keychain is not used.

The tests run in file order: the last one locks the keychain for good (unlocking needs a
password prompt, which cannot be answered here).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid

import pytest

from inflow_desk.storage.keystore import KeyringKeyStore

pytestmark = pytest.mark.keyring_real

SECRET_SERVICE = "keyring.backends.SecretService.Keyring"

# Reads the key through a brand-new process, so keyring loads its backend from scratch
# and nothing can come from an in-process cache.
_READ_IN_FRESH_PROCESS = """
import json, sys
from inflow_desk.storage.keystore import KeyringKeyStore
store = KeyringKeyStore()
print(json.dumps({"backend": store.backend_name, "key": store.get(sys.argv[1])}))
"""


def _read_in_fresh_process(profile: str) -> tuple[str, str | None]:
    done = subprocess.run(
        [sys.executable, "-c", _READ_IN_FRESH_PROCESS, profile],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    return result["backend"], result["key"]


def test_secret_service_round_trip() -> None:
    assert os.environ.get("PYTHON_KEYRING_BACKEND") == SECRET_SERVICE, (
        "run this through scripts/keyring-real-test (it sets up gnome-keyring and D-Bus)"
    )
    profile = f"keyring-real-test {uuid.uuid4().hex}"
    key = f"inflow_test_{uuid.uuid4().hex}"
    store = KeyringKeyStore()
    assert store.backend_name == f"Secret Service ({SECRET_SERVICE})"
    try:
        assert store.get(profile) is None
        store.set(profile, f"  {key}\n")

        backend, read_back = _read_in_fresh_process(profile)
        assert backend == f"Secret Service ({SECRET_SERVICE})"
        assert read_back == key

        store.delete(profile)
        assert _read_in_fresh_process(profile)[1] is None
        assert store.get(profile) is None
        # Secret Service raises PasswordDeleteError for a missing item; we must not.
        store.delete(profile)
    finally:
        store.delete(profile)


_TRY_LOCKED_STORE = """
import json, sys
from inflow_desk.storage.keystore import KeyringKeyStore, KeyStoreError
from inflow_desk.ui.kit.errors import key_store_problem_text
store = KeyringKeyStore()
outcome = {}
for op, call in (("get", lambda: store.get(sys.argv[1])),
                 ("set", lambda: store.set(sys.argv[1], "inflow_locked_test"))):
    try:
        call()
        outcome[op] = ["no error", ""]
    except KeyStoreError as exc:
        outcome[op] = [type(exc).__name__, key_store_problem_text(exc)]
print(json.dumps(outcome))
"""


def test_locked_keychain_is_reported_as_locked() -> None:
    import secretstorage

    connection = secretstorage.dbus_init()
    try:
        collection = secretstorage.get_default_collection(connection)
        collection.lock()
        assert collection.is_locked()
    finally:
        connection.close()

    # keyring asks the daemon to unlock; with no display the prompt fails at once, which
    # is what a dismissed prompt looks like. DISPLAY is dropped so no prompt can wait.
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    done = subprocess.run(
        [sys.executable, "-c", _TRY_LOCKED_STORE, f"locked-test {uuid.uuid4().hex}"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    locked = [
        "KeyStoreLocked",
        "The system keychain is locked. Unlock it and try again, "
        "or keep the key in memory for this run only.",
    ]
    assert json.loads(done.stdout) == {"get": locked, "set": locked}
