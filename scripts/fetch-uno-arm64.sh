#!/usr/bin/env bash
# The arm64 UNO runtime libraries of LibreOffice 7.4 (Debian bookworm, the version of the
# system SDK the headers come from), unpacked into build/uno-arm64/root to link the
# aarch64 cross build against. A private apt configuration (scripts/private-apt.sh): no
# dpkg architecture is added and nothing is installed. Cached; a second run does nothing.
#   Usage: scripts/fetch-uno-arm64.sh [DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/private-apt.sh
# The libraries the component links (sal, cppu, cppuhelper) and the ones they need.
packages=(libuno-sal3 libuno-cppu3 libuno-cppuhelpergcc3-3 libuno-salhelpergcc3-3
          libuno-purpenvhelpergcc3-3 uno-libs-private)
private_apt_setup "${1:-build/uno-arm64}" arm64 "${packages[@]}"  # exits if done

debs="$apt/debs"
mkdir -p "$debs"
if [ "$(cat "$debs/.complete" 2>/dev/null)" != "$stamp" ]; then
    echo "Fetching the arm64 UNO libraries of LibreOffice 7.4 (~5 MB)"
    apt-get "${apt_options[@]}" -qq update
    (cd "$debs" && apt-get "${apt_options[@]}" -qq download "${packages[@]/%//bookworm}")
    echo "$stamp" > "$debs/.complete"
fi
rm -rf "$root"
mkdir -p "$root"
for deb in "$debs"/*.deb; do dpkg-deb -x "$deb" "$root"; done
echo "$stamp" > "$root/.complete"
echo "arm64 UNO libraries in $root/usr/lib/libreoffice/program"
