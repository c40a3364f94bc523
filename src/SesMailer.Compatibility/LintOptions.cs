namespace SesMailer.Compatibility;

/// <summary>What the report checks against.</summary>
public sealed class LintOptions
{
    /// <summary>The clients of the default report: desktop Outlook on Windows, Outlook.com, and every Gmail, Apple Mail and Yahoo platform.</summary>
    public static IReadOnlyList<string> DefaultClients { get; } = ["outlook.windows", "outlook.outlook-com", "gmail.*", "apple-mail.*", "yahoo.*"];

    /// <summary>
    /// The mail clients, named as caniemail names them: <c>family.platform</c> (<c>outlook.windows</c>,
    /// <c>gmail.android</c>) or <c>family.*</c> for every platform of a family. Each is judged on its latest tested
    /// version in the data. An unknown name is an <see cref="ArgumentException"/> from <see cref="EmailLinter"/>.
    /// </summary>
    /// <value>The default is <see cref="DefaultClients"/>.</value>
    public IList<string> Clients { get; } = [.. DefaultClients];
}
