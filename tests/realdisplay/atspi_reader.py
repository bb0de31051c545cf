"""Reads and drives a running Inflow Desk through AT-SPI, as Orca does; prints JSON.

Run by the SYSTEM Python (Debian's ``python3-pyatspi``, which the venv cannot import), with
``DBUS_SESSION_BUS_ADDRESS`` and ``DISPLAY`` of the app's session:

    /usr/bin/python3 atspi_reader.py PID tree
        {"nodes": [{"id", "role", "name", "window", "showing", "labelled_by"}, ...]}
    /usr/bin/python3 atspi_reader.py PID press OBJECT_NAME
    /usr/bin/python3 atspi_reader.py PID create PRODUCT PRICE QUANTITY
        {"url": ..., "steps": [...], "announcements": [...]}

``create`` acts through AT-SPI actions and interfaces only — no mouse, no key: "Press" on
Add line (the new line's product cell is edited and focused), that editor's EditableText for
the name, "Press" on Create (the missing price is refused, announced, and its cell gets the
focus, as for a person), "Toggle" on the quantity cell (the only action Qt gives a table
cell: it selects the cell; the cart makes a selected cell current and opens its editor) and
the editor's Value, "Toggle" on the price cell (the quantity editor commits, the price
editor opens) and its EditableText, "Press" on Create (what is still in an editor counts),
and the link read from the link field's Text. The price cell is toggled after the quantity:
right after the refusal it is current and selected already, and "Toggle" on a selected cell
changes nothing in a single-selection table (a screen-reader user there simply types).
Cell editors are not children of the table in Qt's tree: they are reached by their focus
event, as a screen reader reaches them. Objects are found by their accessible id, which Qt
builds from the objectNames.
Standalone on purpose: it must not import the app (another Python).
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

import pyatspi  # type: ignore[import-not-found]
from gi.repository import GLib  # type: ignore[import-not-found]

TIMEOUT = 8.0
#: Don't walk into the cells of item views (the history may hold many rows).
LEAF_ROLES = {"table", "tree table", "list", "tree", "table cell", "list item"}


def find_app(pid: int) -> Any:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and app.get_process_id() == pid:
                return app
        time.sleep(0.1)
    raise SystemExit(json.dumps({"error": f"no accessible application with pid {pid}"}))


def object_name(node: Any) -> str:
    return (node.get_accessible_id() or "").rsplit(".", 1)[-1]


def walk(node: Any, window: str = "") -> Any:
    try:
        role = node.getRoleName()
    except Exception:  # noqa: BLE001 - an object that went away while reading
        return
    if role in ("frame", "dialog", "window"):
        window = node.name
    yield node, role, window
    if role in LEAF_ROLES:
        return
    for child in node:
        if child is not None:
            yield from walk(child, window)


def labelled_by(node: Any) -> list[str]:
    names = []
    for relation in node.getRelationSet():
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            names += [relation.getTarget(i).name for i in range(relation.getNTargets())]
    return names


def tree(app: Any) -> dict[str, Any]:
    nodes = []
    for node, role, window in walk(app):
        states = node.getState()
        nodes.append(
            {
                "id": object_name(node),
                "role": role,
                "name": node.name,
                "window": window,
                "showing": states.contains(pyatspi.STATE_SHOWING),
                "labelled_by": labelled_by(node),
            }
        )
    return {"nodes": nodes}


def find(app: Any, name: str) -> Any:
    for node, _role, _window in walk(app):
        if object_name(node) == name:
            return node
    raise LookupError(f"no accessible object named {name!r}")


def press(node: Any) -> None:
    action = node.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    action.doAction(names.index("Press") if "Press" in names else 0)


class Events:
    """Focus and announcement events, collected while the GLib loop is pumped."""

    def __init__(self) -> None:
        self.focused: list[Any] = []
        self.announcements: list[str] = []
        self.seen: list[str] = []
        pyatspi.Registry.registerEventListener(self._on_focus, "object:state-changed:focused")
        pyatspi.Registry.registerEventListener(self._on_announcement, "object:announcement")

    def _on_focus(self, event: Any) -> None:
        if event.detail1 == 1:
            try:
                seen = f"{event.source.getRoleName()} {event.source.name!r}"
            except Exception:  # noqa: BLE001 - gone already
                seen = "(gone)"
            self.seen.append(seen)
            self.focused.append(event.source)

    def _on_announcement(self, event: Any) -> None:
        self.announcements.append(str(event.any_data))

    def pump(self, seconds: float = 0.0) -> None:
        context = GLib.MainContext.default()
        deadline = time.monotonic() + seconds
        while True:
            while context.iteration(False):
                pass
            if time.monotonic() >= deadline:
                return
            time.sleep(0.01)

    def wait_for_focus(self, name: str, role: str | None = None) -> Any:
        """The latest object focused with this name (and role)."""
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            self.pump()
            for node in reversed(self.focused):
                try:
                    if node.name == name and role in (None, node.getRoleName()):
                        return node
                except Exception:  # noqa: BLE001 - an editor closed since
                    continue
            time.sleep(0.02)
        raise LookupError(f"the focus never reached {name!r}; it went to {self.seen}")


def toggle(cell: Any) -> None:
    """Qt's one action on a table cell, "Toggle": it selects the cell."""
    action = cell.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    assert names == ["Toggle"], names  # what Qt exposes; if it grows an "Edit", use that
    action.doAction(0)


