namespace RaftOrchestrator.Api.Protobuf;

/// <summary>A message descriptor: its Go type name and fields by number.</summary>
internal sealed class ProtoMessage
{
    private readonly Dictionary<int, ProtoField> _fields;

    public ProtoMessage(string name, IEnumerable<ProtoField> fields)
    {
        Name = name;
        _fields = fields.ToDictionary(f => f.Number);
    }

    public string Name { get; }

    public IEnumerable<ProtoField> Fields => _fields.Values;

    public ProtoField? Find(int number) => _fields.GetValueOrDefault(number);
}
