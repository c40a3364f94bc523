using System.Text;
using AngleSharp;
using AngleSharp.Browser;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SesMailer.Mime;

/// <summary>
/// Turns an HTML body into a readable plain-text body for mail clients (and spam filters) that want one:
/// links become <c>text (url)</c>, list items get bullets or numbers, headings stand on their own lines,
/// table cells are joined with <c> | </c>, images show their alt text; scripts, styles and the head are dropped.
/// </summary>
public static class HtmlToText
{
    // Built on first use, so that a process whose emails all have text templates never loads AngleSharp. The
    // context keeps AngleSharp's element and document factories and leaves out what only a browser needs: the
    // attribute observers (they keep element state such as class lists in step with attributes; only raw attribute
    // values are read here) and the meta handler (it switches the encoding of byte streams; a string has none).
    // Together with no CSS selector below, that is about 70 fewer methods for the JIT to compile in the first
    // conversion of a process, and the same document.
    private static readonly Lazy<HtmlParser> Parser = new(() => new HtmlParser(
        new HtmlParserOptions(),
        BrowsingContext.New(new AngleSharp.Configuration(AngleSharp.Configuration.Default.Services.Where(s => s is not IAttributeObserver and not IMetaHandler)))));

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "header", "footer", "main", "nav", "aside", "blockquote", "address",
        "form", "fieldset", "figure", "figcaption", "center", "dl", "dt", "dd", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "hr", "body", "html",
    };

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "head", "script", "style", "template", "noscript", "title", "meta", "link",
    };

    /// <summary>Converts <paramref name="html"/> to plain text with LF line endings.</summary>
    public static string Convert(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var document = Parser.Value.ParseDocument(html);
        var writer = new TextWriter();
        Walk(document.Body ?? (INode)document, writer, listDepth: 0);
        return writer.ToString();
    }

    private static void Walk(INode node, TextWriter writer, int listDepth)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    writer.Inline(text.Data);
                    break;
                case IElement element:
                    Element(element, writer, listDepth);
                    break;
            }
        }
    }

    private static void Element(IElement element, TextWriter writer, int listDepth)
    {
        var tag = element.LocalName;
        if (Skipped.Contains(tag))
        {
            return;
        }

        switch (tag)
        {
            case "br":
                writer.LineBreak();
                return;
            case "hr":
                writer.Block();
                writer.Raw("----------------------------------------");
                writer.Block();
                return;
            case "img":
                var alt = element.GetAttribute("alt");
                if (!string.IsNullOrWhiteSpace(alt))
                {
                    writer.Inline("[" + alt.Trim() + "]");
                }

                return;
            case "a":
                Link(element, writer, listDepth);
                return;
            case "pre":
                writer.Block();
                writer.Raw(element.TextContent.TrimEnd('\n', '\r'));
                writer.Block();
                return;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                Heading(element, writer, listDepth);
                return;
            case "li":
                ListItem(element, writer, listDepth);
                return;
            case "tr":
                TableRow(element, writer, listDepth);
                return;
            case "ul" or "ol":
                // A nested list continues its parent item on the next line; a top-level list is a block.
                Separate(writer, nested: listDepth > 0);
                Walk(element, writer, listDepth + 1);
                Separate(writer, nested: listDepth > 0);
                return;
        }

        var block = Blocks.Contains(tag);
        if (block)
        {
            writer.Block();
        }

        Walk(element, writer, listDepth);
        if (block)
        {
            writer.Block();
        }
    }

    private static void Separate(TextWriter writer, bool nested)
    {
        if (nested)
        {
            writer.EndLine();
        }
        else
        {
            writer.Block();
        }
    }

    private static void Link(IElement element, TextWriter writer, int listDepth)
    {
        var href = element.GetAttribute("href")?.Trim();
        var before = writer.Length;
        Walk(element, writer, listDepth);
        var text = writer.Since(before).Trim();
        if (string.IsNullOrEmpty(href) || href.StartsWith('#') || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var shown = href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? href["mailto:".Length..] : href;
        if (text.Length == 0)
        {
            writer.Inline(href);
        }
        else if (!string.Equals(text, shown, StringComparison.OrdinalIgnoreCase) && !string.Equals(text, href, StringComparison.OrdinalIgnoreCase))
        {
            writer.Inline(" (" + href + ")");
        }
    }

    private static void Heading(IElement element, TextWriter writer, int listDepth)
    {
        writer.Block();
        var before = writer.Length;
        Walk(element, writer, listDepth);
        var length = writer.Since(before).Trim().Length;
        if (length > 0)
        {
            // Setext-style underline: '=' for the top level, '-' below; readable and recognisable in any client.
            writer.LineBreak();
            writer.Raw(new string(element.LocalName == "h1" ? '=' : '-', Math.Min(length, 72)));
        }

        writer.Block();
    }

    private static void ListItem(IElement element, TextWriter writer, int listDepth)
    {
        writer.EndLine();
        var indent = new string(' ', Math.Max(0, listDepth - 1) * 2);
        var marker = "- ";
        if (element.ParentElement is { LocalName: "ol" } list)
        {
            var start = int.TryParse(list.GetAttribute("start"), out var s) ? s : 1;
            marker = (start + ItemIndex(list, element)).ToString(System.Globalization.CultureInfo.InvariantCulture) + ". ";
        }

        writer.Raw(indent + marker);
        Walk(element, writer, listDepth);
        writer.EndLine();
    }

    /// <summary>The position of <paramref name="item"/> among the <c>li</c> children of <paramref name="list"/>.</summary>
    private static int ItemIndex(IElement list, IElement item)
    {
        var index = 0;
        foreach (var child in list.Children)
        {
            if (child == item)
            {
                return index;
            }

            if (child.LocalName == "li")
            {
                index++;
            }
        }

        return -1;
    }

    private static void TableRow(IElement row, TextWriter writer, int listDepth)
    {
        var cells = new List<IElement>();
        foreach (var child in row.Children)
        {
            if (child.LocalName is "td" or "th")
            {
                cells.Add(child);
            }
        }

        if (IsLayoutRow(row, cells))
        {
            // Email layouts put the whole body (paragraphs, headings, even data tables) inside table cells for the
            // sake of old clients. Joining such cells onto one line would turn the text part into one long line,
            // so a layout cell reads like the block it stands for.
            foreach (var cell in cells)
            {
                writer.Block();
                Walk(cell, writer, listDepth);
                writer.Block();
            }

            return;
        }

        writer.EndLine();
        var first = true;
        foreach (var cell in cells)
        {
            var cellWriter = new TextWriter();
            Walk(cell, cellWriter, listDepth);
            var text = string.Join(' ', cellWriter.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            if (!first)
            {
                writer.Raw(" | ");
            }

            writer.Raw(text);
            first = false;
        }

        writer.EndLine();
    }

    /// <summary>
    /// A row lays out the page rather than holding data when its table says so (<c>role="presentation"</c> or
    /// <c>"none"</c>, as email layouts should) or when a cell holds block content (a paragraph, a heading, a list or a
    /// nested table), which a data cell does not.
    /// </summary>
    private static bool IsLayoutRow(IElement row, List<IElement> cells)
    {
        var role = EnclosingTable(row)?.GetAttribute("role");
        if (string.Equals(role, "presentation", StringComparison.OrdinalIgnoreCase) || string.Equals(role, "none", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var cell in cells)
        {
            if (HasBlock(cell))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The nearest <c>table</c> around <paramref name="row"/>, found by walking up the parents: what
    /// <c>Closest("table")</c> returns (a row is not itself a table) without compiling AngleSharp's CSS selector engine.
    /// </summary>
    private static IElement? EnclosingTable(IElement row)
    {
        for (var parent = row.ParentElement; parent is not null; parent = parent.ParentElement)
        {
            if (parent.LocalName == "table")
            {
                return parent;
            }
        }

        return null;
    }

    /// <summary>Whether an element below <paramref name="element"/> (at any depth) is a block.</summary>
    private static bool HasBlock(IElement element)
    {
        foreach (var child in element.Children)
        {
            if (Blocks.Contains(child.LocalName) || HasBlock(child))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Accumulates text, collapsing HTML whitespace and keeping at most one blank line between blocks.</summary>
    private sealed class TextWriter
    {
        private readonly StringBuilder _text = new();
        private bool _pendingSpace;
        private int _pendingNewLines;

        public int Length => _text.Length;

        public string Since(int start) => _text.ToString(start, _text.Length - start);

        public void Inline(string value)
        {
            foreach (var c in value)
            {
                if (char.IsWhiteSpace(c) && c != '\u00A0')
                {
                    // Collapse runs of whitespace, and none after a line start, a bullet or another space.
                    _pendingSpace = _text.Length > 0 && _pendingNewLines == 0 && !char.IsWhiteSpace(_text[^1]);
                    continue;
                }

                Flush();
                _text.Append(c == '\u00A0' ? ' ' : c);
            }
        }

        public void Raw(string value)
        {
            Flush();
            _text.Append(value);
        }

        public void LineBreak()
        {
            _pendingSpace = false;
            _text.Append('\n');
        }

        public void EndLine()
        {
            _pendingSpace = false;
            if (_text.Length > 0 && !EndsWithNewLine())
            {
                _pendingNewLines = Math.Max(_pendingNewLines, 1);
            }
        }

        public void Block()
        {
            _pendingSpace = false;
            if (_text.Length > 0)
            {
                _pendingNewLines = 2;
            }
        }

        public override string ToString() => _text.ToString().Trim('\n', ' ') + "\n";

        private bool EndsWithNewLine() => _text.Length > 0 && _text[^1] == '\n';

        private void Flush()
        {
            if (_pendingNewLines > 0)
            {
                var existing = 0;
                for (var i = _text.Length - 1; i >= 0 && _text[i] == '\n'; i--)
                {
                    existing++;
                }

                _text.Append('\n', Math.Max(0, _pendingNewLines - existing));
                _pendingNewLines = 0;
                _pendingSpace = false;
            }
            else if (_pendingSpace)
            {
                _text.Append(' ');
                _pendingSpace = false;
            }
        }
    }
}
