# nasorleans/trainer-gpu: a GPU trainer silo (nas-trainer on libtorch-cuda-12.8-linux-x64 2.10.0, TorchSharp 0.107's
# CUDA build). Not buildable where the NuGet registry does not serve that package (this project's CI machines): build
# it where nuget.org is reachable, with deploy/images/build.sh --gpu (or the command below). The trainer picks the
# device at run time (Nas__Silo__Devices=auto: one slot per GPU the NVIDIA driver lists); run it with the NVIDIA
# container toolkit (podman/docker --gpus all, or --device nvidia.com/gpu=all with CDI; Kubernetes: nvidia.com/gpu).
#   podman build -f deploy/images/trainer-gpu.Dockerfile -t nasorleans/trainer-gpu .
# The libtorch CUDA package carries CUDA's and cuDNN's libraries itself; CUDA_IMAGE brings a matching CUDA 12 user
# space and the NVIDIA container environment, and the .NET runtime is copied in from RUNTIME_IMAGE.
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0
ARG CUDA_IMAGE=docker.io/nvidia/cuda:12.8.1-runtime-ubuntu24.04

FROM ${SDK_IMAGE} AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props global.json ./
COPY src/ src/
# NasTorchBackend=cuda swaps libtorch-cpu-linux-x64 for libtorch-cuda-12.8-linux-x64 (src/Training/Training.csproj).
RUN dotnet restore src/TrainerHost/TrainerHost.csproj -r linux-x64 -p:NasTorchBackend=cuda
RUN dotnet publish src/TrainerHost/TrainerHost.csproj -c Release -r linux-x64 --self-contained false --no-restore \
      -p:UseAppHost=false -p:NasTorchBackend=cuda -o /out/TrainerHost -nologo -v quiet

FROM ${RUNTIME_IMAGE} AS dotnet

FROM ${CUDA_IMAGE} AS final
# The .NET runtime's own needs (ICU, TLS roots, time zones) and libtorch's OpenMP runtime.
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates tzdata libgomp1 "$(apt-cache search --names-only '^libicu[0-9]+$' | sort | tail -1 | cut -d' ' -f1)" \
 && apt-get clean && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin \
 && groupadd --gid 10001 nas \
 && useradd --uid 10001 --gid 10001 --no-create-home --home-dir /data --shell /usr/sbin/nologin nas \
 && mkdir -p /data && chown 10001:10001 /data
# Fashion-MNIST from Debian's (and Ubuntu's) dataset-fashion-mnist, at /usr/share/datasets/fashion-mnist where the
# trainers read it and the control silo checks a spec's data at submit; --build-arg DATASETS= leaves it out (then
# mount the data read-only there, or set NAS_FASHION_MNIST_DIR).
ARG DATASETS=dataset-fashion-mnist
RUN if [ -n "$DATASETS" ]; then \
      apt-get update && apt-get install -y --no-install-recommends $DATASETS && apt-get clean && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin; \
    fi
COPY --from=dotnet /usr/share/dotnet/ /usr/share/dotnet/
RUN ln -sf /usr/share/dotnet/dotnet /usr/bin/dotnet
COPY --from=build /out/TrainerHost/ /app/
# As root, once: TorchSharp's native fix where the libstdc++ needs it (a no-op on Ubuntu 24.04), and a tensor op.
RUN ["dotnet", "/app/nas-trainer.dll", "--check-torch"]
ENV DOTNET_ROOT=/usr/share/dotnet \
    DOTNET_RUNNING_IN_CONTAINER=true \
    Nas__Silo__DataDirectory=/data \
    Nas__Silo__Devices=auto \
    Nas__Cluster__GatewayPort=0 \
    NVIDIA_VISIBLE_DEVICES=all \
    NVIDIA_DRIVER_CAPABILITIES=compute,utility \
    TMPDIR=/tmp \
    DOTNET_EnableDiagnostics=0
VOLUME ["/data"]
WORKDIR /data
USER 10001:10001
EXPOSE 11111 8080
ENTRYPOINT ["dotnet", "/app/nas-trainer.dll"]
