using Xunit;

namespace SesMailer.Aot.Tests.Support;

/// <summary>Two outboxes hold the same messages: as many files, the same subjects, and the same bytes once normalized.</summary>
internal static class OutboxAssert
{
    public static void SameMessages(OutboxSnapshot expected, OutboxSnapshot actual, int expectedMessages)
    {
        Assert.Equal(expectedMessages, expected.MessagesBySubject.Count);
        Assert.Equal(expected.FileCount, actual.FileCount);
        Assert.Equal(expected.MessagesBySubject.Keys.Order(StringComparer.Ordinal), actual.MessagesBySubject.Keys.Order(StringComparer.Ordinal));
        foreach (var (subject, message) in expected.MessagesBySubject)
        {
            Assert.Equal(message, actual.MessagesBySubject[subject]);
        }
    }
}
