using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Tests.Core;

internal static class PodFixtures
{
    public static readonly DateTime Created = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    public static Pod Minimal() => new()
    {
        Metadata = { Name = "web", Namespace = "default", CreationTimestamp = Created },
        Spec = { Containers = [new Container { Name = "web", Image = "nginx:1.27" }] },
    };

    /// <summary>Defaults, then validation, as the server runs them on create.</summary>
    public static FieldErrorList DefaultAndValidate(Pod pod)
    {
        var strategy = new PodResourceStrategy();
        strategy.ApplyDefaults(pod);
        var errors = new FieldErrorList();
        strategy.Validate(pod, errors);
        return errors;
    }
}
