#!/usr/bin/env python3
"""Merges single-platform builds of saleskpi.oxt into one .oxt for all their platforms.

    merge-oxt.py OUTPUT FIRST.oxt OTHER.oxt...

Each input is the .oxt of one build (cmake/Platform.cmake put its platform token in its
description.xml and manifest). The output holds the files of FIRST that are the same on
every platform, and for each input its .components file and the library that file names,
in a folder named by its token: linux_x86_64/saleskpi.components, linux_x86_64/saleskpi.uno.so,
linux_aarch64/..., windows_x86_64/saleskpi.uno.dll. A .components file names its library
relative to itself, so each keeps naming its own. The manifest gets one uno-components entry
per platform (LibreOffice registers only the one of its own platform); description.xml
lists every token. The type library and the configuration must be identical in all inputs:
they are the interface every library implements."""
import posixpath
import re
import sys
import zipfile

MANIFEST = "META-INF/manifest.xml"
DESCRIPTION = "description.xml"
COMPONENTS_TYPE = "application/vnd.sun.star.uno-components"
ENTRY = re.compile(r'<manifest:file-entry\s+manifest:full-path="([^"]+)"\s+manifest:media-type="([^"]+)"\s*/>')
PLATFORM = re.compile(r'<platform value="([^"]*)"\s*/>')
SHARED_TYPES = ("application/vnd.sun.star.uno-typelibrary", "application/vnd.sun.star.configuration-data")


class Build:
    """One single-platform .oxt: its token, its .components file and its libraries."""

    def __init__(self, path):
        self.path = path
        with zipfile.ZipFile(path) as oxt:
            self.files = {info.filename: oxt.read(info) for info in oxt.infolist() if not info.is_dir()}
        self.manifest = self.files[MANIFEST].decode("utf-8")
        self.description = self.files[DESCRIPTION].decode("utf-8")
        tokens = PLATFORM.findall(self.description)
        if len(tokens) != 1 or "," in tokens[0] or not tokens[0]:
            raise SystemExit(f"{path}: not a single-platform build (platform {tokens})")
        self.token = tokens[0]
        self.entries = ENTRY.findall(self.manifest)
        components = [(name, kind) for name, kind in self.entries if kind.startswith(COMPONENTS_TYPE)]
        if len(components) != 1:
            raise SystemExit(f"{path}: expected one uno-components entry, found {components}")
        self.components, self.components_type = components[0]
        if self.components_type.lower() != f"{COMPONENTS_TYPE};platform={self.token}".lower():
            raise SystemExit(f"{path}: manifest platform {self.components_type} is not {self.token}")
        text = self.files[self.components].decode("utf-8")
        self.libraries = re.findall(r'\buri="([^"]+)"', text)
        base = posixpath.dirname(self.components)
        for library in self.libraries:
            if posixpath.join(base, library) not in self.files:
                raise SystemExit(f"{path}: {self.components} names {library}, which is not in the .oxt")

    def platform_files(self):
        base = posixpath.dirname(self.components)
        return {self.components} | {posixpath.join(base, library) for library in self.libraries}

    def shared(self):
        """Names of the files every platform must have alike (type library, configuration)."""
        return {name for name, kind in self.entries if kind.startswith(SHARED_TYPES)}


def merge(output, paths):
    builds = [Build(path) for path in paths]
    first = builds[0]
    tokens = [build.token for build in builds]
    if len(set(tokens)) != len(tokens):
        raise SystemExit(f"the same platform twice: {tokens}")
    for build in builds[1:]:
        if PLATFORM.sub("", build.description) != PLATFORM.sub("", first.description):
            raise SystemExit(f"{build.path}: description.xml differs from {first.path} (another version?)")
        for name in first.shared() | build.shared():
            if first.files.get(name) != build.files.get(name):
                raise SystemExit(f"{build.path}: {name} differs from {first.path}")

    files = {name: data for name, data in first.files.items()
             if name not in first.platform_files() and name not in (MANIFEST, DESCRIPTION)}
    entries = []
    for build in builds:
        base = posixpath.dirname(build.components)
        for name in sorted(build.platform_files()):
            files[posixpath.join(build.token, posixpath.relpath(name, base or "."))] = build.files[name]
        entries.append(f'  <manifest:file-entry manifest:full-path="{build.token}/{posixpath.basename(build.components)}"\n'
                       f'                       manifest:media-type="{build.components_type}"/>')

    def one_entry_per_platform(match):
        return "\n".join(entries)[2:] if match.group(1) == first.components else match.group(0)

    files[MANIFEST] = ENTRY.sub(one_entry_per_platform, first.manifest).encode("utf-8")
    files[DESCRIPTION] = PLATFORM.sub(f'<platform value="{",".join(tokens)}"/>', first.description).encode("utf-8")

    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as oxt:
        for name in sorted(files, key=lambda n: (n != MANIFEST, n)):
            oxt.writestr(name, files[name])
    print(f"{output}: {', '.join(tokens)}")


if __name__ == "__main__":
    if len(sys.argv) < 4:
        raise SystemExit(__doc__)
    merge(sys.argv[1], sys.argv[2:])
