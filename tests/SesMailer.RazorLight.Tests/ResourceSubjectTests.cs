using System.Globalization;
using SesMailer.RazorLight.Tests.Emails;
using Xunit;

namespace SesMailer.RazorLight.Tests;

/// <summary>
/// <c>[Email(SubjectResource = …)]</c> at run time: RazorLight looks the subject up in the render's culture through the
/// class's ResourceManager and fills it by name, as the generated Render method does (compared with it).
/// </summary>
public sealed class ResourceSubjectTests(FolderEngineFixture fixture) : IClassFixture<FolderEngineFixture>
{
    private static readonly DigestEmail Digest = new("Ann", 3, new DateOnly(2026, 12, 5));

    [Theory]
    [InlineData("fr-FR", "Ann, 3 articles depuis le 05/12/2026")]
    [InlineData("fr-CA", "Ann, 3 articles depuis le 2026-12-05")]
    [InlineData("en-US", "Your digest: 3 posts since Saturday, December 5, 2026, Ann")]
    [InlineData("de-DE", "Your digest: 3 posts since Samstag, 5. Dezember 2026, Ann")]
    public async Task The_subject_is_the_culture_string_filled_by_name_as_the_generated_method_fills_it(string name, string expected)
    {
        var culture = CultureInfo.GetCultureInfo(name);
        var savedUi = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ja-JP");
        try
        {
            var runtime = await fixture.Engine.RenderAsync("Emails/DigestEmail", Digest, subject: null, culture);
            var generated = await Digest.RenderDigestAsync(culture);

            Assert.Equal(expected, runtime.Subject);
            Assert.Equal(generated.Subject, runtime.Subject);
            Assert.Equal(generated.Html, runtime.Html);
            Assert.Equal("ja-JP", CultureInfo.CurrentUICulture.Name);
        }
        finally
        {
            CultureInfo.CurrentUICulture = savedUi;
        }
    }

    [Fact]
    public async Task A_subject_passed_to_the_render_wins_over_the_declared_resource()
    {
        var runtime = await fixture.Engine.RenderAsync("Emails/DigestEmail", Digest, "Digest for {Name}", CultureInfo.GetCultureInfo("fr-FR"));

        Assert.Equal("Digest for Ann", runtime.Subject);
    }
}
