using Microsoft.CodeAnalysis;
using SesMailer.Generators.Helpers;

namespace SesMailer.Generators.Model;

/// <summary>A diagnostic to report, kept as values so that it can travel through the pipeline.</summary>
internal sealed record DiagnosticInfo(string DescriptorId, LocationInfo? Location, EquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] args) =>
        new(descriptor.Id, location, args.ToEquatableArray());

    /// <summary>
    /// The diagnostic, located in <paramref name="compilation"/>'s syntax tree when its file is one (so the IDE and
    /// <c>#pragma</c> see a real source location), else in the file by path (templates).
    /// </summary>
    public Diagnostic ToDiagnostic(Compilation? compilation = null)
    {
        var descriptor = Diagnostics.DiagnosticDescriptors.ById(DescriptorId);
        var location = Microsoft.CodeAnalysis.Location.None;
        if (Location is { } info)
        {
            location = info.ToLocation();
            if (compilation is not null)
            {
                foreach (var tree in compilation.SyntaxTrees)
                {
                    if (tree.FilePath == info.FilePath)
                    {
                        location = Microsoft.CodeAnalysis.Location.Create(tree, new Microsoft.CodeAnalysis.Text.TextSpan(info.Start, info.Length));
                        break;
                    }
                }
            }
        }

        return Diagnostic.Create(descriptor, location, MessageArgs.ToArrayOfObjects());
    }
}

internal static class DiagnosticArgs
{
    public static object[] ToArrayOfObjects(this EquatableArray<string> args)
    {
        var result = new object[args.Count];
        for (var i = 0; i < args.Count; i++)
        {
            result[i] = args[i];
        }

        return result;
    }
}
