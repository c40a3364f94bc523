using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SesMailer.Benchmarks.Support;
using SesMailer.Mime;

namespace SesMailer.Benchmarks.Mime;

/// <summary>
/// Composing and serialising a message with SesMailer's <see cref="MimeComposer"/> (SES rules checked, 7-bit,
/// CRLF, line lengths verified) against a plain MimeKit <see cref="MimeKit.BodyBuilder"/>.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class MimeBenchmarks
{
    private const string Subject = "Your monthly report — November";
    private const string Plain = "text + html";
    private const string WithFiles = "text + html, 20 KB attachment, inline image";

    private readonly MimeComposer _composer = new();
    private readonly EmailAttachment _attachment = EmailAttachment.FromBytes("report.pdf", SampleData.AttachmentBytes, "application/pdf");
    private readonly EmailAttachment _image = EmailAttachment.FromBytes("logo.png", SampleData.ImageBytes, "image/png").AsInline("logo");

    /// <summary>Proves that both composers write the same message.</summary>
    [GlobalSetup]
    public void CheckMessagesAreEquivalent()
    {
        MimeCheck.Same(Plain, BodyBuilderPlain(), ComposerPlain());
        MimeCheck.Same(WithFiles, BodyBuilderWithFiles(), ComposerWithFiles());
    }

    /// <summary>Baseline: MimeKit's BodyBuilder, text and HTML.</summary>
    [Benchmark(Baseline = true, Description = "MimeKit BodyBuilder")]
    [BenchmarkCategory(Plain)]
    public byte[] BodyBuilderPlain() => BodyBuilderBaseline.Compose(SampleData.From, Subject, SampleData.Text, SampleData.Html, null, null);

    /// <summary>SesMailer's composer, text and HTML.</summary>
    [Benchmark(Description = "SesMailer MimeComposer")]
    [BenchmarkCategory(Plain)]
    public ReadOnlyMemory<byte> ComposerPlain() => _composer.Compose(Message(withFiles: false)).Mime;

    /// <summary>Baseline: MimeKit's BodyBuilder with an attachment and an inline image.</summary>
    [Benchmark(Baseline = true, Description = "MimeKit BodyBuilder")]
    [BenchmarkCategory(WithFiles)]
    public byte[] BodyBuilderWithFiles() => BodyBuilderBaseline.Compose(SampleData.From, Subject, SampleData.Text, SampleData.HtmlWithImage, SampleData.AttachmentBytes, SampleData.ImageBytes);

    /// <summary>SesMailer's composer with an attachment and an inline image.</summary>
    [Benchmark(Description = "SesMailer MimeComposer")]
    [BenchmarkCategory(WithFiles)]
    public ReadOnlyMemory<byte> ComposerWithFiles() => _composer.Compose(Message(withFiles: true)).Mime;

    private EmailMessage Message(bool withFiles)
    {
        var message = new EmailMessage
        {
            Options = { From = SampleData.From },
            Subject = Subject,
            TextBody = SampleData.Text,
            HtmlBody = withFiles ? SampleData.HtmlWithImage : SampleData.Html,
        };
        message.Options.To.Add(SampleData.To);
        if (withFiles)
        {
            message.Options.Attachments.Add(_attachment);
            message.Options.InlineImages.Add(_image);
        }

        return message;
    }
}
