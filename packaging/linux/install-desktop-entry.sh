#!/bin/sh
# Add Torch Setup Wizard to the desktop's application menu, for this user only (no root needed).
# Run it from the unpacked app folder:  ./install-desktop-entry.sh      Undo:  ./install-desktop-entry.sh --remove
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
apps="$data/applications"
icons="$data/icons/hicolor"
entry="$apps/torch-setup-wizard.desktop"

if [ "${1:-}" = "--remove" ]; then
    rm -f "$entry"
    for size in 16 24 32 48 64 128 256 512; do rm -f "$icons/${size}x${size}/apps/torch-setup-wizard.png"; done
    echo "Removed $entry"
    exit 0
fi

mkdir -p "$apps"
for size in 16 24 32 48 64 128 256 512; do
    if [ -f "$here/icons/app-$size.png" ]; then
        mkdir -p "$icons/${size}x${size}/apps"
        cp "$here/icons/app-$size.png" "$icons/${size}x${size}/apps/torch-setup-wizard.png"
    fi
done
# The Exec line needs the absolute path, quoted (the folder may have spaces) and escaped as the Desktop
# Entry spec says: \ -> \\\\, " ` $ -> \\" \\` \\$ (string escape, then quoting), % -> %%.
escaped=$(printf '%s' "$here/torch-setup-wizard" | sed -e 's/\\/\\\\\\\\/g' -e 's/["`$]/\\\\&/g' -e 's/%/%%/g')
while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
        Exec=*) printf 'Exec="%s"\n' "$escaped" ;;
        *) printf '%s\n' "$line" ;;
    esac
done < "$here/torch-setup-wizard.desktop" > "$entry"
chmod 644 "$entry"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$icons" || true
echo "Added $entry"
