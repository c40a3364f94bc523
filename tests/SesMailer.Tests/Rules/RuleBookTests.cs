using SesMailer.Rules;
using SesMailer.Rules.Runtime;
using SesMailer.Ses;

namespace SesMailer.Tests.Rules;

/// <summary>
/// The rule book (src/Rules) on its own, through the copy compiled into SesMailer: the same source is compiled into
/// SesMailer.Ses and the generator, whose tests check the same rules through the client and through diagnostics.
/// </summary>
public class RuleBookTests
{
    private static void Broken(RuleResult result, string rule)
    {
        Assert.False(result.IsValid);
        Assert.Equal(rule, result.Rule);
        Assert.False(string.IsNullOrEmpty(result.Message));
    }

    [Fact]
    public void The_public_rule_ids_and_limits_are_the_rule_books()
    {
        Assert.Equal(RuleLimits.RecipientLimit, EmailRules.RecipientLimit);
        Assert.Equal(10_000_000, EmailRules.MessageSizeLimit);
        Assert.Equal("reserved-header", EmailRules.ReservedHeader);
        Assert.Equal(RuleIds.ValidAddress, EmailRules.ValidAddress);
    }

    [Theory]
    [InlineData("ann@example.com", "ann@example.com")]
    [InlineData("Ann.Smith+x@Mail.EXAMPLE.com", "Ann.Smith+x@mail.example.com")]
    [InlineData("ann@bücher.example", "ann@xn--bcher-kva.example")]
    public void A_valid_address_comes_back_in_its_ascii_form(string address, string ascii)
    {
        var result = AddressRule.ToAscii(address);
        Assert.True(result.IsValid, result.Message);
        Assert.Equal(ascii, result.Value);
    }

    [Theory]
    [InlineData("a..b@example.com", RuleIds.ValidAddress)]
    [InlineData(".lead@example.com", RuleIds.ValidAddress)]
    [InlineData("trail.@example.com", RuleIds.ValidAddress)]
    [InlineData("ann@example", RuleIds.ValidAddress)]
    [InlineData("ann@example.com.", RuleIds.ValidAddress)]
    [InlineData("ann@exa_mple.com", RuleIds.ValidAddress)]
    [InlineData("ann(x)@example.com", RuleIds.ValidAddress)]
    [InlineData(null, RuleIds.ValidAddress)]
    [InlineData("jürgen@example.com", RuleIds.AsciiLocalPart)]
    [InlineData("ann@example.com\n", RuleIds.NoLineBreaks)]
    [InlineData("ann@example.com\u2028", RuleIds.NoLineBreaks)]
    public void An_address_that_breaks_a_rule_names_the_rule(string? address, string rule) =>
        Broken(AddressRule.ToAscii(address), rule);

    // The rule skips IdnMapping for plain ASCII host names: for each of these (inside and at the edges of that
    // shortcut) it must answer exactly as IdnMapping alone does.
    [Theory]
    [InlineData("example.com")]
    [InlineData("Mail.EXAMPLE.com")]
    [InlineData("a-b.c-d.example")]
    [InlineData("ab--cd.example")]
    [InlineData("xn--bcher-kva.example")]
    [InlineData("XN--BCHER-KVA.example")]
    [InlineData("xn--zz.example")]
    [InlineData("-lead.example")]
    [InlineData("trail-.example")]
    [InlineData("a..b.example")]
    [InlineData(".lead.example")]
    [InlineData("exa_mple.com")]
    [InlineData("123.456")]
    [InlineData("LABEL63")]
    [InlineData("LABEL64")]
    [InlineData("NAME253")]
    [InlineData("NAME254")]
    public void The_ascii_shortcut_answers_as_IdnMapping_does(string domain)
    {
        domain = domain switch
        {
            "LABEL63" => new string('a', 63) + ".example",
            "LABEL64" => new string('a', 64) + ".example",
            "NAME253" => string.Join('.', Enumerable.Repeat(new string('b', 49), 5)) + ".abc",
            "NAME254" => string.Join('.', Enumerable.Repeat(new string('b', 49), 5)) + ".abcd",
            _ => domain,
        };
        string? expected;
        try
        {
            var ascii = new System.Globalization.IdnMapping { UseStd3AsciiRules = true, AllowUnassigned = false }.GetAscii(domain);
            expected = ascii.Contains('.', StringComparison.Ordinal) && !ascii.EndsWith('.') ? "ann@" + ascii.ToLowerInvariant() : null;
        }
        catch (ArgumentException)
        {
            expected = null;
        }

        var result = AddressRule.ToAscii("ann@" + domain);

        Assert.Equal(expected is not null, result.IsValid);
        Assert.Equal(expected, result.IsValid ? result.Value : null);
    }

