using SesMailer.Templates.Tests.Emails;
using Xunit;

namespace SesMailer.Templates.Tests;

public class WelcomeEmailTests
{
    [Fact]
    public async Task Renders_subject_html_and_text_from_the_model()
    {
        var rendered = await new WelcomeEmail("Ann", new Uri("https://acme.example/confirm?t=1&u=2")).RenderWelcomeAsync();

        Assert.Equal("Welcome, Ann!", rendered.Subject);
        Assert.Equal("<h1>Welcome, Ann!</h1>\n<p><a href=\"https://acme.example/confirm?t=1&amp;u=2\">Confirm your address</a></p>\n", rendered.Html);
        Assert.Equal("Welcome, Ann!\nConfirm your address: https://acme.example/confirm?t=1&u=2\n", rendered.Text);
    }
}
