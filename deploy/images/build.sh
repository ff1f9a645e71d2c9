#!/usr/bin/env bash
# Builds the NasOrleans images with podman from the repository root, each tagged :dev and :VERSION (VERSION from
# Directory.Build.props, the tag deploy/k8s/base/kustomization.yaml pins):
#   nasorleans/control-silo   control-silo.Dockerfile   nas-silo (studies, strategies, scheduler, gateway 30000)
#   nasorleans/trainer-cpu    trainer-cpu.Dockerfile    nas-trainer with libtorch-cpu
#   nasorleans/nas            nas.Dockerfile            the nas command line
#   nasorleans/trainer-gpu    trainer-gpu.Dockerfile    nas-trainer with libtorch-cuda-12.8 (only with --gpu; needs a
#                                                       registry serving libtorch-cuda-12.8-linux-x64 and nvidia/cuda)
# The three CPU images share their build stage (identical lines), so the sources are restored and compiled once.
#
# Usage: deploy/images/build.sh [--gpu] [--local | --official] [--tag TAG]
#   --local      build on the local bases of make-base.sh (localhost/nasorleans/dotnet-sdk, dotnet-runtime), made
#                first when missing: for machines that can pull no image (the default when those bases exist)
#   --official   build on mcr.microsoft.com/dotnet/sdk:10.0 and aspnet:10.0 (the Dockerfiles' defaults; the default
#                when the local bases do not exist)
#   --gpu        also build nasorleans/trainer-gpu (CUDA_IMAGE: docker.io/nvidia/cuda:12.8.1-runtime-ubuntu24.04)
#   --tag TAG    one more tag for every image (e.g. a registry's: --tag 0.1.0-rc1)
#   NAS_PODMAN_GLOBAL, NAS_PODMAN_LIMITS   podman's flags (podman-flags.sh: --runtime runc, ulimits under the hard limits)
#   NAS_BUILD_NETWORK   podman build --network (default: podman's own; "host" where a build cannot reach the registry)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$here/podman-flags.sh"

gpu=0 base="" extra_tag=""
while [ $# -gt 0 ]; do
    case "$1" in
        --gpu) gpu=1 ;;
        --local) base=local ;;
        --official) base=official ;;
        --tag) [ $# -ge 2 ] || { echo "--tag needs a value" >&2; exit 2; }; extra_tag=$2; shift ;;
        -h | --help) sed -n '2,21p' "$0"; exit 0 ;;
        *) echo "unknown argument '$1'; usage: $0 [--gpu] [--local | --official] [--tag TAG]" >&2; exit 2 ;;
    esac
    shift
done
command -v podman >/dev/null || { echo "podman not found: apt-get install podman runc (Debian 12)" >&2; exit 1; }

sdk=localhost/nasorleans/dotnet-sdk
runtime=localhost/nasorleans/dotnet-runtime
if [ -z "$base" ]; then
    if nas_podman image exists "$sdk" && nas_podman image exists "$runtime"; then base=local; else base=official; fi
fi
base_args=()
if [ "$base" = local ]; then
    "$here/make-base.sh" >/dev/null
    base_args=(--build-arg "SDK_IMAGE=$sdk" --build-arg "RUNTIME_IMAGE=$runtime")
fi
version=$(sed -n 's|.*<Version>\(.*\)</Version>.*|\1|p' "$root/Directory.Build.props" | head -1)
[ -n "$version" ] || { echo "no <Version> in $root/Directory.Build.props" >&2; exit 1; }
network_args=()
[ -z "${NAS_BUILD_NETWORK:-}" ] || network_args=(--network "$NAS_BUILD_NETWORK")

images=(control-silo trainer-cpu nas)
[ $gpu -eq 0 ] || images+=(trainer-gpu)
echo "building ${images[*]} on the $base bases, tags dev and $version${extra_tag:+ and $extra_tag}"
for image in "${images[@]}"; do
    tags=(-t "nasorleans/$image:dev" -t "nasorleans/$image:$version")
    [ -z "$extra_tag" ] || tags+=(-t "nasorleans/$image:$extra_tag")
    started=$(date +%s)
    # shellcheck disable=SC2086
    nas_podman build $NAS_PODMAN_LIMITS "${network_args[@]}" "${base_args[@]}" "${tags[@]}" \
        -f "$here/$image.Dockerfile" "$root"
    echo "built nasorleans/$image in $(($(date +%s) - started)) s"
done
nas_podman images --filter "reference=nasorleans/*" --format '{{.Repository}}:{{.Tag}} {{.Size}}'
