#!/usr/bin/env bash
# Install the built bundle for one user (default) or system-wide (PREFIX=/usr/local, as root):
# the app folder, a command on PATH, the desktop entry, the prompt-file types, the AppStream
# metadata and the icons. Run from the checkout after `make package`.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PREFIX="${PREFIX:-$HOME/.local}"
BUNDLE="${BUNDLE:-$ROOT/dist/batch-image-generator}"
ID=io.github.batchimagegenerator
[ -x "$BUNDLE/batch-image-generator" ] || { echo "no bundle at $BUNDLE: run make package" >&2; exit 1; }

mkdir -p "$PREFIX/lib" "$PREFIX/bin" "$PREFIX/share/applications" "$PREFIX/share/mime/packages" \
         "$PREFIX/share/metainfo"
rm -rf "$PREFIX/lib/batch-image-generator"
cp -a "$BUNDLE" "$PREFIX/lib/batch-image-generator"
ln -sf "$PREFIX/lib/batch-image-generator/batch-image-generator" "$PREFIX/bin/batch-image-generator"
install -m 0644 "$HERE/batch-image-generator.desktop" "$PREFIX/share/applications/"
install -m 0644 "$HERE/$ID.xml" "$PREFIX/share/mime/packages/"
install -m 0644 "$HERE/$ID.metainfo.xml" "$PREFIX/share/metainfo/"
for size in 16 24 32 48 64 128 256 512; do
  dir="$PREFIX/share/icons/hicolor/${size}x${size}/apps"
  mkdir -p "$dir"
  install -m 0644 "$ROOT/resources/icons/app-$size.png" "$dir/$ID.png"
done
mkdir -p "$PREFIX/share/icons/hicolor/scalable/apps"
install -m 0644 "$ROOT/resources/icons/app.svg" "$PREFIX/share/icons/hicolor/scalable/apps/$ID.svg"

command -v update-mime-database >/dev/null && update-mime-database "$PREFIX/share/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$PREFIX/share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$PREFIX/share/icons/hicolor" || true
echo "installed into $PREFIX (run: batch-image-generator)"
