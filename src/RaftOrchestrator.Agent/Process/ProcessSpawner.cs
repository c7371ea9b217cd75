using System.Runtime.InteropServices;

namespace RaftOrchestrator.Agent.Process;

/// <summary>
/// Starts host processes with posix_spawn: the child leads a new session and process group (so a signal to
/// -pid reaches everything it forks), stdin is /dev/null, stdout and stderr are pipes, descriptors from 3 up are
/// closed, every signal disposition is back to default (.NET ignores SIGPIPE, which a child would inherit) and
/// nothing is masked.
/// </summary>
/// <remarks>
/// Why posix_spawn and not System.Diagnostics.Process through <c>setsid</c>: glibc reports a failed exec (no such
/// file, permission denied, exec format error) as posix_spawn's own result, so a container that cannot run is a
/// RunContainerError with the exact reason instead of a process that exits 127 with setsid's message, which a real
/// program could also do. It also avoids an extra exec, and lets the runtime own reaping (through a pidfd) so the
/// group is signalled only while its leader's pid is still held (see <see cref="ChildProcess"/>).
/// </remarks>
internal static class ProcessSpawner
{
    /// <summary>Spawns <paramref name="request"/>: 0 and the child, or the errno of the failure (of the exec too).</summary>
    public static int TrySpawn(SpawnRequest request, out SpawnedChild child)
    {
        child = default;
        int[] stdout = new int[2];
        int[] stderr = new int[2];
        if (LibC.Pipe2(stdout, LibC.OpenCloseOnExec) != 0)
        {
            return Marshal.GetLastPInvokeError();
        }
        if (LibC.Pipe2(stderr, LibC.OpenCloseOnExec) != 0)
        {
            int error = Marshal.GetLastPInvokeError();
            CloseAll(stdout[0], stdout[1]);
            return error;
        }
        IntPtr actions = Marshal.AllocHGlobal(LibC.FileActionsBytes);
        IntPtr attributes = Marshal.AllocHGlobal(LibC.SpawnAttributesBytes);
        IntPtr mask = Marshal.AllocHGlobal(LibC.SignalSetBytes);
        IntPtr defaults = Marshal.AllocHGlobal(LibC.SignalSetBytes);
        var strings = new List<IntPtr>();
        try
        {
            Check(LibC.FileActionsInit(actions), "posix_spawn_file_actions_init");
            Check(LibC.SpawnAttributesInit(attributes), "posix_spawnattr_init");
            try
            {
                Check(LibC.FileActionsAddOpen(actions, 0, "/dev/null", LibC.OpenReadOnly, 0), "addopen");
                Check(LibC.FileActionsAddDup2(actions, stdout[1], 1), "adddup2");
                Check(LibC.FileActionsAddDup2(actions, stderr[1], 2), "adddup2");
                Check(LibC.FileActionsAddChdir(actions, request.WorkingDirectory), "addchdir_np");
                Check(LibC.FileActionsAddCloseFrom(actions, 3), "addclosefrom_np");
                Check(LibC.SignalSetEmpty(mask), "sigemptyset");
                Check(LibC.SignalSetFill(defaults), "sigfillset");
                Check(LibC.SpawnAttributesSetSignalMask(attributes, mask), "setsigmask");
                Check(LibC.SpawnAttributesSetSignalDefault(attributes, defaults), "setsigdefault");
                Check(LibC.SpawnAttributesSetFlags(
                    attributes, LibC.SpawnSetSession | LibC.SpawnSetSignalMask | LibC.SpawnSetSignalDefault), "setflags");
                IntPtr[] argv = ToCStrings(request.Argv, strings);
                IntPtr[] envp = ToCStrings(EnvironmentStrings(request.Environment), strings);
                int error = LibC.PosixSpawn(out int pid, request.Executable, actions, attributes, argv, envp);
                if (error != 0)
                {
                    CloseAll(stdout[0], stdout[1], stderr[0], stderr[1]);
                    return error;
                }
                CloseAll(stdout[1], stderr[1]);
                int pidFd = LibC.PidFdOpen(pid, 0);
                if (pidFd < 0)
                {
                    // Cannot happen for our own unreaped child on Linux >= 5.3: the host is too old to run this.
                    error = Marshal.GetLastPInvokeError();
                    _ = LibC.Kill(-pid, LibC.SigKill);
                    _ = LibC.WaitPid(pid, out _, 0);
                    CloseAll(stdout[0], stderr[0]);
                    throw new InvalidOperationException(
                        $"pidfd_open failed: {LibC.Describe(error)} (the process runtime needs Linux 5.3 or later).");
                }
                child = new SpawnedChild(pid, pidFd, stdout[0], stderr[0]);
                return 0;
            }
            finally
            {
                _ = LibC.FileActionsDestroy(actions);
                _ = LibC.SpawnAttributesDestroy(attributes);
            }
        }
        finally
        {
            foreach (IntPtr text in strings)
            {
                Marshal.FreeCoTaskMem(text);
            }
            Marshal.FreeHGlobal(actions);
            Marshal.FreeHGlobal(attributes);
            Marshal.FreeHGlobal(mask);
            Marshal.FreeHGlobal(defaults);
        }
    }

    /// <summary>NAME=value strings; a name given twice keeps its last value (the kubelet's env order), in first-seen order.</summary>
    internal static List<string> EnvironmentStrings(IReadOnlyList<KeyValuePair<string, string>> environment)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<string>(environment.Count);
        foreach ((string name, string value) in environment)
        {
            string entry = name + "=" + value;
            if (index.TryGetValue(name, out int at))
            {
                result[at] = entry;
            }
            else
            {
                index.Add(name, result.Count);
                result.Add(entry);
            }
        }
        return result;
    }

    /// <summary>A NULL-terminated array of UTF-8 C strings; the strings are added to <paramref name="owned"/> to free.</summary>
    private static IntPtr[] ToCStrings(IReadOnlyList<string> values, List<IntPtr> owned)
    {
        var array = new IntPtr[values.Count + 1];
        for (int i = 0; i < values.Count; i++)
        {
            array[i] = Marshal.StringToCoTaskMemUTF8(values[i]);
            owned.Add(array[i]);
        }
        return array;
    }

    private static void Check(int result, string call)
    {
        if (result != 0)
        {
            throw new InvalidOperationException($"posix_spawn setup ({call}) failed: {LibC.Describe(result)}.");
        }
    }

    private static void CloseAll(params ReadOnlySpan<int> fds)
    {
        foreach (int fd in fds)
        {
            _ = LibC.Close(fd);
        }
    }
}
