# The local stand-in for mcr.microsoft.com/dotnet/aspnet:10.0 (made by make-base.sh where no registry image can be
# pulled): the Debian 12 base plus the .NET and ASP.NET Core shared runtimes and the dotnet host, copied from the
# host's .NET install into the build context (dotnet/) by make-base.sh.
ARG BASE_IMAGE=localhost/nasorleans/base-debian12
FROM ${BASE_IMAGE}
COPY dotnet/ /usr/share/dotnet/
RUN ln -sf /usr/share/dotnet/dotnet /usr/bin/dotnet && dotnet --list-runtimes
ENV DOTNET_ROOT=/usr/share/dotnet \
    DOTNET_RUNNING_IN_CONTAINER=true \
    ASPNETCORE_HTTP_PORTS=8080
