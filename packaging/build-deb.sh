#!/usr/bin/env bash
# Build a .deb from the PyInstaller one-folder app (dist/inflow-desk/, made by packaging/build.sh)
# that IT installs with `dpkg -i` / `apt install ./inflow-desk_….deb`:
#
#   /opt/inflow-desk/                         the one-folder app (Python and Qt inside)
#   /usr/bin/inflow-desk                      starts it (passes the arguments on: deep links)
#   /usr/share/applications/inflow-desk.desktop   menu entry + x-scheme-handler/inflow-desk
#   /usr/share/icons/hicolor/*/apps/inflow-desk.{png,svg}
#   /etc/xdg/inflow-desk/policy.example.toml  the managed policy, documented (inactive under
#                                             this name: copy it to policy.toml to apply it)
#
#   bash packaging/build-deb.sh                 # -> dist/inflow-desk_<version>_<arch>.deb
#   bash packaging/build-deb.sh --install-test  # then dpkg -i, smoke-run from /usr/bin, dpkg -r
#
# The install test needs root (or sudo) and refuses to run where inflow-desk is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
NAME=inflow-desk
BUNDLE=dist/$NAME
[ -x "$BUNDLE/$NAME" ] || { echo "no $BUNDLE/$NAME: run packaging/build.sh first" >&2; exit 1; }

t0=$(date +%s%N)
raw_version=$("$BUNDLE/$NAME" --version | awk '{print $2}')
version=$(printf '%s' "$raw_version" | tr -c 'A-Za-z0-9.+~\n' '~')  # Debian's version charset
arch=$(dpkg --print-architecture)
DEB=dist/${NAME}_${version}_${arch}.deb
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
root=$stage/root

# The app, without the .desktop file build.sh wrote for the build folder.
install -d "$root/opt/$NAME"
cp -a "$BUNDLE/." "$root/opt/$NAME/"
rm -f "$root/opt/$NAME/$NAME.desktop"

# The command: a script, so the bundle finds its _internal/ folder whatever the caller's cwd.
install -d "$root/usr/bin"
cat >"$root/usr/bin/$NAME" <<'SH'
#!/bin/sh
exec /opt/inflow-desk/inflow-desk "$@"
SH
chmod 0755 "$root/usr/bin/$NAME"

# Menu entry and URL handler (a single URL per launch: %u).
install -d "$root/usr/share/applications"
sed -e "s|^Exec=.*|Exec=/usr/bin/$NAME %u|" -e "s|^TryExec=.*|TryExec=/usr/bin/$NAME|" \
    resources/$NAME.desktop >"$root/usr/share/applications/$NAME.desktop"
grep -q '^MimeType=x-scheme-handler/inflow-desk;' "$root/usr/share/applications/$NAME.desktop" \
    || { echo "the desktop entry does not register inflow-desk://" >&2; exit 1; }
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$root/usr/share/applications/$NAME.desktop"
fi

