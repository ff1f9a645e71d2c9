#!/usr/bin/env bash
# Makes TorchSharp's native library load on Debian 12, whose libstdc++ stops at GLIBCXX_3.4.30 while
# libLibTorchSharp.so (TorchSharp 0.107) asks GLIBCXX_3.4.32 for one symbol, std::ios_base_library_init().
# For every libLibTorchSharp.so under the given folder: drop that symbol's version, mark the version
# need WEAK, and add a tiny library that defines the symbol (and initializes the standard streams).
# Idempotent: decided from the library itself (readelf), so it is safe after every build and publish.
# Does nothing where the system libstdc++ already has GLIBCXX_3.4.32 (Ubuntu 24.04, Debian 13).
set -euo pipefail
root=${1:?usage: torchsharp-fix.sh <output folder>}

stdcxx=$(ldconfig -p 2>/dev/null | awk '/libstdc\+\+\.so\.6 .*x86-64/ { print $NF; exit }')
if [ -n "$stdcxx" ] && grep -qa 'GLIBCXX_3\.4\.32' "$stdcxx"; then
    exit 0
fi

mapfile -t libs < <(find "$root" -name libLibTorchSharp.so -type f 2>/dev/null)
[ ${#libs[@]} -gt 0 ] || exit 0
for tool in patchelf readelf g++; do
    command -v "$tool" >/dev/null || { echo "torchsharp-fix: '$tool' is missing; run scripts/setup.sh (apt-get install patchelf g++ binutils)" >&2; exit 1; }
done

shim_name=libnas_iosinit.so
for lib in "${libs[@]}"; do
    dir=$(dirname "$lib")
    if [ ! -f "$dir/$shim_name" ]; then
        src=$(mktemp --suffix=.cpp)
        printf '#include <iostream>\nnamespace std { void ios_base_library_init() {} }\n' > "$src"
        g++ -shared -fPIC -O2 -o "$dir/$shim_name" "$src"
        rm -f "$src"
    fi

    if readelf -V "$lib" | grep -q 'GLIBCXX_3\.4\.32 *Flags: WEAK'; then
        continue
    fi

    patchelf --clear-symbol-version _ZSt21ios_base_library_initv "$lib"
    readelf -d "$lib" | grep -q "\[$shim_name\]" || patchelf --add-needed "$shim_name" "$lib"

    # Offset of the .gnu.version_r section in the file, and of the GLIBCXX_3.4.32 entry within it.
    section=$(readelf -W -S "$lib" | awk '/ \.gnu\.version_r / { for (i = 1; i <= NF; i++) if ($i == "VERNEED") print $(i + 2) }')
    entry=$(readelf -V "$lib" | awk '/Name: GLIBCXX_3\.4\.32/ { sub(":", "", $1); print $1; exit }')
    [ -n "$section" ] && [ -n "$entry" ] || { echo "torchsharp-fix: no GLIBCXX_3.4.32 entry in $lib" >&2; exit 1; }
    # Elf64_Vernaux: vna_hash (4 bytes), then vna_flags (2 bytes, little-endian): VER_FLG_WEAK = 0x2.
    printf '\x02\x00' | dd of="$lib" bs=1 seek=$(( 0x$section + entry + 4 )) conv=notrunc status=none
    readelf -V "$lib" | grep -q 'GLIBCXX_3\.4\.32 *Flags: WEAK' || { echo "torchsharp-fix: could not mark $lib" >&2; exit 1; }
done
