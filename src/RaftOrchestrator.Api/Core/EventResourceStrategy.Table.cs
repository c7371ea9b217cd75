using RaftOrchestrator.Api.Registration;

namespace RaftOrchestrator.Api.Core;

public sealed partial class EventResourceStrategy
{
    public override bool LeadingNameColumn => false;

    public override IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.Text("Last Seen", "The time at which the most recent occurrence of this event was recorded."),
        TableColumn.Text("Type", "Type of this event (Normal, Warning), new types could be added in the future"),
        TableColumn.Text("Reason", "This should be a short, machine understandable string that gives the reason for the transition into the object's current status."),
        TableColumn.Text("Object", "The object that this event is about."),
        TableColumn.Text("Subobject", "If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement.", priority: 1),
        TableColumn.Text("Source", "The component reporting this event. Should be a short machine understandable string.", priority: 1),
        TableColumn.Text("Message", "A human-readable description of the status of this operation."),
        TableColumn.Text("First Seen", "The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)", priority: 1),
        TableColumn.Text("Count", "The number of times this event has occurred.", priority: 1),
        TableColumn.ObjectName with { Priority = 1 },
    ];

    /// <summary>
    /// kubectl's event row: first seen falls back to eventTime, last seen to the series' last observation or first
    /// seen, the count to the series' count or 1, and the object reads "kind/name" in lower case.
    /// </summary>
    public override void TableRow(Event value, DateTime now, List<object?> cells)
    {
        string firstSeen = TableFormat.Age(value.FirstTimestamp ?? value.EventTime, now);
        string lastSeen = value.LastTimestamp is { } last ? TableFormat.Age(last, now) : firstSeen;
        int count = value.Count is > 0 and int c ? c : 1;
        if (value.Series is { } series)
        {
            lastSeen = TableFormat.Age(series.LastObservedTime, now);
            count = series.Count ?? 0;
        }
        ObjectReference involved = value.InvolvedObject;
        string kind = (involved.Kind ?? "").ToLowerInvariant();
        cells.Add(lastSeen);
        cells.Add(value.Type ?? "");
        cells.Add(value.Reason ?? "");
        cells.Add(string.IsNullOrEmpty(involved.Name) ? kind : $"{kind}/{involved.Name}");
        cells.Add(involved.FieldPath ?? "");
        cells.Add(SourceText(value));
        cells.Add((value.Message ?? "").Trim());
        cells.Add(firstSeen);
        cells.Add(count);
        cells.Add(value.Metadata.Name ?? "");
    }

    /// <summary>"component, host", each falling back to the new-style reporting component and instance.</summary>
    public static string SourceText(Event value)
    {
        string component = value.Source?.Component is { Length: > 0 } c ? c : value.ReportingComponent ?? "";
        string host = value.Source?.Host is { Length: > 0 } h ? h : value.ReportingInstance ?? "";
        return host.Length == 0 ? component : $"{component}, {host}";
    }
}
