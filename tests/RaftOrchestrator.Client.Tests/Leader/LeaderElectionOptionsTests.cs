using RaftOrchestrator.Client.Leader;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Client.Tests.Leader;

public sealed class LeaderElectionOptionsTests
{
    private static LeaderElectionOptions Valid => new() { LeaseNamespace = "kube-system", LeaseName = "m", Identity = "a" };

    [Fact]
    public void Validate_Defaults_AreClientGosAndValid()
    {
        LeaderElectionOptions options = Valid;
        Assert.Empty(options.Validate());
        Assert.Equal(TimeSpan.FromSeconds(15), options.LeaseDuration);
        Assert.Equal(TimeSpan.FromSeconds(10), options.RenewDeadline);
        Assert.Equal(TimeSpan.FromSeconds(2), options.RetryPeriod);
        Assert.True(options.ReleaseOnCancel);
    }

    public static TheoryData<int, int, int, string> BadDurations => new()
    {
        { 10, 10, 2, "leaseDuration must be greater than renewDeadline" },
        { 15, 10, 9, "renewDeadline must be greater than retryPeriod*1.2" },
        // 2.4 s is exactly 1.2 × 2 s: client-go requires strictly greater.
        { 15, 2400, 2000, "renewDeadline must be greater than retryPeriod*1.2" },
        { 0, -1, 0, "leaseDuration must be a whole number of seconds, at least 1" },
    };

    [Theory]
    [MemberData(nameof(BadDurations))]
    public void Validate_BadDurations_NamesTheRule(int leaseSeconds, int renew, int retry, string expected)
    {
        // Renew deadlines and retry periods above 100 are milliseconds; below, seconds.
        static TimeSpan Of(int value) => value > 100 ? TimeSpan.FromMilliseconds(value) : TimeSpan.FromSeconds(value);
        LeaderElectionOptions options = Valid with
        {
            LeaseDuration = TimeSpan.FromSeconds(leaseSeconds),
            RenewDeadline = Of(renew),
            RetryPeriod = Of(retry),
        };
        Assert.Contains(expected, options.Validate());
    }

    [Fact]
    public void Validate_FractionalLeaseDuration_IsRefused()
    {
        LeaderElectionOptions options = Valid with { LeaseDuration = TimeSpan.FromMilliseconds(15_500) };
        Assert.Contains("leaseDuration must be a whole number of seconds, at least 1", options.Validate());
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        LeaderElectionOptions options = Valid with { Identity = "" };
        ArgumentException error = Assert.Throws<ArgumentException>(() => new LeaderElector(new InMemoryClusterClient(), options));
        Assert.Contains("the identity is required", error.Message, StringComparison.Ordinal);
    }
}
