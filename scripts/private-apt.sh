# Sourced by the fetch scripts (from the repository root): a private apt configuration in a
# folder of the build tree, so downloads leave /etc/apt, dpkg's database and the system's
# packages untouched.
#   private_apt_setup DIR ARCH PACKAGE...   exits the script if a previous run completed
#   DIR/root with these packages; else sets dir and root (DIR/root, for the unpacked
#   packages), apt (DIR/apt, the configuration and download cache), stamp (the package list:
#   what DIR/root/.complete and DIR/apt/debs/.complete hold once done, so a changed list
#   fetches again) and the array apt_options (bookworm + bookworm-backports)
#   debian_mirror                           prints the Debian mirror this system uses
source scripts/ensure-packages.sh

# The Debian mirror the system already uses (its first .../debian URI), else deb.debian.org.
debian_mirror() {
    local mirror
    mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null |
             grep -oE 'https?://[^ ]+/debian/?( |$)' | head -n1 | tr -d ' ' || true)
    mirror=${mirror%/}
    echo "${mirror:-http://deb.debian.org/debian}"
}

private_apt_setup() {
    dir=$(realpath -m "$1")
    root="$dir/root"
    stamp="${*:3}"
    [ "$(cat "$root/.complete" 2>/dev/null)" = "$stamp" ] && exit 0
    ensure_packages debian-archive-keyring  # the key the private apt checks the archive with
    apt="$dir/apt"
    local arch=$2
    local mirror
    mirror=$(debian_mirror)
    mkdir -p "$apt/lists/partial" "$apt/archives/partial" "$apt/parts" "$apt/prefs"
    : > "$apt/status"
    local keyring=/usr/share/keyrings/debian-archive-keyring.gpg
    cat > "$apt/sources.list" <<SOURCES
deb [arch=$arch signed-by=$keyring] $mirror bookworm main
deb [arch=$arch signed-by=$keyring] $mirror bookworm-backports main
SOURCES
    apt_options=(-o "Dir::Etc::SourceList=$apt/sources.list" -o "Dir::Etc::SourceParts=$apt/parts"
                 -o "Dir::Etc::Preferences=$apt/prefs/none" -o "Dir::Etc::PreferencesParts=$apt/prefs"
                 -o "Dir::State=$apt" -o "Dir::State::Lists=$apt/lists" -o "Dir::State::status=$apt/status"
                 -o "Dir::Cache=$apt" -o "Dir::Cache::Archives=$apt/archives"
                 -o "APT::Architecture=$arch" -o "APT::Architectures=$arch"
                 -o "APT::Get::List-Cleanup=false" -o "Debug::NoLocking=true"
                 -o "APT::Sandbox::User=$(id -un)")
    echo "Private apt for $arch from $mirror in $apt"
}
