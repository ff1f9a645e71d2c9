# nasorleans/trainer-cpu: a CPU trainer silo (nas-trainer: training slots that lease trials and train them with
# TorchSharp on libtorch-cpu). Give it the datasets read-only (for example -v /usr/share/datasets/fashion-mnist:
# /usr/share/datasets/fashion-mnist:ro, and the shared folder with Nas__Silo__SharedDirectory).
# Build from the repository root:  podman build -f deploy/images/trainer-cpu.Dockerfile -t nasorleans/trainer-cpu .
# (deploy/images/build.sh builds every image). SDK_IMAGE and RUNTIME_IMAGE default to Microsoft's images; build.sh
# overrides them with the local bases of make-base.sh where nothing can be pulled. Runs as uid 10001 on a read-only
# root filesystem: /data (volume) and /tmp are the only places it writes. Configuration by environment (Nas__...).
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0

# The build stage is the same in the three CPU Dockerfiles, line for line, so that one build's layers serve the others.
FROM ${SDK_IMAGE} AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props global.json ./
COPY src/ src/
RUN dotnet restore src/Silo/Silo.csproj -r linux-x64 \
 && dotnet restore src/TrainerHost/TrainerHost.csproj -r linux-x64 \
 && dotnet restore src/Client/Client.csproj -r linux-x64
RUN for p in Silo TrainerHost Client; do \
      dotnet publish src/$p/$p.csproj -c Release -r linux-x64 --self-contained false --no-restore -p:UseAppHost=false \
        -o /out/$p -nologo -v quiet || exit 1; \
    done

FROM ${RUNTIME_IMAGE} AS final
# libgomp1: libtorch's OpenMP runtime; Microsoft's images lack it, the local base has it.
RUN if ! ldconfig -p | grep -q 'libgomp\.so\.1'; then \
      apt-get update && apt-get install -y --no-install-recommends libgomp1 && apt-get clean && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin; \
    fi \
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
COPY --from=build /out/TrainerHost/ /app/
# As root, once: makes TorchSharp's native library loadable with this image's libstdc++ (TorchNativeFix), so the
# non-root, read-only container never needs to write beside the application.
RUN ["dotnet", "/app/nas-trainer.dll", "--check-torch"]
ENV Nas__Silo__DataDirectory=/data \
    Nas__Silo__TrainerSlots=2 \
    Nas__Silo__Devices=cpu \
    Nas__Cluster__GatewayPort=0 \
    OMP_WAIT_POLICY=PASSIVE \
    TMPDIR=/tmp \
    DOTNET_EnableDiagnostics=0
VOLUME ["/data"]
WORKDIR /data
USER 10001:10001
EXPOSE 11111 8080
ENTRYPOINT ["dotnet", "/app/nas-trainer.dll"]
