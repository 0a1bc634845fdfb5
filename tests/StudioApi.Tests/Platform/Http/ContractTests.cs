using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using StudioApi.Platform.Auth;
using StudioApi.Platform.Http.OpenApi;
using StudioApi.Tests.Infrastructure;

namespace StudioApi.Tests.Platform.Http;

/// <summary>
/// The OpenAPI document the running app serves: every operation is locked unless it is one of the few public ones,
/// every operation is named so the SDKs get stable methods, and the committed openapi/v1.json is what the code produces.
/// </summary>
public sealed partial class ContractTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    /// <summary>The operations a caller without a token may use: signing in, renewing a session, a partner client's token, online booking, feeds, signed files and the signed links in messages, Stripe's webhook, WHCC's callbacks, lab file links and Twilio's status callbacks (their signatures authenticate them).</summary>
    static readonly HashSet<string> PublicOperations = ["Auth_CreateToken", "Auth_Refresh", "PartnerClients_CreateToken", "OnlineBooking_GetAvailability", "OnlineBooking_Book", "Calendar_GetFeedIcs", "Images_GetSignedFile",
        "PublicLinks_GetUnsubscribe", "PublicLinks_Unsubscribe", "PublicLinks_GetSessionConfirmation", "PublicLinks_ConfirmSession",
        "CardPayments_StripeWebhook", "LabOrders_WhccCallback", "LabOrders_GetFile", "Communications_TwilioStatusCallback"];

    static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    [Fact]
    public async Task Every_operation_refuses_an_anonymous_caller_except_the_public_ones()
    {
        var document = await DocumentAsync();
        var anonymous = app.CreateClient();
        var unexpected = new List<string>();

        foreach (var operation in Operations(document))
        {
            var url = PathValue().Replace(operation.Path, "1");
            using var request = new HttpRequestMessage(new HttpMethod(operation.Method.ToUpperInvariant()), url);
            if (operation.Body.ValueKind != JsonValueKind.Undefined)
                request.Content = EmptyBody(operation);
            using var response = await anonymous.SendAsync(request);

            var isPublic = PublicOperations.Contains(operation.Id);
            if (!isPublic && response.StatusCode != HttpStatusCode.Unauthorized)
                unexpected.Add($"{operation.Id} answered {(int)response.StatusCode}, not 401");
            else if (!isPublic && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                unexpected.Add($"{operation.Id} answered 401 without a problem body");
            else if (isPublic && (response.StatusCode == HttpStatusCode.Unauthorized || (int)response.StatusCode >= 500))
                unexpected.Add($"{operation.Id} is public but answered {(int)response.StatusCode}");
        }

        unexpected.ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_operation_admits_exactly_the_staff_roles_its_x_roles_name()
    {
        var document = await DocumentAsync();
        var callers = new Dictionary<string, HttpClient>();
        foreach (var role in Enum.GetValues<UserRole>())
            callers[role.ToClaim()] = await app.AsRoleAsync(role);
        var unexpected = new List<string>();

        foreach (var operation in Operations(document).Where(o => !PublicOperations.Contains(o.Id)))
        {
            var admitted = operation.Operation.GetProperty("x-roles").EnumerateArray().Select(r => r.GetString()!).ToHashSet();
            foreach (var (role, caller) in callers)
            {
                // Empty bodies and id 1: an admitted caller gets past authorization and is stopped by validation,
                // a missing If-Match or a missing record; a refused one gets 403 before anything runs.
                var url = PathValue().Replace(operation.Path, "1");
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method.ToUpperInvariant()), url);
                if (operation.Body.ValueKind != JsonValueKind.Undefined)
                    request.Content = EmptyBody(operation);
                using var response = await caller.SendAsync(request);

                var shouldAdmit = admitted.Count == 0 || admitted.Contains(role);
                if (shouldAdmit && response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
                    unexpected.Add($"{operation.Id} refused {role} ({(int)response.StatusCode}) but documents roles [{string.Join(", ", admitted)}]");
                if (!shouldAdmit && response.StatusCode != HttpStatusCode.Forbidden)
                    unexpected.Add($"{operation.Id} answered {role} with {(int)response.StatusCode}, not 403; documents roles [{string.Join(", ", admitted)}]");
            }
        }

        unexpected.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_document_marks_exactly_the_public_operations_as_needing_no_token()
    {
        var document = await DocumentAsync();

        foreach (var operation in Operations(document))
        {
            var needsNoToken = operation.Operation.TryGetProperty("security", out var security) && security.GetArrayLength() == 0;
            needsNoToken.ShouldBe(PublicOperations.Contains(operation.Id), operation.Id);
        }
    }

    [Fact]
    public async Task Every_operation_has_a_stable_id_a_summary_and_one_tag_that_prefixes_its_id()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).ToList();

        operations.ShouldNotBeEmpty();
        foreach (var operation in operations)
        {
            operation.Id.ShouldMatch("^[A-Z][A-Za-z]+_[A-Z][A-Za-z]+$", $"{operation.Method} {operation.Path}");
            operation.Operation.TryGetProperty("summary", out var summary).ShouldBeTrue(operation.Id);
            summary.GetString().ShouldNotBeNullOrWhiteSpace(operation.Id);
            var tags = operation.Operation.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToList();
            tags.Count.ShouldBe(1, operation.Id);
            // The SDKs make one client per tag and name the method after the rest of the id.
            operation.Id.ShouldStartWith($"{tags[0]}_", Case.Sensitive, operation.Id);
        }
        operations.Select(o => o.Id).ShouldBeUnique();
    }

    [Fact]
    public async Task Every_error_response_is_a_problem_and_every_secured_operation_lists_401_and_403()
    {
        var document = await DocumentAsync();

        foreach (var operation in Operations(document))
        {
            var responses = operation.Operation.GetProperty("responses");
            foreach (var response in responses.EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
            {
                var content = response.Value.GetProperty("content");
                content.EnumerateObject().Select(c => c.Name).ShouldBe(["application/problem+json"], $"{operation.Id} {response.Name}");
                content.GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString()
                    .ShouldBe("#/components/schemas/ProblemDetails");
            }
            if (!PublicOperations.Contains(operation.Id))
            {
                responses.TryGetProperty("401", out _).ShouldBeTrue(operation.Id);
                responses.TryGetProperty("403", out _).ShouldBeTrue(operation.Id);
            }
        }
    }

    [Fact]
    public async Task The_validation_rules_of_requests_are_in_the_document()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var create = schemas.GetProperty("CreateOrganizationRequest");
        var properties = create.GetProperty("properties");

        create.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ShouldBe(["name", "code"], ignoreOrder: true);
        properties.GetProperty("name").GetProperty("minLength").GetInt32().ShouldBe(1);
        properties.GetProperty("name").GetProperty("maxLength").GetInt32().ShouldBe(200);
        properties.GetProperty("code").GetProperty("pattern").GetString().ShouldBe("^[A-Za-z0-9._-]+$");
        properties.GetProperty("email").GetProperty("format").GetString().ShouldBe("email");
        properties.GetProperty("contacts").GetProperty("maxItems").GetInt32().ShouldBe(50);
        // Nested objects get the rules of their child validators.
        var width = schemas.GetProperty("YearbookImageSpec").GetProperty("properties").GetProperty("widthPx");
        (width.GetProperty("minimum").GetInt32(), width.GetProperty("maximum").GetInt32()).ShouldBe((16, 20000));
        schemas.GetProperty("PostalAddress").GetProperty("properties").GetProperty("country").GetProperty("maxLength").GetInt32().ShouldBe(2);
        // Query parameters get the rules (and the descriptions) of the list request's properties.
        var list = Operations(document).Single(o => o.Id == "Organizations_List").Operation.GetProperty("parameters")
            .EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        var limit = list["limit"].GetProperty("schema");
        (limit.GetProperty("minimum").GetInt32(), limit.GetProperty("maximum").GetInt32()).ShouldBe((1, 200));
        list["limit"].GetProperty("description").GetString().ShouldNotBeNullOrWhiteSpace();
        list["sort"].GetProperty("schema").GetProperty("$ref").GetString().ShouldBe("#/components/schemas/ListOrganizationsSort");
    }

    [Fact]
    public async Task Every_summary_is_one_short_line_and_every_tag_is_listed_in_the_order_of_the_studio_s_areas()
    {
        var document = await DocumentAsync();
        var ordered = ApiTags.InOrder.Select(t => t.Name).ToList();
        var inUse = new HashSet<string>();

        foreach (var operation in Operations(document))
        {
            var summary = operation.Operation.GetProperty("summary").GetString()!;
            summary.ShouldNotContain("\n", Case.Sensitive, operation.Id);
            summary.Length.ShouldBeLessThanOrEqualTo(80, $"{operation.Id}: '{summary}' belongs in the description");
            var tag = operation.Operation.GetProperty("tags")[0].GetString()!;
            ordered.ShouldContain(tag, $"{operation.Id}: add the tag {tag} to ApiTags");
            inUse.Add(tag);
        }

        // The document lists the tags in ApiTags' order, each described: the reference page follows that order.
        var listed = document.GetProperty("tags").EnumerateArray().ToList();
        listed.Select(t => t.GetProperty("name").GetString()!).ShouldBe(ordered.Where(inUse.Contains));
        listed.ShouldAllBe(t => !string.IsNullOrWhiteSpace(t.GetProperty("description").GetString()));
        document.GetProperty("x-tagGroups").EnumerateArray().Select(g => g.GetProperty("name").GetString()!)
            .ShouldBe(ApiTags.Areas.Select(a => a.Name));
    }

    [Fact]
    public async Task Every_sort_parameter_offers_each_key_and_its_descending_form_as_an_enumeration_with_the_default()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var sorted = 0;

        foreach (var operation in Operations(document))
        {
            if (!operation.Operation.TryGetProperty("parameters", out var parameters))
                continue;
            foreach (var sort in parameters.EnumerateArray().Where(p => p.GetProperty("name").GetString() == "sort"))
            {
                sorted++;
                var reference = sort.GetProperty("schema").GetProperty("$ref").GetString()!;
                var values = schemas.GetProperty(reference.Split('/')[^1]);
                var names = values.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!).ToList();
                names.ShouldNotBeEmpty(operation.Id);
                foreach (var key in names.Where(n => !n.StartsWith('-')))
                    names.ShouldContain("-" + key, operation.Id);
                names.Count.ShouldBe(2 * names.Count(n => !n.StartsWith('-')), operation.Id);
                var defaultValue = values.GetProperty("default").GetString()!;
                names.ShouldContain(defaultValue, operation.Id);
                sort.GetProperty("description").GetString()!.ShouldContain($"Default: `{defaultValue}`", Case.Sensitive, operation.Id);
            }
        }

        sorted.ShouldBeGreaterThan(20);
    }

    [Fact]
    public async Task Creating_and_versioned_operations_document_their_status_codes_and_headers()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).ToDictionary(o => o.Id, o => o.Operation.GetProperty("responses"));

        var created = operations["Organizations_Create"].GetProperty("201").GetProperty("headers");
        created.TryGetProperty("Location", out _).ShouldBeTrue();
        created.TryGetProperty("ETag", out _).ShouldBeTrue();
        operations["Organizations_Create"].TryGetProperty("200", out _).ShouldBeFalse();
        operations["Organizations_Create"].EnumerateObject().Select(r => r.Name).ShouldContain("409");
        operations["Organizations_Create"].EnumerateObject().Select(r => r.Name).ShouldContain("422");
        operations["Organizations_Get"].GetProperty("200").GetProperty("headers").TryGetProperty("ETag", out _).ShouldBeTrue();
        operations["Organizations_Get"].TryGetProperty("404", out _).ShouldBeTrue();
        foreach (var versioned in new[] { "Organizations_Update", "Organizations_Delete" })
        {
            var statuses = operations[versioned].EnumerateObject().Select(r => r.Name).ToList();
            statuses.ShouldContain("412", versioned);
            statuses.ShouldContain("428", versioned);
        }
        operations["Organizations_Delete"].TryGetProperty("204", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Every_response_declares_the_rate_limit_and_cors_headers()
    {
        var document = await DocumentAsync();
        var shared = document.GetProperty("components").GetProperty("headers");
        var undeclared = new List<string>();

        foreach (var operation in Operations(document))
            foreach (var response in operation.Operation.GetProperty("responses").EnumerateObject())
                foreach (var header in new[] { "RateLimit", "RateLimit-Policy", "Access-Control-Allow-Origin" })
                    if (!response.Value.TryGetProperty("headers", out var headers) || !headers.TryGetProperty(header, out _))
                        undeclared.Add($"{operation.Id} {response.Name} {header}");

        undeclared.ShouldBeEmpty();
        shared.GetProperty("RateLimit").GetProperty("description").GetString()!.ShouldContain("draft-ietf-httpapi-ratelimit-headers");
    }

    /// <summary>
    /// The only binary floating-point numbers in the contract: fractions of an image (crops, watermarks) and durations in
    /// seconds (background work's settings), never money or rates.
    /// </summary>
    static readonly HashSet<string> NotMoney =
    [
        "ImageCrop.x", "ImageCrop.y", "ImageCrop.width", "ImageCrop.height",
        "LabOrderCrop.x", "LabOrderCrop.y", "LabOrderCrop.width", "LabOrderCrop.height",
        "RenderWatermarkInput.opacity", "RenderWatermarkInput.size", "RenderWatermarkResponse.opacity", "RenderWatermarkResponse.size",
        "BackgroundWorkKindResponse.leaseSeconds", "BackgroundWorkKindResponse.pollSeconds",
    ];

    /// <summary>Fields whose names sound like money but count things: how many images a render run has, how many records a stage holds.</summary>
    static readonly HashSet<string> Counts = ["RenderRunResponse.total", "WorkflowStageResponse.total"];

    [Fact]
    public async Task Money_is_integer_minor_units_and_rates_exact_decimal_strings_never_floating_point()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");
        var offending = new List<string>();
        foreach (var schema in schemas.EnumerateObject())
        {
            if (!schema.Value.TryGetProperty("properties", out var properties))
                continue;
            foreach (var property in properties.EnumerateObject())
            {
                var name = $"{schema.Name}.{property.Name}";
                var type = property.Value.TryGetProperty("type", out var t) ? t.GetString() : null;
                if (type == "number" && !NotMoney.Contains(name))
                    offending.Add($"{name} is a JSON number: money is Money (int64 minor units), a rate is Rate (a decimal string)");
                var reference = property.Value.ToString();
                if (MoneyOrRateName().IsMatch(property.Name) && !Counts.Contains(name) && !reference.Contains("#/components/schemas/Money") && !reference.Contains("#/components/schemas/Rate"))
                    offending.Add($"{name} looks like money or a rate but is neither Money nor Rate");
            }
        }
        offending.ShouldBeEmpty();
        schemas.GetProperty("Rate").GetProperty("type").GetString().ShouldBe("string");
        schemas.GetProperty("Rate").GetProperty("format").GetString().ShouldBe("decimal");
    }

    [GeneratedRegex("(amount|balance|price|total|subtotal|cost|tax|discount|rate)(percent)?$", RegexOptions.IgnoreCase)]
    private static partial Regex MoneyOrRateName();

    [Fact]
    public async Task An_update_lists_the_fields_of_the_record_as_read_that_it_accepts_and_ignores()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).ToDictionary(o => o.Id, o => o.Operation);
        IEnumerable<string?> Ignored(string id) => operations[id].GetProperty("x-ignored-fields").EnumerateArray().Select(f => f.GetString());

        Ignored("Organizations_Update").ShouldBe(["id", "version", "createdAt", "createdBy", "updatedAt", "updatedBy", "deletedAt", "deletedBy"], ignoreOrder: true);
        Ignored("RenderProfiles_Update").ShouldContain("watermark.image");
        operations["Organizations_Update"].GetProperty("description").GetString()!.ShouldContain("accepted and ignored");
        operations["Organizations_Create"].TryGetProperty("x-ignored-fields", out _).ShouldBeFalse();
        // The body schema still says what the update takes, and nothing more.
        document.GetProperty("components").GetProperty("schemas").GetProperty("UpdateOrganizationRequest")
            .GetProperty("additionalProperties").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task The_committed_document_is_the_one_the_code_generates()
    {
        var served = OpenApiNormalizer.Normalize(await (await app.CreateClient().GetAsync(OpenApiSetup.DocumentPath)).Content.ReadAsStringAsync());
        var committedPath = Path.Combine(RepositoryRoot(), "openapi", "v1.json");

        var committed = await File.ReadAllTextAsync(committedPath);

        (committed == served).ShouldBeTrue(
            $"{committedPath} is out of date: run openapi/regenerate.sh and commit the document and both SDKs.");
    }

    /// <summary>An empty body of the kind the operation takes: JSON, or a multipart form without files (an upload).</summary>
    static HttpContent EmptyBody(OperationInfo operation) =>
        operation.Body.GetProperty("content").TryGetProperty("multipart/form-data", out _)
            ? new MultipartFormDataContent { { new StringContent("none"), "note" } }
            : new StringContent("{}", Encoding.UTF8, "application/json");

    async Task<JsonElement> DocumentAsync()
    {
        var response = await app.CreateClient().GetAsync(OpenApiSetup.DocumentPath);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    sealed record OperationInfo(string Path, string Method, string Id, JsonElement Operation)
    {
        public JsonElement Body => Operation.TryGetProperty("requestBody", out var body) ? body : default;
    }

    static IEnumerable<OperationInfo> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from method in path.Value.EnumerateObject()
        where Methods.Contains(method.Name)
        select new OperationInfo(path.Name, method.Name,
            method.Value.TryGetProperty("operationId", out var id) ? id.GetString() ?? "" : "", method.Value);

    static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "StudioApi.sln")))
                return directory.FullName;
        throw new InvalidOperationException($"No StudioApi.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex PathValue();
}
