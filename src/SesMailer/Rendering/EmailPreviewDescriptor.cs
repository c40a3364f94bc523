namespace SesMailer.Rendering;

/// <summary>One <see cref="EmailPreviewAttribute"/> member of an email, as the generator found it.</summary>
public sealed class EmailPreviewDescriptor
{
    private readonly Func<EmailSample> _create;

    /// <summary>Creates a preview descriptor (the generator writes these; see <see cref="EmailDescriptor.Previews"/>).</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="member"/> is null or empty.</exception>
    public EmailPreviewDescriptor(string name, string member, Func<EmailSample> create)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(member);
        ArgumentNullException.ThrowIfNull(create);
        Name = name;
        Member = member;
        _create = create;
    }

    /// <summary>The variant's name from the attribute (<c>Long name</c>).</summary>
    public string Name { get; }

    /// <summary>The member that makes the sample, as written in C# (<c>MyApp.Emails.WelcomePreviews.LongName()</c>).</summary>
    public string Member { get; }

    /// <summary>Calls the member: a new sample (and new options) on every call.</summary>
    public EmailSample Create() => _create();

    /// <inheritdoc />
    public override string ToString() => Name;
}
