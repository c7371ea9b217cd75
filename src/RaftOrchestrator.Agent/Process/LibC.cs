using System.Runtime.InteropServices;

namespace RaftOrchestrator.Agent.Process;

/// <summary>
/// The few libc calls the process runtime needs and .NET does not offer: posix_spawn with a new session
/// (System.Diagnostics.Process cannot start a child in its own process group on Unix), pidfd_open (glibc 2.36,
/// Linux 5.3), poll, pipe2, read, kill, waitpid and access. Linux with glibc: the opaque spawn structures are
/// allocated with room to spare (on x86-64 posix_spawnattr_t is 336 bytes, posix_spawn_file_actions_t 80, sigset_t 128).
/// </summary>
internal static partial class LibC
{
    public const int SpawnAttributesBytes = 1024;
    public const int FileActionsBytes = 512;
    public const int SignalSetBytes = 256;

    // errno values (Linux).
    public const int NoSuchFile = 2;
    public const int Interrupted = 4;
    public const int NoChild = 10;
    public const int TryAgain = 11;

    // Signals, open(2) flags and poll(2) events (Linux).
    public const int SigKill = 9;
    public const int SigTerm = 15;

    public const int OpenReadOnly = 0;
    public const int OpenCloseOnExec = 0x80000;

    public const short PollIn = 0x1;
    public const short PollError = 0x8;
    public const short PollHangUp = 0x10;
    public const short PollInvalid = 0x20;

    /// <summary>posix_spawnattr flags (glibc): reset the listed signals' dispositions, set the mask, start a new session.</summary>
    public const short SpawnSetSignalDefault = 0x04;
    public const short SpawnSetSignalMask = 0x08;
    public const short SpawnSetSession = 0x80;

    /// <summary>access(2)'s X_OK.</summary>
    public const int ExecuteAccess = 1;

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    /// <summary>Answers 0 or an errno (posix_spawn reports, it does not set errno); glibc reports a failed exec too.</summary>
    [LibraryImport("libc", EntryPoint = "posix_spawn", StringMarshalling = StringMarshalling.Utf8)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int PosixSpawn(out int pid, string path, IntPtr fileActions, IntPtr attributes, IntPtr[] argv, IntPtr[] envp);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_init")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int FileActionsInit(IntPtr fileActions);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_destroy")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int FileActionsDestroy(IntPtr fileActions);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_addopen", StringMarshalling = StringMarshalling.Utf8)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int FileActionsAddOpen(IntPtr fileActions, int fd, string path, int flags, uint mode);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_adddup2")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int FileActionsAddDup2(IntPtr fileActions, int fd, int newFd);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_addchdir_np", StringMarshalling = StringMarshalling.Utf8)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int FileActionsAddChdir(IntPtr fileActions, string path);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_addclosefrom_np")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int FileActionsAddCloseFrom(IntPtr fileActions, int lowFd);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_init")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int SpawnAttributesInit(IntPtr attributes);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_destroy")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int SpawnAttributesDestroy(IntPtr attributes);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setflags")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int SpawnAttributesSetFlags(IntPtr attributes, short flags);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setsigmask")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int SpawnAttributesSetSignalMask(IntPtr attributes, IntPtr signalSet);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setsigdefault")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int SpawnAttributesSetSignalDefault(IntPtr attributes, IntPtr signalSet);

    [LibraryImport("libc", EntryPoint = "sigemptyset")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int SignalSetEmpty(IntPtr signalSet);

    [LibraryImport("libc", EntryPoint = "sigfillset")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int SignalSetFill(IntPtr signalSet);

    [LibraryImport("libc", EntryPoint = "pipe2", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int Pipe2([Out] int[] fds, int flags);

    [LibraryImport("libc", EntryPoint = "pidfd_open", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int PidFdOpen(int pid, uint flags);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int Poll([In, Out] PollFd[] fds, nuint count, int timeoutMilliseconds);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial nint Read(int fd, [Out] byte[] buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "close")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "waitpid", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int WaitPid(int pid, out int status, int options);

    [LibraryImport("libc", EntryPoint = "access", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int Access(string path, int mode);

    /// <summary>The C library's text for an errno ("No such file or directory").</summary>
    public static string Describe(int errno) => Marshal.GetPInvokeErrorMessage(errno);
}
