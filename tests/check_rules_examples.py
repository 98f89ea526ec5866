#!/usr/bin/env python3
"""The examples of docs/rules.md are the catalogue's, with the catalogue's results.

    check_rules_examples.py CATALOGUE RULES

Every table row "| `=FORMULA` | RESULT |" of the page must be an example of the catalogue
(the same formula, character for character) showing the result the catalogue gives, written
as docs/functions.md writes it. The core's unit tests and real Calc compute every example of
the catalogue, so they check the page's numbers too. Needs the tools folder on PYTHONPATH.
"""
import re
import sys

from catalogue.generate import format_result
from catalogue.model import load

ROW = re.compile(r"^\| `=(.+)` \| (.+?) \|$")


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    results = {example["formula"]: format_result(example["result"])
               for function in load(argv[1])["functions"] for example in function["examples"]}
    with open(argv[2], encoding="utf-8") as f:
        rows = [(number, *match.groups()) for number, line in enumerate(f, start=1)
                if (match := ROW.match(line.rstrip("\n")))]
    problems = []
    for number, formula, shown in rows:
        if formula not in results:
            problems.append(f"{argv[2]}:{number}: not an example of the catalogue: ={formula}")
        elif results[formula] != shown:
            problems.append(f"{argv[2]}:{number}: ={formula} gives {results[formula]}, not {shown}")
    if not rows:
        problems.append(f"{argv[2]}: no example row found (| `=FORMULA` | RESULT |)")
    print("\n".join(problems + [f"{len(rows)} examples read, {len(problems)} wrong"]))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
