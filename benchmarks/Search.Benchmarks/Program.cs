using Search.Benchmarks;

// Usage: dotnet run -c Release --project benchmarks/Search.Benchmarks -- VERB [options]; see benchmarks/README.md.
return BenchmarkTool.Run(args, Console.Out, Console.Error);
