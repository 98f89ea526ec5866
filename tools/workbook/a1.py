"""A1 cell addresses, the one place that counts columns: B6 <-> (row 5, column 1), the
absolute form ($B$6) and ODF's range addresses."""
import re

_CELL = re.compile(r"\$?([A-Z]+)\$?(\d+)")
_RELATIVE = re.compile(r"([A-Z]+)(\d+)")


def column_name(index):
    """0 -> A, 25 -> Z, 26 -> AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def column_index(name):
    """A -> 0, Z -> 25, AA -> 26 (upper-case letters)."""
    index = 0
    for char in name:
        index = index * 26 + ord(char) - ord("A") + 1
    return index - 1


def parse_cell(ref):
    """'B6' (or '$B$6') -> (row 5, column 1)."""
    match = _CELL.fullmatch(ref)
    if not match:
        raise ValueError(f"not a cell reference: {ref!r}")
    return int(match.group(2)) - 1, column_index(match.group(1))


def absolute_ref(ref):
    """'C8' -> '$C$8', 'C8:C20' -> '$C$8:$C$20'."""
    return ":".join(_RELATIVE.sub(r"$\1$\2", part) for part in ref.split(":"))


def range_address(sheet, ref):
    """ODF's plain range address, as charts, conditional formats and print ranges use it:
    ('Activity', 'B6:B10') -> 'Activity.B6:Activity.B10'."""
    parts = [part.replace("$", "") for part in ref.split(":")]
    return ":".join(f"{sheet}.{part}" for part in parts)


def absolute_range(sheet, ref):
    """ODF's absolute range address, as a named range uses it:
    ('Deals', 'C5:C20') -> '$Deals.$C$5:.$C$20'."""
    first, *last = absolute_ref(ref).split(":")
    return f"${sheet}." + first + "".join(f":.{part}" for part in last)
