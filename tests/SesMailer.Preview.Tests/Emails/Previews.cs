using SesMailer;

namespace SesMailer.Preview.Tests.Emails;

/// <summary>The samples the pages show; the logo and invoice make the multipart/related and multipart/mixed paths.</summary>
public static class Previews
{
    public static readonly byte[] Logo = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [EmailPreview("Plain")]
    public static OrderEmail Plain => new("A-100", "Ann");

    [EmailPreview("With logo and invoice")]
    public static EmailPreview<OrderEmail> WithLogo()
    {
        var options = new EmailOptions();
        options.To.Add("ann@example.com");
        options.InlineImages.Add(new EmailAttachment("logo.png", Logo, "image/png") { ContentId = "logo" });
        options.Attachments.Add(EmailAttachment.FromBytes("invoice.txt", "Invoice A-101"u8.ToArray(), "text/plain"));
        return new EmailPreview<OrderEmail>(new OrderEmail("A-101", "Bob", ShowLogo: true), options);
    }

    [EmailPreview("Explodes")]
    internal static BrokenEmail Explodes() => new("Ann");
}

/// <summary>A preview declared in a class of its own, as a project may spread them.</summary>
internal static class NewsPreviews
{
    [EmailPreview("Weekly")]
    public static NewsEmail Weekly() => new("This week");
}
