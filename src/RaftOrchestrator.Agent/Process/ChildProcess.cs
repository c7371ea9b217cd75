using System.Runtime.InteropServices;
using RaftOrchestrator.Agent.Logs;

namespace RaftOrchestrator.Agent.Process;

/// <summary>
/// A process the runtime spawned, leading its own session and process group, and the thread that pumps its output
/// into a sink and observes its exit. <see cref="Exited"/> completes once the exit is recorded and the output drained.
/// </summary>
/// <remarks>
/// One pump thread per child polls the stdout pipe, the stderr pipe and a pidfd (readable when the child has exited).
/// On exit it kills what is left of the group (a container's processes end with its main process, as they do with
/// a pid namespace's init), reaps the child, then reads the pipes until they close or
/// <c>drainTimeout</c> passes (a process that left the group may hold them open), completes the sink, calls the exit
/// handler and completes <see cref="Exited"/>, in that order. A dedicated thread, not the thread pool: it blocks in
/// poll(2) for the child's whole life, and the process runtime runs tens of containers, not thousands.
/// <para>
/// Signalling and reaping share <c>_signalLock</c>: a signal goes to -pid only while the leader is unreaped. Until
/// then its pid, which is also the group id, is held by the child (a zombie at worst), so -pid can name no one else's
/// group; after the reap the group is empty (killed first) and the number may be reused, so nothing is sent.
/// </para>
/// </remarks>
internal sealed class ChildProcess
{
    private const int ReadBytes = 64 * 1024;

    /// <summary>The pump needs little stack: poll, read and the sink's line splitting.</summary>
    private const int PumpStackBytes = 256 * 1024;

    private readonly SpawnedChild _child;
    private readonly IProcessOutputSink _sink;
    private readonly TimeProvider _time;
    private readonly TimeSpan _drainTimeout;
    private readonly Action<ProcessExit>? _onExit;
    private readonly TaskCompletionSource<ProcessExit> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Guards <see cref="_reaped"/>: held while signalling the group and while reaping its leader.</summary>
    private readonly Lock _signalLock = new();
    private bool _reaped;

    public ChildProcess(SpawnedChild child, IProcessOutputSink sink, TimeProvider time, TimeSpan drainTimeout, Action<ProcessExit>? onExit)
    {
        _child = child;
        _sink = sink;
        _time = time;
        _drainTimeout = drainTimeout;
        _onExit = onExit;
    }

    /// <summary>The child's pid, which is also its session and process group id.</summary>
    public int Pid => _child.Pid;

    public Task<ProcessExit> Exited => _exited.Task;

    /// <summary>Starts the pump thread; call once, after the owner has recorded the child (its exit handler may run at once).</summary>
    public void Start(string name)
    {
        var pump = new Thread(Pump, PumpStackBytes) { IsBackground = true, Name = name };
        pump.Start();
    }

    /// <summary>Sends <paramref name="signal"/> to the child's whole process group; false once the group is gone.</summary>
    public bool SignalGroup(int signal)
    {
        lock (_signalLock)
        {
            return !_reaped && LibC.Kill(-_child.Pid, signal) == 0;
        }
    }

    private void Pump()
    {
        byte[] buffer = new byte[ReadBytes];
        var fds = new LibC.PollFd[3];
        int stdout = _child.StdoutFd;
        int stderr = _child.StderrFd;
        int pidFd = _child.PidFd;
        ProcessExit? exit = null;
        long drainStart = 0;
        while (stdout >= 0 || stderr >= 0 || pidFd >= 0)
        {
            int timeout = -1;
            if (exit is not null)
            {
                TimeSpan left = _drainTimeout - _time.GetElapsedTime(drainStart);
                if (left <= TimeSpan.Zero)
                {
                    break;
                }
                timeout = (int)Math.Ceiling(left.TotalMilliseconds);
            }
            // A negative descriptor is skipped by poll(2): closed pipes and the pidfd after the reap.
            fds[0] = new LibC.PollFd { Fd = stdout, Events = LibC.PollIn };
            fds[1] = new LibC.PollFd { Fd = stderr, Events = LibC.PollIn };
            fds[2] = new LibC.PollFd { Fd = pidFd, Events = LibC.PollIn };
            if (LibC.Poll(fds, (nuint)fds.Length, timeout) < 0)
            {
                int error = Marshal.GetLastPInvokeError();
                if (error == LibC.Interrupted)
                {
                    continue;
                }
                throw new InvalidOperationException($"poll on the pipes of process {_child.Pid} failed: {LibC.Describe(error)}.");
            }
            if (fds[0].Revents != 0)
            {
                stdout = ReadOnce(stdout, LogStreamType.Stdout, buffer);
            }
            if (fds[1].Revents != 0)
            {
                stderr = ReadOnce(stderr, LogStreamType.Stderr, buffer);
            }
            if (fds[2].Revents != 0)
            {
                exit = Reap();
                _ = LibC.Close(pidFd);
                pidFd = -1;
                drainStart = _time.GetTimestamp();
            }
        }
        CloseIfOpen(stdout);
        CloseIfOpen(stderr);
        _sink.Complete(LogStreamType.Stdout);
        _sink.Complete(LogStreamType.Stderr);
        // The loop only ends once the pidfd is closed, which happens in the reap.
        ProcessExit result = exit ?? throw new InvalidOperationException("The pump ended before its child exited.");
        _onExit?.Invoke(result);
        _exited.SetResult(result);
    }

    /// <summary>One read of a ready pipe into the sink; answers the descriptor, or -1 once it is at its end (closed).</summary>
    private int ReadOnce(int fd, LogStreamType stream, byte[] buffer)
    {
        nint read = LibC.Read(fd, buffer, (nuint)buffer.Length);
        if (read > 0)
        {
            _sink.Write(stream, buffer.AsSpan(0, (int)read));
            return fd;
        }
        if (read < 0 && Marshal.GetLastPInvokeError() is LibC.Interrupted or LibC.TryAgain)
        {
            return fd;
        }
        _ = LibC.Close(fd);
        return -1;
    }

    private ProcessExit Reap()
    {
        lock (_signalLock)
        {
            // The leader is a zombie now and still holds its pid: -pid names this group only.
            _ = LibC.Kill(-_child.Pid, LibC.SigKill);
            int reaped;
            int status;
            do
            {
                reaped = LibC.WaitPid(_child.Pid, out status, 0);
            }
            while (reaped < 0 && Marshal.GetLastPInvokeError() == LibC.Interrupted);
            _reaped = true;
            DateTimeOffset at = _time.GetUtcNow();
            return reaped == _child.Pid ? ProcessExit.FromWaitStatus(status, at) : ProcessExit.Lost(at);
        }
    }

    private static void CloseIfOpen(int fd)
    {
        if (fd >= 0)
        {
            _ = LibC.Close(fd);
        }
    }
}
