using System.Collections;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Text;

/// <summary>
/// The runtime calls <see cref="Initialize"/> before <c>Main</c> when this assembly is named in DOTNET_STARTUP_HOOKS
/// (the type must be called StartupHook and live in no namespace). It listens to the runtime's own events: every
/// <c>MethodJittingStarted</c> and <c>MethodLoadVerbose</c> (JIT keyword, verbose) and every module load (loader
/// keyword), so that each compiled method is counted under the assembly of its module, with the time between the
/// start and the end of its compilation (wall time: on a busy machine it includes waiting for a core).
/// </summary>
internal static class StartupHook
{
    private static JitListener? _listener;

    public static void Initialize()
    {
        var output = Environment.GetEnvironmentVariable("JITCOUNTER_OUT");
        if (string.IsNullOrEmpty(output))
        {
            return;
        }

        _listener = new JitListener();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => _listener.WriteTo(output);
    }
}

/// <summary>
/// Collects the events. It keeps them in non-generic collections of reference types only, whose code the runtime's
/// own ReadyToRun image already holds, so that the counter itself adds next to nothing to the count.
/// </summary>
internal sealed class JitListener : EventListener
{
    private const EventKeywords Loader = (EventKeywords)0x8;
    private const EventKeywords Jit = (EventKeywords)0x10;

    private readonly object _gate = new();
    private readonly Hashtable _modules = new();
    private readonly Hashtable _compiling = new();
    private readonly ArrayList _methods = new();

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, Loader | Jit);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        var name = e.EventName ?? "";
        lock (_gate)
        {
            if (name.StartsWith("MethodJittingStarted", StringComparison.Ordinal))
            {
                var method = new CompiledMethod(Value(e, "MethodID"), Value(e, "ModuleID"), (string)Value(e, "MethodNamespace"),
                    (string)Value(e, "MethodName"), (string)Value(e, "MethodSignature"), e.TimeStamp);
                _methods.Add(method);
                // A method compiled twice (tier 0, then tier 1) starts twice: each end belongs to the latest start.
                _compiling[method.Id] = method;
            }
            else if (name.StartsWith("MethodLoadVerbose", StringComparison.Ordinal))
            {
                var id = Value(e, "MethodID");
                if (_compiling[id] is CompiledMethod method)
                {
                    method.Milliseconds = (e.TimeStamp - method.Started).TotalMilliseconds;
                    _compiling.Remove(id);
                }
            }
            else if (name.StartsWith("ModuleLoad", StringComparison.Ordinal))
            {
                _modules[Value(e, "ModuleID")] = Path.GetFileNameWithoutExtension((string)Value(e, "ModuleILPath"));
            }
        }
    }

    private static object Value(EventWrittenEventArgs e, string name) => e.Payload![e.PayloadNames!.IndexOf(name)]!;

    public void WriteTo(string path)
    {
        // Events reach the listener through a dispatch thread; disabling the listener flushes what is still buffered.
        Thread.Sleep(200);
        Dispose();
        CompiledMethod[] methods;
        lock (_gate)
        {
            methods = _methods.Cast<CompiledMethod>().ToArray();
            foreach (var method in methods)
            {
                method.Assembly = _modules[method.Module] as string ?? "(loaded before the hook: CoreLib or the app)";
            }
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"total {methods.Length} methods, {methods.Sum(m => m.Milliseconds):F0} ms in the JIT\n");
        foreach (var group in methods.GroupBy(m => m.Assembly).OrderByDescending(g => g.Count()))
        {
            text.Append(CultureInfo.InvariantCulture, $"assembly {group.Key} {group.Count()} {group.Sum(m => m.Milliseconds):F0} ms\n");
        }

        foreach (var m in methods)
        {
            text.Append(CultureInfo.InvariantCulture, $"method {m.Assembly}\t{m.Milliseconds:F2}\t{m.Type}::{m.Name}\t{m.Signature}\n");
        }

        File.WriteAllText(path, text.ToString());
    }

    private sealed class CompiledMethod(object id, object module, string type, string name, string signature, DateTime started)
    {
        public object Id { get; } = id;
        public object Module { get; } = module;
        public string Type { get; } = type;
        public string Name { get; } = name;
        public string Signature { get; } = signature;
        public DateTime Started { get; } = started;
        public double Milliseconds { get; set; }
        public string Assembly { get; set; } = "";
    }
}
