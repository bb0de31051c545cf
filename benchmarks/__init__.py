"""Rerunnable benchmarks of Inflow Desk: ``python benchmarks/run.py [--quick] [--json FILE]``.

See ``benchmarks/README.md``. Benchmarks are not tests: they never fail on timing.
"""
