using System.CommandLine;
using SesMailer.Cli.Output;
using SesMailer.Ses;

namespace SesMailer.Cli;

/// <summary>What a command's action needs: the parsed line, an SES client, the output format and writer.</summary>
internal sealed class CommandContext(ParseResult parse, GlobalOptions globals, Func<SesClientOptions, ISesClient> clientFactory, TextWriter output)
{
    private ISesClient? _client;

    public ParseResult Parse { get; } = parse;

    public OutputFormat Format => globals.Format(Parse);

    public TextWriter Out { get; } = output;

    /// <summary>The client, created on first use so that usage errors never touch credentials.</summary>
    public ISesClient Client => _client ??= clientFactory(globals.ToClientOptions(Parse));

    /// <summary>Prints the JSON object or the text, whichever was asked for.</summary>
    public void Print(Func<string> json, Func<string> text) => Out.Write(Format == OutputFormat.Json ? json() + Environment.NewLine : text());

    /// <summary>Prints the outcome of a call that returns nothing but its request id: <c>{"RequestId":…}</c>, or "<paramref name="done"/> (request id …)."</summary>
    public void PrintDone(string done, string requestId) => Print(
        () => JsonOutput.Object(w => w.WriteString("RequestId", requestId)),
        () => $"{done} (request id {requestId}).{Environment.NewLine}");

    public void DisposeClient()
    {
        (_client as IDisposable)?.Dispose();
    }
}
