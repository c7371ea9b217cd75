using System.Text.Json;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.Server.Kube;

/// <summary>
/// meta.k8s.io/v1 Table, what kubectl get prints: the kind's columns (Name first), one row of preformatted cells per
/// object, and per row the object's metadata (PartialObjectMetadata, which kubectl needs for -A, --show-labels and
/// --sort-by), the whole object (includeObject=Object) or nothing (None).
/// </summary>
public static class TableWriter
{
    public static void Write<T>(Utf8JsonWriter writer, ResourceDescriptor<T> descriptor, IReadOnlyList<T> items, string? resourceVersion,
        string? continueToken, string includeObject, DateTime now, bool columns) where T : class, IKubernetesObject, new()
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(items);
        writer.WriteStartObject();
        writer.WriteString("kind", "Table");
        writer.WriteString("apiVersion", "meta.k8s.io/v1");
        writer.WriteStartObject("metadata");
        if (resourceVersion is not null)
        {
            writer.WriteString("resourceVersion", resourceVersion);
        }
        if (continueToken is not null)
        {
            writer.WriteString("continue", continueToken);
        }
        writer.WriteEndObject();
        if (columns)
        {
            WriteColumns(writer, descriptor.Strategy.LeadingNameColumn ? [TableColumn.ObjectName, .. descriptor.Strategy.Columns] : descriptor.Strategy.Columns);
        }
        else
        {
            writer.WriteNull("columnDefinitions");
        }
        writer.WriteStartArray("rows");
        var cells = new List<object?>();
        foreach (T item in items)
        {
            WriteRow(writer, descriptor, item, includeObject, now, cells);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteColumns(Utf8JsonWriter writer, IReadOnlyList<TableColumn> columns)
    {
        writer.WriteStartArray("columnDefinitions");
        foreach (TableColumn column in columns)
        {
            writer.WriteStartObject();
            writer.WriteString("name", column.Name);
            writer.WriteString("type", column.Type);
            writer.WriteString("format", column.Format);
            writer.WriteString("description", column.Description);
            writer.WriteNumber("priority", column.Priority);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteRow<T>(Utf8JsonWriter writer, ResourceDescriptor<T> descriptor, T item, string includeObject, DateTime now, List<object?> cells)
        where T : class, IKubernetesObject, new()
    {
        cells.Clear();
        if (descriptor.Strategy.LeadingNameColumn)
        {
            cells.Add(item.Metadata.Name);
        }
        descriptor.Strategy.TableRow(item, now, cells);
        writer.WriteStartObject();
        writer.WriteStartArray("cells");
        foreach (object? cell in cells)
        {
            WriteCell(writer, cell);
        }
        writer.WriteEndArray();
        switch (includeObject)
        {
            case "None":
                break;
            case "Object":
                writer.WritePropertyName("object");
                JsonSerializer.Serialize(writer, item, ApiJson.TypeInfo<T>());
                break;
            default:
                writer.WriteStartObject("object");
                writer.WriteString("kind", "PartialObjectMetadata");
                writer.WriteString("apiVersion", "meta.k8s.io/v1");
                writer.WritePropertyName("metadata");
                JsonSerializer.Serialize(writer, item.Metadata, ApiJson.TypeInfo<ObjectMeta>());
                writer.WriteEndObject();
                break;
        }
        writer.WriteEndObject();
    }

    private static void WriteCell(Utf8JsonWriter writer, object? cell)
    {
        switch (cell)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            default:
                writer.WriteStringValue(cell.ToString());
                break;
        }
    }
}
