#!/usr/bin/env python3
"""Extract, check and compile the app's translations with Qt's own tools.

    .venv/bin/python scripts/update-translations.py          # update the .ts files, compile .qm
    .venv/bin/python scripts/update-translations.py --check  # CI: fail when anything is stale
    .venv/bin/python scripts/update-translations.py --fill parts.json  # then take translations

``pyside6-lupdate`` reads every ``translate("Context", "text")`` (and ``QT_TRANSLATE_NOOP``)
in ``inflow_desk/`` (the emulator's customer page excepted) into
``resources/i18n/inflow_desk_{en,fr}.ts``; ``pyside6-lrelease`` compiles them into
``inflow_desk/i18n/*.qm``, which ship with the package and the PyInstaller bundle.

``--check`` extracts into a scratch copy and fails when the committed ``.ts`` files miss a
string or keep one the code no longer has, when a French string is unfinished, or when a
committed ``.qm`` is not what its ``.ts`` compiles to.

``--fill`` takes translations from JSON files written by a translator, then compiles::

    {"fr": {"Context": {"Source text": "Texte", "%n link(s)": ["%n lien", "%n liens"]}},
     "en": {"Context": {"%n link(s)": ["%n link", "%n links"]}}}

A list gives the plural forms (``%n``). Existing translations are replaced.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "resources" / "i18n"
QM_DIR = ROOT / "inflow_desk" / "i18n"
LANGUAGES = ("en", "fr")
BIN = Path(sys.executable).parent


def sources() -> list[Path]:
    package = ROOT / "inflow_desk"
    return sorted(
        path for path in package.rglob("*.py") if "emulator" not in path.relative_to(package).parts
    )


def tool(name: str) -> str:
    found = BIN / f"pyside6-{name}"
    return str(found) if found.exists() else f"pyside6-{name}"


def lupdate(ts: Path, language: str) -> None:
    """Extract into ``ts``, keeping its translations; plural messages stay plural.

    pyside6-lupdate (6.11) marks a message as plural only when the count is a number literal:
    ``translate(ctx, "%n link(s)", None, count)`` comes out as an ordinary message (and a
    count written as an expression, ``len(x)``, is not extracted at all: pass a plain name).
    So every message whose text has ``%n`` is made plural here, with the forms it had.
    """
    forms = _plural_forms(ts) if ts.exists() else {}
    listing = ts.with_suffix(".files")
    listing.write_text("\n".join(str(p) for p in sources()) + "\n", encoding="utf-8")
    try:
        done = subprocess.run(
            [
                tool("lupdate"),
                "-silent",
                "-no-obsolete",
                "-locations",
                "none",
                "-source-language",
                "en",
                "-target-language",
                language,
                f"@{listing}",
                "-ts",
                str(ts),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
    finally:
        listing.unlink()
    noise = ("Removed plural forms", "If this sounds wrong")  # the plurals it flattened
    for line in (done.stdout + done.stderr).splitlines():
        if line.strip() and not line.startswith(noise):
            print(line, file=sys.stderr)
    _make_plural(ts, forms)


def counted_texts() -> set[tuple[str, str]]:
    """``(context, text)`` of every ``translate()`` call given a count (its 4th argument)."""
    import ast

    found: set[tuple[str, str]] = set()
    for path in sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "translate"
                and len(node.args) >= 4
                and all(isinstance(a, ast.Constant) for a in node.args[:2])
            ):
                context, text = (a.value for a in node.args[:2])  # type: ignore[attr-defined]
                found.add((str(context), str(text)))
    return found


def calls_lupdate_misses() -> list[str]:
    """``translate(...)`` calls lupdate would not extract, found by reading the code (ast):
    a context that is not a literal, a text built in the call (f-string, ``+``, ``.format``
    inside), or a count that is not a plain name or number."""
    import ast

    problems: list[str] = []
    for path in sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id != "translate":
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            args = node.args
            literal = [isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args[:2]]
            if len(args) < 2 or not literal[0]:
                problems.append(f"{where}: the context must be a string literal")
            elif isinstance(args[1], (ast.JoinedStr, ast.BinOp)) or (
                isinstance(args[1], ast.Call)
                and isinstance(args[1].func, ast.Attribute)
                and args[1].func.attr == "format"
            ):
                # (a name or a subscript is a text marked where it is defined: QT_TRANSLATE_NOOP)
                problems.append(f"{where}: build the text after translate(), not inside")
            if node.keywords:
                problems.append(f"{where}: pass the count 4th, by position (lupdate skips it)")
            if len(args) >= 4 and not isinstance(args[3], (ast.Name, ast.Constant)):
                problems.append(f"{where}: the count must be a plain name (lupdate skips the call)")
    return problems


def _plural_forms(ts: Path) -> dict[tuple[str, str], list[str]]:
    found: dict[tuple[str, str], list[str]] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if message.get("numerus") == "yes" and translation is not None:
                texts = [form.text or "" for form in translation.iter("numerusform")]
                if any(texts) and translation.get("type") != "unfinished":
                    found[(name, message.findtext("source") or "")] = texts
    return found


def _make_plural(ts: Path, forms: dict[tuple[str, str], list[str]]) -> None:
    tree = ET.parse(ts)
    counted = counted_texts()
    changed = False
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            plural = "%n" in source or (name, source) in counted
            if not plural or message.get("numerus") == "yes":
                continue
            changed = True
            message.set("numerus", "yes")
            old = message.find("translation")
            if old is not None:
                message.remove(old)
            translation = ET.SubElement(message, "translation")
            kept = forms.get((name, source))
            for form in kept or [""]:
                ET.SubElement(translation, "numerusform").text = form
            if not kept:
                translation.set("type", "unfinished")
    if changed:
        _write_like_lupdate(tree, ts)


def _write_like_lupdate(tree: ET.ElementTree[ET.Element], ts: Path) -> None:
    """lupdate's layout (contexts at the margin, 4 spaces a level, its DOCTYPE): small diffs."""
    root = tree.getroot()
    root.text = "\n"
    for child in root:
        ET.indent(child, "    ")
        child.tail = "\n"
    text = ET.tostring(root, encoding="unicode")
    ts.write_text(
        f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{text}\n', encoding="utf-8"
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def messages(ts: Path) -> dict[tuple[str, str, str], ET.Element]:
    found: dict[tuple[str, str, str], ET.Element] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            found[key] = message
    return found


def unfinished(ts: Path) -> list[tuple[str, str, str]]:
    return [
        key
        for key, message in messages(ts).items()
        if (t := message.find("translation")) is not None and t.get("type") == "unfinished"
    ]


def check() -> int:
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        for language in LANGUAGES:
            committed = TS_DIR / f"inflow_desk_{language}.ts"
            fresh = Path(scratch) / committed.name
            if committed.exists():
                shutil.copy(committed, fresh)
            lupdate(fresh, language)
            old = set(messages(committed)) if committed.exists() else set()
            new = set(messages(fresh))
            for context, source, _ in sorted(new - old):
                problems.append(f"{committed.name}: missing {context}: {source!r}")
            for context, source, _ in sorted(old - new):
                problems.append(f"{committed.name}: no longer in the code {context}: {source!r}")
            qm = Path(scratch) / f"inflow_desk_{language}.qm"
            lrelease(committed if committed.exists() else fresh, qm)
            shipped = QM_DIR / qm.name
            if not shipped.exists() or shipped.read_bytes() != qm.read_bytes():
                problems.append(f"{shipped.relative_to(ROOT)} is not what its .ts compiles to")
        problems.extend(calls_lupdate_misses())
        for context, source, _ in unfinished(TS_DIR / "inflow_desk_fr.ts"):
            problems.append(f"inflow_desk_fr.ts: unfinished {context}: {source!r}")
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s): run scripts/update-translations.py, then translate")
        return 1
    print("translations: up to date; no unfinished French string")
    return 0


