using System.Globalization;
using System.Text;

namespace RaftOrchestrator.Scheduling.Framework;

/// <summary>
/// The pod fit on no node. <see cref="Message"/> is kube-scheduler's text: "0/N nodes are available: " then the
/// per-reason node counts, each "count reason", sorted as strings and joined with ", ", then ". " and PostFilter's
/// message ("preemption: ...") when there is one.
/// </summary>
public sealed class FitError(string podKey, int numAllNodes, Diagnosis diagnosis)
{
    public const string NoNodeAvailableFormat = "0/{0} nodes are available";

    public string PodKey { get; } = podKey;

    public int NumAllNodes { get; } = numAllNodes;

    public Diagnosis Diagnosis { get; } = diagnosis;

    public string Message
    {
        get
        {
            var sb = new StringBuilder();
            sb.Append(CultureInfo.InvariantCulture, $"0/{NumAllNodes} nodes are available:");
            if (!string.IsNullOrEmpty(Diagnosis.PreFilterMessage))
            {
                sb.Append(' ').Append(Diagnosis.PreFilterMessage).Append('.');
            }
            else
            {
                List<string> histogram = ReasonHistogram();
                if (histogram.Count > 0)
                {
                    sb.Append(' ').AppendJoin(", ", histogram).Append('.');
                }
            }
            if (!string.IsNullOrEmpty(Diagnosis.PostFilterMessage))
            {
                sb.Append(' ').Append(Diagnosis.PostFilterMessage).Append('.');
            }
            return sb.ToString();
        }
    }

    /// <summary>"count reason" per distinct reason over the nodes (absent nodes counted with the absent status), sorted ordinally.</summary>
    public List<string> ReasonHistogram()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Status status in Diagnosis.NodeToStatus.Explicit.Values)
        {
            foreach (string reason in status.Reasons)
            {
                counts[reason] = counts.GetValueOrDefault(reason) + 1;
            }
        }
        int absent = NumAllNodes - Diagnosis.NodeToStatus.Count;
        if (absent > 0)
        {
            foreach (string reason in Diagnosis.NodeToStatus.AbsentNodesStatus.Reasons)
            {
                counts[reason] = counts.GetValueOrDefault(reason) + absent;
            }
        }
        var lines = counts.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Value} {p.Key}")).ToList();
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    public override string ToString() => Message;
}
