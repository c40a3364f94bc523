// The SesMailer quick start. With no arguments it writes three typed emails to ./outbox as .eml files;
// with --ses it sends them through Amazon SES (credentials and region from the standard AWS chain).
// `dotnet run --project samples/QuickStart -- --help` lists the options.
return await QuickStart.QuickStartApp.RunAsync(args, Console.Out, Console.Error);
