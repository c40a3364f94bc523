using System.Globalization;
using SesMailer.RazorLight.Subjects;
using SesMailer.RazorLight.Tests.Models;
using Xunit;

namespace SesMailer.RazorLight.Tests;

/// <summary>Subjects filled by reflection with the generator's rules (the differential test compares them with generated ones too).</summary>
public sealed class SubjectTests
{
    private static readonly Order Order = new("A-7", 1234.5m, new DateTime(2026, 11, 25, 17, 0, 0, DateTimeKind.Utc), new Customer("Ann", null));

    [Theory]
    [InlineData("Order {Id}", "Order A-7")]
    [InlineData("{Total:0.00} / {Total:N1}", "1234.50 / 1,234.5")]
    [InlineData("{PlacedAt:yyyy-MM-dd}", "2026-11-25")]
    [InlineData("{Buyer.Name} ({Buyer.Company})", "Ann ()")]
    [InlineData("{{literal}} {Id} }}", "{literal} A-7 }")]
    [InlineData("{ Id }", "A-7")]
    [InlineData("no placeholders", "no placeholders")]
    public void Fills_placeholders(string template, string expected)
    {
        using var _ = new CultureScope("en-US");

        Assert.Equal(expected, SubjectTemplate.Parse(template, typeof(Order)).Format(Order));
    }

    [Fact]
    public void A_null_along_a_path_gives_empty_text_and_values_use_the_current_culture()
    {
        using var _ = new CultureScope("de-DE");

        var subject = SubjectTemplate.Parse("{Buyer.Name}|{Total:N2}", typeof(Order));

        Assert.Equal("|1.234,50", subject.Format(Order with { Buyer = null }));
    }

    [Fact]
    public void Inherited_internal_and_field_members_resolve()
    {
        var employee = new Employee { First = "Eve", Manager = new Person { First = "Max" } };

        Assert.Equal("Eve/Max/s/System.Int32[]", SubjectTemplate.Parse("{First}/{Manager.First}/{Secret}/{Scores}", typeof(Employee)).Format(employee));
    }

    [Theory]
    [InlineData("Hi {Nope}", "placeholder '{Nope}' names no member")]
    [InlineData("Hi {Buyer.Nope}", "'Nope' is not a readable public or internal property or field of SesMailer.RazorLight.Tests.Models.Customer")]
    [InlineData("Hi {}", "names no member")]
    [InlineData("Hi {Id", "is not closed with '}'")]
    [InlineData("Hi Id}", "closes no placeholder")]
    [InlineData("Hi {Total:\"x\"}", "may not contain quotes")]
    public void Malformed_subjects_are_rejected_with_the_rule(string template, string rule)
    {
        var error = Assert.Throws<ArgumentException>(() => SubjectTemplate.Parse(template, typeof(Order)));

        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"Subject '{template}':", error.Message, StringComparison.Ordinal);
    }

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _saved = CultureInfo.CurrentCulture;

        public CultureScope(string name) => CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);

        public void Dispose() => CultureInfo.CurrentCulture = _saved;
    }
}
