using RaftOrchestrator.Agent.Runtime;

namespace RaftOrchestrator.Agent.Tests.Runtime;

public sealed class RuntimeResultTests
{
    [Fact]
    public void Default_result_is_success()
    {
        Assert.True(RuntimeResult.Ok.IsOk);
        Assert.Null(RuntimeResult.Ok.Error);
    }

    [Fact]
    public void Failure_carries_code_and_message()
    {
        RuntimeResult<string> failed = RuntimeResult<string>.Fail(RuntimeErrorCode.CreateContainerError, "no command");
        Assert.False(failed.IsOk);
        Assert.Null(failed.Value);
        Assert.Equal(new RuntimeError(RuntimeErrorCode.CreateContainerError, "no command"), failed.Error);
        Assert.Equal("id-1", RuntimeResult<string>.Ok("id-1").Value);
    }
}
