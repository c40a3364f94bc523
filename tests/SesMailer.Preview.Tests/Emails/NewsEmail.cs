using SesMailer;

namespace SesMailer.Preview.Tests.Emails;

/// <summary>Built to trip the compatibility report: an http: link, an image without alt text or size, a flexbox layout,
/// and a relative link (an error: there is no page to be relative to in a mail client).</summary>
[Email(Subject = "News", From = "News <news@shop.example>")]
public sealed record NewsEmail(string Title);
