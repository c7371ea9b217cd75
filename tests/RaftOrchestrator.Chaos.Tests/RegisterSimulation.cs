using RaftOrchestrator.Chaos.History;

namespace RaftOrchestrator.Chaos.Tests;

/// <summary>
/// Histories of a real sequential store: each client runs one op at a time with random durations and gaps; every op
/// that takes effect does so at a random instant inside its interval (an unknown one: any instant after its invoke),
/// and the outputs are computed by applying the ops to a dictionary in the order of those instants, with one global
/// revision counter as etcd has. Such a history is linearizable by construction.
/// </summary>
internal static class RegisterSimulation
{
    private sealed record Planned(Operation Op, long Point, bool Applies);

    public static List<Operation> Generate(int seed, int ops, int keys, int clients, double unknownRate = 0.03,
        double failedRate = 0.02, int maxDuration = 20, bool lists = false)
    {
        var random = new Random(seed);
        long[] clientNow = new long[clients];
        var planned = new List<Planned>(ops);
        for (int id = 1; id <= ops; id++)
        {
            int client = random.Next(clients);
            long invoke = (clientNow[client] + random.Next(0, 5)) * 1000;
            long ret = invoke + random.Next(1, maxDuration + 1) * 1000;
            clientNow[client] = ret / 1000;
            string key = "k" + random.Next(keys);
            OperationKind kind = lists
                ? random.NextDouble() < 0.5 ? OperationKind.ReadList : OperationKind.Append
                : random.NextDouble() switch { < 0.4 => OperationKind.Get, < 0.75 => OperationKind.Put, _ => OperationKind.Cas };
            OperationOutcome outcome = random.NextDouble() switch
            {
                double r when r < unknownRate => OperationOutcome.Unknown,
                double r when r < unknownRate + failedRate => OperationOutcome.Failed,
                _ => OperationOutcome.Ok,
            };
            bool applies = outcome == OperationOutcome.Ok || (outcome == OperationOutcome.Unknown && random.Next(2) == 0);
            long point = outcome == OperationOutcome.Unknown
                ? invoke + 1 + random.NextInt64(3 * (ret - invoke))
                : invoke + 1 + random.NextInt64(ret - invoke - 1);
            var op = new Operation(id, client, kind, key, OperationInput.None, invoke,
                outcome == OperationOutcome.Unknown ? null : ret, outcome);
            planned.Add(new Planned(op, point, applies));
        }

        var values = new Dictionary<string, (string Value, long ModRevision)>(StringComparer.Ordinal);
        var listValues = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var written = new List<string>();
        long revision = 1;
        var result = new List<Operation>(ops);
        foreach (Planned p in planned.OrderBy(p => p.Point).ThenBy(p => p.Op.Id))
        {
            Operation op = p.Op;
            string fresh = $"c{op.Client}-{op.Id}";
            (string Value, long ModRevision) current = values.GetValueOrDefault(op.Key, (null!, 0));
            switch (op.Kind)
            {
                case OperationKind.Get:
                    op = op with { Output = new OperationOutput(Value: current.Value, ModRevision: current.ModRevision) };
                    break;
                case OperationKind.Put:
                    op = op with { Input = new OperationInput(fresh) };
                    if (p.Applies) values[op.Key] = (fresh, ++revision);
                    op = op with { Output = new OperationOutput(Revision: revision) };
                    break;
                case OperationKind.Cas:
                    string? expected = random.Next(3) > 0 || written.Count == 0
                        ? current.Value : written[random.Next(written.Count)];
                    op = op with { Input = new OperationInput(fresh, ExpectedValue: expected) };
                    bool holds = string.Equals(expected, current.Value, StringComparison.Ordinal);
                    if (p.Applies && holds) values[op.Key] = (fresh, ++revision);
                    op = op with { Output = new OperationOutput(Revision: holds ? revision : null, Succeeded: holds) };
                    break;
                case OperationKind.Append:
                    op = op with { Input = new OperationInput(fresh) };
                    if (p.Applies)
                    {
                        if (!listValues.TryGetValue(op.Key, out List<string>? list)) listValues[op.Key] = list = [];
                        list.Add(fresh);
                        ++revision;
                    }
                    op = op with { Output = new OperationOutput(Revision: revision) };
                    break;
                case OperationKind.ReadList:
                    op = op with { Output = new OperationOutput(Elements: [.. listValues.GetValueOrDefault(op.Key) ?? []]) };
                    break;
            }
            if (op.IsWrite && p.Applies) written.Add(fresh);
            if (op.Outcome != OperationOutcome.Ok) op = op with { Output = null };
            result.Add(op);
        }
        result.Sort((a, b) => a.Id.CompareTo(b.Id));
        return result;
    }
}