for png in resources/icons/$NAME-*.png; do
    size=${png##*-}; size=${size%.png}
    install -D -m 0644 "$png" "$root/usr/share/icons/hicolor/${size}x${size}/apps/$NAME.png"
done
install -D -m 0644 resources/$NAME.svg "$root/usr/share/icons/hicolor/scalable/apps/$NAME.svg"
install -D -m 0644 packaging/policy.example.toml "$root/etc/xdg/$NAME/policy.example.toml"
install -D -m 0644 packaging/deb/copyright "$root/usr/share/doc/$NAME/copyright"

install -d "$root/DEBIAN"
size_kb=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s|@VERSION@|$version|" -e "s|@ARCH@|$arch|" -e "s|@SIZE@|$size_kb|" \
    packaging/deb/control >"$root/DEBIAN/control"
# No maintainer scripts: desktop-file-utils and hicolor-icon-theme update the menu, the
# x-scheme-handler cache and the icon cache through their dpkg file triggers, on install and
# on removal; and without a postrm, `dpkg -r` leaves no trace (no "config-files" state).

# gzip -6: xz makes a 20 % smaller file but takes several times longer on CI's 2 CPUs.
dpkg-deb --root-owner-group -Zgzip -z6 --build "$root" "$DEB" >/dev/null
t1=$(date +%s%N)
echo "built $DEB ($(du -h "$DEB" | cut -f1)) in $(((t1 - t0) / 1000000)) ms"
dpkg-deb --info "$DEB" | sed -n '/Package:/,$p' | head -n 4

[ "${1:-}" = "--install-test" ] || exit 0

# ---------------------------------------------------------------- install, smoke-run, remove
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
if dpkg -s "$NAME" >/dev/null 2>&1; then
    echo "$NAME is installed on this machine: not touching it (dpkg -r $NAME first)" >&2
    exit 1
fi
i0=$(date +%s%N)
$SUDO dpkg -i "$DEB" >/dev/null
cleanup() { $SUDO dpkg -r "$NAME" >/dev/null 2>&1 || true; rm -rf "$stage"; }
trap cleanup EXIT
for path in /usr/bin/$NAME /opt/$NAME/$NAME /usr/share/applications/$NAME.desktop \
    /usr/share/icons/hicolor/256x256/apps/$NAME.png /etc/xdg/$NAME/policy.example.toml; do
    [ -e "$path" ] || { echo "not installed: $path" >&2; exit 1; }
done

scratch=$stage/home
mkdir -p "$scratch"
run_installed() {  # headless, HOME/XDG in a scratch folder, the installed command from PATH
    env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME="$scratch" XDG_CONFIG_HOME="$scratch/config" \
        XDG_DATA_HOME="$scratch/data" XDG_CACHE_HOME="$scratch/cache" \
        XDG_CONFIG_DIRS="$stage/xdg" QT_QPA_PLATFORM=offscreen \
        PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring "$@"
}
[ "$(run_installed $NAME --version)" = "$NAME $raw_version" ] || { echo "wrong --version" >&2; exit 1; }
cd /  # the installed app must not depend on the source tree
s0=$(date +%s%N)
if ! run_installed timeout 120 $NAME --demo --smoke=full; then
    echo "SMOKE RUN FAILED: installed $NAME --demo --smoke=full" >&2
    find "$scratch" -name '*.log' -exec tail -n 40 {} \; >&2 || true
    exit 1
fi
s1=$(date +%s%N)
echo "installed $NAME --demo --smoke=full: exit 0 in $(((s1 - s0) / 1000000)) ms"
# The shipped policy example is valid (as policy.toml in a system config folder)...
mkdir -p "$stage/xdg/$NAME"
cp /etc/xdg/$NAME/policy.example.toml "$stage/xdg/$NAME/policy.toml"
run_installed timeout 120 $NAME --demo --smoke >/dev/null \
    || { echo "the installed app refuses the shipped policy example" >&2; exit 1; }
# ...and an invalid policy stops the installed app, naming the file, line and field.
printf 'lock_profiles = "yes"\n' >"$stage/xdg/$NAME/policy.toml"
if out=$(run_installed timeout 120 $NAME --demo --smoke 2>&1); then
    echo "the installed app started with an invalid policy" >&2; exit 1
fi
grep -q "policy.toml, line 1: lock_profiles" <<<"$out" \
    || { echo "no file/line/field in: $out" >&2; exit 1; }
echo "installed app: policy example accepted, invalid policy refused with file/line/field"
cd - >/dev/null

$SUDO dpkg -r "$NAME" >/dev/null
trap 'rm -rf "$stage"' EXIT
if dpkg -s "$NAME" >/dev/null 2>&1; then
    echo "dpkg still knows $NAME after dpkg -r: $(dpkg -s "$NAME" | grep '^Status')" >&2; exit 1
fi
for path in /usr/bin/$NAME /opt/$NAME /usr/share/applications/$NAME.desktop \
    /usr/share/icons/hicolor/256x256/apps/$NAME.png /etc/xdg/$NAME; do
    [ ! -e "$path" ] || { echo "left behind by dpkg -r: $path" >&2; exit 1; }
done
i1=$(date +%s%N)
echo "dpkg -i, smoke runs, dpkg -r: clean, in $(((i1 - i0) / 1000000)) ms"
