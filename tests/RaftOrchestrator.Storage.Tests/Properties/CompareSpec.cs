using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>A transaction guard: every key in <see cref="Range"/> must satisfy "target result operand".</summary>
internal sealed record CompareSpec(RangeSpec Range, CompareTarget Target, CompareResult Result, long Number, string Value)
{
    public Compare ToCompare() => new(Range.ToKeyRange(), Target, Result, Number, KeySpace.Bytes(Value));

    public override string ToString()
    {
        string op = Result switch
        {
            CompareResult.Equal => "==",
            CompareResult.NotEqual => "!=",
            CompareResult.Greater => ">",
            _ => "<",
        };
        string operand = Target == CompareTarget.Value
            ? KeySpace.Quote(Value)
            : Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{Target}({Range}) {op} {operand}";
    }
}
