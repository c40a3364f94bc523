using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SesMailer.Configuration;
using SesMailer.Mailing;
using SesMailer.Tests.Support;
using SesMailer.Transport;

namespace SesMailer.Tests.DependencyInjection;

public sealed class AddSesMailerTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sesmailer-di-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static IConfigurationSection Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(p => "SesMailer:" + p.Key, p => p.Value)).Build().GetSection("SesMailer");

    private static ServiceProvider Provider(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        register(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>What a host does when it starts: runs the ValidateOnStart checks.</summary>
    private static void Start(IServiceProvider provider) => provider.GetRequiredService<IStartupValidator>().Validate();

    [Fact]
    public async Task Configuration_section_sets_defaults_and_the_outbox_folder()
    {
        using var provider = Provider(s => s.AddSesMailer(Section(new()
        {
            ["From"] = "Acme <noreply@acme.example>",
            ["ReplyTo:0"] = "support@acme.example",
            ["ConfigurationSet"] = "transactional",
            ["Tags:app"] = "shop",
            ["Emails:Welcome:From"] = "Welcome team <hello@acme.example>",
            ["Emails:Welcome:Tags:kind"] = "welcome",
            ["Transport"] = "Outbox",
            ["Outbox:Folder"] = _folder,
        })));
        Start(provider);

        var mailer = provider.GetRequiredService<IMailer>();
        await mailer.SendAsync(TestMessages.Valid(m => m.Options.From = null, new EmailDeclaration("Welcome")));

        var file = Assert.Single(Directory.GetFiles(_folder, "*.eml"));
        var mime = TestMessages.Parse(await File.ReadAllBytesAsync(file));
        Assert.Equal("hello@acme.example", mime.From.Mailboxes.Single().Address);
        Assert.Equal("support@acme.example", mime.ReplyTo.Mailboxes.Single().Address);
        Assert.Same(provider.GetRequiredService<Mailer>(), mailer);
        var options = provider.GetRequiredService<IOptions<MailerOptions>>().Value;
        Assert.Equal("transactional", options.ConfigurationSet);
        Assert.Equal("shop", options.Tags["app"]);
        Assert.Equal("welcome", options.Emails["Welcome"].Tags["kind"]);
    }

    [Fact]
    public void With_no_settings_the_transport_is_the_outbox()
    {
        using var provider = Provider(s => s.AddSesMailer(Section([])));
        Start(provider);

        var transport = Assert.IsType<FileOutboxTransport>(provider.GetRequiredService<IEmailTransport>());
        Assert.Equal(Path.GetFullPath("outbox"), transport.Folder);
    }

    [Fact]
    public async Task The_in_memory_transport_is_chosen_by_configuration_and_resolvable_for_assertions()
    {
        using var provider = Provider(s => s.AddSesMailer(Section(new() { ["Transport"] = "InMemory", ["From"] = "noreply@acme.example" })));
        Start(provider);

        await provider.GetRequiredService<IMailer>().SendAsync(TestMessages.Valid(m => m.Options.From = null));

        provider.GetRequiredService<InMemoryTransport>().AssertSentTo("ann@example.com");
    }

    [Fact]
    public void Bad_settings_fail_at_start_up_naming_each_setting()
    {
        using var provider = Provider(s => s.AddSesMailer(Section(new()
        {
            ["From"] = "Acme <not-an-address>",
            ["ReplyTo:0"] = "jürgen@example.com",
            ["Tags:bad tag"] = "x",
            ["Emails:Welcome:ConfigurationSet"] = "has space",
            ["Outbox:Folder"] = "  ",
        })));

        // One options tree: every bad setting is one failure of one validation.
        var error = Assert.Throws<OptionsValidationException>(() => Start(provider));
        var messages = error.Failures.ToList();
        Assert.Contains(messages, m => m.StartsWith("SesMailer:From:", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("SesMailer:ReplyTo:0:", StringComparison.Ordinal) && m.Contains("SMTPUTF8", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("SesMailer:Tags:", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("SesMailer:Emails:Welcome:ConfigurationSet:", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("SesMailer:Outbox:Folder:", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_transport_name_fails_at_start_up_naming_the_setting()
    {
        using var provider = Provider(s => s.AddSesMailer(Section(new() { ["Transport"] = "Carrier-pigeon" })));

        var error = Record.Exception(() => Start(provider));

        Assert.NotNull(error);
        Assert.Contains("Transport", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Carrier-pigeon", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_code_builder_configures_defaults_transport_interceptors_and_observers()
    {
        var observer = new CountingObserver();
        using var provider = Provider(s => s.AddSesMailer(m => m
            .DefaultFrom("Acme <noreply@acme.example>")
            .UseInMemory()
            .AddInterceptor<TenantHeaderInterceptor>()
            .AddObserver(observer)));
        Start(provider);

        await provider.GetRequiredService<IMailer>().SendAsync(TestMessages.Valid(m => m.Options.From = null));

        var sent = provider.GetRequiredService<InMemoryTransport>().AssertSentTo("ann@example.com");
        Assert.Equal("noreply@acme.example", sent.From.Address);
        Assert.Equal("acme", sent.Header("X-Tenant"));
        Assert.Equal(1, observer.Count);
    }

    [Fact]
    public async Task Code_settings_win_over_the_configuration_section()
    {
        using var provider = Provider(s => s.AddSesMailer(Section(new() { ["From"] = "config@acme.example", ["Transport"] = "Outbox" }))
            .DefaultFrom("code@acme.example")
            .UseInMemory()
            .RedirectAllTo("qa@acme.example"));
        Start(provider);

        await provider.GetRequiredService<IMailer>().SendAsync(TestMessages.Valid(m => m.Options.From = null));

        var sent = provider.GetRequiredService<InMemoryTransport>().AssertSentTo("qa@acme.example");
        Assert.Equal("code@acme.example", sent.From.Address);
    }

    [Fact]
    public async Task A_custom_transport_replaces_the_configured_one()
    {
        using var provider = Provider(s => s.AddSesMailer(Section(new() { ["Transport"] = "Outbox" })).UseTransport<InMemoryTransport>());
        var transport = Assert.IsType<InMemoryTransport>(provider.GetRequiredService<IEmailTransport>());

        await provider.GetRequiredService<IMailer>().SendAsync(TestMessages.Valid());

        transport.AssertSentCount(1);
    }

    private sealed class TenantHeaderInterceptor : IEmailInterceptor
    {
        public ValueTask OnSendingAsync(EmailSendingContext context, CancellationToken cancellationToken)
        {
            context.Message.Options.Headers["X-Tenant"] = "acme";
            return ValueTask.CompletedTask;
        }
    }

    private sealed class CountingObserver : IEmailObserver
    {
        public int Count { get; private set; }

        public ValueTask OnSendCompletedAsync(EmailSendOutcome outcome, CancellationToken cancellationToken)
        {
            Count++;
            return ValueTask.CompletedTask;
        }
    }
}
