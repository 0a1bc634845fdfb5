namespace StudioApi.Platform.Http;

public static class EnumWireNames
{
    /// <summary>An enumeration's value as the JSON writes it (camelCase: <c>productionOrder</c>, <c>shipped</c>), for messages, files and problem fields.</summary>
    public static string WireName<T>(this T value) where T : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
