namespace SesMailer.PostgreSql.Queueing;

/// <summary>How a person settles an in-doubt message, once they checked whether it was delivered.</summary>
public enum InDoubtResolution
{
    /// <summary>It was delivered: mark it <c>sent</c> (with the SES message id, when known).</summary>
    Sent,

    /// <summary>It was not delivered: back to <c>pending</c>, to be sent again.</summary>
    Resend,

    /// <summary>It is not to be sent: <c>cancelled</c>.</summary>
    Cancel,
}
