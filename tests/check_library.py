#!/usr/bin/env python3
"""Checks the built component library: it exports only the UNO constructor, it is
hardened (full RELRO, stack protector; _FORTIFY_SOURCE is enforced where the component
is compiled, addin/component.cxx, as no fortifiable libc call remains), it imports nothing
that does file, network or process I/O (it runs inside the user's office), it is built for
the expected machine and needs only the UNO runtime and the C/C++ runtime libraries.

It is also built for the processor the .oxt's platform token names (cmake/Platform.cmake).

    check_library.py LIBRARY EXPORTED_SYMBOL PLATFORM_TOKEN
NM and READELF in the environment name the binutils for a cross build (default: nm, readelf)."""
import os
import subprocess
import sys

from elfcheck import MACHINES, machine, report

# All the component may link: UNO's C and C++ runtime, and the compiler's.
ALLOWED_NEEDED = {"libuno_sal.so.3", "libuno_cppu.so.3", "libuno_cppuhelpergcc3.so.3",
                  "libstdc++.so.6", "libm.so.6", "libgcc_s.so.1", "libc.so.6"}
REQUIRED_NEEDED = {"libuno_sal.so.3", "libuno_cppu.so.3", "libuno_cppuhelpergcc3.so.3"}


# libc and UNO runtime (osl) entry points that touch files, sockets, processes or libraries.
IO_FUNCTIONS = {
    "open", "open64", "openat", "openat64", "creat", "fopen", "fopen64", "freopen", "read", "write",
    "pread", "pwrite", "unlink", "rename", "mkdir", "socket", "connect", "bind", "listen", "accept",
    "send", "sendto", "recv", "recvfrom", "getaddrinfo", "fork", "vfork", "clone", "execve", "execv",
    "execvp", "execl", "execlp", "system", "popen", "posix_spawn", "posix_spawnp", "dlopen", "kill",
}
IO_PREFIXES = ("osl_openFile", "osl_createDirectory", "osl_removeFile", "osl_executeProcess",
               "osl_createSocket", "osl_loadModule", "osl_createPipe")


def run(*command):
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def main(library, exported, platform):
    failures = []
    nm, readelf = os.environ.get("NM", "nm"), os.environ.get("READELF", "readelf")
    found_machine = machine(library, readelf)
    if MACHINES.get(found_machine) != platform.split("_", 1)[1]:
        failures.append(f"built for {found_machine}, but the .oxt says {platform}")
    dynamic_section = run(readelf, "-W", "-d", library)
    needed = {line.split("[")[1].rstrip("]") for line in dynamic_section.split("\n") if "(NEEDED)" in line}
    # aarch64's stack protector reads __stack_chk_guard from the dynamic loader.
    needed -= {name for name in needed if name.startswith("ld-linux")}
    if not needed <= ALLOWED_NEEDED or not REQUIRED_NEEDED <= needed:
        failures.append(f"needs {sorted(needed)}; allowed {sorted(ALLOWED_NEEDED)}")
    dynamic = run(nm, "-D", "--defined-only", library).split("\n")
    symbols = sorted(line.split()[-1] for line in dynamic if line.strip() and line.split()[1] in "TtWwDdBbVvRr")
    if symbols != [exported]:
        failures.append(f"exports {symbols}, expected only {exported}")
    headers = run(readelf, "-W", "-l", "-d", library)
    if "GNU_RELRO" not in headers or "BIND_NOW" not in headers:
        failures.append("not linked with full RELRO (-z relro -z now)")
    imports = run(nm, "-D", "--undefined-only", library)
    if "__stack_chk_fail" not in imports:
        failures.append("no stack protector (__stack_chk_fail not referenced)")
    imported = {line.split()[-1].split("@")[0] for line in imports.split("\n") if line.strip()}
    io = sorted(name for name in imported
                if name in IO_FUNCTIONS or name.startswith(IO_PREFIXES) or name.removeprefix("__").removesuffix("_chk") in IO_FUNCTIONS)
    if io:
        failures.append(f"imports I/O functions {io}")
    print(f"{found_machine}, needs {sorted(needed)}")
    return report(failures, f" in {library}")


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
