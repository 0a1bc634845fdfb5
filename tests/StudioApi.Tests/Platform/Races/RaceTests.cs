using System.Diagnostics;
using StudioApi.Tests.Infrastructure;
using Xunit.Abstractions;

namespace StudioApi.Tests.Platform.Races;

/// <summary>
/// The race harness (<see cref="RaceHarness"/>) over every record kind of <see cref="RaceTable"/>: each kind's
/// operations fired at one record in every conflicting pair and in crowds, from a live record and from one in the
/// recycle bin, then the studio's invariants (files and records agree, numbers unique, counts add up).
/// </summary>
public sealed class RaceTests(StudioApiFactory app, ITestOutputHelper output) : IClassFixture<StudioApiFactory>
{
    public static TheoryData<string> Kinds => [.. RaceTable.Kinds.Select(k => k.Name)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Racing_operations_on_one_record_leave_one_winner_where_one_can_win_and_every_loser_a_fitting_refusal(string kind)
    {
        var harness = new RaceHarness(new RaceContext(app, await app.AdminAsync()));
        var watch = Stopwatch.StartNew();

        await harness.RunAsync(RaceTable.Kinds.Single(k => k.Name == kind), pairRounds: 2, crowdRounds: 3, crowdCopies: 3);

        output.WriteLine($"{kind}: {harness.Rounds} rounds, {harness.Requests} racing requests, {watch.Elapsed.TotalSeconds:F1} s: {harness.Summary}");
        harness.Faults.ShouldBeEmpty();
        (await StudioInvariants.CheckAsync(app)).ShouldBeEmpty();
    }
}
