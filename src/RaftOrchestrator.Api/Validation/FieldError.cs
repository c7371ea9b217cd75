namespace RaftOrchestrator.Api.Validation;

/// <summary>One validation failure of one field, worded as Kubernetes' field.Error.</summary>
/// <param name="Type">The Status cause reason: FieldValueRequired, FieldValueInvalid, FieldValueNotSupported, FieldValueDuplicate, FieldValueForbidden, FieldValueTooLong, FieldValueTooMany.</param>
/// <param name="Field">The field path, e.g. "spec.template.spec.containers[0].image".</param>
/// <param name="Message">The sentence after the field, e.g. "Required value: name or generateName is required".</param>
public sealed record FieldError(string Type, string Field, string Message);
