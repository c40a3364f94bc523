using System.CommandLine;
using SesMailer.Cli.Output;

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
        root.Options.Add(Output);
    }

    /// <summary>The client options the global options describe.</summary>
    /// <exception cref="CliUsageException">--endpoint is not an absolute http(s) URL.</exception>
    public Ses.SesClientOptions ToClientOptions(ParseResult parse)
    {
        var endpoint = parse.GetValue(Endpoint);
        Uri? uri = null;
        if (endpoint is not null && (!Uri.TryCreate(endpoint, UriKind.Absolute, out uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            throw new CliUsageException($"--endpoint must be an absolute http(s) URL; it is \"{endpoint}\".");
        }

        return new Ses.SesClientOptions { Region = parse.GetValue(Region), Profile = parse.GetValue(Profile), Endpoint = uri };
    }
}
