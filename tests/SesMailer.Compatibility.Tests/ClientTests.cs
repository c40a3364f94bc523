using SesMailer.Compatibility.Data;

namespace SesMailer.Compatibility.Tests;

public class ClientTests
{
    [Fact]
    public void The_default_clients_are_outlook_on_windows_outlook_com_and_every_gmail_apple_mail_and_yahoo_platform()
    {
        var report = new EmailLinter().Check(new LintInput { Html = Html.Email("<p>x</p>") });

        Assert.Contains("outlook.windows", report.Clients);
        Assert.Contains("outlook.outlook-com", report.Clients);
        Assert.DoesNotContain("outlook.macos", report.Clients);
        Assert.Contains("gmail.desktop-webmail", report.Clients);
        Assert.Contains("gmail.android", report.Clients);
        Assert.Contains("apple-mail.ios", report.Clients);
        Assert.Contains("yahoo.desktop-webmail", report.Clients);
        Assert.All(report.Clients, c => Assert.Matches("^(outlook|gmail|apple-mail|yahoo)\\.", c));
    }

    [Theory]
    [InlineData("outlook.windowz")]
    [InlineData("hotmail.*")]
    [InlineData("gmail")]
    public void An_unknown_client_is_refused_naming_the_option_and_the_known_clients(string name)
    {
        var options = new LintOptions();
        options.Clients.Add(name);

        var error = Assert.Throws<ArgumentException>(() => new EmailLinter(options));

        Assert.StartsWith($"LintOptions.Clients[5]: '{name}' is not a caniemail client", error.Message, StringComparison.Ordinal);
        Assert.Contains("outlook.windows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_client_at_all_is_refused()
    {
        var options = new LintOptions();
        options.Clients.Clear();

        Assert.Throws<ArgumentException>(() => new EmailLinter(options));
    }

    [Fact]
    public void A_client_is_judged_on_its_latest_tested_version_skipping_untested_ones()
    {
        var history = new VersionHistory([new("2019", "n"), new("2021", "a #1"), new("2023", "y"), new("2024", "u")]);

        Assert.Equal(new KeyValuePair<string, string>("2023", "y"), history.LatestTested());
        Assert.Null(new VersionHistory([new("2024", "u")]).LatestTested());
    }

    [Fact]
    public void The_version_order_of_the_data_is_kept_so_the_last_listed_is_the_latest()
    {
        // Outlook on macOS lists "2019-10" before "16.80": ordering by text would put the old one last.
        var feature = CanIEmailSnapshot.Document.Data.Single(f => f.Slug == "amp");
        var versions = feature.Stats["outlook"]["macos"].Versions.Select(v => v.Key).ToList();

        Assert.Equal(["2019-10", "16.80"], versions);
    }
}
