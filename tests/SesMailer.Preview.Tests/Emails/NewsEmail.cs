using SesMailer;

namespace SesMailer.Preview.Tests.Emails;

/// <summary>Built to trip the compatibility report: an http: link, an image without alt text or size, a flexbox layout.</summary>
[Email(Subject = "News", From = "News <news@shop.example>")]
public sealed record NewsEmail(string Title);
