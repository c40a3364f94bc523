using Web.Emails;

if (args is ["--render"])
{
    var rendered = await new WelcomeEmail("Ann & Bob").RenderWelcomeAsync();
    Console.WriteLine("SUBJECT: " + rendered.Subject);
    Console.WriteLine(rendered.Html);
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllersWithViews();
var app = builder.Build();
app.MapDefaultControllerRoute();
app.Run();
