#!/usr/bin/env bash
# Installs what the product and its tests need on Debian 12, only where it is missing (idempotent).
# Needs root (or sudo) only when something is missing.
set -euo pipefail

need=()
command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required: https://dot.net (Debian: packages.microsoft.com)"; exit 1; }

if [ ${#need[@]} -gt 0 ]; then
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}"
fi
