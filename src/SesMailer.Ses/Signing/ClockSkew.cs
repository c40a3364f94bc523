namespace SesMailer.Ses.Signing;

/// <summary>
/// Clock-skew correction: SES refuses a signature more than 15 minutes away from its own time (<c>RequestExpired</c>
/// and friends). Its answer carries a <c>Date</c> header, so the client can learn the offset and sign again.
/// </summary>
internal static class ClockSkew
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(4);

    public static bool IsSkewError(SesException error) =>
        error.Code is "RequestExpired" or "RequestTimeTooSkewed" ||
        (error.Code is "InvalidSignatureException" or "SignatureDoesNotMatch" &&
         error.ErrorMessage.Contains("Signature expired", StringComparison.OrdinalIgnoreCase));

    /// <summary>Records the offset to the server's clock; false when there is no date or no new offset to learn.</summary>
    public static bool Adjust(ref long offsetTicks, DateTimeOffset localNow, DateTimeOffset? serverDate)
    {
        if (serverDate is null)
        {
            return false;
        }

        var offset = serverDate.Value - localNow;
        var current = TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));
        if ((offset - current).Duration() < Tolerance)
        {
            return false;
        }

        Interlocked.Exchange(ref offsetTicks, offset.Ticks);
        return true;
    }
}
