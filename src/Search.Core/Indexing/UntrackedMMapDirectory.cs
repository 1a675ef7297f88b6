using System.Reflection;
using Lucene.Net.Store;

namespace Search.Core;

/// <summary>
/// A memory-mapped directory whose inputs do not register their clones. Lucene.Net's memory-mapped
/// input records every clone (each postings list, each terms-dictionary block a search opens) in a
/// <c>ConditionalWeakTable</c>, so that closing the file can fail later reads of its clones. Every
/// entry is a dependent handle that each garbage collection must trace: under service on Reuters a
/// young collection took 6–15 ms and the collector paused the host for 7 % of the time, which was the
/// whole latency tail. Without the table a read after close still fails: the mapped view is a safe
/// handle and throws <see cref="ObjectDisposedException"/>; and the index's readers are closed only
/// after the searches that use them finish.
/// </summary>
internal sealed class UntrackedMMapDirectory : MMapDirectory
{
    // Lucene.Net 4.8 keeps the table in a private field, settable to null, which its clone and slice
    // code skips. Should a later version rename it, inputs are tracked as before (see the test).
    internal static readonly FieldInfo? ClonesField =
        typeof(ByteBufferIndexInput).GetField("clones", BindingFlags.Instance | BindingFlags.NonPublic);

    public UntrackedMMapDirectory(string path)
        : base(path)
    {
    }

    public override IndexInput OpenInput(string name, IOContext context)
    {
        IndexInput input;
        try
        {
            input = base.OpenInput(name, context);
        }
        catch (ArgumentException e)
        {
            // The file changed size between Lucene.Net reading its length and mapping it: a commit point
            // that a writer, here or in another process, is still writing. Lucene retries a commit it
            // cannot read yet on an IOException (and reads the one before); the argument exceptions of
            // the mapping it let through, and a background refresh that met one ended the process.
            throw new IOException($"The index file '{name}' changed while it was being opened: a writer is still writing it.", e);
        }
        if (input is ByteBufferIndexInput mapped)
            ClonesField?.SetValue(mapped, null);
        return input;
    }
}
