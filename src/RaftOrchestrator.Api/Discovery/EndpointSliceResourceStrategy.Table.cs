using System.Globalization;
using RaftOrchestrator.Api.Registration;

namespace RaftOrchestrator.Api.Discovery;

public sealed partial class EndpointSliceResourceStrategy
{
    /// <summary>How many ports and addresses a cell shows before "+ N more...".</summary>
    private const int Shown = 3;

    public override IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.Text("AddressType", "addressType specifies the type of address carried by this EndpointSlice. All addresses in this slice must be the same type. This field is immutable after creation."),
        TableColumn.Text("Ports", "ports specifies the list of network ports exposed by each endpoint in this slice. Each port must have a unique name. When ports is empty, it indicates that there are no defined ports."),
        TableColumn.Text("Endpoints", "endpoints is a list of unique endpoints in this slice. Each slice may include a maximum of 1000 endpoints."),
        TableColumn.Age,
    ];

    public override void TableRow(EndpointSlice value, DateTime now, List<object?> cells)
    {
        cells.Add(value.AddressType);
        cells.Add(PortsText(value.Ports));
        cells.Add(EndpointsText(value.Endpoints));
        cells.Add(TableFormat.Age(value.Metadata.CreationTimestamp, now));
    }

    /// <summary>kubectl's Ports cell: each port's number, else its name, else "*" (all ports); "&lt;unset&gt;" when none.</summary>
    public static string PortsText(IReadOnlyList<EndpointPort>? ports) =>
        WithMore((ports ?? []).Select(p => p.Port is int n ? n.ToString(CultureInfo.InvariantCulture) : p.Name ?? "*").ToList());

    /// <summary>kubectl's Endpoints cell: every address of every endpoint; "&lt;unset&gt;" when none.</summary>
    public static string EndpointsText(IReadOnlyList<Endpoint>? endpoints) =>
        WithMore((endpoints ?? []).SelectMany(e => e.Addresses ?? []).ToList());

    /// <summary>The first three joined with commas, the rest counted as " + N more..." (listWithMoreString).</summary>
    private static string WithMore(List<string> all)
    {
        string shown = string.Join(",", all.Take(Shown));
        if (all.Count > Shown)
        {
            return $"{shown} + {(all.Count - Shown).ToString(CultureInfo.InvariantCulture)} more...";
        }
        return shown.Length == 0 ? "<unset>" : shown;
    }
}
