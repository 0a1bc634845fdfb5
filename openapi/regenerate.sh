#!/usr/bin/env bash
# Regenerates the contract and both SDKs from the code:
#   openapi/v1.json                                    the OpenAPI document the app serves (export-openapi)
#   sdk/csharp/StudioApi.Client/StudioApiClient.g.cs   the C# client (NSwag)
#   sdk/typescript/src/client.ts                       the TypeScript client (NSwag, Fetch template)
#   sdk/typescript/package.json (and its lock)         "version": the contract's info.version
# Deterministic: a second run changes nothing, so CI can run it and fail on `git diff --exit-code`.
# Usage: openapi/regenerate.sh            (CONFIGURATION=Release to build that configuration instead of Debug)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
configuration="${CONFIGURATION:-Debug}"

echo "==> Building the API ($configuration)"
dotnet build src/StudioApi/StudioApi.csproj -c "$configuration" -nologo -v quiet

echo "==> Exporting openapi/v1.json"
dotnet "src/StudioApi/bin/$configuration/net10.0/StudioApi.dll" export-openapi openapi/v1.json

echo "==> Finding NSwag (restored by the C# SDK project from NSwag.MSBuild)"
dotnet restore sdk/csharp/StudioApi.Client/StudioApi.Client.csproj -nologo -v quiet
packages="$(dotnet nuget locals global-packages -l | sed -e 's/^global-packages: *//')"
nswag_version="$(sed -n 's/.*PackageVersion Include="NSwag.MSBuild" Version="\([^"]*\)".*/\1/p' Directory.Packages.props)"
nswag="${packages%/}/nswag.msbuild/${nswag_version}/tools/Net100/dotnet-nswag.dll"
[ -f "$nswag" ] || { echo "NSwag not found at $nswag" >&2; exit 1; }

# The banner NSwag writes names its version only (no date), so the output is stable between runs.
# Clients: one per tag, methods named by the part of the operationId after "Tag_" (ids are Tag_Name,
# which ContractTests enforces), so OrganizationsClient.CreateAsync rather than Organizations_CreateAsync.
# No DataAnnotations on the DTOs: NSwag puts [StringLength] on DateTimeOffset properties (a date-time has a
# maxLength in the contract), which breaks DataAnnotations validation; the API validates every request anyway.
# Enumerations are camelCase strings on the wire: ContractEnumConverter (hand-written, next to the client) reads
# and writes them, added to every client's serializer options.
echo "==> Generating the C# client"
dotnet "$nswag" openapi2csclient \
  /input:openapi/v1.json \
  /output:sdk/csharp/StudioApi.Client/StudioApiClient.g.cs \
  /namespace:StudioApi.Client \
  /JsonLibrary:SystemTextJson \
  /GenerateNullableReferenceTypes:true \
  /GenerateOptionalPropertiesAsNullable:true \
  /GenerateClientInterfaces:true \
  /OperationGenerationMode:MultipleClientsFromOperationId \
  /UseBaseUrl:false \
  /ClassStyle:Poco \
  /GenerateDataAnnotations:false \
  /JsonConverters:StudioApi.Client.ContractEnumConverter \
  /DateType:System.DateOnly \
  /DateTimeType:System.DateTimeOffset \
  /ArrayType:System.Collections.Generic.List \
  /ArrayInstanceType:System.Collections.Generic.List \
  /ResponseArrayType:System.Collections.Generic.List \
  /NewLineBehavior:LF >/dev/null

echo "==> Generating the TypeScript client"
dotnet "$nswag" openapi2tsclient \
  /input:openapi/v1.json \
  /output:sdk/typescript/src/client.ts \
  /Template:Fetch \
  /TypeScriptVersion:5.0 \
  /OperationGenerationMode:MultipleClientsFromOperationId \
  /UseAbortSignal:true \
  /NullValue:Null \
  /MarkOptionalProperties:true \
  /GenerateCloneMethod:false \
  /TypeStyle:Interface \
  /DateTimeType:String \
  /EnumStyle:StringLiteral \
  /UseGetBaseUrlMethod:false \
  /WrapDtoExceptions:true \
  /NewLineBehavior:LF >/dev/null

# The package is the contract in TypeScript: it carries the contract's version, so a front end's package.json says
# which contract it was built against (sdk/typescript/test/package.test.ts checks the two agree).
echo "==> Versioning the TypeScript package as the contract"
node -e '
  const fs = require("fs");
  const version = JSON.parse(fs.readFileSync("openapi/v1.json", "utf8")).info.version;
  for (const file of ["sdk/typescript/package.json", "sdk/typescript/package-lock.json"]) {
    const json = JSON.parse(fs.readFileSync(file, "utf8"));
    json.version = version;
    if (json.packages && json.packages[""]) json.packages[""].version = version;
    fs.writeFileSync(file, JSON.stringify(json, null, 2) + "\n");
  }
  // The sample kiosk depends on the package by folder: its lock records the version it saw.
  const sampleLock = "samples/kiosk-web/package-lock.json";
  const lock = JSON.parse(fs.readFileSync(sampleLock, "utf8"));
  lock.packages["../../sdk/typescript"].version = version;
  fs.writeFileSync(sampleLock, JSON.stringify(lock, null, 2) + "\n");'

echo "==> Done. Review with: git diff --stat"
