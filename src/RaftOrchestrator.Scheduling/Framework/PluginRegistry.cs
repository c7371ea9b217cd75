using System.Diagnostics.CodeAnalysis;

namespace RaftOrchestrator.Scheduling.Framework;

/// <summary>Maps plugin names to factories taking the plugin's args (null for defaults).</summary>
public sealed class PluginRegistry
{
    private readonly Dictionary<string, Func<object?, IPlugin>> _factories = new(StringComparer.Ordinal);

    public IEnumerable<string> Names => _factories.Keys;

    public PluginRegistry Register(string name, Func<object?, IPlugin> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (!_factories.TryAdd(name, factory))
        {
            throw new ArgumentException($"plugin {name} is already registered", nameof(name));
        }
        return this;
    }

    public bool TryCreate(PluginRef plugin, [NotNullWhen(true)] out IPlugin? instance)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        instance = _factories.TryGetValue(plugin.Name, out Func<object?, IPlugin>? factory) ? factory(plugin.Args) : null;
        return instance is not null;
    }
}
