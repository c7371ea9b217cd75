using RaftOrchestrator.Api.Authorization;
using RaftOrchestrator.Server.Kube.Auth;
using RaftOrchestrator.Server.Kube.Endpoints;

namespace RaftOrchestrator.Server.Kube.Kinds;

/// <summary>POST selfsubjectaccessreviews (kubectl auth can-i): the authorizer's answer for the requesting user; nothing is stored.</summary>
public sealed class SelfSubjectAccessReviewHandler(IAuthorizer authorizer) : ISubresourceHandler<SelfSubjectAccessReview>
{
    public string Name => "";

    public async Task HandleAsync(ResourceEndpoint<SelfSubjectAccessReview> endpoint, EndpointRequest request)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(request);
        (SelfSubjectAccessReview? review, Api.Meta.Status? error) = await endpoint.ReadBodyAsync(request);
        if (error is not null)
        {
            await Replies.StatusAsync(request.Context, error);
            return;
        }
        ResourceAttributes? attributes = review!.Spec.ResourceAttributes;
        RequestInfo? asked = attributes is null ? null
            : new RequestInfo(attributes.Group ?? "", attributes.Version ?? "", attributes.Namespace, attributes.Resource ?? "", attributes.Name, attributes.Subresource);
        string verb = attributes?.Verb ?? review.Spec.NonResourceAttributes?.Verb ?? "";
        AuthorizationDecision decision = authorizer.Authorize(request.User, verb, asked, review.Spec.NonResourceAttributes?.Path ?? "");
        review.Status = new SubjectAccessReviewStatus { Allowed = decision.Allowed, Reason = decision.Reason.Length == 0 ? null : decision.Reason };
        review.ApiVersion = endpoint.Descriptor.ApiVersion;
        review.Kind = endpoint.Descriptor.Kind;
        await endpoint.ReplyObjectAsync(request, review, 201);
    }
}
