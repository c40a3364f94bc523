namespace SesMailer;

/// <summary>A mailbox: an address with an optional display name.</summary>
/// <param name="Address">The address itself, for example <c>ann@example.com</c>.</param>
/// <param name="DisplayName">The name shown by mail clients, or <see langword="null"/>.</param>
public sealed record EmailAddress(string Address, string? DisplayName = null)
{
    /// <summary>Wraps a plain address.</summary>
    public static implicit operator EmailAddress(string address) => new(address);

    /// <inheritdoc />
    public override string ToString() => DisplayName is null ? Address : $"\"{DisplayName}\" <{Address}>";
}
