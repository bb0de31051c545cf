"""Domain layer: money, limits, validation rules and request models — pure Python, no I/O.

Import from the module that defines a name (``inflow_desk.domain.models``,
``inflow_desk.domain.requests``, ...): this package re-exports nothing, so importing one module
never loads the others (the pydantic request models load only where they are used).
"""
