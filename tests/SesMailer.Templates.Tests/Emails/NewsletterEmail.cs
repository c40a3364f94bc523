using SesMailer;

namespace SesMailer.Templates.Tests.Emails;

/// <summary>Its template takes its text from Resources/EmailStrings.resx (and .fr.resx) through the strongly typed class.</summary>
[Email(Subject = "Newsletter for {Name}")]
public sealed record NewsletterEmail(string Name);
