"""Handing a created link over: message, e-mail, SMS text, read-aloud card, expiry alert."""