    [Fact]
    public void A_local_part_of_64_characters_is_valid_and_65_is_not()
    {
        Assert.True(AddressRule.ToAscii(new string('a', 64) + "@example.com").IsValid);
        Broken(AddressRule.ToAscii(new string('a', 65) + "@example.com"), RuleIds.ValidAddress);
    }

    [Fact]
    public void An_address_as_sent_must_already_be_ascii_and_the_message_gives_its_punycode()
    {
        Assert.True(AddressRule.AsSent("ann@xn--bcher-kva.example").IsValid);
        var result = AddressRule.AsSent("ann@bücher.example");
        Broken(result, RuleIds.ValidAddress);
        Assert.Contains("'ann@xn--bcher-kva.example'", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\n")]
    [InlineData("\u0085")]
    [InlineData("\u2029")]
    [InlineData("\0")]
    [InlineData("\u007F")]
    public void Header_text_with_a_line_break_or_control_character_is_refused(string character)
    {
        var result = HeaderTextRule.Check("Hello" + character, "subject");
        Broken(result, RuleIds.NoLineBreaks);
        Assert.Contains($"U+{(int)character[0]:X4}) at position 5", result.Message, StringComparison.Ordinal);
        Assert.True(HeaderTextRule.Check("Hello\tworld, Grüße", "subject").IsValid);
    }

    [Theory]
    [InlineData("kind")]
    [InlineData("A-Z_a-z-0-9")]
    public void Valid_tag_parts_pass(string text) => Assert.True(TagRule.Check(text, "name").IsValid);

    [Theory]
    [InlineData("kind\n")]
    [InlineData("kind\r\n")]
    [InlineData("\nkind")]
    [InlineData("ki nd")]
    [InlineData("kïnd")]
    [InlineData("")]
    [InlineData(null)]
    public void Tag_parts_outside_the_charset_are_refused_a_trailing_line_feed_too(string? text) =>
        Broken(TagRule.Check(text, "value"), RuleIds.TagCharset);

    [Fact]
    public void A_tag_part_of_256_characters_passes_and_257_does_not()
    {
        Assert.True(TagRule.Check(new string('t', 256), "value").IsValid);
        Broken(TagRule.Check(new string('t', 257), "value"), RuleIds.TagCharset);
        Broken(TagRule.Check(new string('t', 256) + "\n", "value"), RuleIds.TagCharset);
    }

    [Theory]
    [InlineData("receipts\n")]
    [InlineData("re ceipts")]
    [InlineData("")]
    public void Configuration_set_names_outside_the_charset_are_refused_a_trailing_line_feed_too(string name) =>
        Broken(ConfigurationSetRule.Check(name), RuleIds.ConfigurationSetName);

    [Fact]
    public void A_configuration_set_name_of_64_characters_passes_65_does_not_and_none_is_fine()
    {
        Assert.True(ConfigurationSetRule.Check(new string('c', 64)).IsValid);
        Assert.True(ConfigurationSetRule.Check(null).IsValid);
        Broken(ConfigurationSetRule.Check(new string('c', 65)), RuleIds.ConfigurationSetName);
        Broken(ConfigurationSetRule.Check(new string('c', 64) + "\n"), RuleIds.ConfigurationSetName);
    }

    [Theory]
    [InlineData("logo\n")]
    [InlineData("logo\r\n")]
    [InlineData("lo go")]
    [InlineData("<logo>")]
    [InlineData("lo\"go")]
    [InlineData("")]
    [InlineData(null)]
    public void Malformed_content_ids_are_refused_a_trailing_line_feed_too(string? contentId) =>
        Broken(ContentIdRule.Check(contentId), RuleIds.CidResolves);

    [Fact]
    public void Content_ids_of_printable_ascii_up_to_200_characters_pass()
    {
        Assert.True(ContentIdRule.Check("logo.png@acme.example").IsValid);
        Assert.True(ContentIdRule.Check(new string('i', 200)).IsValid);
        Broken(ContentIdRule.Check(new string('i', 201)), RuleIds.CidResolves);
    }

    [Theory]
    [InlineData("X-SES-SOURCE-ARN")]
    [InlineData("X-SES-FROM-ARN")]
    [InlineData("X-SES-RETURN-PATH-ARN")]
    [InlineData("X-SES-CONFIGURATION-SET")]
    [InlineData("X-SES-MESSAGE-TAGS")]
    [InlineData("x-ses-source-arn")]
    [InlineData("Bcc")]
    [InlineData("DKIM-Signature")]
    public void Reserved_headers_are_refused(string name) =>
        Broken(CustomHeaderRule.Check(name, "value"), RuleIds.ReservedHeader);

    [Theory]
    [InlineData("X-Bad Name", "v", RuleIds.CustomHeader)]
    [InlineData("X-Bad:Name", "v", RuleIds.CustomHeader)]
    [InlineData("", "v", RuleIds.CustomHeader)]
    [InlineData("X-Campaign", null, RuleIds.Required)]
    [InlineData("X-Campaign", "spring\r\nBcc: x@example.com", RuleIds.NoLineBreaks)]
    public void Malformed_custom_headers_name_the_rule(string name, string? value, string rule) =>
        Broken(CustomHeaderRule.Check(name, value), rule);

    [Fact]
    public void A_well_formed_custom_header_passes() => Assert.True(CustomHeaderRule.Check("X-SES-Campaign", "spring").IsValid);

    [Fact]
    public void Fifty_distinct_recipients_pass_and_fifty_one_do_not()
    {
        var fifty = Enumerable.Range(0, 50).Select(i => $"r{i}@example.com").ToList();
        var distinct = RecipientRule.Distinct(fifty.Append("R0@EXAMPLE.com").Append("r1@example.com"));
        Assert.Equal(fifty, distinct);
        Assert.True(RecipientRule.Check(distinct.Count).IsValid);

        var result = RecipientRule.Check(51);
        Broken(result, RuleIds.MaxRecipients);
        Assert.Equal(51, result.Amount);
        Assert.Contains("51 recipients", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_of_10_000_000_bytes_passes_and_one_byte_more_does_not()
    {
        Assert.True(MessageSizeRule.Check(10_000_000).IsValid);
        var result = MessageSizeRule.Check(10_000_001);
        Broken(result, RuleIds.MaxMessageSize);
        Assert.Equal(10_000_001, result.Amount);
        Assert.Contains("10,000,001 bytes", result.Message, StringComparison.Ordinal);
        Assert.Contains("at most 10,000,000 bytes", result.Message, StringComparison.Ordinal);
        Assert.Contains("at least", MessageSizeRule.CheckFiles(10_000_001).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_rule_becomes_the_one_exception_naming_the_field()
    {
        var error = Assert.Throws<EmailValidationException>(() => TagRule.Check("a b", "value").ThrowIfBroken("Tags[1].Value"));
        Assert.Equal(("Tags[1].Value", "Tags[1].Value", RuleIds.TagCharset), (error.Field, error.ParamName, error.Rule));
        Assert.StartsWith("Tags[1].Value: 'a b' is not a valid SES tag value", error.Message, StringComparison.Ordinal);

        var tooMany = Assert.Throws<TooManyRecipientsException>(() => RecipientRule.Check(60).ThrowIfBroken("Destinations"));
        Assert.Equal((60, 50), (tooMany.Count, tooMany.Limit));
        var tooLarge = Assert.Throws<MessageTooLargeException>(() => MessageSizeRule.Check(10_000_001).ThrowIfBroken("RawMessage"));
        Assert.Equal((10_000_001, 10_000_000), (tooLarge.Size, tooLarge.Limit));
        Assert.IsAssignableFrom<ArgumentException>(tooLarge);
    }
}
