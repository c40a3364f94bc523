using SesMailer;
using SesMailer.Templates.Tests.Resources;

namespace SesMailer.Templates.Tests.Emails;

/// <summary>
/// Its template takes its text from Resources/EmailStrings.resx (and .fr.resx, .fr-CA.resx) through the strongly typed
/// class, and so does its subject: EmailStrings.NewsletterSubject, whose translations put the placeholders in another
/// order and give them other formats.
/// </summary>
// README: subject from a .resx
[Email(SubjectResource = typeof(EmailStrings), Subject = nameof(EmailStrings.NewsletterSubject))]
public sealed record NewsletterEmail(string Name, int Issue, DateOnly Date);
// end README
