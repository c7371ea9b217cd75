namespace RaftOrchestrator.Api.Tests.Patching.TestModels;

public sealed class TestCondition
{
    public string? Type { get; set; }

    public string? Status { get; set; }

    public string? Reason { get; set; }
}
