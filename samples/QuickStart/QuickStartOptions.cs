namespace QuickStart;

/// <summary>The quick start's command line, parsed and checked.</summary>
internal sealed record QuickStartOptions(bool UseSes, bool ShowHelp, string Outbox, string To, string From, Uri? Endpoint, string? Region)
{
    public static QuickStartOptions Parse(IReadOnlyList<string> args)
    {
        var options = new QuickStartOptions(
            UseSes: false,
            ShowHelp: false,
            Outbox: "outbox",
            To: "success@simulator.amazonses.com",
            From: "Acme <hello@acme.example>",
            Endpoint: null,
            Region: null);

        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--ses" => options with { UseSes = true },
                "-h" or "--help" => options with { ShowHelp = true },
                "--outbox" => options with { Outbox = ValueOf(args, ref i) },
                "--to" => options with { To = ValueOf(args, ref i) },
                "--from" => options with { From = ValueOf(args, ref i) },
                "--region" => options with { Region = ValueOf(args, ref i) },
                "--endpoint" => options with { Endpoint = ParseEndpoint(ValueOf(args, ref i)) },
                var unknown => throw new ArgumentException($"unknown option '{unknown}'."),
            };
        }

        if (!options.UseSes && (options.Endpoint is not null || options.Region is not null))
        {
            throw new ArgumentException("--endpoint and --region only apply with --ses.");
        }

        return options;
    }

    private static string ValueOf(IReadOnlyList<string> args, ref int i)
    {
        var name = args[i];
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"{name} needs a value.");
        }

        return args[++i];
    }

    private static Uri ParseEndpoint(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw new ArgumentException($"--endpoint must be an absolute http(s) URL, not '{value}'.");
}
