# StudioApi container image: built from the repository root (docker build -t studioapi .).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# global.json is left out on purpose: the image's own .NET 10 SDK builds it, whatever its feature band.
COPY Directory.Build.props Directory.Packages.props StudioApi.sln ./
COPY .config/ .config/
COPY src/ src/
RUN dotnet publish src/StudioApi/StudioApi.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# Fonts for the PDFs messaging makes (letters, labels, job sheets): PDFsharp has none of its own outside Windows.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-liberation && rm -rf /var/lib/apt/lists/*
# Data folder for the SQLite default, the generated signing key and local image storage; mount a volume here.
ENV Storage__DataDirectory=/data \
    ASPNETCORE_URLS=http://+:8080
RUN mkdir -p /data && chown app:app /data
USER app
EXPOSE 8080
ENTRYPOINT ["dotnet", "StudioApi.dll"]
