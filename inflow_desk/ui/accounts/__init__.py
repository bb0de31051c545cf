"""Accounts and keys: the account controller, the settings dialog, the first-run screen."""
