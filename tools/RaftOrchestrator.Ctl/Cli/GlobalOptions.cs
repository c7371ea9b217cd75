using System.CommandLine;

namespace RaftOrchestrator.Ctl.Cli;

/// <summary>The options every command accepts (recursive on the root command), and the shared `-w/--output`.</summary>
internal sealed class GlobalOptions
{
    public const string DefaultEndpoint = "127.0.0.1:2379";

    public Option<string> Endpoints { get; } = new("--endpoints")
    {
        Description = "Comma-separated client endpoints, host:port or http://host:port; calls go to the first "
            + "that answers.",
        DefaultValueFactory = _ => DefaultEndpoint,
        Recursive = true,
    };

    public Option<double> Timeout { get; } = new("--timeout")
    {
        Description = "Seconds a call may take (for snapshot save: the longest pause in the stream).",
        DefaultValueFactory = _ => 10,
        Recursive = true,
    };

    public void AddTo(RootCommand root)
    {
        root.Options.Add(Endpoints);
        root.Options.Add(Timeout);
    }

    /// <summary>A new `-w/--output` option, for the commands whose result is a list.</summary>
    public static Option<OutputFormat> Output() => new("--output", "-w")
    {
        Description = "Output format.",
        DefaultValueFactory = _ => OutputFormat.Table,
    };
}
