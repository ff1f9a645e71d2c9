# The local stand-in for mcr.microsoft.com/dotnet/sdk:10.0 (made by make-base.sh): the runtime base plus the host's
# whole .NET SDK (dotnet/), and the host's extra CA certificates (ca/, from /usr/local/share/ca-certificates) so that
# a restore behind a TLS-inspecting proxy trusts what the host trusts. Only build stages use it; no final image does.
ARG RUNTIME_IMAGE=localhost/nasorleans/dotnet-runtime
FROM ${RUNTIME_IMAGE}
COPY dotnet/ /usr/share/dotnet/
COPY ca/ /usr/local/share/ca-certificates/
RUN update-ca-certificates >/dev/null && dotnet --list-sdks
ARG NUGET_CERT_REVOCATION_MODE=online
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1 \
    DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 \
    NUGET_CERT_REVOCATION_MODE=${NUGET_CERT_REVOCATION_MODE}
