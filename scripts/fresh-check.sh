#!/usr/bin/env bash
# The README's two commands on a brand-new Debian 12, as a newcomer meets them: a throw-away
# bookworm root made by debootstrap from Debian's packages (--variant=minbase: nothing but
# the essential packages and apt), a clean clone of COMMIT (default HEAD) in ~/saleskpi,
# and there, inside chroot as root, each command of README.md's first `sh` block, timed.
#   Usage: bash scripts/fresh-check.sh [--keep] [COMMIT]   (as root, else through sudo)
#   --keep leaves the used root in place, for a look at what failed.
# The root's apt reads this machine's Debian sources (its /etc/apt entries with Debian URIs)
# and its Acquire settings (validity checks, proxies); no service starts in it (policy-rc.d).
# The check runs in its own mount and pid namespaces (unshare): its mounts (/proc, /sys,
# /dev, /dev/pts, a tmpfs /dev/shm) are never seen by the host and are unmounted on exit,
# and no process started in the root outlives it. The pristine root is cached as a tarball
# in /var/tmp/saleskpi-fresh (SALESKPI_FRESH_CACHE); each check unpacks it anew into a
# folder there and deletes that folder afterwards.
set -euo pipefail
shopt -s nullglob
self=$(realpath "$0")
cd "$(dirname "$self")/.."

suite=bookworm
chroot_path=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

