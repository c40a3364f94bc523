using SesMailer;

namespace SesMailer.Templates.Tests.Emails;

/// <summary>Its template defines a section that its layout never renders: rendering must fail, not drop it.</summary>
[Email(Subject = "Notice", Layout = "_Plain")]
public sealed record NoticeEmail(string Text);
