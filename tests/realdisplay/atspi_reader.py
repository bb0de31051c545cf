"""Reads and drives a running Inflow Desk through AT-SPI, as Orca does; prints JSON.

Run by the SYSTEM Python (Debian's ``python3-pyatspi``, which the venv cannot import), with
``DBUS_SESSION_BUS_ADDRESS`` and ``DISPLAY`` of the app's session:

    /usr/bin/python3 atspi_reader.py PID tree
        {"nodes": [{"id", "role", "name", "window", "showing", "labelled_by"}, ...]}
    /usr/bin/python3 atspi_reader.py PID press OBJECT_NAME
    /usr/bin/python3 atspi_reader.py PID create PRODUCT PRICE QUANTITY
        {"url": ..., "steps": [...], "announcements": [...]}

``create`` acts through AT-SPI only: "Press" on Add line (the new line's product cell is
edited and focused), that editor's EditableText for the name, "Press" on Create (the
missing price is refused, announced, and its cell gets the focus, as for a person), then
the price and the quantity in their cells' editors (EditableText, Value), "Press" on Create
(what is still in an editor counts), and the link read from the link field's Text.
No action opens a table cell's editor (Qt gives cells "Toggle" only): those two cells are
double-clicked where the tree places them, with AT-SPI's own mouse event (as Orca's
flat-review click does). Cell editors are not children of the table in Qt's tree: they are
reached by their focus event, as a screen reader reaches them. Objects are found by their
accessible id, which Qt builds from the objectNames.
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


def double_click(cell: Any) -> None:
    """Open a table cell's editor. No action does (Qt gives cells "Toggle" only): double-click
    the cell where the tree places it, with AT-SPI's own mouse event (as Orca's flat-review
    click does); the editor then takes the focus."""
    box = cell.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    pyatspi.Registry.generateMouseEvent(
        box.x + box.width // 2, box.y + box.height // 2, pyatspi.MOUSE_B1D
    )


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
    double_click(events.wait_for_focus("", role="table cell"))
    steps.append("double-click the focused price cell (AT-SPI mouse event)")
    price_editor = events.wait_for_focus("Unit price")
    price_editor.queryEditableText().setTextContents(price)
    steps.append(f"Unit price ← {price!r} (EditableText)")

    table = find(app, "lineItemsTable").queryTable()  # the one line (the blank one went)
    double_click(table.getAccessibleAt(0, 2))  # its quantity: the price editor commits
    steps.append("double-click the quantity cell of line 1 (AT-SPI mouse event)")
    quantity_editor = events.wait_for_focus("Quantity")
    quantity_editor.queryValue().currentValue = float(quantity)
    steps.append(f"Quantity ← {quantity} (Value)")

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
