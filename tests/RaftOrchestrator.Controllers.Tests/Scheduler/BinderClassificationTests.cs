using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Scheduling;
using RaftOrchestrator.Client;
using RaftOrchestrator.Controllers.Scheduler;

namespace RaftOrchestrator.Controllers.Tests.Scheduler;

public sealed class BinderClassificationTests
{
    [Theory]
    [InlineData(201, null, null, BindOutcomeKind.Bound)]
    [InlineData(404, "NotFound", "pods \"p\" not found", BindOutcomeKind.Gone)]
    [InlineData(409, "Conflict", "pod p is already assigned to node \"n2\"", BindOutcomeKind.Gone)]
    [InlineData(409, "Conflict", "pod p is being deleted, cannot be assigned to a host", BindOutcomeKind.Gone)]
    [InlineData(409, "OutOfCapacity", "node n1: Insufficient cpu", BindOutcomeKind.Refused)]
    [InlineData(409, "Conflict", "the node kept changing", BindOutcomeKind.Refused)]
    public void BatchResults_MapToOutcomes(int code, string? reason, string? message, BindOutcomeKind expected)
    {
        BindOutcome outcome = BindingBatchBinder.Classify(new BindingResult { Code = code, Reason = reason, Message = message });
        Assert.Equal(expected, outcome.Kind);
        if (!outcome.IsBound)
        {
            Assert.Equal(message, outcome.Message);
        }
    }

    [Theory]
    [InlineData(404, "NotFound", "pods \"p\" not found", BindOutcomeKind.Gone)]
    [InlineData(409, "Conflict", "pod p is already assigned to node \"n2\"", BindOutcomeKind.Gone)]
    [InlineData(409, "Conflict", "the pod kept changing; please try again", BindOutcomeKind.Refused)]
    [InlineData(503, "ServiceUnavailable", "no replica reachable", BindOutcomeKind.Failed)]
    [InlineData(500, "InternalError", "boom", BindOutcomeKind.Failed)]
    public void PodBindingStatuses_MapToOutcomes(int code, string reason, string message, BindOutcomeKind expected)
    {
        ApiResult<Status> result = ApiResult.Fail<Status>(new Status { Outcome = "Failure", Code = code, Reason = reason, Message = message });
        Assert.Equal(new BindOutcome(expected, message), SinglePodBinder.Classify(result));
        Assert.True(SinglePodBinder.Classify(ApiResult.Ok(new Status { Outcome = "Success", Code = 201 })).IsBound);
    }
}
