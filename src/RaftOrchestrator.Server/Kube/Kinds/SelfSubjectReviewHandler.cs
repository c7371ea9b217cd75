using RaftOrchestrator.Api.Authentication;
using RaftOrchestrator.Server.Kube.Endpoints;

namespace RaftOrchestrator.Server.Kube.Kinds;

/// <summary>POST selfsubjectreviews (kubectl auth whoami): who the server thinks the requester is.</summary>
public sealed class SelfSubjectReviewHandler : ISubresourceHandler<SelfSubjectReview>
{
    public string Name => "";

    public async Task HandleAsync(ResourceEndpoint<SelfSubjectReview> endpoint, EndpointRequest request)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(request);
        (SelfSubjectReview? review, Api.Meta.Status? error) = await endpoint.ReadBodyAsync(request);
        if (error is not null)
        {
            await Replies.StatusAsync(request.Context, error);
            return;
        }
        review!.Status = new SelfSubjectReviewStatus
        {
            UserInfo = new Api.Authentication.UserInfo { Username = request.User.Name, Uid = request.User.Uid, Groups = [.. request.User.Groups] },
        };
        review.ApiVersion = endpoint.Descriptor.ApiVersion;
        review.Kind = endpoint.Descriptor.Kind;
        await endpoint.ReplyObjectAsync(request, review, 201);
    }
}
