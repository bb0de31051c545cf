"""README set-up command 1 and CI install the same system packages, and those packages are
what PySide6's xcb platform plugin and Qt's GUI libraries actually link to (issue 12 item 11:
command 1 aborted on a fresh Debian because Qt's xcb plugin needs libraries it does not name).
No display needed."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: Always installed on Debian/Ubuntu (priority "required"): not worth naming.
BASE_SYSTEM = {"libc6", "libgcc-s1", "libstdc++6", "zlib1g", "libzstd1"}


def readme_command_1_packages() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("# 1. install and start the app", 1)[1].split("\n", 1)[1]
    block = block.split("# 2.", 1)[0]
    command = block.replace("\\\n", " ")
    words = shlex.split(command, comments=True)
    assert words[:4] == ["sudo", "apt-get", "update", "&&"], words[:6]
    start = words.index("install")
    assert words[start - 2 : start + 2] == ["sudo", "apt-get", "install", "-y"], words
    end = words.index("&&", start)
    return words[start + 2 : end]


def ci_array(name: str) -> list[str]:
    text = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    match = re.search(rf"^{name}=\(([^)]*)\)", text, re.MULTILINE)
    assert match is not None, f".ci/run defines no {name}=(...)"
    return shlex.split(match.group(1), comments=True)


def test_readme_command_1_and_ci_install_the_same_packages() -> None:
    readme = readme_command_1_packages()
    assert "python3-venv" in readme
    assert len(readme) == len(set(readme))
    assert ci_array("README_PACKAGES") == readme
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'apt_install "${README_PACKAGES[@]}"' in ci


def test_ci_installs_the_real_display_tools_and_forbids_skipping() -> None:
    assert set(ci_array("DISPLAY_PACKAGES")) >= {"xvfb", "xdotool", "xclip", "x11-utils", "openbox"}
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'apt_install "${DISPLAY_PACKAGES[@]}"' in ci
    # the README's own test command, with the real-display suite unable to skip
    assert "export INFLOW_DESK_REQUIRE_DISPLAY=1\n.venv/bin/pytest\n" in ci
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert ".venv/bin/pytest\n```" in readme


def _qt_binaries() -> list[Path]:
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    names = [
        "plugins/platforms/libqxcb.so",
        "plugins/xcbglintegrations/libqxcb-glx-integration.so",
        "plugins/xcbglintegrations/libqxcb-egl-integration.so",
        "lib/libQt6XcbQpa.so.6",
        "lib/libQt6Gui.so.6",
        "lib/libQt6Widgets.so.6",
        "lib/libQt6DBus.so.6",
        "lib/libQt6Core.so.6",
    ]
    return [qt / name for name in names if (qt / name).exists()]


def _owning_packages(paths: set[str]) -> dict[str, str]:
    """path -> Debian package, in one ``dpkg -S`` (each call reads every file list)."""
    candidates = {c: p for p in paths for c in (p, str(Path(p).resolve()))}
    result = subprocess.run(
        ["dpkg", "-S", *sorted(candidates)], capture_output=True, text=True, check=False
    )
    owners: dict[str, str] = {}
    for line in result.stdout.splitlines():
        package, _, path = line.partition(": ")
        if path in candidates:
            # Debian 13 / Ubuntu 24.04 renamed some (libglib2.0-0t64); apt maps the old name
            owners[candidates[path]] = package.split(":")[0].removesuffix("t64")
    return owners


@pytest.mark.skipif(
    not (shutil.which("dpkg") and shutil.which("readelf") and shutil.which("ldd")),
    reason="needs Debian's dpkg, readelf (binutils) and ldd",
)
def test_readme_names_every_library_package_qt_links_to() -> None:
    """Each library Qt's xcb plugin, GUI libraries and GL integrations need directly
    (``readelf -d``: NEEDED) and find outside PySide6 (``ldd``) belongs to a package named
    in README command 1 (or to the base system)."""
    binaries = _qt_binaries()
    assert binaries, "PySide6's Qt libraries not found"
    readme = set(readme_command_1_packages())
    missing: dict[str, str] = {}
    needs: dict[str, str] = {}  # library -> path outside PySide6
    for binary in binaries:
        needed = re.findall(
            r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]",
            subprocess.run(
                ["readelf", "-d", str(binary)], capture_output=True, text=True, check=True
            ).stdout,
        )
        ldd = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, check=False)
        resolved = dict(re.findall(r"^\s*(\S+) => (\S+)", ldd.stdout, re.MULTILINE))
        for library in needed:
            path = resolved.get(library)
            if path == "not":  # "libfoo.so.1 => not found": not installed here
                missing[library] = "not found on this machine"
            elif path is not None and "/PySide6/" not in path and "/shiboken6/" not in path:
                needs[library] = path  # (else: the loader itself, or bundled with PySide6)
    owners = _owning_packages(set(needs.values()))
    for library, path in needs.items():
        package = owners.get(path)
        if package is None:
            missing[library] = f"{path} (no Debian package owns it)"
        elif package not in readme and package not in BASE_SYSTEM:
            missing[library] = package
    assert not missing, f"README command 1 misses: {missing}"
