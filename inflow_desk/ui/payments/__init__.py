"""Live payment status of the links the desk created (issue 15): watcher, wording, wiring."""
