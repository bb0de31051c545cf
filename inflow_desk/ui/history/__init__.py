"""Every link created: the history model, view and dock, the recorder, draft autosave."""
