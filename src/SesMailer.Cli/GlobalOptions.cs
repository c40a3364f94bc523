using System.CommandLine;
using SesMailer.Cli.Output;
using SesMailer.Ses.Connection;

namespace SesMailer.Cli;

/// <summary>The options every command accepts: where SES is and how to print.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Region { get; } = new("--region")
    {
        Description = "The AWS region, for example us-west-2 (default: AWS_REGION or the profile's region).",
        Recursive = true,
    };

    public Option<string?> Profile { get; } = new("--profile")
    {
        Description = "A profile of the shared AWS credentials/config files (default: AWS_PROFILE or the default chain).",
        Recursive = true,
    };

    public Option<string?> Endpoint { get; } = new("--endpoint")
    {
        Description = "The SES endpoint URL (default: AWS_ENDPOINT_URL_SES, AWS_ENDPOINT_URL, then https://email.{region}.amazonaws.com).",
        Recursive = true,
    };

    public Option<bool> AllowInsecureHttp { get; } = new("--allow-insecure-http")
    {
        Description = "Accept a plain http:// endpoint on a host that is not loopback (credentials, session tokens and messages then travel in clear text).",
        Recursive = true,
    };

    public Option<string> Output { get; } = CreateOutputOption();

    /// <summary>The chosen output format.</summary>
    public OutputFormat Format(ParseResult parse) =>
        string.Equals(parse.GetValue(Output), "json", StringComparison.OrdinalIgnoreCase) ? OutputFormat.Json : OutputFormat.Text;

    private static Option<string> CreateOutputOption()
    {
        var option = new Option<string>("--output")
        {
            Description = "text (a readable table) or json (one object with the SES member names).",
            DefaultValueFactory = _ => "text",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong("text", "json");
        return option;
    }

    public void AddTo(Command root)
    {
        root.Options.Add(Region);
        root.Options.Add(Profile);
        root.Options.Add(Endpoint);
        root.Options.Add(AllowInsecureHttp);
        root.Options.Add(Output);
    }

    /// <summary>The client options the global options describe.</summary>
    /// <exception cref="CliUsageException">
    /// --endpoint is not an absolute http(s) URL, or is plain http to a host that is not loopback without --allow-insecure-http.
    /// </exception>
    public Ses.SesClientOptions ToClientOptions(ParseResult parse)
    {
        var endpoint = parse.GetValue(Endpoint);
        var allowInsecureHttp = parse.GetValue(AllowInsecureHttp);
        Uri? uri = null;
        if (endpoint is not null && (!Uri.TryCreate(endpoint, UriKind.Absolute, out uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            throw new CliUsageException($"--endpoint must be an absolute http(s) URL; it is \"{endpoint}\".");
        }

        // The client refuses this too, but in terms of its options; here the message names the flags a user typed.
        if (uri is not null && uri.Scheme == Uri.UriSchemeHttp && !allowInsecureHttp && !SesConnectionResolver.IsLoopback(uri))
        {
            throw new CliUsageException(
                $"--endpoint {uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)} is plain http to a host that is not loopback: " +
                "credentials, session tokens and messages would travel in clear text. Use https, or pass --allow-insecure-http to accept that.");
        }

        return new Ses.SesClientOptions
        {
            Region = parse.GetValue(Region),
            Profile = parse.GetValue(Profile),
            Endpoint = uri,
            AllowInsecureHttp = allowInsecureHttp,
        };
    }
}