def update(quiet: bool = False) -> int:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    QM_DIR.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        ts = TS_DIR / f"inflow_desk_{language}.ts"
        lupdate(ts, language)
        lrelease(ts, QM_DIR / f"inflow_desk_{language}.qm")
        left = unfinished(ts)
        if not quiet:
            print(f"{ts.relative_to(ROOT)}: {len(messages(ts))} strings, {len(left)} unfinished")
    return 0


def fill(parts: list[Path]) -> int:
    """Write the translations of ``parts`` into the .ts files (after extracting), then compile."""
    update(quiet=True)
    missing = 0
    for language in LANGUAGES:
        ts = TS_DIR / f"inflow_desk_{language}.ts"
        tree = ET.parse(ts)
        found = {
            (context.findtext("name") or "", message.findtext("source") or ""): message
            for context in tree.getroot().iter("context")
            for message in context.iter("message")
        }
        for part in parts:
            data = json.loads(part.read_text(encoding="utf-8")).get(language, {})
            for context, texts in data.items():
                for source, translated in texts.items():
                    message = found.get((context, source))
                    if message is None:
                        print(f"{part.name}: not in the code: {context}: {source!r}")
                        missing += 1
                        continue
                    old = message.find("translation")
                    if old is not None:
                        message.remove(old)
                    element = ET.SubElement(message, "translation")
                    if isinstance(translated, list):
                        message.set("numerus", "yes")
                        for form in translated:
                            ET.SubElement(element, "numerusform").text = form
                    else:
                        element.text = translated
        _write_like_lupdate(tree, ts)
        lupdate(ts, language)  # back to lupdate's own layout (plural forms kept)
    update()
    return 1 if missing else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail when anything is stale")
    parser.add_argument("--fill", nargs="+", type=Path, help="take translations from JSON")
    args = parser.parse_args()
    if args.check:
        return check()
    return fill(args.fill) if args.fill else update()


if __name__ == "__main__":
    sys.exit(main())
