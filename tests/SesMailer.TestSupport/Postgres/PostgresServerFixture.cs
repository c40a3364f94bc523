using Xunit;

namespace SesMailer.TestSupport.Postgres;

/// <summary>
/// One PostgreSQL server for an xunit collection: started before its first test, stopped and deleted after its last.
/// A test project derives from it to add how its tests take a database of their own.
/// </summary>
public abstract class PostgresServerFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    /// <summary>The running server (started by xunit before the first test).</summary>
    public PostgresServer Server => _server ?? throw new InvalidOperationException("The PostgreSQL fixture has not started.");

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
