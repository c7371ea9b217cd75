using System.Text.RegularExpressions;

namespace RaftOrchestrator.Api.Validation;

/// <summary>Kubernetes' name and label grammars (apimachinery util/validation), with its error wording.</summary>
public static partial class NameValidation
{
    private const string Dns1123LabelMessage = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
    private const string Dns1123SubdomainMessage = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    private const string Dns1035LabelMessage = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
    private const string QualifiedNameMessage = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
    private const string LabelValueMessage = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
    private const string ConfigKeyMessage = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";
    private const string EnvVarMessage = "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

    public static bool IsDns1123Label(string? value) => value is { Length: > 0 and <= 63 } && Dns1123Label().IsMatch(value);

    public static bool IsDns1123Subdomain(string? value) => value is { Length: > 0 and <= 253 } && Dns1123Subdomain().IsMatch(value);

    public static bool IsDns1035Label(string? value) => value is { Length: > 0 and <= 63 } && Dns1035Label().IsMatch(value);

    /// <summary>A label or annotation key: an optional DNS subdomain prefix and "/", then a name of at most 63 characters.</summary>
    public static bool IsQualifiedName(string? value) => QualifiedNameProblem(value) is null;

    public static bool IsLabelValue(string? value) => value is not null && value.Length <= 63 && LabelValue().IsMatch(value);

    /// <summary>The first problem of a qualified name, in Kubernetes' words, or null when it is valid.</summary>
    public static string? QualifiedNameProblem(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "name part must be non-empty";
        }
        string name = value;
        int slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            string prefix = value[..slash];
            name = value[(slash + 1)..];
            if (prefix.Length == 0)
            {
                return "prefix part must be non-empty";
            }
            if (!IsDns1123Subdomain(prefix))
            {
                return "prefix part " + Dns1123SubdomainMessage;
            }
        }
        if (name.Length == 0)
        {
            return "name part must be non-empty";
        }
        if (name.Length > 63)
        {
            return "name part must be no more than 63 characters";
        }
        return QualifiedNamePart().IsMatch(name) ? null : QualifiedNameMessage;
    }

    /// <summary>The problems of a label value, in Kubernetes' words and joined with "; ", or null when it is valid.</summary>
    public static string? LabelValueProblem(string value)
    {
        string? tooLong = value.Length > 63 ? "must be no more than 63 characters" : null;
        string? shape = LabelValue().IsMatch(value) ? null : LabelValueMessage;
        return tooLong is not null && shape is not null ? $"{tooLong}; {shape}" : tooLong ?? shape;
    }

    public static void Dns1123Label(string field, string? value, FieldErrorList errors) => Check(field, value, IsDns1123Label(value), 63, Dns1123LabelMessage, errors);

    public static void Dns1123Subdomain(string field, string? value, FieldErrorList errors) => Check(field, value, IsDns1123Subdomain(value), 253, Dns1123SubdomainMessage, errors);

    public static void Dns1035Label(string field, string? value, FieldErrorList errors) => Check(field, value, IsDns1035Label(value), 63, Dns1035LabelMessage, errors);

    public static void QualifiedName(string field, string? value, FieldErrorList errors)
    {
        if (QualifiedNameProblem(value) is { } problem)
        {
            errors.Invalid(field, value, problem);
        }
    }

    public static void LabelValue(string field, string? value, FieldErrorList errors)
    {
        if (value is not null && value.Length > 63)
        {
            errors.Invalid(field, value, "must be no more than 63 characters");
        }
        else if (!IsLabelValue(value ?? ""))
        {
            errors.Invalid(field, value, LabelValueMessage);
        }
    }

    public static void ConfigMapKey(string field, string key, FieldErrorList errors)
    {
        if (key.Length > 253)
        {
            errors.Invalid(field, key, "must be no more than 253 characters");
        }
        else if (!ConfigKey().IsMatch(key))
        {
            errors.Invalid(field, key, ConfigKeyMessage);
        }
        else if (key is "." or "..")
        {
            errors.Invalid(field, key, key == "." ? "must not be '.'" : "must not be '..'");
        }
    }

    public static void EnvVarName(string field, string? name, FieldErrorList errors)
    {
        if (string.IsNullOrEmpty(name))
        {
            errors.Required(field);
        }
        else if (!EnvVar().IsMatch(name))
        {
            errors.Invalid(field, name, EnvVarMessage);
        }
    }

    /// <summary>An IANA service name (a named port): at most 15 characters, lowercase letters, digits and single hyphens, at least one letter.</summary>
    public static string? PortNameProblem(string name)
    {
        if (name.Length is 0 or > 15)
        {
            return "must be no more than 15 characters";
        }
        if (!PortName().IsMatch(name))
        {
            return "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)";
        }
        if (!name.Any(char.IsAsciiLetterLower))
        {
            return "must contain at least one letter (a-z)";
        }
        if (name.Contains("--", StringComparison.Ordinal) || name.StartsWith('-') || name.EndsWith('-'))
        {
            return "must not contain consecutive hyphens, and must not begin or end with a hyphen";
        }
        return null;
    }

    private static void Check(string field, string? value, bool ok, int max, string message, FieldErrorList errors)
    {
        if (ok)
        {
            return;
        }
        if (value is not null && value.Length > max)
        {
            errors.Invalid(field, value, $"must be no more than {max} characters");
        }
        else
        {
            errors.Invalid(field, value, message);
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1123Label();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Dns1123Subdomain();

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1035Label();

    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")]
    private static partial Regex QualifiedNamePart();

    [GeneratedRegex("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();

    [GeneratedRegex("^[-._a-zA-Z0-9]+$")]
    private static partial Regex ConfigKey();

    [GeneratedRegex("^[-._a-zA-Z][-._a-zA-Z0-9]*$")]
    private static partial Regex EnvVar();

    [GeneratedRegex("^[-a-z0-9]+$")]
    private static partial Regex PortName();
}
