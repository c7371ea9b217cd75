using System.Globalization;

namespace RaftOrchestrator.Api.Validation;

/// <summary>
/// Collects validation failures. Messages follow Kubernetes' wording, which kubectl prints as
/// <c>The Pod "x" is invalid: spec.containers[0].image: Required value</c>.
/// </summary>
public sealed class FieldErrorList : List<FieldError>
{
    public void Required(string field, string? detail = null) =>
        Add(new FieldError("FieldValueRequired", field, detail is null ? "Required value" : $"Required value: {detail}"));

    public void Invalid(string field, object? value, string detail) =>
        Add(new FieldError("FieldValueInvalid", field, $"Invalid value: {Quote(value)}: {detail}"));

    public void NotSupported(string field, object? value, IEnumerable<string> supported) =>
        Add(new FieldError("FieldValueNotSupported", field,
            $"Unsupported value: {Quote(value)}: supported values: {string.Join(", ", supported.Select(s => $"\"{s}\""))}"));

    public void Duplicate(string field, object? value) =>
        Add(new FieldError("FieldValueDuplicate", field, $"Duplicate value: {Quote(value)}"));

    public void Forbidden(string field, string detail) =>
        Add(new FieldError("FieldValueForbidden", field, $"Forbidden: {detail}"));

    public void TooLong(string field, int max) =>
        Add(new FieldError("FieldValueTooLong", field, $"Too long: may not be more than {max.ToString(CultureInfo.InvariantCulture)} bytes"));

    /// <summary>A list longer than allowed: <c>Too many: 1001: must have at most 1000 items</c>.</summary>
    public void TooMany(string field, int actual, int max) =>
        Add(new FieldError("FieldValueTooMany", field,
            $"Too many: {actual.ToString(CultureInfo.InvariantCulture)}: must have at most {max.ToString(CultureInfo.InvariantCulture)} items"));

    /// <summary>The immutable-field failure of an update: <c>field is immutable</c>.</summary>
    public void Immutable(string field, object? value) =>
        Invalid(field, value, "field is immutable");

    private static string Quote(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => $"\"{value}\"",
    };
}
