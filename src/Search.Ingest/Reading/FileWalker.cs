using System.Text;
using Mono.Unix;
using Mono.Unix.Native;

namespace Search.Ingest.Reading;

/// <summary>A file to read, or a path passed over with the reason.</summary>
/// <param name="Path">The path as found (under the folder argument as given).</param>
/// <param name="RelativeId">The path relative to the folder argument with forward slashes; the file name for a file argument.</param>
/// <param name="SkipReason">Why the path is not read, or <c>null</c> when it is a file to read.</param>
internal sealed record WalkedPath(string Path, string RelativeId, string? SkipReason);

/// <summary>
/// Finds the files under the paths of a run. Only regular files are read: named pipes, sockets and
/// devices are passed over (opening a pipe would block the run forever). Symbolic links to folders
/// are not followed unless <see cref="IngestOptions.FollowSymlinkedFolders"/> says so, and then a
/// folder already visited (same device and inode) is passed over, so a link loop cannot read a
/// file twice. A path the system refuses (too long, no permission) is passed over with the
/// system's reason and the walk goes on.
/// </summary>
internal sealed class FileWalker(IngestOptions options, Func<string, bool> isSupported, string supportedList)
{
    /// <summary>The files and passed-over paths of <paramref name="path"/>, a folder's in ordinal order of relative path.</summary>
    public IEnumerable<WalkedPath> Walk(string path)
    {
        var name = System.IO.Path.GetFileName(System.IO.Path.TrimEndingDirectorySeparator(path));
        if (!FileNode.TryStat(path, follow: true, out var node, out var error))
            return [new WalkedPath(path, name, error == Errno.ENOENT ? "No such file or folder." : Describe(path, error))];
        if (node.Kind == FileKind.Folder)
            return WalkFolder(path, node);
        return [Classify(path, name, node)];
    }

    private WalkedPath Classify(string path, string relativeId, FileNode node)
    {
        if (node.Kind != FileKind.Regular)
            return new WalkedPath(path, relativeId, $"Not a regular file ({node.KindName}); only regular files are read.");
        if (!isSupported(System.IO.Path.GetExtension(path)))
            return new WalkedPath(path, relativeId, Unsupported(path));
        return new WalkedPath(path, relativeId, null);
    }

    private IEnumerable<WalkedPath> WalkFolder(string root, FileNode rootNode)
    {
        var found = new List<WalkedPath>();
        var visited = new HashSet<string>(StringComparer.Ordinal) { rootNode.Identity };
        var pending = new Stack<string>([root]);
        while (pending.TryPop(out var folder))
        {
            string[] children;
            try
            {
                children = Directory.GetFileSystemEntries(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                found.Add(new WalkedPath(folder, Relative(root, folder), $"Cannot list the folder: {e.Message}"));
                continue;
            }
            foreach (var child in children)
            {
                // Hidden entries (.git, .DS_Store, editor backups) are never articles.
                if (System.IO.Path.GetFileName(child).StartsWith('.'))
                    continue;
                var relative = Relative(root, child);
                if (!FileNode.TryStat(child, follow: false, out var link, out var error))
                {
                    found.Add(new WalkedPath(child, relative, Describe(child, error)));
                    continue;
                }
                var node = link;
                if (link.Kind == FileKind.Link && !FileNode.TryStat(child, follow: true, out node, out error))
                {
                    found.Add(new WalkedPath(child, relative, $"The symbolic link leads nowhere readable: {Describe(child, error)}"));
                    continue;
                }
                if (node.Kind != FileKind.Folder)
                {
                    found.Add(Classify(child, relative, node));
                    continue;
                }
                if (link.Kind == FileKind.Link && !options.FollowSymlinkedFolders)
                    found.Add(new WalkedPath(child, relative, "A symbolic link to a folder; links to folders are not followed unless asked to."));
                else if (!visited.Add(node.Identity))
                    found.Add(new WalkedPath(child, relative, "This folder was already read under another path (a symbolic link loop or a second link to it)."));
                else
                    pending.Push(child);
            }
        }
        return found.OrderBy(f => f.RelativeId, StringComparer.Ordinal);
    }

    private string Unsupported(string path)
    {
        var extension = System.IO.Path.GetExtension(path);
        var shown = extension.Length == 0 ? "(no extension)" : $"'{extension}'";
        return $"Unsupported file type {shown}; expected one of {supportedList}.";
    }

    private static string Relative(string root, string path) => System.IO.Path.GetRelativePath(root, path).Replace('\\', '/');

    private static string Describe(string path, Errno error) => error switch
    {
        Errno.ENAMETOOLONG => $"The path is {Encoding.UTF8.GetByteCount(path):N0} bytes long, longer than the system accepts; move or rename it.",
        Errno.EACCES => "Permission denied.",
        Errno.ELOOP => "Too many levels of symbolic links.",
        _ => $"Cannot read the path: {UnixMarshal.GetErrorDescription(error)}.",
    };
}

/// <summary>What kind of file system entry a path is.</summary>
internal enum FileKind
{
    Regular,
    Folder,
    Link,
    Other,
}

/// <summary>The kind of a path, from <c>stat</c> or <c>lstat</c>, and its identity: device and inode on Unix, so two paths to one folder are known as one.</summary>
internal readonly record struct FileNode(FileKind Kind, string KindName, string Identity)
{
    /// <summary>Stats <paramref name="path"/>, following a final symbolic link when <paramref name="follow"/>.</summary>
    public static bool TryStat(string path, bool follow, out FileNode node, out Errno error)
    {
        if (OperatingSystem.IsWindows())
            return TryStatWindows(path, follow, out node, out error);
        var result = follow ? Syscall.stat(path, out var stat) : Syscall.lstat(path, out stat);
        if (result != 0)
        {
            error = Stdlib.GetLastError();
            node = default;
            return false;
        }
        error = 0;
        var (kind, name) = (stat.st_mode & FilePermissions.S_IFMT) switch
        {
            FilePermissions.S_IFREG => (FileKind.Regular, "a regular file"),
            FilePermissions.S_IFDIR => (FileKind.Folder, "a folder"),
            FilePermissions.S_IFLNK => (FileKind.Link, "a symbolic link"),
            FilePermissions.S_IFIFO => (FileKind.Other, "a named pipe"),
            FilePermissions.S_IFSOCK => (FileKind.Other, "a socket"),
            FilePermissions.S_IFCHR => (FileKind.Other, "a character device"),
            FilePermissions.S_IFBLK => (FileKind.Other, "a block device"),
            _ => (FileKind.Other, "an unknown kind of file"),
        };
        node = new FileNode(kind, name, $"{stat.st_dev}:{stat.st_ino}");
        return true;
    }

    // Windows has no pipes or devices among ordinary paths; the identity of a folder is its resolved full path.
    private static bool TryStatWindows(string path, bool follow, out FileNode node, out Errno error)
    {
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (!info.Exists)
        {
            node = default;
            error = Errno.ENOENT;
            return false;
        }
        if (follow && info.LinkTarget is not null)
            info = info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
        error = 0;
        var kind = !follow && info.LinkTarget is not null ? FileKind.Link : info is DirectoryInfo ? FileKind.Folder : FileKind.Regular;
        node = new FileNode(kind, kind == FileKind.Folder ? "a folder" : "a regular file", info.FullName.ToUpperInvariant());
        return true;
    }
}
