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


def plural_forms(ts: Path) -> dict[tuple[str, str], tuple[list[str], bool]]:
    """``(context, source) -> (plural forms, finished)`` of the %n messages ``ts`` holds."""
    if not ts.exists():
        return {}
    kept: dict[tuple[str, str], tuple[list[str], bool]] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [] if translation is None else translation.findall("numerusform")
            if forms:
                key = (context.findtext("name") or "", message.findtext("source") or "")
                finished = translation is not None and translation.get("type") != "unfinished"
                kept[key] = ([form.text or "" for form in forms], finished)
    return kept


def restore_plurals(ts: Path, kept: dict[tuple[str, str], tuple[list[str], bool]]) -> None:
    """Mark every %n message as plural again, with the forms it had before lupdate ran.

    pyside6-lupdate (6.11) marks a plural only for ``self.tr(text, "", n)``: a
    ``translate("Context", "%n link(s)", None, n)`` call comes out as a plain message, and
    lupdate then drops the plural forms a translator gave it ("Removed plural forms")."""
    tree = ET.parse(ts)
    changed = False
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            if "%n" not in source or message.get("numerus") == "yes":
                continue
            changed = True
            message.set("numerus", "yes")
            old = message.find("translation")
            position = list(message).index(old) if old is not None else len(message)
            if old is not None:
                message.remove(old)
            forms, finished = kept.get((name, source), ([], False))
            translation = ET.Element("translation")
            if not finished or not all(forms):
                translation.set("type", "unfinished")
            for form in forms or ["", ""]:
                ET.SubElement(translation, "numerusform").text = form
            message.insert(position, translation)
    if changed:
        root = tree.getroot()  # lupdate's layout: contexts at the margin, 4 spaces a level
        root.text = "\n"
        for child in root:
            ET.indent(child, "    ")
            child.tail = "\n"
        text = ET.tostring(root, encoding="unicode")
        ts.write_text(
            f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{text}\n', encoding="utf-8"
        )


def lupdate(ts: Path, language: str) -> None:
    kept = plural_forms(ts)
    listing = ts.with_suffix(".files")
    listing.write_text("\n".join(str(p) for p in sources()) + "\n", encoding="utf-8")
    try:
        subprocess.run(
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
        )
    finally:
        listing.unlink()
    restore_plurals(ts, kept)


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
        tree.write(ts, encoding="utf-8", xml_declaration=True)
        lupdate(ts, language)  # back to lupdate's own layout
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
