using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SesMailer.Generators.Model;

/// <summary>A source location reduced to plain values (a <see cref="Location"/> would keep a syntax tree alive).</summary>
internal sealed record LocationInfo(string FilePath, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public Location ToLocation() => Location.Create(
        FilePath,
        new TextSpan(Start, Length),
        new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));

    public static LocationInfo? From(Location? location)
    {
        if (location is null || location.SourceTree is null)
        {
            return null;
        }

        var span = location.GetLineSpan().Span;
        return new LocationInfo(
            location.SourceTree.FilePath,
            location.SourceSpan.Start,
            location.SourceSpan.Length,
            span.Start.Line,
            span.Start.Character,
            span.End.Line,
            span.End.Character);
    }

    /// <summary>A location inside a template file, from 0-based line/column and absolute offset.</summary>
    public static LocationInfo InFile(string path, int offset, int line, int column, int length) =>
        new(path, offset, length, line, column, line, column + length);
}
