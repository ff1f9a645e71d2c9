# nasorleans/nas: the nas command line (submit, watch and report studies through a gateway: nas --gateway HOST:30000
# run spec.yaml; or run a study embedded, in the container). Mount the specs read-only and give it a writable /data.
# Build from the repository root:  podman build -f deploy/images/nas.Dockerfile -t nasorleans/nas .
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
# libgomp1: libtorch's OpenMP runtime (embedded studies train in the client); Microsoft's images lack it.
RUN if ! ldconfig -p | grep -q 'libgomp\.so\.1'; then \
      apt-get update && apt-get install -y --no-install-recommends libgomp1 && apt-get clean && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin; \
    fi \
 && groupadd --gid 10001 nas \
 && useradd --uid 10001 --gid 10001 --no-create-home --home-dir /data --shell /usr/sbin/nologin nas \
 && mkdir -p /data && chown 10001:10001 /data
COPY --from=build /out/Client/ /app/
# As root, once: makes TorchSharp's native library loadable with this image's libstdc++ (TorchNativeFix), so the
# non-root, read-only container never needs to write beside the application.
RUN ["dotnet", "/app/nas.dll", "--check-torch"]
ENV TMPDIR=/tmp \
    DOTNET_EnableDiagnostics=0
VOLUME ["/data"]
WORKDIR /data
USER 10001:10001
ENTRYPOINT ["dotnet", "/app/nas.dll"]
