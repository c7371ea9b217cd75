using System.CommandLine;
using Grpc.Core;
using RaftOrchestrator.Ctl.Etcd;
using RaftOrchestrator.Ctl.Output;

namespace RaftOrchestrator.Ctl.Cli;

/// <summary>
/// Runs a command's action with its <see cref="CtlContext"/> and turns failures into an exit code and one line
/// on standard error: the server's status detail for a gRPC error (exit 1), the reason for a command that cannot
/// proceed (exit 1), or the problem and a pointer to the help for an argument the parser let through (exit 2).
/// </summary>
internal sealed class CommandRunner(GlobalOptions globals, CtlConsole console, TimeProvider time)
{
    /// <summary>The longest --timeout accepted (a day): beyond it a mistyped value, not a wish.</summary>
    private const double MaxTimeoutSeconds = 86_400;

    public void SetAction(Command command, Func<ParseResult, CtlContext, CancellationToken, Task<int>> action)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(action);
        command.SetAction(async (parse, ct) =>
        {
            TimeSpan timeout = TimeSpan.Zero;
            try
            {
                timeout = TimeoutOf(parse);
                using var context = new CtlContext(console, time, EndpointsOf(parse), timeout);
                return await action(parse, context, ct);
            }
            catch (CommandException e)
            {
                await console.Error.WriteLineAsync("Error: " + e.Message);
                if (e.ExitCode == ExitCodes.Usage)
                {
                    await console.Error.WriteLineAsync($"Run '{PathOf(parse)} --help' for usage.");
                }
                return e.ExitCode;
            }
            catch (RpcException e)
            {
                await console.Error.WriteLineAsync("Error: " + RpcErrors.Describe(e, timeout));
                return ExitCodes.Failed;
            }
            catch (NoEndpointAnsweredException e)
            {
                await console.Error.WriteLineAsync("Error: no endpoint answered: " + e.Message);
                return ExitCodes.Failed;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                await console.Error.WriteLineAsync("Error: cancelled.");
                return ExitCodes.Failed;
            }
        });
    }

    private IReadOnlyList<Uri> EndpointsOf(ParseResult parse)
    {
        try
        {
            return EndpointList.Parse(parse.GetValue(globals.Endpoints) ?? GlobalOptions.DefaultEndpoint);
        }
        catch (FormatException e)
        {
            throw CommandException.Usage("--endpoints: " + e.Message);
        }
    }

    private TimeSpan TimeoutOf(ParseResult parse)
    {
        double seconds = parse.GetValue(globals.Timeout);
        return seconds is > 0 and <= MaxTimeoutSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw CommandException.Usage($"--timeout must be more than 0 and at most {MaxTimeoutSeconds} seconds.");
    }

    /// <summary>"roctl members remove": the command as typed, for the help pointer.</summary>
    private static string PathOf(ParseResult parse)
    {
        var names = new List<string>();
        for (System.CommandLine.Parsing.SymbolResult? result = parse.CommandResult; result is not null; result = result.Parent)
        {
            if (result is System.CommandLine.Parsing.CommandResult { Command: not RootCommand } command)
            {
                names.Add(command.Command.Name);
            }
        }
        names.Add("roctl");
        names.Reverse();
        return string.Join(' ', names);
    }
}
