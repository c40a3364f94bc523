using System.CommandLine;
using System.CommandLine.Help;
using SesMailer.Cli.Commands;
using SesMailer.Ses;

namespace SesMailer.Cli;

/// <summary>
/// The <c>sesmailer</c> command line: the SES v1 calls of the seed tutorial from a shell. Exit codes: 0 success,
/// 1 an SES or network error (<c>error: CODE: message (request id …)</c> on stderr), 2 bad usage or invalid input,
/// 3 a message in doubt (<c>in doubt: message ID: …</c> on stderr; see <see cref="ExitCodes.InDoubt"/>).
/// </summary>
public static class SesCli
{
    /// <summary>Parses and runs one command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Where results go (stdout).</param>
    /// <param name="error">Where errors go (stderr).</param>
    /// <param name="clientFactory">Creates the SES client from the global options; <see langword="null"/> for <see cref="SesClient"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public static async Task<int> RunAsync(
        string[] args,
        TextWriter output,
        TextWriter error,
        Func<SesClientOptions, ISesClient>? clientFactory = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        clientFactory ??= static options => new SesClient(options);

        var globals = new GlobalOptions();
        // A plain command named like the tool (a RootCommand would take the assembly's name, SesMailer.Cli).
        var root = new Command("sesmailer", "Amazon SES v1 from a shell: verify identities, send, send an outbox folder, quota, statistics.")
        {
            new HelpOption(),
            new VersionOption(),
        };
        globals.AddTo(root);
        var contexts = new List<CommandContext>();
        CommandContext NewContext(ParseResult parse)
        {
            var context = new CommandContext(parse, globals, clientFactory, output);
            contexts.Add(context);
            return context;
        }

        foreach (var command in IdentityCommands.Create(NewContext).Concat(SendCommands.Create(NewContext)).Concat(AccountCommands.Create(NewContext)).Concat(OutboxCommands.Create(NewContext)))
        {
            root.Subcommands.Add(command);
        }

        root.Subcommands.Add(QueueCommands.Create(NewContext, error));
        foreach (var command in PreviewCommands.Create(output, error))
        {
            root.Subcommands.Add(command);
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                await error.WriteLineAsync($"error: {parseError.Message}").ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run 'sesmailer --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(
                new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null },
                cancellationToken).ConfigureAwait(false);
        }
        catch (CliInDoubtException e)
        {
            await error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return ExitCodes.InDoubt;
        }
        catch (SesException e)
        {
            await error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.SesError;
        }
        catch (Exception e) when (e is CliUsageException or ArgumentException or SesConfigurationException)
        {
            await error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        finally
        {
            foreach (var context in contexts)
            {
                context.DisposeClient();
            }
        }
    }
}
