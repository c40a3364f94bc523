using System.Text;

namespace SesMailer.Cli.Output;

/// <summary>A left-aligned table with a header row and a rule, for the text output.</summary>
internal static class TextTable
{
    public static string Render(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = new List<IReadOnlyList<string>> { headers };
        all.AddRange(rows);
        var widths = headers.Select((_, column) => all.Max(row => row[column].Length)).ToArray();
        var builder = new StringBuilder();
        for (var r = 0; r < all.Count; r++)
        {
            builder.AppendJoin("  ", all[r].Select((cell, column) => column == widths.Length - 1 ? cell : cell.PadRight(widths[column]))).AppendLine();
            if (r == 0)
            {
                builder.AppendJoin("  ", widths.Select(w => new string('-', w))).AppendLine();
            }
        }

        return builder.ToString();
    }

    /// <summary>Two columns: a name and its value.</summary>
    public static string Pairs(IEnumerable<(string Name, string Value)> pairs)
    {
        var list = pairs.ToList();
        var width = list.Max(p => p.Name.Length);
        var builder = new StringBuilder();
        foreach (var (name, value) in list)
        {
            builder.Append(name.PadRight(width)).Append("  ").AppendLine(value);
        }

        return builder.ToString();
    }
}
