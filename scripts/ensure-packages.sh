# Sourced by the scripts: installs the Debian/Ubuntu packages saleskpi needs, when missing.
ensure_packages() {
    local wanted=(cmake make g++ python3 python3-uno libreoffice-dev libgtest-dev librsvg2-bin poppler-utils "$@")
    local missing=()
    for package in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" ||
            missing+=("$package")
    done
    # Calc itself: the full desktop package or the headless one both do.
    if ! dpkg-query -W -f='${Status}' libreoffice-calc 2>/dev/null | grep -q "ok installed" &&
       ! dpkg-query -W -f='${Status}' libreoffice-calc-nogui 2>/dev/null | grep -q "ok installed"; then
        missing+=(libreoffice-calc-nogui)
    fi
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
