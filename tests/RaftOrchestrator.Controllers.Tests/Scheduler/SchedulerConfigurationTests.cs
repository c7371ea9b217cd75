using RaftOrchestrator.Controllers.Scheduler;
using RaftOrchestrator.Scheduling.Framework;
using RaftOrchestrator.Scheduling.Plugins.NodeResources;

namespace RaftOrchestrator.Controllers.Tests.Scheduler;

public sealed class SchedulerConfigurationTests
{
    [Fact]
    public void NoProfiles_IsTheDefaultProfile_WithTheTopLevelPercentage()
    {
        Assert.True(SchedulerConfiguration.TryParse("apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\npercentageOfNodesToScore: 30\n", out IReadOnlyList<SchedulerProfile>? profiles, out string? error), error);
        SchedulerProfile only = Assert.Single(profiles);
        Assert.Equal("default-scheduler", only.SchedulerName);
        Assert.Equal(30, only.PercentageOfNodesToScore);
        Assert.Contains(only.Plugins, p => p.Name == "NodeResourcesFit");
    }

    [Fact]
    public void Profiles_DisableEnableReweighAndConfigure_ThePlugins()
    {
        const string Yaml = """
            apiVersion: kubescheduler.config.k8s.io/v1
            kind: KubeSchedulerConfiguration
            profiles:
            - schedulerName: default-scheduler
            - schedulerName: bin-packer
              percentageOfNodesToScore: 100
              plugins:
                multiPoint:
                  disabled: [{name: NodeResourcesBalancedAllocation}]
                score:
                  enabled: [{name: TaintToleration, weight: 7}]
              pluginConfig:
              - name: NodeResourcesFit
                args:
                  scoringStrategy:
                    type: MostAllocated
                    resources: [{name: cpu, weight: 2}]
            """;
        Assert.True(SchedulerConfiguration.TryParse(Yaml, out IReadOnlyList<SchedulerProfile>? profiles, out string? error), error);
        Assert.Equal(["default-scheduler", "bin-packer"], profiles.Select(p => p.SchedulerName).ToArray());
        SchedulerProfile packer = profiles[1];
        Assert.Equal(100, packer.PercentageOfNodesToScore);
        Assert.DoesNotContain(packer.Plugins, p => p.Name == "NodeResourcesBalancedAllocation");
        Assert.Equal(7, packer.Plugins.Single(p => p.Name == "TaintToleration").Weight);
        var args = Assert.IsType<NodeResourcesFitArgs>(packer.Plugins.Single(p => p.Name == "NodeResourcesFit").Args);
        Assert.Equal(ScoringStrategyType.MostAllocated, args.ScoringStrategy.Type);
        Assert.Equal([new ResourceSpec("cpu", 2)], args.ScoringStrategy.Resources);
        // Each profile builds into a working framework.
        _ = new RaftOrchestrator.Scheduling.Profiles(profiles, RaftOrchestrator.Scheduling.InTreeRegistry.Create(), seed: 1);
    }

    [Theory]
    [InlineData("kind: Deployment\n", "expected KubeSchedulerConfiguration")]
    [InlineData("profiles:\n- schedulerName: a\n  plugins:\n    filter:\n      enabled: [{name: NodeName}]\n", "plugins.filter is not supported")]
    [InlineData("profiles:\n- schedulerName: a\n- schedulerName: a\n", "listed twice")]
    [InlineData("profiles:\n- pluginConfig:\n  - name: Nope\n    args: {}\n", "does not enable")]
    [InlineData("percentageOfNodesToScore: lots\n", "")]
    public void BadConfigurations_AreReported(string yaml, string expected)
    {
        Assert.False(SchedulerConfiguration.TryParse(yaml, out _, out string? error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
