#!/usr/bin/env bash
# Packs src/Client as the .NET tool `nas` (with TorchSharp's and libtorch's native libraries) and installs it
# for this user in ~/.dotnet/tools, replacing an earlier install; no root needed.
# Usage: scripts/install-tool.sh [--tool-path DIR]   (default: --global)
# The package lands in artifacts/tool/ (git-ignored). Uninstall: dotnet tool uninstall --global nas
set -euo pipefail
cd "$(dirname "$0")/.."

where=(--global)
[ $# -eq 0 ] || where=("$@")

out=artifacts/tool
rm -rf "$out"
mkdir -p "$out"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet pack src/Client -c Release -nologo -v quiet -o "$out"
package=$(ls "$out"/nas.*.nupkg)
version=$(basename "$package" .nupkg); version=${version#nas.}

# Only the local package: no remote feed is asked (and none may serve another package named nas).
cat > "$out/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="nas-local" value="$(pwd)/$out" />
  </packageSources>
</configuration>
CONFIG

dotnet tool uninstall "${where[@]}" nas >/dev/null 2>&1 || true
dotnet tool install "${where[@]}" nas --version "$version" --configfile "$out/nuget.config"
echo "installed nas $version ($(du -h "$package" | cut -f1) package); run: nas --help"
