using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace RaftOrchestrator.Chaos.History;

/// <summary>JSON lines: one record per line, no framing, so that a truncated file (a killed run) loses only its tail.</summary>
public static class JsonLines
{
    public static void Write<T>(TextWriter writer, IEnumerable<T> records, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(records);
        foreach (T record in records)
        {
            writer.Write(JsonSerializer.Serialize(record, typeInfo));
            writer.Write('\n');
        }
    }

    /// <summary>
    /// Reads every complete line. A last line cut short by a crash is skipped; a malformed line anywhere else throws
    /// (a history that does not parse must not be checked as if it were shorter).
    /// </summary>
    public static List<T> Read<T>(TextReader reader, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var records = new List<T>();
        string? line = reader.ReadLine();
        int number = 0;
        while (line is not null)
        {
            number++;
            string? next = reader.ReadLine();
            if (!string.IsNullOrWhiteSpace(line))
            {
                try
                {
                    records.Add(JsonSerializer.Deserialize(line, typeInfo)
                        ?? throw new InvalidDataException($"line {number}: null record"));
                }
                catch (JsonException) when (next is null)
                {
                    // A torn last line: the recorder was killed mid-write.
                }
            }
            line = next;
        }
        return records;
    }
}
