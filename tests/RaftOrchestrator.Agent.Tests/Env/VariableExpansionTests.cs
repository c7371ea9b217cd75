using RaftOrchestrator.Agent.Env;

namespace RaftOrchestrator.Agent.Tests.Env;

public sealed class VariableExpansionTests
{
    private static readonly Dictionary<string, string> s_vars = new() { ["A"] = "1", ["BB"] = "two", ["EMPTY"] = "" };

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("$(A)", "1")]
    [InlineData("x$(A)y$(BB)z", "x1ytwoz")]
    [InlineData("$(MISSING)", "$(MISSING)")]
    [InlineData("$$(A)", "$(A)")]
    [InlineData("$$$(A)", "$1")]
    [InlineData("$$", "$")]
    [InlineData("$", "$")]
    [InlineData("a$", "a$")]
    [InlineData("$(A", "$(A")]
    [InlineData("$A", "$A")]
    [InlineData("$a$(A)", "$a1")]
    [InlineData("$(EMPTY)|", "|")]
    [InlineData("$()", "$()")]
    [InlineData("$(A)$(A)", "11")]
    public void Expand_KubernetesRules(string input, string expected) => Assert.Equal(expected, VariableExpansion.Expand(input, s_vars));
}
