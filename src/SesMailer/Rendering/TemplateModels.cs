namespace SesMailer.Rendering;

/// <summary>The model of the shipped <c>_Button</c> partial: a bulletproof call-to-action link.</summary>
/// <param name="Text">The button's label.</param>
/// <param name="Url">Where it leads.</param>
/// <param name="BackgroundColor">CSS colour of the button (default a dark blue with AA contrast against white text).</param>
public sealed record ButtonModel(string Text, Uri Url, string BackgroundColor = "#1a56db");

/// <summary>The model of the shipped <c>_Footer</c> partial: who sent the email, why, and how to stop it.</summary>
/// <param name="SenderName">The organisation sending the email.</param>
/// <param name="PostalAddress">Its postal address (required in commercial email in many countries), or <see langword="null"/>.</param>
/// <param name="UnsubscribeUrl">The one-click unsubscribe page, or <see langword="null"/> for transactional email.</param>
/// <param name="Reason">Why the recipient gets this email, or <see langword="null"/>.</param>
public sealed record FooterModel(string SenderName, string? PostalAddress = null, Uri? UnsubscribeUrl = null, string? Reason = null);
