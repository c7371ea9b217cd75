using System.Net.Sockets;
using Grpc.Core;
using RaftOrchestrator.Chaos.History;
using RaftOrchestrator.Chaos.Runner.Recording;

namespace RaftOrchestrator.Chaos.Runner.Tests;

public sealed class OutcomeClassifierTests
{
    [Theory]
    [InlineData(StatusCode.InvalidArgument)]
    [InlineData(StatusCode.OutOfRange)]
    [InlineData(StatusCode.FailedPrecondition)]
    [InlineData(StatusCode.NotFound)]
    [InlineData(StatusCode.Unimplemented)]
    [InlineData(StatusCode.ResourceExhausted)]
    public void A_status_the_server_returns_before_proposing_is_a_definite_failure(StatusCode code) =>
        Assert.Equal(OperationOutcome.Failed, OutcomeClassifier.Classify(new RpcException(new Status(code, "etcdserver: no"))));

    [Theory]
    [InlineData(StatusCode.DeadlineExceeded)]
    [InlineData(StatusCode.Cancelled)]
    [InlineData(StatusCode.Unknown)]
    [InlineData(StatusCode.Internal)]
    [InlineData(StatusCode.Aborted)]
    public void A_status_that_may_follow_a_proposal_is_unknown(StatusCode code) =>
        Assert.Equal(OperationOutcome.Unknown, OutcomeClassifier.Classify(new RpcException(new Status(code, "lost"))));

    [Fact]
    public void Unavailable_after_sending_no_leader_or_timed_out_is_unknown()
    {
        Assert.Equal(OperationOutcome.Unknown, OutcomeClassifier.Classify(new RpcException(new Status(StatusCode.Unavailable, "etcdserver: no leader"))));
        Assert.Equal(OperationOutcome.Unknown, OutcomeClassifier.Classify(new RpcException(new Status(StatusCode.Unavailable, "etcdserver: request timed out"))));
        var reset = new HttpRequestException("reset", new IOException("x", new SocketException((int)SocketError.ConnectionReset)));
        Assert.Equal(OperationOutcome.Unknown, OutcomeClassifier.Classify(new RpcException(new Status(StatusCode.Unavailable, "reset", reset))));
    }

    [Fact]
    public void A_refused_connection_never_sent_the_request_so_it_failed()
    {
        var refused = new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused));
        Assert.Equal(OperationOutcome.Failed, OutcomeClassifier.Classify(new RpcException(new Status(StatusCode.Unavailable, "Error starting gRPC call", refused))));
        Assert.Equal(OperationOutcome.Failed, OutcomeClassifier.Classify(refused));
    }

    [Fact]
    public void Timeouts_and_cancellations_outside_grpc_are_unknown()
    {
        Assert.Equal(OperationOutcome.Unknown, OutcomeClassifier.Classify(new OperationCanceledException()));
        Assert.Equal(OperationOutcome.Unknown, OutcomeClassifier.Classify(new IOException("broken pipe")));
    }
}
