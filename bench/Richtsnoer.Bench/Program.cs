using BenchmarkDotNet.Running;

// Run every benchmark class, or pick with --filter (see docs/benchmarks.md):
//   dotnet run -c Release --project bench/Richtsnoer.Bench -- --filter '*Render*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
