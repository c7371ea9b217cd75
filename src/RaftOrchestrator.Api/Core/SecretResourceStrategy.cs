using System.Text;
using System.Text.Json;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Core;

/// <summary>
/// Secrets: type Opaque by default, stringData folded into data (Kubernetes does it when converting the request),
/// the keys each well-known type requires, and the type fixed after create.
/// </summary>
public sealed class SecretResourceStrategy : ResourceStrategy<Secret>
{
    public const string Opaque = "Opaque";

    private const int MaxTotalBytes = 1024 * 1024;

    public override IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.Text("Type", "Used to facilitate programmatic handling of secret data."),
        TableColumn.Number("Data", "Number of data entries"),
        TableColumn.Age,
    ];

    public override void ApplyDefaults(Secret value)
    {
        if (string.IsNullOrEmpty(value.Type))
        {
            value.Type = Opaque;
        }
    }

    public override void PrepareForCreate(Secret value) => MergeStringData(value);

    public override void PrepareForUpdate(Secret value, Secret old) => MergeStringData(value);

    /// <summary>Moves stringData into data as UTF-8 (a key in both takes the stringData value); stringData is never stored.</summary>
    public static void MergeStringData(Secret value)
    {
        if (value.StringData is not { } strings)
        {
            return;
        }
        if (strings.Count > 0)
        {
            value.Data ??= [];
            foreach ((string key, string text) in strings)
            {
                value.Data[key] = Encoding.UTF8.GetBytes(text);
            }
        }
        value.StringData = null;
    }

    public override void Validate(Secret value, FieldErrorList errors)
    {
        long total = 0;
        foreach ((string key, byte[] data) in value.Data ?? [])
        {
            NameValidation.ConfigMapKey($"data[{key}]", key, errors);
            total += data.Length;
        }
        foreach (string key in value.StringData?.Keys ?? Enumerable.Empty<string>())
        {
            NameValidation.ConfigMapKey($"stringData[{key}]", key, errors);
        }
        if (total > MaxTotalBytes)
        {
            errors.TooLong("data", MaxTotalBytes);
        }
        TypeRequirements(value, errors);
    }

    public override void ValidateUpdate(Secret value, Secret old, FieldErrorList errors)
    {
        if ((value.Type ?? "") != (old.Type ?? ""))
        {
            errors.Immutable("type", value.Type);
        }
        if (old.Immutable == true)
        {
            if (value.Immutable != true)
            {
                errors.Forbidden("immutable", "field is immutable when `immutable` is set");
            }
            if (!DictionaryEquality.Equal(value.Data, old.Data, static (x, y) => x.AsSpan().SequenceEqual(y)))
            {
                errors.Forbidden("data", "field is immutable when `immutable` is set");
            }
        }
        Validate(value, errors);
    }

    public override void TableRow(Secret value, DateTime now, List<object?> cells)
    {
        cells.Add(value.Type ?? "");
        cells.Add(value.Data?.Count ?? 0);
        cells.Add(TableFormat.Age(value.Metadata.CreationTimestamp, now));
    }

    public override bool TryGetField(Secret value, string field, out string? fieldValue)
    {
        fieldValue = field == "type" ? value.Type ?? "" : null;
        return fieldValue is not null;
    }

    /// <summary>What Kubernetes requires of the well-known types; other types (Opaque, custom ones) carry anything.</summary>
    private static void TypeRequirements(Secret value, FieldErrorList errors)
    {
        Dictionary<string, byte[]> data = value.Data ?? [];
        switch (value.Type)
        {
            case "kubernetes.io/service-account-token":
                if (value.Metadata.Annotations?.GetValueOrDefault("kubernetes.io/service-account.name") is not { Length: > 0 })
                {
                    errors.Required("metadata.annotations[kubernetes.io/service-account.name]");
                }
                break;
            case "kubernetes.io/dockercfg":
                RequireJson(data, ".dockercfg", errors);
                break;
            case "kubernetes.io/dockerconfigjson":
                RequireJson(data, ".dockerconfigjson", errors);
                break;
            case "kubernetes.io/basic-auth":
                if (!data.ContainsKey("username") && !data.ContainsKey("password"))
                {
                    errors.Required("data[username]");
                    errors.Required("data[password]");
                }
                break;
            case "kubernetes.io/ssh-auth":
                if (!data.TryGetValue("ssh-privatekey", out byte[]? key) || key.Length == 0)
                {
                    errors.Required("data[ssh-privatekey]");
                }
                break;
            case "kubernetes.io/tls":
                if (!data.ContainsKey("tls.crt"))
                {
                    errors.Required("data[tls.crt]");
                }
                if (!data.ContainsKey("tls.key"))
                {
                    errors.Required("data[tls.key]");
                }
                break;
        }
    }

    private static void RequireJson(Dictionary<string, byte[]> data, string key, FieldErrorList errors)
    {
        if (!data.TryGetValue(key, out byte[]? bytes) || bytes.Length == 0)
        {
            errors.Required($"data[{key}]");
            return;
        }
        try
        {
            using var document = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            errors.Invalid($"data[{key}]", "<secret contents redacted>", e.Message);
        }
    }
}