def same(node: Any, other: Any) -> bool:
    return bool(node.getIndexInParent() == other.getIndexInParent() and node.name == other.name)


def create(app: Any, product: str, price: str, quantity: int) -> dict[str, Any]:
    events = Events()
    steps: list[str] = []
    create_button = find(app, "createSessionButton")
    url_edit = find(app, "checkoutUrlEdit")

    press(find(app, "addLineItemButton"))  # a new line, its product cell being edited
    steps.append("press Add line")
    name_editor = events.wait_for_focus("Product name")
    name_editor.queryEditableText().setTextContents(product)
    steps.append(f"Product name ← {product!r} (EditableText)")

    events.focused.clear()
    press(create_button)  # the name counts (the blank first line does not); nothing is sent:
    steps.append("press Create")  # the refusal is announced, the empty price cell focused
    focused_cell = events.wait_for_focus("", role="table cell")
    table = find(app, "lineItemsTable").queryTable()  # the one line (the blank one went)
    price_cell, quantity_cell = table.getAccessibleAt(0, 1), table.getAccessibleAt(0, 2)
    assert same(focused_cell, price_cell), "the refusal did not focus the price cell"
    steps.append("the price cell of line 1 has the focus")

    toggle(quantity_cell)
    steps.append("Toggle the quantity cell of line 1")
    quantity_editor = events.wait_for_focus("Quantity", role="spin button")
    quantity_editor.queryValue().currentValue = float(quantity)
    steps.append(f"Quantity ← {quantity} (Value)")

    toggle(price_cell)  # the quantity editor commits
    steps.append("Toggle the price cell of line 1")
    price_editor = events.wait_for_focus("Unit price", role="text")
    price_editor.queryEditableText().setTextContents(price)
    steps.append(f"Unit price ← {price!r} (EditableText)")

    press(create_button)
    steps.append("press Create")
    deadline = time.monotonic() + TIMEOUT
    url = ""
    while time.monotonic() < deadline and not url:
        events.pump(0.05)
        text = url_edit.queryText()
        url = text.getText(0, -1)
    events.pump(0.3)  # the announcements that follow the link
    return {"url": url, "steps": steps, "announcements": events.announcements}


def main(argv: list[str]) -> None:
    pid, command, *args = argv
    app = find_app(int(pid))
    if command == "tree":
        result = tree(app)
    elif command == "press":
        press(find(app, args[0]))
        result = {"pressed": args[0]}
    elif command == "create":
        result = create(app, args[0], args[1], int(args[2]))
    else:
        raise SystemExit(f"unknown command {command!r}")
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
