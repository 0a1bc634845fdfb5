using System.Text.Json;
using System.Text.Json.Serialization;

namespace StudioApi.Client;

/// <summary>
/// The contract's enumerations travel as camelCase strings ("sessionFee", "inStudio"), as the API writes them. The
/// generated DTOs declare them as C# enums without a converter, so System.Text.Json would expect numbers; every client
/// adds this one (openapi/regenerate.sh passes it to NSwag as a JSON converter). Reading ignores case.
/// </summary>
public sealed class ContractEnumConverter() : JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false);
