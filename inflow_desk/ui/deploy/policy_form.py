"""What the organisation's policy fixes in the form: the currencies offered and the expiry a
new link starts with. Profiles, limits and Settings are handled where they live
(``accounts/profiles_store.py``, :mod:`~inflow_desk.ui.deploy.limits`, the settings dialog)."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QComboBox, QWidget

from inflow_desk.domain.i18n import translate
from inflow_desk.storage.policy import Policy
from inflow_desk.ui.kit.errors import managed_text


class _Options(Protocol):
    def set_default_expiry(self, hours: float) -> None: ...


def apply_policy_to_form(window: QWidget, options: _Options, policy: Policy) -> None:
    """Offer only the allowed currencies (the combo is fixed when one is left) and start
    new links with the policy's expiry. A currency sent anyway (an old draft) is refused by
    the window's check before sending (:mod:`~inflow_desk.ui.deploy.limits`)."""
    if policy.default_expiry_hours is not None:
        options.set_default_expiry(policy.default_expiry_hours)
    allowed = policy.allowed_currencies
    combo = window.findChild(QComboBox, "currencyCombo")
    if allowed is None or not isinstance(combo, QComboBox):
        return
    codes = {currency.value for currency in allowed}
    for index in reversed(range(combo.count())):
        if combo.itemData(index) not in codes:
            combo.removeItem(index)
    combo.setToolTip(
        translate("PolicyForm", "{managed}: {currencies}").format(
            managed=managed_text(), currencies=", ".join(sorted(codes))
        )
    )
    if combo.count() == 1:
        combo.setEnabled(False)
