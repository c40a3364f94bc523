using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace SesMailer.Benchmarks.Tests;

/// <summary>
/// Finds the benchmark classes of SesMailer.Benchmarks by reflection (a class with a <c>[Benchmark]</c> method), so a
/// new class is covered without touching these tests, and runs their setups as BenchmarkDotNet would: a new instance
/// per combination of <c>[Params]</c> values, each <c>[GlobalSetup]</c>, then each <c>[GlobalCleanup]</c>.
/// </summary>
internal static class BenchmarkClasses
{
    public static Assembly Assembly { get; } = typeof(SesMailer.Benchmarks.Rendering.RenderingBenchmarks).Assembly;

    public static IReadOnlyList<Type> All { get; } = Assembly.GetTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false } && Methods(type).Any(method => method.IsDefined(typeof(BenchmarkAttribute), inherit: true)))
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .ToList();

    public static IEnumerable<MethodInfo> Setups(Type type) => Methods(type).Where(method => method.IsDefined(typeof(GlobalSetupAttribute), inherit: true));

    public static IEnumerable<MethodInfo> Cleanups(Type type) => Methods(type).Where(method => method.IsDefined(typeof(GlobalCleanupAttribute), inherit: true));

    /// <summary>Every assignment of values to the class's parameters (one empty assignment when it has none).</summary>
    public static IReadOnlyList<IReadOnlyList<(MemberInfo Member, object? Value)>> ParameterCombinations(Type type)
    {
        IReadOnlyList<IReadOnlyList<(MemberInfo, object?)>> combinations = [[]];
        foreach (var member in Members(type))
        {
            var values = ParameterValues(type, member);
            if (values is null)
            {
                continue;
            }

            combinations = combinations.SelectMany(combination => values.Select(value => (IReadOnlyList<(MemberInfo, object?)>)[.. combination, (member, value)])).ToList();
        }

        return combinations;
    }

    /// <summary>Runs the setups of <paramref name="type"/> with <paramref name="parameters"/>, then its cleanups; throws what a setup throws.</summary>
    public static async Task RunSetupAsync(Type type, IReadOnlyList<(MemberInfo Member, object? Value)> parameters)
    {
        var instance = Activator.CreateInstance(type)!;
        foreach (var (member, value) in parameters)
        {
            switch (member)
            {
                case FieldInfo field:
                    field.SetValue(instance, value);
                    break;
                case PropertyInfo property:
                    property.SetValue(instance, value);
                    break;
            }
        }

        try
        {
            foreach (var setup in Setups(type))
            {
                await InvokeAsync(setup, instance);
            }
        }
        finally
        {
            foreach (var cleanup in Cleanups(type))
            {
                await InvokeAsync(cleanup, instance);
            }

            (instance as IDisposable)?.Dispose();
        }
    }

    public static string Describe(IReadOnlyList<(MemberInfo Member, object? Value)> parameters) =>
        parameters.Count == 0 ? "(no parameters)" : string.Join(", ", parameters.Select(p => $"{p.Member.Name}={p.Value}"));

    private static async Task InvokeAsync(MethodInfo method, object instance)
    {
        object? result;
        try
        {
            result = method.Invoke(instance, null);
        }
        catch (TargetInvocationException invocation) when (invocation.InnerException is { } inner)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(inner).Throw();
            throw;
        }

        switch (result)
        {
            case Task task:
                await task;
                break;
            case ValueTask valueTask:
                await valueTask;
                break;
        }
    }

    private static MethodInfo[] Methods(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static);

    private static IEnumerable<MemberInfo> Members(Type type) =>
        type.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
            .Where(member => member is FieldInfo or PropertyInfo)
            .OrderBy(member => member.Name, StringComparer.Ordinal);

    /// <summary>The values BenchmarkDotNet would give <paramref name="member"/>, or null when it is not a parameter.</summary>
    private static IReadOnlyList<object?>? ParameterValues(Type type, MemberInfo member)
    {
        var memberType = member is FieldInfo field ? field.FieldType : ((PropertyInfo)member).PropertyType;
        if (member.GetCustomAttribute<ParamsAttribute>() is { } values)
        {
            return values.Values;
        }

        if (member.IsDefined(typeof(ParamsAllValuesAttribute)))
        {
            var underlying = Nullable.GetUnderlyingType(memberType) ?? memberType;
            List<object?> all = underlying == typeof(bool) ? [false, true] : [.. Enum.GetValues(underlying).Cast<object?>()];
            if (underlying != memberType)
            {
                all.Add(null);
            }

            return all;
        }

        if (member.GetCustomAttribute<ParamsSourceAttribute>() is { } source)
        {
            var provider = (MemberInfo?)type.GetMethod(source.Name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
                ?? type.GetProperty(source.Name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
                ?? throw new InvalidOperationException($"{type.Name}.{member.Name}: [ParamsSource(\"{source.Name}\")] names no method or property.");
            var instance = Activator.CreateInstance(type);
            var produced = provider is MethodInfo method ? method.Invoke(instance, null) : ((PropertyInfo)provider).GetValue(instance);
            (instance as IDisposable)?.Dispose();
            return ((System.Collections.IEnumerable)produced!).Cast<object?>().ToList();
        }

        return null;
    }
}
