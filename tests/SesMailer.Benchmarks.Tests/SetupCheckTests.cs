using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace SesMailer.Benchmarks.Tests;

/// <summary>
/// Every benchmark class proves in its <c>[GlobalSetup]</c> that each candidate produces what its baseline produces
/// (same HTML, same MIME tree, same signed request…). These tests run those checks in-process for every class and every
/// combination of its <c>[Params]</c>, so a change that makes a baseline wrong fails here, not at the next benchmark run.
/// </summary>
public sealed class SetupCheckTests
{
    public static TheoryData<string> Classes()
    {
        var data = new TheoryData<string>();
        foreach (var type in BenchmarkClasses.All)
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    [Fact]
    public void The_benchmark_assembly_has_benchmark_classes()
    {
        // Discovery that found nothing would make every other test here pass vacuously.
        Assert.Contains(BenchmarkClasses.All, type => type.Name == "RenderingBenchmarks");
        Assert.Contains(BenchmarkClasses.All, type => type.Name == "MimeBenchmarks");
        Assert.Contains(BenchmarkClasses.All, type => type.Name == "SesRequestBenchmarks");
        Assert.Contains(BenchmarkClasses.All, type => type.Name == "SendBenchmarks");
        Assert.Contains(BenchmarkClasses.All, type => type.Name == "FullSendBenchmarks");
        Assert.Contains(BenchmarkClasses.All, type => type.Name == "GeneratorBenchmarks");
    }

    [Theory]
    [MemberData(nameof(Classes))]
    public void Every_benchmark_class_has_a_setup_check(string className)
    {
        var type = Find(className);
        Assert.True(
            BenchmarkClasses.Setups(type).Any(),
            $"{type.Name} has no [GlobalSetup]: every benchmark class must prove there, before measuring, that its candidates produce the same output as its baseline (see tests/SesMailer.Benchmarks/README.md).");
    }

    [Theory]
    [MemberData(nameof(Classes))]
    public async Task Every_benchmark_class_passes_its_setup_check_for_every_parameter(string className)
    {
        var type = Find(className);
        var failures = new List<string>();
        foreach (var parameters in BenchmarkClasses.ParameterCombinations(type))
        {
            try
            {
                await BenchmarkClasses.RunSetupAsync(type, parameters);
            }
            catch (Exception exception)
            {
                failures.Add($"{type.Name} {BenchmarkClasses.Describe(parameters)}: {exception.GetType().Name}: {exception.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Parameter_combinations_cover_every_value_of_every_parameter()
    {
        var combinations = BenchmarkClasses.ParameterCombinations(typeof(TwoParameters));

        Assert.Equal(6, combinations.Count);
        Assert.Equal(
            ["Flag=False, Size=1", "Flag=False, Size=2", "Flag=False, Size=3", "Flag=True, Size=1", "Flag=True, Size=2", "Flag=True, Size=3"],
            combinations.Select(BenchmarkClasses.Describe).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_setup_that_throws_fails_with_its_own_message()
    {
        var combination = BenchmarkClasses.ParameterCombinations(typeof(FailingSetup)).Single();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => BenchmarkClasses.RunSetupAsync(typeof(FailingSetup), combination));

        Assert.Equal("the candidate differs from the baseline", error.Message);
    }

    [Fact]
    public async Task Setups_run_with_the_parameters_set()
    {
        foreach (var combination in BenchmarkClasses.ParameterCombinations(typeof(TwoParameters)))
        {
            await BenchmarkClasses.RunSetupAsync(typeof(TwoParameters), combination);
        }

        Assert.Equal(6, TwoParameters.Seen.Count);
        Assert.Equal(6, TwoParameters.Seen.Distinct().Count());
    }

    private static Type Find(string className) =>
        BenchmarkClasses.Assembly.GetType(className, throwOnError: true)!;

    /// <summary>A class shaped like a benchmark, to test the runner itself (not in the benchmark assembly, so not discovered there).</summary>
    public class TwoParameters
    {
        public static List<string> Seen { get; } = [];

        [Params(1, 2, 3)]
        public int Size { get; set; }

        [ParamsAllValues]
        public bool Flag { get; set; }

        [GlobalSetup]
        public void Setup() => Seen.Add($"{Size}/{Flag}");

        [Benchmark]
        public int Run() => Size;
    }

    /// <summary>A benchmark whose candidate does not match its baseline.</summary>
    public class FailingSetup
    {
        [GlobalSetup]
        public Task Setup() => Task.FromException(new InvalidOperationException("the candidate differs from the baseline"));

        [Benchmark]
        public int Run() => 1;
    }
}
