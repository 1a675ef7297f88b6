namespace Search.Benchmarks;

/// <summary>The temporary folders the runs build their indexes in.</summary>
internal static class ScratchFolder
{
    /// <summary>Deletes a temporary folder a run made, if it can.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
                Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless; the OS cleans its temp folder.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
