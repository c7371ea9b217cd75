using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Selectors;

namespace RaftOrchestrator.Api.Tests.Selectors;

public sealed class LabelSelectorMatcherTests
{
    private static readonly Gen<string> s_key = Gen.Elements("app", "tier", "in", "notin", "example.com/role", "a.b-c_d", "X9");
    private static readonly Gen<string> s_value = Gen.Elements("", "web", "x1", "A_b.c", "in", "notin", "7");
    private static readonly Gen<string> s_number = Gen.Choose(0, 1000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static readonly Gen<LabelRequirement> s_requirement =
        from key in s_key
        from op in Gen.Elements(Enum.GetValues<LabelSelectorOperator>())
        from set in Gen.NonEmptyListOf(s_value)
        from one in s_value
        from number in s_number
        select Create(key, op, op switch
        {
            LabelSelectorOperator.In or LabelSelectorOperator.NotIn => set.Distinct().Order(StringComparer.Ordinal).ToArray(),
            LabelSelectorOperator.Exists or LabelSelectorOperator.DoesNotExist => [],
            LabelSelectorOperator.GreaterThan or LabelSelectorOperator.LessThan => [number],
            _ => [one],
        });

    private static readonly Gen<Dictionary<string, string>> s_labels =
        Gen.ListOf(Gen.Zip(s_key, Gen.OneOf(s_value, s_number)))
            .Select(pairs => pairs.DistinctBy(p => p.Item1).ToDictionary(p => p.Item1, p => p.Item2));

    [Theory]
    [InlineData("", "")]
    [InlineData("  ", "")]
    [InlineData("app=web", "app=web")]
    [InlineData("app == web", "app==web")]
    [InlineData("app!=web", "app!=web")]
    [InlineData("tier in (b, a,a)", "tier in (a,b)")]
    [InlineData("tier notin (x)", "tier notin (x)")]
    [InlineData("tier in ()", "tier in ()")]
    [InlineData("tier in (,b)", "tier in (,b)")]
    [InlineData("tier in (in)", "tier in (in)")]
    [InlineData("app", "app")]
    [InlineData("!app", "!app")]
    [InlineData("a>5,a<10", "a>5,a<10")]
    [InlineData("z=1,a=2", "a=2,z=1")]
    [InlineData("a=", "a=")]
    [InlineData("in in (notin)", "in in (notin)")]
    [InlineData("example.com/x=y", "example.com/x=y")]
    public void TryParse_ValidSelector_FormatsAsKubernetes(string text, string expected)
    {
        Assert.True(LabelSelectorMatcher.TryParse(text, out LabelSelectorMatcher? matcher, out string? error), error);

        Assert.Equal(expected, matcher.ToString());
    }

    [Theory]
    [InlineData("a b", "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt")]
    [InlineData("a,", "found '', expected: identifier after ','")]
    [InlineData("a,,b", "found ',', expected: identifier after ','")]
    [InlineData("=a", "found '=', expected: !, identifier, or 'end of string'")]
    [InlineData("a in (x", "unable to parse requirement: found '', expected: ',' or ')'")]
    [InlineData("a in x", "unable to parse requirement: found 'x' expected: '('")]
    [InlineData("a in (=)", "unable to parse requirement: found '=', expected: ',', ')' or identifier")]
    [InlineData("a=(", "unable to parse requirement: found '(', expected: identifier")]
    [InlineData("!", "unable to parse requirement: found '', expected: identifier")]
    [InlineData("!a=b", "found '=', expected: ',' or 'end of string'")]
    [InlineData("a>x", "unable to parse requirement: values[0]: Invalid value: \"x\": for 'Gt', 'Lt' operators, the value must be an integer")]
    [InlineData("a=b c", "found 'c', expected: ',' or 'end of string'")]
    public void TryParse_InvalidSelector_FailsWithKubernetesMessage(string text, string expected)
    {
        Assert.False(LabelSelectorMatcher.TryParse(text, out _, out string? error));

        Assert.Equal(expected, error);
    }

    [Fact]
    public void TryParse_InvalidKeyOrValue_ReportsTheFieldPath()
    {
        Assert.False(LabelSelectorMatcher.TryParse("-a=b", out _, out string? keyError));
        Assert.False(LabelSelectorMatcher.TryParse("a=-b", out _, out string? valueError));

        Assert.StartsWith("unable to parse requirement: <nil>: Invalid value: \"-a\": name part must consist of", keyError, StringComparison.Ordinal);
        Assert.StartsWith("unable to parse requirement: values[0][a]: Invalid value: \"-b\": a valid label must be", valueError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a>5", "a=10", true)]
    [InlineData("a>5", "a=3", false)]
    [InlineData("a>5", "a=x", false)]
    [InlineData("a>5", "", false)]
    [InlineData("a<5", "a=-7", true)]
    [InlineData("a!=b", "", true)]
    [InlineData("a!=b", "a=b", false)]
    [InlineData("a notin (x)", "", true)]
    [InlineData("a notin (x)", "a=x", false)]
    [InlineData("a in (x,y)", "a=y", true)]
    [InlineData("a in (x,y)", "", false)]
    [InlineData("a=", "a=", true)]
    [InlineData("a=", "", false)]
    [InlineData("a", "a=", true)]
    [InlineData("!a", "a=", false)]
    [InlineData("!a", "b=c", true)]
    [InlineData("a=1,b=2", "a=1", false)]
    [InlineData("a=1,b=2", "a=1;b=2", true)]
    public void Matches_Requirement_FollowsKubernetesSemantics(string selector, string labels, bool expected)
    {
        Dictionary<string, string> map = labels.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        Assert.True(LabelSelectorMatcher.TryParse(selector, out LabelSelectorMatcher? matcher, out string? error), error);

        Assert.Equal(expected, matcher.Matches(map));
    }

    [Fact]
    public void TryCreate_LabelSelector_CombinesLabelsAndExpressions()
    {
        var selector = new LabelSelector
        {
            MatchLabels = new() { ["app"] = "web" },
            MatchExpressions = [new() { Key = "tier", Operator = "In", Values = ["b", "a"] }, new() { Key = "gone", Operator = "DoesNotExist" }],
        };

        Assert.True(LabelSelectorMatcher.TryCreate(selector, out LabelSelectorMatcher? matcher, out string? error), error);

        Assert.Equal("app=web,!gone,tier in (a,b)", matcher.ToString());
        Assert.True(matcher.Matches(new Dictionary<string, string> { ["app"] = "web", ["tier"] = "a" }));
        Assert.False(matcher.Matches(new Dictionary<string, string> { ["app"] = "web", ["tier"] = "a", ["gone"] = "" }));
    }

    [Fact]
    public void TryCreate_NullOrEmptySelector_IsNothingOrEverything()
    {
        Assert.True(LabelSelectorMatcher.TryCreate(null, out LabelSelectorMatcher? nothing, out _));
        Assert.True(LabelSelectorMatcher.TryCreate(new LabelSelector(), out LabelSelectorMatcher? everything, out _));

        Assert.False(nothing.Matches(new Dictionary<string, string>()));
        Assert.True(nothing.IsNothing);
        Assert.True(everything.Matches(null));
        Assert.True(everything.IsEmpty);
    }

    [Theory]
    [InlineData("Foo", null, "\"Foo\" is not a valid label selector operator")]
    [InlineData("In", null, "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty")]
    [InlineData("Exists", "x", "values: Invalid value: [\"x\"]: values set must be empty for exists and does not exist")]
    public void TryCreate_InvalidExpression_FailsWithKubernetesMessage(string op, string? value, string expected)
    {
        var selector = new LabelSelector { MatchExpressions = [new() { Key = "k", Operator = op, Values = value is null ? null : [value] }] };

        Assert.False(LabelSelectorMatcher.TryCreate(selector, out _, out string? error));

        Assert.Equal(expected, error);
    }

    [Fact]
    public void TryCreate_InvalidMatchLabel_ReportsKeyAndValue()
    {
        var selector = new LabelSelector { MatchLabels = new() { ["-k"] = "-v" } };

        Assert.False(LabelSelectorMatcher.TryCreate(selector, out _, out string? error));

        Assert.StartsWith("[key: Invalid value: \"-k\": name part must consist", error, StringComparison.Ordinal);
        Assert.Contains(", values[0][-k]: Invalid value: \"-v\": a valid label must be", error, StringComparison.Ordinal);
    }

    [Property(MaxTest = 500)]
    public Property FormatThenParse_AnySelector_IsTheSameSelector() =>
        Prop.ForAll(Gen.ListOf(s_requirement).ToArbitrary(), requirements =>
        {
            LabelSelectorMatcher matcher = LabelSelectorMatcher.FromRequirements(requirements);

            bool parsed = LabelSelectorMatcher.TryParse(matcher.ToString(), out LabelSelectorMatcher? back, out _);

            return parsed && back!.Requirements.SequenceEqual(matcher.Requirements);
        });

    [Property(MaxTest = 300)]
    public Property Empty_AnyLabels_Matches() =>
        Prop.ForAll(s_labels.ToArbitrary(), labels => LabelSelectorMatcher.Empty.Matches(labels) && !LabelSelectorMatcher.Nothing.Matches(labels));

    [Property(MaxTest = 300)]
    public Property FromSet_Labels_MatchesThemAndNotAChangedValue() =>
        Prop.ForAll(s_labels.ToArbitrary(), labels =>
        {
            LabelSelectorMatcher matcher = LabelSelectorMatcher.FromSet(labels);
            Dictionary<string, string> changed = labels.ToDictionary(p => p.Key, p => p.Value + "z");

            return matcher.Matches(labels) && (labels.Count == 0 || !matcher.Matches(changed));
        });

    private static LabelRequirement Create(string key, LabelSelectorOperator op, string[] values) =>
        LabelRequirement.TryCreate(key, op, values, out LabelRequirement? requirement, out string? error)
            ? requirement
            : throw new InvalidOperationException(error);
}
