using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Tests.Infrastructure;
using Xunit.Abstractions;

namespace StudioApi.Tests.Platform.Http;

/// <summary>
/// Walks the contract the app serves and sends every operation hostile input, as an admin and as a caller without a
/// token: null, the wrong type, empty and 10,000-character strings, out-of-range numbers and arrays for objects in every
/// body field (nested ones too), unknown fields, a JSON <c>null</c> body, bodies that are not JSON, huge and malformed
/// ids in the path, and hostile query and header values. No answer may be a 5xx or a status the operation does not
/// document, every error must be a problem, and a 400 must name the field that was broken. An operation added to the
/// contract is attacked without anyone writing a test for it.
/// </summary>
public sealed class ContractFuzzTests(StudioApiFactory app, ITestOutputHelper output) : IClassFixture<StudioApiFactory>
{
    /// <summary>
    /// Optional fields the server refuses to go without in some cases only, as their descriptions say: a session's end
    /// time defaults to its type's length, and is needed when the type has none (or it would run past midnight); a
    /// payment names its method unless it is paid out of the client's credit.
    /// </summary>
    static readonly HashSet<string> RequiredOnlySometimes = ["Sessions_Create.endTime", "Sessions_Update.endTime", "Payments_Create.methodId"];

    [Fact]
    public async Task No_hostile_input_reaches_a_5xx_an_undocumented_status_or_an_unnamed_field()
    {
        var clock = Stopwatch.StartNew();
        var anonymous = app.CreateClient();
        var contract = new FuzzContract(JsonNode.Parse(await anonymous.GetStringAsync(OpenApiSetup.DocumentPath))!.AsObject());
        var admin = await app.AdminAsync();
        var records = new FuzzRecords();
        var input = new HostileInput(contract, records);
        await records.ArrangeAsync(app, admin, contract, input);
        var findings = new List<string>();
        var asAdmin = new Attacker(contract, records, input, admin, "admin", findings);
        var asAnonymous = new Attacker(contract, records, input, anonymous, "anonymous", findings);

        // Deletes last, so the live records the other operations aim at are still there.
        foreach (var operation in contract.Operations.OrderBy(o => o.Method == "DELETE"))
        {
            await asAdmin.AttackAsync(operation, everything: true);
            // Without a token only the public operations get past authentication: the rest must just say 401.
            await asAnonymous.AttackAsync(operation, everything: operation.IsPublic);
        }

        output.WriteLine($"Live records to aim at: {string.Join(", ", records.Collections)}.");
        foreach (var miss in records.NotArranged)
            output.WriteLine($"  not arranged: {miss}");
        output.WriteLine($"{contract.Operations.Count} operations attacked with {asAdmin.Requests + asAnonymous.Requests} requests " +
                         $"({asAdmin.Requests} as admin, {asAnonymous.Requests} anonymous) in {clock.Elapsed.TotalSeconds:F1} s.");
        output.WriteLine("Answers by status: " + string.Join(", ", asAdmin.Statuses.Concat(asAnonymous.Statuses)
            .GroupBy(s => s.Key).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Sum(s => s.Value)}")));
        foreach (var finding in findings)
            output.WriteLine(finding);
        findings.Count.ShouldBe(0, $"answers broke the contract:\n{string.Join('\n', findings.Take(150))}");
    }

    /// <summary>One caller's attack: a baseline request per operation, then one hostile change at a time.</summary>
    sealed class Attacker(FuzzContract contract, FuzzRecords records, HostileInput input, HttpClient caller, string name, List<string> findings)
    {
        const string ProblemJson = "application/problem+json";

        /// <summary>The current ETag of each record path, so changes get past If-Match and reach the record.</summary>
        readonly Dictionary<string, string> etags = [];

        public int Requests { get; private set; }

        /// <summary>How many answers of each status: how far past "no such record" and "bad request" the attack got.</summary>
        public SortedDictionary<int, int> Statuses { get; } = [];

        public async Task AttackAsync(FuzzOperation operation, bool everything)
        {
            var path = records.Fill(operation, contract);
            var query = operation.In("query").Where(p => p.Required)
                .ToDictionary(p => p.Name, p => input.Example(p.Schema, p.Name)?.ToString() ?? "1");
            var body = operation.TakesJson ? await BaselineBodyAsync(operation, path) : null;
            HttpContent? Baseline() => operation.TakesJson ? Json(body) : null;

            var baseline = await SendAsync(operation, "the baseline request", field: null, path, query, Baseline());
            var baselineErrors = baseline.Status == 400 ? baseline.Errors.ToHashSet() : [];
            // An update's baseline is the record as read: none of its fields may be refused for not being the request's.
            var takes = contract.Resolve(operation.Body?.Schema)?["properties"]?.AsObject().Select(p => p.Key).ToHashSet() ?? [];
            foreach (var refused in baselineErrors.Where(e => operation.Method == "PUT" && body is not null && !takes.Contains(e.Split('.', '[')[0])))
                findings.Add($"{name} {operation.Id}: the record as read, sent back, had its field {refused} refused");
            if (!everything)
            {
                foreach (var parameter in operation.In("path"))
                    await SendAsync(operation, $"{parameter.Name} = abc", field: null, records.Fill(operation, contract, parameter.Name, "abc"), query, Baseline());
                if (operation.TakesJson)
                    await SendAsync(operation, "a JSON null body", field: null, path, query, Json(null));
                return;
            }

            foreach (var parameter in operation.In("path"))
                foreach (var value in HostileInput.PathValues)
                    await SendAsync(operation, $"path {parameter.Name} = {value}", parameter.Name,
                        records.Fill(operation, contract, parameter.Name, value), query, Baseline(), baselineErrors);

            foreach (var parameter in operation.In("query"))
                foreach (var value in HostileInput.QueryValues(contract.Resolve(parameter.Schema)))
                    await SendAsync(operation, $"query {parameter.Name} = {Shown(value)}", parameter.Name,
                        path, new Dictionary<string, string>(query) { [parameter.Name] = value }, Baseline(), baselineErrors);

            foreach (var parameter in operation.In("header"))
                foreach (var value in new[] { "garbage", "\"99999999999999999999\"", "W/\"1\"", "*", new string('k', 300) })
                    await SendAsync(operation, $"header {parameter.Name} = {Shown(value)}", parameter.Name,
                        path, query, Baseline(), baselineErrors, (parameter.Name, value));

            if (operation.TakesJson && baseline.Status != 400 && body is JsonObject whole)
            {
                // Each field left out alone: where the server answers that it is required, the contract must say so.
                var schema = contract.Resolve(operation.Body!.Value.Schema);
                var required = schema?["required"]?.AsArray().Select(r => r?.GetValue<string>()).ToHashSet() ?? [];
                foreach (var field in takes.Where(whole.ContainsKey))
                {
                    var without = (JsonObject)whole.DeepClone();
                    without.Remove(field);
                    var answer = await SendAsync(operation, $"body without {field}", field, path, query, Json(without));
                    if (answer.Status == 400 && answer.Errors.Count > 0 && answer.Errors.All(e => Names(e, field)) && !required.Contains(field)
                        && !RequiredOnlySometimes.Contains($"{operation.Id}.{field}"))
                        findings.Add($"{name} {operation.Id}: leaving out {field} is refused (400 naming it), but the contract does not list it as required: {answer.Text}");
                }
            }

            if (operation.TakesJson)
            {
                var contextErrors = new Dictionary<string, IReadOnlySet<string>> { [body?.ToJsonString() ?? "null"] = baselineErrors };
                foreach (var mutation in input.Mutations("", operation.Body!.Value.Schema, body))
                {
                    // The same request without the hostile value: its own faults (a made-up list item's) are allowed.
                    var context = mutation.Context?.ToJsonString() ?? "null";
                    if (!contextErrors.TryGetValue(context, out var allowed))
                    {
                        var answer = await SendAsync(operation, $"body with an example for {mutation.Field}", field: null, path, query, Json(mutation.Context));
                        contextErrors[context] = allowed = answer.Status == 400 ? answer.Errors.Union(baselineErrors).ToHashSet() : baselineErrors;
                    }
                    await SendAsync(operation, $"body {(mutation.Field.Length == 0 ? "" : mutation.Field + " = ")}{mutation.How}",
                        mutation.Field, path, query, Json(mutation.Value), allowed);
                }
                await SendAsync(operation, "JSON nested 1,000 deep", "", path, query,
                    new StringContent(new string('[', 1000) + new string(']', 1000), Encoding.UTF8, "application/json"));
            }
            if (operation.Body is not null)
            {
                await SendAsync(operation, "no body at all", "", path, query, null);
                await SendAsync(operation, "a body that is not JSON", "", path, query, new StringContent("{\"a\": nope", Encoding.UTF8, "application/json"));
                await SendAsync(operation, "an empty JSON body", "", path, query, new StringContent("", Encoding.UTF8, "application/json"));
                await SendAsync(operation, "a text/plain body", "", path, query, new StringContent("hello", Encoding.UTF8, "text/plain"));
                await SendAsync(operation, "a form without files", "", path, query, new MultipartFormDataContent { { new StringContent("none"), "note" } });
                var junk = new ByteArrayContent(Encoding.UTF8.GetBytes("not an image at all"));
                junk.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
                // To an upload it is a well-formed request, answered file by file.
                await SendAsync(operation, "a form with a file that is no image", operation.Body.Value.MediaType == "multipart/form-data" ? null : "",
                    path, query, new MultipartFormDataContent { { junk, "files", "junk.jpg" } });
            }
        }

        /// <summary>
        /// What a valid request would carry: for an update, the record as read (ids and audit fields included, as a front
        /// end sends it back); for a create, a live record of the same kind cut to the request's fields; else an example.
        /// </summary>
        async Task<JsonNode?> BaselineBodyAsync(FuzzOperation operation, string path)
        {
            var schema = operation.Body!.Value.Schema;
            var example = input.Example(schema, null);
            if (operation.Method == "PUT" && await ReadAsync(operation.Path, path) is JsonObject record)
                return record;
            if (operation.Method == "POST" && records.ForSegment(path.Split('/').Last()) is { } id
                && await ReadAsync($"{operation.Path}/{{id}}", $"{path}/{id}") is JsonObject existing)
            {
                var projected = (JsonObject)input.Project(existing, schema)!;
                foreach (var (field, value) in (example as JsonObject) ?? [])
                    if (!projected.ContainsKey(field))
                        projected[field] = value?.DeepClone();
                return projected;
            }
            return example;
        }

        /// <summary>GETs a record the contract can read at <paramref name="template"/> (or its parent), noting its ETag.</summary>
        async Task<JsonNode?> ReadAsync(string template, string path)
        {
            foreach (var (t, p) in new[] { (template, path), (Parent(template), Parent(path)) })
            {
                if (!contract.Operations.Any(o => o.Method == "GET" && o.Path == t))
                    continue;
                using var response = await caller.GetAsync(p);
                if (!response.IsSuccessStatusCode)
                    return null;
                if (response.Headers.ETag is { } etag)
                    etags[path] = etag.Tag;
                return t == template && response.Content.Headers.ContentType?.MediaType == "application/json"
                    ? JsonNode.Parse(await response.Content.ReadAsStringAsync())
                    : null;
            }
            return null;
        }

        static string Parent(string path) => path[..Math.Max(0, path.LastIndexOf('/'))];

        async Task<Answer> SendAsync(FuzzOperation operation, string what, string? field, string path, Dictionary<string, string> query,
            HttpContent? content, IReadOnlySet<string>? baselineErrors = null, (string Name, string Value)? header = null)
        {
            var url = query.Count == 0 ? path : $"{path}?{string.Join('&', query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"))}";
            using var request = new HttpRequestMessage(new HttpMethod(operation.Method), url) { Content = content };
            if (operation.In("header").Any(p => p.Name == "If-Match") && etags.GetValueOrDefault(path) is { } etag)
                request.Headers.TryAddWithoutValidation("If-Match", etag);
            // A required Idempotency-Key (payments) is sent, a fresh one each time, so the attack reaches the body.
            if (operation.In("header").Any(p => p is { Name: "Idempotency-Key", Required: true }))
                request.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString());
            if (header is { } h)
            {
                request.Headers.Remove(h.Name);
                request.Headers.TryAddWithoutValidation(h.Name, h.Value);
            }
            using var response = await caller.SendAsync(request);
            Requests++;
            Statuses[(int)response.StatusCode] = Statuses.GetValueOrDefault((int)response.StatusCode) + 1;
            var text = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode && response.Headers.ETag is { } newTag)
                etags[path] = newTag.Tag;
            if (status == 412)
                await ReadAsync(operation.Path, path);

            var answer = new Answer(status, ErrorNames(response, text), text);
            void Finding(string problem) =>
                findings.Add($"{name} {operation.Id}: {what} → {status} {problem}: {(text.Length > 300 ? text[..300] + "…" : text)}");

            if (status >= 500)
                Finding("(a server error)");
            else if (!operation.DocumentedStatuses.Contains(status))
                Finding($"(undocumented; the contract lists {string.Join(", ", operation.DocumentedStatuses.Order())})");
            else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != ProblemJson)
                Finding("(an error that is not a problem)");
            else if (field == "" && status < 300)
                Finding("(a body that is no valid request was accepted)");
            else if (field is not null && field.EndsWith(HostileInput.UnknownField, StringComparison.Ordinal)
                     && (status != 400 || !answer.Errors.Contains(field)))
                Finding($"(an unknown field was not refused by name: {field})");
            else if (status == 400 && field is not null)
            {
                if (answer.Errors.Count == 0)
                    Finding($"(a 400 whose errors do not name {Shown(field)})");
                else if (field.Length > 0 && !answer.Errors.Any(e => Names(e, field)) && !(baselineErrors?.IsSupersetOf(answer.Errors) ?? false))
                    Finding($"(a 400 whose errors do not name {field})");
            }
            return answer;
        }

        /// <summary>An error name is about the broken field when it is the field, inside it, or the object or list it is in.</summary>
        static bool Names(string error, string field) =>
            string.Equals(error, field, StringComparison.OrdinalIgnoreCase)
            || error.StartsWith(field + ".", StringComparison.OrdinalIgnoreCase) || error.StartsWith(field + "[", StringComparison.OrdinalIgnoreCase)
            || field.StartsWith(error + ".", StringComparison.OrdinalIgnoreCase) || field.StartsWith(error + "[", StringComparison.OrdinalIgnoreCase);

        static IReadOnlyList<string> ErrorNames(HttpResponseMessage response, string text)
        {
            if (response.Content.Headers.ContentType?.MediaType != ProblemJson)
                return [];
            try
            {
                return JsonNode.Parse(text)?["errors"] is JsonArray errors
                    ? errors.Select(e => e?["name"]?.GetValue<string>() ?? "").ToList()
                    : [];
            }
            catch (JsonException)
            {
                return [];
            }
        }

        static StringContent? Json(JsonNode? body) =>
            new(body?.ToJsonString() ?? "null", Encoding.UTF8, "application/json");

        static string Shown(string value) => value.Length > 20 ? $"{value.Length} characters" : JsonSerializer.Serialize(value);
    }

    sealed record Answer(int Status, IReadOnlyList<string> Errors, string Text);
}
