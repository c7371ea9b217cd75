namespace RaftOrchestrator.Server.Tests.Harness;

/// <summary>Every class of this project shares one server and runs one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}
