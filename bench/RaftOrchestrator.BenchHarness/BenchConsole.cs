using Spectre.Console;

namespace RaftOrchestrator.BenchHarness;

/// <summary>
/// The console the result tables are drawn on: rounded and coloured on a terminal; ASCII, no colour and never
/// wrapped (400 columns) when the output is redirected, so that a log or a pipe gets plain text.
/// </summary>
public static class BenchConsole
{
    public static IAnsiConsole Create(TextWriter output, out TableBorder border)
    {
        bool terminal = !Console.IsOutputRedirected;
        IAnsiConsole console = AnsiConsole.Create(terminal
            ? new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) }
            : new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(output),
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
            });
        if (!terminal)
        {
            console.Profile.Width = 400;
        }
        border = terminal ? TableBorder.Rounded : TableBorder.Ascii;
        return console;
    }
}
