using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Core;

/// <summary>
/// Events written through core/v1. An event without eventTime is a legacy one (firstTimestamp, count, source); with
/// eventTime it is a new-style one, which must say who reported it and what happened.
/// </summary>
public sealed partial class EventResourceStrategy : ResourceStrategy<Event>
{
    private const int ReasonMax = 128;
    private const int ActionMax = 128;
    private const int ReportingInstanceMax = 128;
    private const int NoteMax = 1024;

    public override void Validate(Event value, FieldErrorList errors)
    {
        ObjectReference involved = value.InvolvedObject;
        string ns = value.Metadata.Namespace ?? "";
        if (string.IsNullOrEmpty(involved.Kind) && string.IsNullOrEmpty(involved.Name))
        {
            errors.Required("involvedObject", "must name the object the event is about");
        }
        if (value.EventTime is null)
        {
            // A cluster-scoped object's events live in "default" (or nowhere); a namespaced object's in its namespace.
            bool matches = string.IsNullOrEmpty(involved.Namespace) ? ns is "" or "default" : ns == involved.Namespace;
            if (!matches)
            {
                errors.Invalid("involvedObject.namespace", involved.Namespace ?? "", "does not match event.namespace");
            }
            return;
        }
        if (string.IsNullOrEmpty(involved.Namespace) && ns is not ("default" or "kube-system"))
        {
            errors.Invalid("involvedObject.namespace", "", "does not match event.namespace");
        }
        if (string.IsNullOrEmpty(value.ReportingComponent))
        {
            errors.Required("reportingComponent");
        }
        else
        {
            NameValidation.QualifiedName("reportingComponent", value.ReportingComponent, errors);
        }
        RequiredWithin("reportingInstance", value.ReportingInstance, ReportingInstanceMax, errors);
        RequiredWithin("action", value.Action, ActionMax, errors);
        RequiredWithin("reason", value.Reason, ReasonMax, errors);
        if (value.Message?.Length > NoteMax)
        {
            errors.Invalid("message", "", $"can have at most {NoteMax} characters");
        }
    }

    public override bool TryGetField(Event value, string field, out string? fieldValue)
    {
        ObjectReference involved = value.InvolvedObject;
        fieldValue = field switch
        {
            "involvedObject.kind" => involved.Kind ?? "",
            "involvedObject.namespace" => involved.Namespace ?? "",
            "involvedObject.name" => involved.Name ?? "",
            "involvedObject.uid" => involved.Uid ?? "",
            "involvedObject.apiVersion" => involved.ApiVersion ?? "",
            "involvedObject.resourceVersion" => involved.ResourceVersion ?? "",
            "involvedObject.fieldPath" => involved.FieldPath ?? "",
            "reason" => value.Reason ?? "",
            "reportingComponent" => value.ReportingComponent ?? "",
            "source" => value.Source?.Component ?? "",
            "type" => value.Type ?? "",
            _ => null,
        };
        return fieldValue is not null;
    }

    private static void RequiredWithin(string field, string? value, int max, FieldErrorList errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Required(field);
        }
        else if (value.Length > max)
        {
            errors.Invalid(field, "", $"can have at most {max} characters");
        }
    }
}
