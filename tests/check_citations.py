#!/usr/bin/env python3
"""Every file of the repository cites only what the repository holds.

    check_citations.py SOURCE_DIR

Reads the files git tracks under SOURCE_DIR (or, outside a git checkout, every file but
build trees and hidden folders) and fails, naming file and line, on
- a path of a build machine: an absolute path into a home or work folder;
- a path into a folder beside the repository (`../` then `shared/`), or a `../` path that
  leaves the repository from the citing file's folder;
- a Markdown document that the repository does not have (a rules document of another
  project, a note kept elsewhere);
- a link to a section of one of our Markdown documents (`rules.md#errors`, or `(#errors)`
  inside the document) whose heading does not exist, so code comments that cite
  docs/rules.md keep pointing somewhere.
"""
import os
import re
import subprocess
import sys

# Written so that this file does not match its own patterns.
MACHINE_PATH = re.compile(r"(?<![\w.~/-])/(?:work|home|root|Users|mnt)/[\w.-][\w./-]*")
BESIDE = re.compile(r"(?:\.\./)+shared\b")
PARENT_PATH = re.compile(r"(?<![\w.])(?:\.\./)+[\w.-]*")
MARKDOWN = re.compile(r"(?<![\w./:-])[\w./-]*?([\w-]+\.md)\b")
SECTION = re.compile(r"(?<![\w.-])([\w./-]*?[\w-]+\.md)#([\w-]+)")
OWN_SECTION = re.compile(r"\]\(#([\w-]+)\)")  # [text](#anchor) inside a Markdown document
HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$")


def tracked_files(root):
    try:
        listing = subprocess.run(["git", "-C", root, "ls-files", "-z"], check=True,
                                 capture_output=True).stdout
        return [name for name in listing.decode("utf-8").split("\0") if name]
    except (OSError, subprocess.CalledProcessError):
        files = []
        for folder, subfolders, names in os.walk(root):
            subfolders[:] = [d for d in subfolders if not d.startswith(".")
                             and not os.path.exists(os.path.join(folder, d, "CMakeCache.txt"))]
            files += [os.path.relpath(os.path.join(folder, n), root) for n in names]
        return files


def text_of(path):
    with open(path, "rb") as f:
        data = f.read()
    if b"\0" in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def slug(heading):
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[`*_\[\]()]", lambda m: "_" if m.group() == "_" else "", heading)
    return re.sub(r"[^\w\- ]", "", text.lower()).replace(" ", "-")


def anchors(text):
    seen = {}
    result = set()
    fenced = False
    for line in text.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        match = None if fenced else HEADING.match(line)
        if match:
            base = slug(match.group(1))
            count = seen.get(base, 0)
            seen[base] = count + 1
            result.add(base if count == 0 else f"{base}-{count}")
    return result


def problems(root, files):
    by_name = {}
    for name in files:
        by_name.setdefault(os.path.basename(name), []).append(name)
    headings = {}

    def sections_of(citing, document):
        """The anchors of the Markdown file a citation names, or None when it names none."""
        candidates = [os.path.normpath(os.path.join(os.path.dirname(citing), document)),
                      os.path.normpath(document)]
        candidates += by_name.get(os.path.basename(document), [])
        for candidate in candidates:
            if candidate in files:
                if candidate not in headings:
                    headings[candidate] = anchors(text_of(os.path.join(root, candidate)) or "")
                return candidate, headings[candidate]
        return None

    found = []
    files = set(files)
    for name in sorted(files):
        text = text_of(os.path.join(root, name))
        if text is None:
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            where = f"{name}:{number}"
            for match in MACHINE_PATH.finditer(line):
                found.append(f"{where}: a path of a build machine: {match.group()}")
            for match in BESIDE.finditer(line):
                found.append(f"{where}: a folder beside the repository: {match.group()}")
            for match in PARENT_PATH.finditer(line):
                target = os.path.normpath(os.path.join(os.path.dirname(name), match.group()))
                if target == ".." or target.startswith("../"):
                    found.append(f"{where}: leaves the repository: {match.group()}")
            for match in MARKDOWN.finditer(line):
                if match.group(1) not in by_name:
                    found.append(f"{where}: no such document in the repository: {match.group()}")
            citations = [match.groups() for match in SECTION.finditer(line)]
            if name.endswith(".md"):
                citations += [(name, anchor) for anchor in OWN_SECTION.findall(line)]
            for document, anchor in citations:
                known = sections_of(name, document)
                if known and anchor not in known[1]:
                    found.append(f"{where}: {known[0]} has no section #{anchor}")
    return found


def main(argv):
    if len(argv) != 2:
        sys.exit(__doc__)
    root = os.path.abspath(argv[1])
    files = tracked_files(root)
    found = problems(root, files)
    for problem in found:
        print(problem)
    print(f"{len(files)} files read, {len(found)} citations outside the repository or to no section")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
