#!/usr/bin/env python3
"""Checks a multi-platform saleskpi .oxt (scripts/merge-oxt.py): description.xml lists the
platforms of the single-platform builds it came from, in order; for each, the manifest has one uno-components entry of that platform,
its .components file names a library in its own folder, and that library is built for the
platform's machine (readelf -h).

    check_merged.py MERGED_OXT SINGLE_PLATFORM_OXT..."""
import os
import re
import sys
import tempfile
import zipfile

from elfcheck import MACHINES, machine, report


def token(path):
    with zipfile.ZipFile(path) as oxt:
        return re.search(r'<platform value="([^"]*)"', oxt.read("description.xml").decode("utf-8")).group(1)


def main(path, *inputs):
    tokens = [token(single) for single in inputs]
    failures = []
    with zipfile.ZipFile(path) as oxt:
        files = {name: oxt.read(name) for name in oxt.namelist()}
    description = files["description.xml"].decode("utf-8")
    listed = re.findall(r'<platform value="([^"]*)"', description)
    if listed != [",".join(tokens)]:
        failures.append(f"description.xml lists {listed}, expected {','.join(tokens)}")
    manifest = files["META-INF/manifest.xml"].decode("utf-8")
    entries = re.findall(r'full-path="([^"]+)"\s+manifest:media-type="application/vnd.sun.star.uno-components;platform=([^"]+)"', manifest)
    if sorted(platform.lower() for _, platform in entries) != sorted(tokens):
        failures.append(f"manifest components entries {entries}")
    for components, platform in entries:
        folder = os.path.dirname(components)
        if folder != platform.lower():
            failures.append(f"{components} is not in the folder {platform.lower()}")
        for uri in re.findall(r'\buri="([^"]+)"', files[components].decode("utf-8")):
            library = f"{folder}/{uri}"
            if "/" in uri or library not in files:
                failures.append(f"{components} names {uri}, not a library of its own folder")
                continue
            with tempfile.NamedTemporaryFile() as f:
                f.write(files[library])
                f.flush()
                found = machine(f.name)
            print(f"{library}: {found}")
            if MACHINES.get(found) != platform.lower().split("_", 1)[1]:
                failures.append(f"{library} is built for {found}, not {platform}")
    return report(failures)


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
