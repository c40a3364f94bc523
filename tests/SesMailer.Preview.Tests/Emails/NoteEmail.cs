using SesMailer;

namespace SesMailer.Preview.Tests.Emails;

[Email(Subject = "A note")]
public sealed record NoteEmail(string Text);
