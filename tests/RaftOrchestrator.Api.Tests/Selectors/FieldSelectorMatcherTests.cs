using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RaftOrchestrator.Api.Selectors;

namespace RaftOrchestrator.Api.Tests.Selectors;

public sealed class FieldSelectorMatcherTests
{
    private static readonly Gen<string> s_value =
        Gen.ArrayOf(Gen.Elements('a', 'b', '\\', ',', '=', '!', ' ', 'é')).Select(chars => new string(chars));

    private static readonly Gen<FieldRequirement> s_requirement =
        from field in Gen.Elements("metadata.name", "metadata.namespace", "spec.nodeName", "status.phase")
        from op in Gen.Elements(FieldSelectorOperator.Equals, FieldSelectorOperator.NotEquals)
        from value in s_value
        select new FieldRequirement(field, op, value);

    [Theory]
    [InlineData("metadata.name=x", "metadata.name=x")]
    [InlineData("a==b", "a=b")]
    [InlineData("a!=b", "a!=b")]
    [InlineData("b=2,a=1", "a=1,b=2")]
    [InlineData("a=b\\,c", "a=b\\,c")]
    [InlineData("a=b\\=c\\\\", "a=b\\=c\\\\")]
    [InlineData("a=,", "a=")]
    [InlineData("", "")]
    public void TryParse_ValidSelector_FormatsAsKubernetes(string text, string expected)
    {
        Assert.True(FieldSelectorMatcher.TryParse(text, out FieldSelectorMatcher? matcher, out string? error), error);

        Assert.Equal(expected, matcher.ToString());
    }

    [Fact]
    public void TryParse_EscapedValue_IsUnescaped()
    {
        Assert.True(FieldSelectorMatcher.TryParse("a=x\\,y\\=z\\\\", out FieldSelectorMatcher? matcher, out _));

        FieldRequirement requirement = Assert.Single(matcher.Requirements);
        Assert.Equal("x,y=z\\", requirement.Value);
    }

    [Theory]
    [InlineData("x", "invalid selector: 'x'; can't understand 'x'")]
    [InlineData("a=1,x", "invalid selector: 'a=1,x'; can't understand 'x'")]
    [InlineData("a=b=c", "invalid field selector: unescaped character in value: 61")]
    [InlineData("a=b\\x", "invalid field selector: invalid escape sequence: \\x")]
    [InlineData("a=b\\", "invalid field selector: invalid escape sequence: \\")]
    public void TryParse_InvalidSelector_FailsWithKubernetesMessage(string text, string expected)
    {
        Assert.False(FieldSelectorMatcher.TryParse(text, out _, out string? error));

        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("spec.nodeName=", null, true)]
    [InlineData("spec.nodeName=", "n1", false)]
    [InlineData("spec.nodeName!=n1", null, true)]
    [InlineData("spec.nodeName!=n1", "n1", false)]
    [InlineData("spec.nodeName==n1", "n1", true)]
    public void Matches_MissingOrPresentField_ComparesAsKubernetes(string selector, string? nodeName, bool expected)
    {
        Assert.True(FieldSelectorMatcher.TryParse(selector, out FieldSelectorMatcher? matcher, out _));

        Assert.Equal(expected, matcher.Matches(field => field == "spec.nodeName" ? nodeName : null));
    }

    [Fact]
    public void FieldNames_SeveralTerms_AreDistinct()
    {
        Assert.True(FieldSelectorMatcher.TryParse("metadata.name=a,status.phase!=Running,metadata.name!=b", out FieldSelectorMatcher? matcher, out _));

        Assert.Equal(["metadata.name", "status.phase"], matcher.FieldNames);
    }

    [Property(MaxTest = 500)]
    public Property FormatThenParse_AnyRequirement_IsTheSameRequirement() =>
        Prop.ForAll(s_requirement.ToArbitrary(), requirement =>
        {
            bool parsed = FieldSelectorMatcher.TryParse(requirement.ToString(), out FieldSelectorMatcher? matcher, out _);

            return parsed && matcher!.Requirements.SequenceEqual([requirement]);
        });

    [Property(MaxTest = 300)]
    public Property Empty_AnyFields_Matches() =>
        Prop.ForAll(s_value.ToArbitrary(), value => FieldSelectorMatcher.Empty.Matches(_ => value));
}
