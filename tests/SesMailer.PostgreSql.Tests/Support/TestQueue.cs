using Npgsql;
using SesMailer.PostgreSql;

namespace SesMailer.PostgreSql.Tests.Support;

/// <summary>A migrated queue in a database of its own, and direct SQL on it for the assertions.</summary>
public sealed class TestQueue(string connectionString, NpgsqlDataSource dataSource, PostgresOutbox outbox) : IAsyncDisposable
{
    public string ConnectionString { get; } = connectionString;

    public NpgsqlDataSource DataSource { get; } = dataSource;

    public PostgresOutbox Outbox { get; } = outbox;

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql.Replace("{s}", Outbox.Schema, StringComparison.Ordinal));
        foreach (var p in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = p });
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task<List<Dictionary<string, object?>>> RowsAsync(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql.Replace("{s}", Outbox.Schema, StringComparison.Ordinal));
        foreach (var p in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = p });
        }

        var rows = new List<Dictionary<string, object?>>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public Task<long> CountAsync(string where = "true") => ScalarAsync<long>($"SELECT count(*) FROM {{s}}.messages WHERE {where}");

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
