using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Linli.Testing;
using Linli.Web.Features.WorkOrders;
using Linli.Web.Persistence;
using Linli.Web.Persistence.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Linli.Web.Tests;

/// <summary>
/// The whole host over a real database: a fresh SQLite file per app, or — when <c>LINLI_TEST_POSTGRES</c> holds a
/// connection string — a fresh PostgreSQL database per app, dropped afterwards. Time comes from <see cref="Clock"/>.
/// The demo street (units, accounts, categories, buildings) is seeded without historical orders unless asked.
/// </summary>
public class LinliApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = DemoSeeder.Password;
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 1, 30, 0, TimeSpan.Zero); // Friday 09:30 in Beijing

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "linli-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _postgresServer = Environment.GetEnvironmentVariable("LINLI_TEST_POSTGRES");
    private readonly string _postgresDatabase = "linli_t_" + Guid.NewGuid().ToString("N")[..16];
    private readonly Dictionary<string, (string Token, DateTimeOffset IssuedAt)> _tokens = [];

    public FakeTimeProvider Clock { get; } = new(Start);

    public bool OnPostgres => !string.IsNullOrEmpty(_postgresServer);

    /// <summary>How many historical demo orders to seed; most tests want none.</summary>
    protected virtual int DemoOrders => 0;

    /// <summary>Duplicate merging (Merge, Suggest, Off); off unless a test is about it, so look-alike test orders stay apart.</summary>
    protected virtual string DuplicateMode => "Off";

    public async Task InitializeAsync()
    {
        if (OnPostgres)
        {
            await using var admin = new NpgsqlConnection(_postgresServer);
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_postgresDatabase}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        _ = Server; // start the host: migrate and seed now, not inside the first test's timing
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (OnPostgres)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(_postgresServer);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the OS: the temp folder is cleaned by the machine anyway.
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Linli:DataDirectory", _dataDirectory);
        builder.UseSetting("Linli:Demo", "true");
        builder.UseSetting("Linli:DemoOrders", DemoOrders.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Linli:BackgroundJobs", "false");
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Linli:Duplicates:Mode", DuplicateMode);
        if (OnPostgres)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Linli", new NpgsqlConnectionStringBuilder(_postgresServer) { Database = _postgresDatabase }.ConnectionString);
        }
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public HttpClient Anonymous() => CreateClient();

    /// <summary>
    /// A client signed in through the public login endpoint with a bearer token, as an API client would be.
    /// The token is renewed whenever the fake clock has moved past its lifetime, so tests can jump days ahead.
    /// </summary>
    public Task<HttpClient> As(string userName) =>
        Task.FromResult(CreateDefaultClient(new BearerTokenHandler(this, userName)));

    private async Task<string> TokenAsync(string userName)
    {
        lock (_tokens)
        {
            if (_tokens.TryGetValue(userName, out var cached) && Clock.GetUtcNow() - cached.IssuedAt < TimeSpan.FromHours(1))
            {
                return cached.Token;
            }
        }
        using var anonymous = CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        lock (_tokens)
        {
            _tokens[userName] = (token, Clock.GetUtcNow());
        }
        return token;
    }

    private sealed class BearerTokenHandler(LinliApp app, string userName) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(userName));
            return await base.SendAsync(request, cancellationToken);
        }
    }

    public void AdvanceTime(TimeSpan by) => Clock.Advance(by);

    public async Task<T> WithDbAsync<T>(Func<LinliDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<LinliDbContext>());
    }

    /// <summary>
    /// A context as another instance of the host would have: same database, none of this host's interceptors, so its
    /// saves do not reach this host's reference snapshots.
    /// </summary>
    public async Task<LinliDbContext> AnotherInstanceAsync()
    {
        var connection = await WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        return OnPostgres
            ? new PostgresLinliDbContext(new DbContextOptionsBuilder<PostgresLinliDbContext>().UseNpgsql(connection).Options)
            : new SqliteLinliDbContext(new DbContextOptionsBuilder<SqliteLinliDbContext>().UseSqlite(connection).Options);
    }

    public async Task<int> RunAutoCloseAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AutoCloseWorkOrdersHandler>().RunAsync(CancellationToken.None);
    }

    /// <summary>One pass of the SLA sweeper (warnings, then escalations), as the host runs it every few seconds.</summary>
    public async Task<Linli.Web.Features.Sla.SlaSweepResult> RunSlaSweepAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Linli.Web.Features.Sla.SlaSweepHandler>().RunAsync(CancellationToken.None);
    }

    /// <summary>One pass of the outbox dispatcher.</summary>
    public async Task<int> RunOutboxAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Linli.Web.Features.Notifications.OutboxDispatcher>().RunAsync(CancellationToken.None);
    }

    public static Guid UnitId(string code) => DemoIds.For("unit:" + code);

    public static Guid CategoryId(string code) => DemoIds.For("category:" + code);

    public static Guid BuildingId(string gridCode, int index) => DemoIds.For($"building:{gridCode}:{index}");
}

/// <summary>The same host with duplicate merging on, as in production.</summary>
public sealed class LinliAppWithDuplicates : LinliApp
{
    protected override string DuplicateMode => "Merge";
}

/// <summary>The same host with the demo's historical orders, for tests of lists and scopes over realistic data.</summary>
public sealed class LinliAppWithHistory : LinliApp
{
    protected override int DemoOrders => 300;
}
