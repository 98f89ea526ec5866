#!/usr/bin/env python3
"""Checks that the minimums saleskpi states are what the built library needs: the highest
GLIBC_, GLIBCXX_ and CXXABI_ symbol versions objdump -T lists equal the stated ones (newer
would break on the systems we claim; older means the claim is stale), the LibreOffice UNO
symbol versions (LIBO_UDK_x.y) are not newer than description.xml's minimal version, and
the README states each minimum. OBJDUMP in the environment names a cross build's objdump.

    check_minimums.py LIBRARY DESCRIPTION_XML README LIBREOFFICE GLIBC GLIBCXX CXXABI"""
import os
import re
import subprocess
import sys

from elfcheck import report


def version(text):
    return tuple(int(part) for part in text.split("."))


def needed(library):
    """{'GLIBC': (2, 29), 'GLIBCXX': (3, 4, 29), ...}: the highest version of each prefix."""
    dump = subprocess.run([os.environ.get("OBJDUMP", "objdump"), "-T", library], check=True, capture_output=True, text=True).stdout
    result = {}
    for prefix, number in re.findall(r"\b(GLIBC|GLIBCXX|CXXABI|LIBO_UDK)_([0-9.]+)\b", dump):
        result[prefix] = max(result.get(prefix, ()), version(number))
    return result


def main(library, description, readme, libreoffice, glibc, glibcxx, cxxabi):
    failures = []
    found = needed(library)
    print("needs", {prefix: ".".join(map(str, v)) for prefix, v in sorted(found.items())})
    for prefix, stated in [("GLIBC", glibc), ("GLIBCXX", glibcxx), ("CXXABI", cxxabi)]:
        if found.get(prefix) != version(stated):
            failures.append(f"{prefix}: the library needs {found.get(prefix)}, stated {stated}")
    if found.get("LIBO_UDK", ()) > version(libreoffice):
        failures.append(f"LIBO_UDK_{found['LIBO_UDK']} is newer than LibreOffice {libreoffice}")
    with open(description, encoding="utf-8") as f:
        minimal = re.search(r'LibreOffice-minimal-version[^>]*lo:value="([0-9.]+)"', f.read())
    if not minimal or minimal.group(1) != libreoffice:
        failures.append(f"description.xml's minimal version is not {libreoffice}")
    with open(readme, encoding="utf-8") as f:
        text = f.read()
    for claim in [f"LibreOffice {libreoffice}", f"glibc {glibc}", f"GLIBCXX_{glibcxx}", f"CXXABI_{cxxabi}"]:
        if claim not in text:
            failures.append(f"the README does not say '{claim}'")
    return report(failures)


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
