namespace SesMailer.Cli.Output;

/// <summary>How results are printed.</summary>
public enum OutputFormat
{
    /// <summary>Readable tables.</summary>
    Text,

    /// <summary>One JSON object whose field names are the SES response member names.</summary>
    Json,
}
