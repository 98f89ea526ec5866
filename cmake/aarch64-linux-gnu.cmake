# Toolchain: Linux aarch64 with Debian's cross compiler (g++-aarch64-linux-gnu). Test
# programs run under qemu-aarch64 (qemu-user) with the cross compiler's arm64 libc and
# libstdc++. The UNO libraries come from scripts/fetch-uno-arm64.sh (see
# scripts/build-aarch64.sh); the SDK headers and tools are the host's (arch-independent).
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64 -L /usr/aarch64-linux-gnu)
