using SesMailer;

namespace SesMailer.Preview.Tests.Emails;

[Email(Subject = "Broken")]
public sealed record BrokenEmail(string Name)
{
    public string Explode() => Name.Length < 0 ? Name : throw new InvalidOperationException("the sample has no address");
}
