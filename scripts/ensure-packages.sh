# Sourced by the scripts: installs the Debian/Ubuntu packages saleskpi needs, when missing.
# apt-get runs with --no-install-recommends, so every package a script needs is named here
# (what the build, the tests and the main job all need) or by the script that sources this.
SALESKPI_PACKAGES=(
    cmake make g++ python3  # the build; tools/ are plain python3
    libreoffice-dev         # the SDK: unoidl-write, cppumaker, the UNO headers and libraries
    python3-uno             # the office's Python bridge: Calc tests, the main job, thumbnails
    libgtest-dev            # the unit tests
    librsvg2-bin            # rsvg-convert: the extension's icon
    poppler-utils           # pdftoppm: the templates' thumbnails, build/team-kpis.png
    # Liberation Sans, Calc's default font (libreoffice-common only recommends it): the
    # workbook's column widths are measured with it; DejaVu, all a bare system has, is wider.
    fonts-liberation2
)

# ensure_packages [PACKAGE...]: the packages above, Calc and the ones given.
ensure_packages() {
    local wanted=("${SALESKPI_PACKAGES[@]}" "$@")
    # Calc itself: the full desktop package or the headless one both do.
    if ! installed libreoffice-calc && ! installed libreoffice-calc-nogui; then
        wanted+=(libreoffice-calc-nogui)
    fi
    install_missing "${wanted[@]}"
}

installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed"
}

# install_missing PACKAGE...: only the packages given, those not installed yet.
install_missing() {
    local missing=()
    for package in "$@"; do
        installed "$package" || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=900 update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=900 install -y -qq \
        --no-install-recommends "${missing[@]}"
}
