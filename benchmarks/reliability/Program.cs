using System.Globalization;
using Search.Reliability;

// Usage: dotnet run -c Release --project benchmarks/reliability -- <crash|concurrency|fuzz|pathological|heap|soak|disk|all> [options]
//   crash        --runs 100 --articles 2000 --per-run 1500 --max-delay-ms 60000
//   concurrency  --seconds 60 --threads 8
//   fuzz         --requests 20000 --concurrency 8 --articles 5000
//   pathological --articles 5000 --flood-seconds 10
//   heap         --rounds 12 --requests 1000 --concurrency 64
//   soak         --seconds 600 --concurrency 64 --articles 5000
//   disk         (needs root for mount)
// crash, pathological, soak and disk run the real search binary: build it first with dotnet build src/Search.Cli -c Release
// (or pass --search path/to/search.dll). Exits 1 when a check fails, 2 on a usage error.
var verb = args.FirstOrDefault() ?? "";
var log = Console.Out;
var passed = true;
switch (verb)
{
    case "crash":
        passed = await Crash();
        break;
    case "concurrency":
        passed = await Concurrency();
        break;
    case "fuzz":
        passed = await Fuzz();
        break;
    case "pathological":
        passed = await Pathological();
        break;
    case "heap":
        passed = await Heap();
        break;
    case "soak":
        passed = await Soak();
        break;
    case "disk":
        passed = await Disk();
        break;
    case "all":
        passed = await Crash() & await Concurrency() & await Fuzz() & await Pathological() & await Heap() & await Soak() & await Disk();
        break;
    default:
        Console.Error.WriteLine("Usage: reliability <crash|concurrency|fuzz|pathological|heap|soak|disk|all> [--runs N] [--seconds N] [--requests N] [--concurrency N] [--search search.dll]");
        return 2;
}
return passed ? 0 : 1;

async Task<bool> Crash()
{
    var result = await CrashCheck.RunAsync(Binary(), Option("--runs", 100), Option("--articles", 2000), Option("--per-run", 1500),
        TimeSpan.FromMilliseconds(Option("--max-delay-ms", 60_000)), Option("--seed", 1), log);
    log.WriteLine(result);
    return result.Passed;
}

async Task<bool> Concurrency()
{
    var result = await ConcurrencyCheck.RunAsync(TimeSpan.FromSeconds(Option("--seconds", 60)), Option("--threads", 8), log);
    log.WriteLine(result);
    return result.Passed;
}

async Task<bool> Fuzz()
{
    var result = await FuzzCheck.RunAsync(Option("--articles", 5000), Option("--requests", 20_000), Option("--concurrency", 8), Option("--seed", 1), log);
    log.WriteLine(result);
    return result.Passed;
}

async Task<bool> Pathological()
{
    var result = await PathologicalCheck.RunAsync(Binary(), Option("--articles", 5000), TimeSpan.FromSeconds(Option("--flood-seconds", 10)), log);
    log.WriteLine(result);
    return result.Passed;
}

async Task<bool> Heap()
{
    var result = await HeapCheck.RunAsync(Option("--articles", 5000), Option("--rounds", 12), Option("--requests", 1000), Option("--concurrency", 64), log);
    log.WriteLine(result);
    return result.Passed;
}

async Task<bool> Soak()
{
    var result = await SoakCheck.RunAsync(Binary(), TimeSpan.FromSeconds(Option("--seconds", 600)), Option("--concurrency", 64), Option("--articles", 5000), log);
    log.WriteLine(result);
    return result.Passed;
}

async Task<bool> Disk()
{
    var results = await DiskFaultCheck.RunAsync(Binary(), log);
    return results is null || results.All(r => r.Passed);
}

SearchBinary Binary()
{
    var explicitPath = args.SkipWhile(a => a != "--search").Skip(1).FirstOrDefault();
    return SearchBinary.Find(explicitPath)
        ?? throw new InvalidOperationException("No search.dll found; build it with: dotnet build src/Search.Cli -c Release (or pass --search path/to/search.dll).");
}

int Option(string name, int fallback)
{
    var value = args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
    return value is null ? fallback : int.Parse(value, CultureInfo.InvariantCulture);
}
