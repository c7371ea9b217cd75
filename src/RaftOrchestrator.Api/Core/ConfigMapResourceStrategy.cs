using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Core;

public sealed class ConfigMapResourceStrategy : ResourceStrategy<ConfigMap>
{
    private const int MaxTotalBytes = 1024 * 1024;

    public override IReadOnlyList<TableColumn> Columns { get; } = [TableColumn.Number("Data", "Number of data entries"), TableColumn.Age];

    public override void TableRow(ConfigMap value, DateTime now, List<object?> cells)
    {
        cells.Add((value.Data?.Count ?? 0) + (value.BinaryData?.Count ?? 0));
        cells.Add(TableFormat.Age(value.Metadata.CreationTimestamp, now));
    }

    public override void Validate(ConfigMap value, FieldErrorList errors)
    {
        long total = 0;
        foreach ((string key, string data) in value.Data ?? [])
        {
            NameValidation.ConfigMapKey($"data[{key}]", key, errors);
            total += key.Length + data.Length;
            if (value.BinaryData?.ContainsKey(key) == true)
            {
                errors.Invalid($"data[{key}]", key, "duplicate of key present in binaryData");
            }
        }
        foreach ((string key, byte[] data) in value.BinaryData ?? [])
        {
            NameValidation.ConfigMapKey($"binaryData[{key}]", key, errors);
            total += key.Length + data.Length;
        }
        if (total > MaxTotalBytes)
        {
            errors.TooLong("", MaxTotalBytes);
        }
    }

    public override void ValidateUpdate(ConfigMap value, ConfigMap old, FieldErrorList errors)
    {
        if (old.Immutable == true)
        {
            if (value.Immutable != true)
            {
                errors.Forbidden("immutable", "field is immutable when `immutable` is set");
            }
            if (!SameData(value, old))
            {
                errors.Forbidden("data", "field is immutable when `immutable` is set");
            }
        }
        Validate(value, errors);
    }

    private static bool SameData(ConfigMap a, ConfigMap b) =>
        DictionaryEquality.Equal(a.Data, b.Data)
        && DictionaryEquality.Equal(a.BinaryData, b.BinaryData, static (x, y) => x.AsSpan().SequenceEqual(y));
}
