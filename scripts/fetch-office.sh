#!/usr/bin/env bash
# LibreOffice 25.2 from Debian's bookworm-backports, unpacked into build/office-25.2/root
# beside the system 7.4. A private apt configuration: /etc/apt, dpkg's database and
# /usr/lib/libreoffice stay untouched. Downloads are cached in build/office-25.2/apt; a
# second run does nothing.  Usage: scripts/fetch-office.sh [DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/private-apt.sh
# The Dutch language pack: the tests run a Dutch UI (its template folder is $(vlang)).
packages=(libreoffice-calc-nogui libreoffice-core-nogui libreoffice-common libreoffice-base-core
          libreoffice-uiconfig-common libreoffice-uiconfig-calc libreoffice-style-colibre
          ure uno-libs-private libuno-sal3 libuno-salhelpergcc3-3 libuno-cppu3
          libuno-cppuhelpergcc3-3 libuno-purpenvhelpergcc3-3 python3-uno fonts-opensymbol
          libreoffice-l10n-nl)
# Libraries 25.2's libmergedlo.so links that neither the system's 7.4 nor the packages above
# bring (a fresh Debian 12 has no libargon2): from bookworm, linked beside soffice.bin below.
libraries=(libzxcvbn0 libargon2-1)
private_apt_setup "${1:-build/office-25.2}" amd64 "${packages[@]}" "${libraries[@]}"  # exits if done
options=("${apt_options[@]}")

debs="$apt/debs"
mkdir -p "$debs"
if [ "$(cat "$debs/.complete" 2>/dev/null)" != "$stamp" ]; then
    echo "Fetching LibreOffice 25.2 (bookworm-backports, ~70 MB)"
    apt-get "${options[@]}" -qq update
    (cd "$debs" && apt-get "${options[@]}" -qq download \
        "${packages[@]/%//bookworm-backports}" "${libraries[@]/%//bookworm}")
    echo "$stamp" > "$debs/.complete"
fi

rm -rf "$root"
mkdir -p "$root"
for deb in "$debs"/*.deb; do dpkg-deb -x "$deb" "$root"; done

# Debian wires the office to /usr/lib/libreoffice, /etc and /var: point it at itself.
lo="$root/usr/lib/libreoffice"
sed -i 's|^BRAND_BASE_DIR=.*|BRAND_BASE_DIR=${ORIGIN}/..|' "$lo/program/fundamentalrc"
sed -i '/^FHS_CONFIG_FILE=/d' "$lo/program/sofficerc"
sed -i 's|^UserInstallation=.*|UserInstallation=$SYSUSERCONFIG/saleskpi-office-25.2|' "$lo/program/bootstraprc"
sed -i "s|/usr/lib/libreoffice/program|$lo/program|g" "$lo/program/unopkg" \
    "$root/usr/lib/python3/dist-packages/uno.py"
rm -f "$lo/share/registry/main.xcd" "$lo/share/uno_packages/cache" "$lo/share/prereg/bundled"
ln -s ../.registry/main.xcd "$lo/share/registry/main.xcd"
mkdir -p "$lo/share/uno_packages/cache" "$lo/share/prereg/bundled"
# Libraries the office has in other packages' folders go beside soffice.bin ($ORIGIN).
for library in "$root"/usr/lib/x86_64-linux-gnu/*.so.*; do
    [ -e "$lo/program/${library##*/}" ] || ln -sr "$library" "$lo/program/"
done
echo "$stamp" > "$root/.complete"
echo "LibreOffice 25.2 in $lo"
