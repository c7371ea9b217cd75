using Spectre.Console;
using Spectre.Console.Rendering;

namespace RaftOrchestrator.Ctl.Output;

/// <summary>
/// Where a command writes: results to <see cref="Out"/>, diagnostics and errors to <see cref="Error"/>.
/// Tables go through Spectre.Console. When the output is not a terminal (a pipe, a file, a test) they are
/// drawn in ASCII, with no colour or control codes and never wrapped, so what a script reads is plain text.
/// Cell text is never read as Spectre markup: URLs and error messages may hold brackets.
/// </summary>
internal sealed class CtlConsole
{
    /// <summary>Width given to a table that is not written to a terminal: wide enough that no row wraps.</summary>
    private const int PlainWidth = 4_096;

    private readonly IAnsiConsole _tables;
    private readonly bool _isTerminal;

    public CtlConsole(TextWriter output, TextWriter error, bool isTerminal)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        Out = output;
        Error = error;
        _isTerminal = isTerminal;
        _tables = AnsiConsole.Create(isTerminal
            ? new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) }
            : new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(output),
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
            });
        if (!isTerminal)
        {
            _tables.Profile.Width = PlainWidth;
        }
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public Table NewTable(params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var table = new Table { Border = _isTerminal ? TableBorder.Rounded : TableBorder.Ascii };
        foreach (string column in columns)
        {
            table.AddColumn(new TableColumn(new Text(column)));
        }
        return table;
    }

    public static void AddRow(Table table, params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(cells);
        table.AddRow(cells.Select(cell => (IRenderable)new Text(cell)));
    }

    public void Write(Table table) => _tables.Write(table);
}
