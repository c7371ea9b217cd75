namespace RaftOrchestrator.Api.Registration;

/// <summary>A column of a server-side Table; priority 1 columns appear only with <c>-o wide</c>.</summary>
public sealed record TableColumn(string Name, string Type, string Format, string Description, int Priority = 0)
{
    public static TableColumn ObjectName { get; } = new("Name", "string", "name", "Name must be unique within a namespace.");

    public static TableColumn Age { get; } = new("Age", "string", "", "CreationTimestamp is a timestamp representing the server time when this object was created.");

    public static TableColumn Text(string name, string description = "", int priority = 0) => new(name, "string", "", description, priority);

    public static TableColumn Number(string name, string description = "", int priority = 0) => new(name, "integer", "", description, priority);
}
