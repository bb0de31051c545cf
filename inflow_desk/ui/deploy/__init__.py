"""Managed deployment: the organisation's policy, agent limits, one window, CRM deep links."""
