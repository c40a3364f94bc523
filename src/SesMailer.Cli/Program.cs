using SesMailer.Cli;

return await SesCli.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
