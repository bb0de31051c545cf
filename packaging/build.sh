#!/usr/bin/env bash
# Build the one-folder app with PyInstaller into dist/inflow-desk/, check that it holds what the
# app loads by name (optional UI parts, keyring backends, the emulator), then run the built
# binary with --demo --smoke=full. Exits non-zero when the build or the smoke run fails.
#
#   bash packaging/build.sh            # uses .venv/bin/python (PYTHON=... to override)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
DIST=dist
NAME=inflow-desk
BUNDLE="$DIST/$NAME"
BIN="$BUNDLE/$NAME"

if ! "$PY" -m PyInstaller --version >/dev/null 2>&1; then
    echo "installing PyInstaller into $("$PY" -c 'import sys; print(sys.prefix)')"
    if grep -q '^package *=' pyproject.toml; then
        "$PY" -m pip install -q -e '.[package]'
    else
        "$PY" -m pip install -q 'pyinstaller>=6.11'
    fi
fi
echo "PyInstaller $("$PY" -m PyInstaller --version), $("$PY" --version)"

t0=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath build/pyinstaller packaging/inflow-desk.spec
t1=$(date +%s)
echo "build: $((t1 - t0)) s, bundle: $(du -sh "$BUNDLE" | cut -f1) ($BUNDLE)"

# Modules imported by name at run time must be inside the bundle's archive.
contents=$("$PY" -m PyInstaller.utils.cliutils.archive_viewer -r -b "$BIN" 2>/dev/null \
    | sed 's/^ *//' || true)
missing=0
for module in inflow_desk.app inflow_desk.emulator.server inflow_desk.ui.about_dialog \
    inflow_desk.ui.main_window inflow_desk.ui.deploy.single_instance \
    inflow_desk.ui.deploy.deep_links inflow_desk.storage.policy inflow_desk.storage._policy_model \
    keyring.backends.SecretService keyring.backends.libsecret \
    keyring.backends.kwallet keyring.backends.Windows keyring.backends.macOS secretstorage \
    jeepney.io.blocking segno qtawesome httpx pydantic_core; do
    if ! grep -qx "$module" <<<"$contents"; then
        echo "MISSING from the bundle: $module" >&2
        missing=1
    fi
done
for path in resources/inflow-desk.svg resources/icons/inflow-desk-256.png; do
    [ -f "$BUNDLE/_internal/$path" ] || { echo "MISSING from the bundle: $path" >&2; missing=1; }
done
# QtNetwork (one window: QLocalServer/QLocalSocket) is an extension module, not in the archive
compgen -G "$BUNDLE/_internal/PySide6/QtNetwork.*so" >/dev/null \
    || { echo "MISSING from the bundle: PySide6.QtNetwork" >&2; missing=1; }
compgen -G "$BUNDLE/_internal/inflow_desk*.*-info" >/dev/null \
    || { echo "MISSING from the bundle: inflow_desk metadata (version)" >&2; missing=1; }
[ "$missing" -eq 0 ] || exit 1

# A desktop entry that starts this very build (copy it to ~/.local/share/applications/).
sed -e "s|^Exec=.*|Exec=\"$(pwd)/$BIN\" %u|" -e "s|^TryExec=.*|TryExec=$(pwd)/$BIN|" \
    -e "s|^Icon=.*|Icon=$(pwd)/$BUNDLE/_internal/resources/icons/inflow-desk-256.png|" \
    resources/inflow-desk.desktop >"$BUNDLE/$NAME.desktop"

# Smoke run: start in demo mode, exit 0 after the first painted frame. Headless without a
# display; HOME/XDG in a scratch folder so the check never touches the builder's profile.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    export QT_QPA_PLATFORM=offscreen
fi
version=$("$BIN" --version)
echo "built: $version"
[ "$version" = "$NAME $("$PY" -c 'import inflow_desk; print(inflow_desk.__version__)')" ] \
    || { echo "the bundle reports '$version', the source tree another version" >&2; exit 1; }
s0=$(date +%s%N)
if ! HOME="$scratch" XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" \
    XDG_CACHE_HOME="$scratch/cache" XDG_STATE_HOME="$scratch/state" \
    timeout 120 "$BIN" --demo --smoke=full; then
    echo "SMOKE RUN FAILED: $BIN --demo --smoke=full" >&2
    find "$scratch" -name '*.log' -exec tail -n 40 {} \; >&2 || true
    exit 1
fi
s1=$(date +%s%N)
echo "smoke run of the bundle: exit 0 in $(((s1 - s0) / 1000000)) ms"
