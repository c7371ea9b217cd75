using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Server.Kube.Admission;

/// <summary>The admission stages of the request pipeline: every mutating plugin in order, then (after validation) every validating one. The first refusal ends the request.</summary>
public sealed class AdmissionChain(IEnumerable<IMutatingAdmission> mutating, IEnumerable<IValidatingAdmission> validating)
{
    private readonly IMutatingAdmission[] _mutating = [.. mutating];
    private readonly IValidatingAdmission[] _validating = [.. validating];

    public async ValueTask<Status?> MutateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        foreach (IMutatingAdmission plugin in _mutating)
        {
            if (await plugin.AdmitAsync(request, cancellationToken) is { } refused)
            {
                return refused;
            }
        }
        return null;
    }

    public async ValueTask<Status?> ValidateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        foreach (IValidatingAdmission plugin in _validating)
        {
            if (await plugin.ValidateAsync(request, cancellationToken) is { } refused)
            {
                return refused;
            }
        }
        return null;
    }
}
