"""The policy file's schema (pydantic, strict): imported only when a policy file exists.

Every table forbids unknown fields (a misspelt ``max_per_lnk`` must not silently mean "no
limit"); types are strict (``lock_profiles = "yes"`` is refused, not read as true).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from inflow_desk.domain import limits
from inflow_desk.domain.handover import template_problem

_STRICT = ConfigDict(extra="forbid", strict=True, frozen=True)
_MAX_AMOUNT = Decimal(limits.MAX_TOTAL_CENTS) / 100


class LimitsEntry(BaseModel):
    model_config = _STRICT

    # Strict, but an amount may be written 500 or 500.00 (both are numbers in TOML).
    max_per_link: Decimal | None = Field(
        default=None, gt=0, le=_MAX_AMOUNT, decimal_places=2, strict=False
    )
    max_per_day: Decimal | None = Field(
        default=None, gt=0, le=_MAX_AMOUNT * 1000, decimal_places=2, strict=False
    )


class ProfileEntry(BaseModel):
    model_config = _STRICT

    name: str
    environment: Literal["production", "sandbox", "custom"] = "production"
    url: str | None = None
    checkout_hosts: list[str] = Field(default_factory=list, max_length=20)
    limits: LimitsEntry | None = None


class TemplateEntry(BaseModel):
    model_config = _STRICT

    name: str = Field(min_length=1, max_length=100)
    text: str = Field(min_length=1, max_length=2_000)
    profile: str | None = None

    @field_validator("text")
    @classmethod
    def _known_placeholders(cls, text: str) -> str:
        """The hand-over renders it: only its placeholders ({link}, {amount}, …) are allowed."""
        problem = template_problem(text)
        if problem is not None:
            raise ValueError(problem)
        return text


class PolicyFile(BaseModel):
    model_config = _STRICT

    forbid_custom_urls: bool = False
    lock_profiles: bool = False
    default_expiry_hours: float | None = Field(
        default=None,
        ge=limits.MIN_EXPIRES_IN_HOURS,
        le=limits.MAX_EXPIRES_IN_HOURS,
        strict=False,
    )
    allowed_currencies: list[Literal["EUR", "USD"]] | None = Field(default=None, min_length=1)
    profiles: list[ProfileEntry] = Field(default_factory=list, max_length=100)
    templates: list[TemplateEntry] = Field(default_factory=list, max_length=100)
