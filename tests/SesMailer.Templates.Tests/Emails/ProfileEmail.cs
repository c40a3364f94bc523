using SesMailer;

namespace SesMailer.Templates.Tests.Emails;

/// <summary>URLs and a colour from the model, in every shape of attribute Razor writes (see ProfileEmail.cshtml).</summary>
[Email(Subject = "Your profile")]
public sealed record ProfileEmail(string Homepage, Uri Avatar, string Scheme, string Rest, string AppLink, string Color);
