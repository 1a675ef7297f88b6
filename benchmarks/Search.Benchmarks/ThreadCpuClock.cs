using System.Runtime.InteropServices;

namespace Search.Benchmarks;

/// <summary>
/// Processor time of the calling thread. Unlike wall time it does not grow while the thread waits
/// for a core, so on a loaded machine it shows what a search itself costs; background work the
/// search causes on other threads (a concurrent GC) is not in it.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ThreadCpuTimeClock = 3; // CLOCK_THREAD_CPUTIME_ID on Linux.

    /// <summary>Whether the platform offers a per-thread clock (Linux); elsewhere <see cref="Now"/> is always zero.</summary>
    public static bool Available { get; } = OperatingSystem.IsLinux() && Probe();

    /// <summary>The calling thread's processor time so far, in nanoseconds (0 when not <see cref="Available"/>).</summary>
    public static long Now()
    {
        if (!Available)
            return 0;
        _ = ClockGetTime(ThreadCpuTimeClock, out var time);
        return time.Seconds * 1_000_000_000 + time.Nanoseconds;
    }

    private static bool Probe()
    {
        try
        {
            return ClockGetTime(ThreadCpuTimeClock, out _) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
