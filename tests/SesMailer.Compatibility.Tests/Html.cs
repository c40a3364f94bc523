namespace SesMailer.Compatibility.Tests;

/// <summary>Small emails built to trigger one kind of finding each.</summary>
internal static class Html
{
    /// <summary>A body that starts with a hidden preheader, then <paramref name="content"/>; <paramref name="head"/> goes in &lt;head&gt;.</summary>
    public static string Email(string content, string head = "") =>
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n" + head + "</head>\n<body>\n" +
        "<div style=\"display:none\">Your order shipped.</div>\n" + content + "\n</body>\n</html>\n";

    public static LintReport Lint(string html, params string[] clients)
    {
        var options = new LintOptions();
        if (clients.Length > 0)
        {
            options.Clients.Clear();
            foreach (var client in clients)
            {
                options.Clients.Add(client);
            }
        }

        return new EmailLinter(options).Check(new LintInput { Html = html });
    }
}
