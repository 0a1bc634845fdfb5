using NetArchTest.Rules;
using StudioApi.Hosting;

namespace StudioApi.Tests.Architecture;

/// <summary>
/// Which business area may use which, so the boundaries hold as the code grows. An area uses the platform and the
/// areas it is built on, never the other way round: when Clients needs an answer only Imaging has (is this image one of
/// the client's?), Clients declares an interface and Imaging implements it. A new area is one line here.
/// </summary>
public sealed class AreaBoundaryTests
{
    const string Features = "StudioApi.Features";
    const string Platform = "StudioApi.Platform";

    /// <summary>Each area and the areas it may use (besides the platform and itself).</summary>
    static readonly Dictionary<string, string[]> MayUse = new()
    {
        ["Setup"] = [],
        ["Clients"] = ["Setup"],
        ["Scheduling"] = ["Setup", "Clients"],
        ["Imaging"] = ["Setup", "Clients", "Scheduling"],
        // The areas still to come, and what they will be built on.
        ["Sales"] = ["Setup", "Clients", "Scheduling", "Imaging"],
        ["Production"] = ["Setup", "Clients", "Scheduling", "Imaging", "Sales"],
        ["Messaging"] = ["Setup", "Clients", "Scheduling", "Imaging", "Sales", "Production"],
        ["Schools"] = ["Setup", "Clients", "Scheduling", "Imaging"],
    };

    static Types Application => Types.InAssembly(typeof(StudioApiApplication).Assembly);

    public static TheoryData<string> Areas => [.. MayUse.Keys];

    [Theory]
    [MemberData(nameof(Areas))]
    public void An_area_uses_only_the_areas_it_is_built_on(string area)
    {
        var forbidden = MayUse.Keys.Except(MayUse[area]).Where(other => other != area).Select(other => $"{Features}.{other}").ToArray();

        var result = Application.That().ResideInNamespace($"{Features}.{area}").ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        (result.FailingTypeNames ?? []).ShouldBeEmpty($"{area} may use only {string.Join(", ", MayUse[area].DefaultIfEmpty("the platform"))}");
    }

    [Fact]
    public void The_platform_uses_no_area_and_nothing_uses_the_composition()
    {
        var platform = Application.That().ResideInNamespace(Platform)
            .ShouldNot().HaveDependencyOnAny(Features, "StudioApi.Hosting", "StudioApi.Seeding").GetResult();
        (platform.FailingTypeNames ?? []).ShouldBeEmpty("the platform (HTTP conventions, auth, persistence, background work, storage, workflow) must not know the areas");

        var areas = Application.That().ResideInNamespace(Features)
            .ShouldNot().HaveDependencyOnAny("StudioApi.Hosting", "StudioApi.Seeding").GetResult();
        (areas.FailingTypeNames ?? []).ShouldBeEmpty("Hosting and Seeding compose the areas; no area calls them");
    }

    [Fact]
    public void Every_feature_belongs_to_a_known_area_and_every_area_registers_itself()
    {
        var features = Application.That().ResideInNamespace(Features).GetTypes().ToList();
        var strays = features.Where(t => MayUse.Keys.All(area => !t.Namespace!.StartsWith($"{Features}.{area}", StringComparison.Ordinal)))
            .Select(t => t.FullName).ToList();
        strays.ShouldBeEmpty("a folder under Features/ is a business area listed in MayUse");

        var built = features.Select(t => t.Namespace!.Split('.')[2]).Distinct();
        foreach (var area in built)
            features.ShouldContain(t => t.FullName == $"{Features}.{area}.{area}Area" && t.GetMethod($"Add{area}") != null,
                $"the {area} area registers its services, jobs and workflow kinds from {area}Area.Add{area}()");
    }
}
