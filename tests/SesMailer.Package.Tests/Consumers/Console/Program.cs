using Consumer.Emails;
using SesMailer.Rendering;

var rendered = await new WelcomeEmail("Ann <3", "Acme", new Uri("https://acme.example/c?a=1&b=2")).RenderWelcomeAsync();
Console.WriteLine("SUBJECT: " + rendered.Subject);
Console.WriteLine("EMAILS: " + string.Join(",", EmailRegistry.All.Select(e => e.Name + "=" + e.HtmlTemplatePath)));
Console.WriteLine("HTML:");
Console.WriteLine(rendered.Html);
Console.WriteLine("TEXT:");
Console.WriteLine(rendered.Text);
