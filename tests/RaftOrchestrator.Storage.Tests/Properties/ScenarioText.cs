using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>Renders a scenario's steps as a numbered list, which is what FsCheck prints for a counter-example.</summary>
internal static class ScenarioText
{
    public static string Of(string header, ImmutableArray<StoreOp> ops)
    {
        var sb = new StringBuilder(header).AppendLine();
        for (int i = 0; i < ops.Length; i++)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  #{i} {ops[i]}");
        }
        return sb.ToString();
    }
}