# Inside the namespaces (run by the part below): mount, run the README's commands, unmount.
if [ "${1:-}" = --in-namespaces ]; then
    root=$2 commit=$3
    mounted=()
    unmount_all() {
        local i
        for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
            umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}"
        done
    }
    trap unmount_all EXIT
    trap 'exit 130' INT TERM
    mount_in_root() {  # mount_in_root TARGET MOUNT-ARGUMENTS...
        mount "${@:2}" "$root$1"
        mounted+=("$root$1")
    }
    mount_in_root /proc -t proc proc
    mount_in_root /sys -t sysfs -o ro sysfs
    mount_in_root /dev --bind /dev
    mount_in_root /dev/pts --bind /dev/pts
    mount_in_root /dev/shm -t tmpfs -o mode=1777,nosuid,nodev tmpfs

    in_root() {  # a login as a newcomer has it: root's home, the default PATH, a UTF-8 locale
        chroot "$root" /usr/bin/env -i HOME=/root USER=root LOGNAME=root SHELL=/bin/bash \
            TERM="${TERM:-dumb}" LANG=C.UTF-8 PATH="$chroot_path" /bin/bash -c "$1"
    }
    packages() { in_root "dpkg-query -W -f='\${Package}\n'" | sort; }

    # The README's set-up commands: the first ```sh block, comments dropped.
    mapfile -t commands < <(awk '/^```sh$/ { inside = 1; next } inside && /^```/ { exit } inside' \
                                "$root/root/saleskpi/README.md" |
                            sed -E 's/[[:space:]]*#.*$//; /^[[:space:]]*$/d')
    if [ ${#commands[@]} -ne 2 ]; then
        echo "README.md's first sh block should hold the two set-up commands, not: ${commands[*]}" >&2
        exit 2
    fi

    summary=()
    failed=0
    for command in "${commands[@]}"; do
        before=$(packages)
        echo "==> $command"
        start=$SECONDS
        if in_root "cd ~/saleskpi && $command"; then status=0; else status=$?; fi
        seconds=$((SECONDS - start))
        new=$(comm -13 <(echo "$before") <(packages) | tr '\n' ' ')
        echo "==> $command: exit $status after $((seconds / 60))m$(printf %02d $((seconds % 60)))s;" \
             "$(wc -w <<< "$new") packages installed: $new"
        summary+=("$(printf '%-32s %s  %2dm%02ds' "$command" \
                     "$([ "$status" -eq 0 ] && echo passed || echo "FAILED (exit $status)")" \
                     $((seconds / 60)) $((seconds % 60)))")
        [ "$status" -eq 0 ] || failed=1
    done
    echo
    echo "Fresh Debian 12 ($suite, debootstrap minbase), commit $commit:"
    printf '  %s\n' "${summary[@]}"
    exit $failed
fi

[ "$(id -u)" -eq 0 ] || exec sudo bash "$self" "$@"
keep=false
if [ "${1:-}" = --keep ]; then keep=true; shift; fi
commit=$(git rev-parse --verify "${1:-HEAD}^{commit}")
cache=${SALESKPI_FRESH_CACHE:-/var/tmp/saleskpi-fresh}
source scripts/private-apt.sh  # debian_mirror; ensure-packages.sh's install_missing
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
install_missing debootstrap debian-archive-keyring
mirror=$(debian_mirror)
mkdir -p "$cache"

# remove_root DIR: deletes a root once no process runs in it, never crossing into a mount.
remove_root() {
    local dir=$1 tries
    for tries in $(seq 60); do
        find /proc -maxdepth 2 -name root -lname "$dir*" 2>/dev/null | grep -q . || break
        sleep 1
    done
    if grep -qF " $dir" /proc/self/mounts ||
       find /proc -maxdepth 2 -name root -lname "$dir*" 2>/dev/null | grep -q .; then
        echo "Left $dir in place: something still runs or is mounted in it" >&2
        return 1
    fi
    rm -rf --one-file-system "$dir"
}

# The pristine root, made once per mirror (debootstrap in a mount namespace of its own: the
# /proc and /sys it mounts in the target never reach the host, also when it fails).
tarball="$cache/$suite-minbase.tar"
if [ "$(cat "$tarball.mirror" 2>/dev/null)" != "$mirror" ]; then
    echo "Making the pristine $suite root from $mirror (debootstrap --variant=minbase)"
    pristine="$cache/pristine"
    [ ! -e "$pristine" ] || remove_root "$pristine"
    start=$SECONDS
    unshare --mount --propagation private \
        debootstrap --variant=minbase --keyring="$keyring" "$suite" "$pristine" "$mirror"
    tar -C "$pristine" --numeric-owner -cf "$tarball.tmp" .
    mv "$tarball.tmp" "$tarball"
    echo "$mirror" > "$tarball.mirror"
    remove_root "$pristine"
    echo "Pristine root: $tarball ($((SECONDS - start)) s)"
fi

work=$(mktemp -d "$cache/run.XXXXXX")
root="$work/root"
finish() {
    if $keep; then echo "The root stays in $root"; else remove_root "$work"; fi
}
trap finish EXIT
mkdir "$root"
tar -C "$root" --numeric-owner -xpf "$tarball"

# A clean clone of the commit, as a newcomer gets it (nothing uncommitted, no build tree).
git clone -q --no-hardlinks --no-checkout "$(git rev-parse --path-format=absolute --git-common-dir)" \
    "$root/root/saleskpi"
git -C "$root/root/saleskpi" checkout -q --detach "$commit"

# This machine's Debian sources: one-line entries and deb822 stanzas whose URI is Debian's
# (.../debian or .../debian-security); debootstrap's own line when there are none.
debian_uri='https?://[^ ]+/debian(-security)?/?( |$)'
one_line=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
           grep -E "^[[:space:]]*deb([[:space:]]+\[[^]]*\])?[[:space:]]+$debian_uri" || true)
stanzas=$(awk -v RS= -v ORS='\n\n' -v uri="$debian_uri" '{
              n = split($0, lines, "\n")
              for (i = 1; i <= n; i++) if (lines[i] ~ /^URIs:/ && lines[i] ~ uri) { print; next }
          }' /dev/null /etc/apt/sources.list.d/*.sources)
if [ -n "$one_line$stanzas" ]; then
    echo "$one_line" > "$root/etc/apt/sources.list"
    echo "$stanzas" > "$root/etc/apt/sources.list.d/debian.sources"
fi
apt-config dump | grep -E '^Acquire::(Check-Valid-Until|Check-Date|https?::Proxy) ' \
    > "$root/etc/apt/apt.conf.d/99this-machine" || true
cp /etc/resolv.conf "$root/etc/resolv.conf"
[ -s "$root/etc/hosts" ] || printf '127.0.0.1\tlocalhost\n::1\t\tlocalhost\n' > "$root/etc/hosts"
printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"
chmod +x "$root/usr/sbin/policy-rc.d"

echo "Fresh root in $root, commit $commit; its apt sources:"
cat "$root/etc/apt/sources.list" "$root"/etc/apt/sources.list.d/* 2>/dev/null | { grep -vE '^[[:space:]]*(#|$)' || true; } | sed 's/^/    /'
unshare --mount --pid --fork --propagation private bash "$self" --in-namespaces "$root" "$commit"
