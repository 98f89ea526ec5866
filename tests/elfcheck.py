"""What the library checks (check_*.py beside this file) share: one machine table and one
report, so they cannot drift apart. Python puts a script's own folder on sys.path."""
import re
import subprocess

# readelf's Machine: -> the processor part of LibreOffice's platform token.
MACHINES = {"Advanced Micro Devices X86-64": "x86_64", "AArch64": "aarch64", "Intel 80386": "x86"}


def machine(library, readelf="readelf"):
    """The Machine: readelf -h gives for LIBRARY, e.g. 'AArch64'."""
    header = subprocess.run([readelf, "-h", library], check=True, capture_output=True, text=True).stdout
    return re.search(r"Machine:\s*(.+)", header).group(1).strip()


def report(failures, where=""):
    """Prints FAILURES and a verdict; the exit code CTest reads: 1 on any failure."""
    for failure in failures:
        print(f"FAIL: {failure}")
    print("ok" if not failures else f"{len(failures)} problem(s){where}")
    return 1 if failures else 0
