using SesMailer;
using SesMailer.Preview;
using WebApp;
using WebApp.Emails;

var builder = WebApplication.CreateBuilder(args);

// Sender, transport (Outbox, Ses or InMemory) and SES region/profile/endpoint come from the "SesMailer" section;
// a wrong setting stops the app at start-up with the setting's name in the message.
builder.Services.AddSesMailer(builder.Configuration.GetSection("SesMailer"));

var app = builder.Build();

app.MapPost("/signup", async (SignupRequest request, IMailer mailer, CancellationToken cancellationToken) =>
{
    var confirmUrl = new Uri($"https://acme.example/confirm?user={Uri.EscapeDataString(request.Email)}");
    var result = await mailer.SendWelcomeAsync(request.Email, new WelcomeEmail(request.Name, confirmUrl), cancellationToken);
    return Results.Accepted(value: new { result.MessageId });
});

// Every email and its [EmailPreview] samples at /emails (Emails/WelcomePreviews.cs), in Development only: edit a
// .cshtml and refresh to see it without a rebuild.
app.MapEmailPreviews("/emails");

app.Run();
