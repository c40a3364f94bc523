namespace SesMailer.Tests.Messages;

/// <summary>Reading an <see cref="EmailAttribute"/> at run time (the RazorLight send path), with the generator's rules.</summary>
public class EmailDeclarationTests
{
    [Fact]
    public void The_attribute_gives_sender_reply_to_and_tags_with_the_category_first()
    {
        var declared = EmailDeclaration.FromAttribute("Receipt", new EmailAttribute
        {
            Subject = "x",
            From = "Acme <hello@acme.example>",
            ReplyTo = "help@acme.example",
            Category = "orders",
            Tags = ["kind=receipt", "team=a=b"],
        });

        Assert.NotNull(declared);
        Assert.Equal(new EmailAddress("hello@acme.example", "Acme"), declared.From);
        Assert.Equal([new EmailAddress("help@acme.example")], declared.ReplyTo);
        Assert.Equal([new MessageTag("category", "orders"), new MessageTag("kind", "receipt"), new MessageTag("team", "a=b")], declared.Tags);
    }

    [Fact]
    public void An_attribute_that_declares_no_defaults_gives_only_the_name()
    {
        var declared = EmailDeclaration.FromAttribute("Receipt", new EmailAttribute { Subject = "x", Layout = "_Layout" });

        Assert.Equal("Receipt", declared.Name);
        Assert.Null(declared.From);
        Assert.Empty(declared.ReplyTo);
        Assert.Empty(declared.Tags);
        Assert.Equal("Receipt", EmailDeclaration.FromAttribute("Receipt", null).Name);
    }

    [Theory]
    [InlineData("receipt", "Tags: 'receipt' is not a tag; write it as 'name=value'")]
    [InlineData("=receipt", "Tags: '=receipt' is not a tag")]
    public void A_tag_without_a_name_is_refused_naming_the_property(string tag, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => EmailDeclaration.FromAttribute("Receipt", new EmailAttribute { Subject = "x", Tags = [tag] }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_address_is_refused_naming_the_property()
    {
        var error = Assert.Throws<ArgumentException>(() => EmailDeclaration.FromAttribute("Receipt", new EmailAttribute { Subject = "x", ReplyTo = "Help <help@" }));

        Assert.StartsWith("[Email] ReplyTo:", error.Message, StringComparison.Ordinal);
    }
}
