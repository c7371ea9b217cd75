using RaftOrchestrator.Agent.Sim;

namespace RaftOrchestrator.Agent.Tests.Sim;

public sealed class SimLatencyTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("200ms", 200)]
    [InlineData("0.2s", 200)]
    [InlineData("1.5s", 1500)]
    [InlineData("2m", 120_000)]
    [InlineData("250us", 0.25)]
    public void Duration_parses_go_style_values(string text, double millis)
    {
        Assert.True(SimDuration.TryParse(text, out TimeSpan value, out string? error), error);
        Assert.Equal(millis, value.TotalMilliseconds, 6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("fast")]
    [InlineData("-1s")]
    [InlineData("1d")]
    public void Duration_refuses_what_is_not_one(string text) =>
        Assert.False(SimDuration.TryParse(text, out _, out _));

    [Theory]
    [InlineData("0.2s", SimLatencyKind.Fixed, "200ms")]
    [InlineData("uniform:100ms-500ms", SimLatencyKind.Uniform, "uniform:100ms-500ms")]
    [InlineData("exp:1s", SimLatencyKind.Exponential, "exp:1s")]
    public void Latency_parses_and_prints_its_forms(string text, SimLatencyKind kind, string printed)
    {
        Assert.True(SimLatency.TryParse(text, out SimLatency? latency, out string? error), error);
        Assert.Equal(kind, latency.Kind);
        Assert.Equal(printed, latency.ToString());
    }

    [Theory]
    [InlineData("uniform:500ms-100ms")]
    [InlineData("uniform:100ms")]
    [InlineData("exp:soon")]
    public void Latency_refuses_bad_forms(string text) =>
        Assert.False(SimLatency.TryParse(text, out _, out _));

    [Fact]
    public void Uniform_samples_stay_within_bounds_and_spread_over_them()
    {
        SimLatency latency = SimLatency.Uniform(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500));
        var random = new Random(3);
        TimeSpan[] samples = [.. Enumerable.Range(0, 2000).Select(_ => latency.Sample(random))];
        Assert.All(samples, s => Assert.InRange(s.TotalMilliseconds, 100, 500));
        Assert.InRange(samples.Average(s => s.TotalMilliseconds), 280, 320);
    }

    [Fact]
    public void Exponential_samples_have_the_mean_and_are_capped()
    {
        SimLatency latency = SimLatency.Exponential(TimeSpan.FromMilliseconds(100));
        var random = new Random(5);
        TimeSpan[] samples = [.. Enumerable.Range(0, 20_000).Select(_ => latency.Sample(random))];
        Assert.InRange(samples.Average(s => s.TotalMilliseconds), 95, 105);
        Assert.All(samples, s => Assert.True(s <= TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void The_same_seed_gives_the_same_samples()
    {
        SimLatency latency = SimLatency.Exponential(TimeSpan.FromSeconds(1));
        var a = new Random(11);
        var b = new Random(11);
        Assert.Equal(Enumerable.Range(0, 10).Select(_ => latency.Sample(a)), Enumerable.Range(0, 10).Select(_ => latency.Sample(b)));
    }
}
