using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Bench.Intake;

// End-to-end intake benchmark: the real host (a child process on loopback, as in production) takes POST /work-orders
// from a channel integration; each order is validated, numbered, classified, checked for duplicates, located, routed and
// dispatched in one transaction. Beside it, in the same run, the raw INSERT+COMMIT rate of an equivalent row on the same
// database and connection count — the ceiling any intake can reach — and the ratio of the two (two rows: one of about an
// order's size, and an order's own row in a table of its indexes; RawInsert).
//
//   dotnet run -c Release --project bench/Linli.Bench.Intake -- --web <Linli.Web.dll> [--postgres "<conn>"] [--only sqlite|postgres]
//       [--requests 1500] [--rate 200] [--seconds 10] [--levels 1,8,32] [--warm-up 3000]
// bench/run.sh builds the host, starts a throwaway PostgreSQL and passes both.
var options = BenchOptions.Parse(args);
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
Console.WriteLine($"Linli intake benchmark — {Environment.ProcessorCount} cores, {options.Requests} orders per concurrency level, paced run at {options.PacedRate}/s for {options.PacedSeconds}s");

var results = new List<string>();
foreach (var provider in options.Providers)
{
    Console.WriteLine();
    Console.WriteLine($"== {provider} ==");
    await using var host = await LinliHost.StartAsync(options, provider);
    var client = await IntakeClient.CreateAsync(host.BaseAddress);
    // Past tiered JIT's recompilation of the hot path (instrumented, then optimized with the profile), which otherwise keeps
    // the JIT busy for the first phases: 3,000 orders at concurrency 4 left its thread a fifth of the host's CPU well into
    // the measured phases (perf). So after the first round, rounds at concurrency 8 and 32 go on until that thread is quiet.
    await client.WarmUpAsync(options.WarmUp);
    var (warmed, jitShare) = (options.WarmUp, 1.0);
    for (var round = 0; round < 30 && jitShare > 0.02; round++)
    {
        var (hostBefore, jitBefore) = (host.CpuUsed().Host, host.JitCpu());
        await client.WarmUpRoundAsync(round % 2 == 0 ? 8 : 32, 1000);
        warmed += 1000;
        jitShare = (host.JitCpu() - jitBefore) / (host.CpuUsed().Host - hostBefore);
    }
    Console.WriteLine($"warm-up: {warmed} orders, until the tiered JIT's thread took {jitShare:0.0 %} of the host's CPU");
    var raw = RawInsert.Sized(provider, host.ConnectionString);
    await raw.PrepareAsync();
    var rawOrder = RawInsert.OrderRow(provider, host.ConnectionString);
    await rawOrder.PrepareAsync();

    // CPU per order: the host process, and the database server's processes (PostgreSQL; SQLite runs inside the host).
    (double Host, double Database) Cpu((TimeSpan Host, TimeSpan Database) before, int orders)
    {
        var after = host.CpuUsed();
        return ((after.Host - before.Host).TotalMilliseconds / orders, (after.Database - before.Database).TotalMilliseconds / orders);
    }

    Console.WriteLine("concurrency | intake orders/s | p50 ms | p99 ms | dispatched | host CPU ms/order | db CPU ms/order | load CPU ms/order | raw insert+commit rows/s | raw db CPU ms/row | intake ÷ raw | db CPU raw ÷ intake | raw order row rows/s | intake ÷ order row | CPU budget at half raw ms/order | HTTP floor req/s | floor ÷ raw");
    foreach (var concurrency in options.Levels)
    {
        var cpu = host.CpuUsed();
        var loadCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var intake = await Load.ClosedLoopAsync(concurrency, options.Requests, client.SubmitAsync);
        var cost = Cpu(cpu, options.Requests);
        var loadCost = (Process.GetCurrentProcess().TotalProcessorTime - loadCpu).TotalMilliseconds / options.Requests;
        var rawCpu = host.CpuUsed();
        var rawRate = await raw.RunAsync(concurrency, options.Requests);
        // The database's own CPU per raw row against per intake: how near half the raw rate the database alone would let
        // intake come were the host on cores of its own (on this box the host, the load and the database share two).
        var rawDb = Cpu(rawCpu, options.Requests).Database;
        var dbShare = provider == "postgres" && cost.Database > 0 ? (rawDb / cost.Database).ToString("P1", CultureInfo.InvariantCulture) : "–";
        // The same, for an order's own row in a table of WorkOrders' columns and indexes (RawInsert.OrderRow).
        var orderRowRate = await rawOrder.RunAsync(concurrency, options.Requests);
        // What half the raw rate allows an order of every core on this box (the host, the database and this load share
        // them), beside the host's and the database's CPU per order above.
        var budget = Environment.ProcessorCount * 1000.0 / (rawRate / 2);
        // The ceiling the HTTP stack sets, in the same run: requests rejected before any work (see RejectAsync).
        var floor = await Load.ClosedLoopAsync(concurrency, options.Requests, client.RejectAsync);
        if (floor.SuccessShare < 1)
        {
            throw new InvalidOperationException("The HTTP floor's requests were not all rejected with 400.");
        }
        var line = $"{concurrency,11} | {intake.Throughput,15:0.0} | {intake.P50,6:0.0} | {intake.P99,6:0.0} | {intake.SuccessShare,10:P0} | {cost.Host,8:0.00} | {cost.Database,6:0.00} | {loadCost,8:0.00} | {rawRate,24:0.0} | {(provider == "postgres" ? rawDb.ToString("0.00", CultureInfo.InvariantCulture) : "–"),17} | {intake.Throughput / rawRate,11:P1} | {dbShare,19} | {orderRowRate,20:0.0} | {intake.Throughput / orderRowRate,18:P1} | {budget,31:0.00} | {floor.Throughput,16:0.0} | {floor.Throughput / rawRate,11:P1}";
        Console.WriteLine(line);
        results.Add($"{provider} c={concurrency}: {line}");
    }

    var pacedCpu = host.CpuUsed();
    var paced = await Load.OpenLoopAsync(options.PacedRate, TimeSpan.FromSeconds(options.PacedSeconds), client.SubmitAsync);
    var pacedCost = Cpu(pacedCpu, options.PacedRate * options.PacedSeconds);
    var pacedLine = $"paced {options.PacedRate}/s for {options.PacedSeconds}s: achieved {paced.Throughput:0.0}/s, p50 {paced.P50:0.0} ms, p99 {paced.P99:0.0} ms (goal p99 < 50 ms), errors {paced.Errors}; CPU per order: host {pacedCost.Host:0.00} ms, db {pacedCost.Database:0.00} ms";
    Console.WriteLine(pacedLine);
    Console.WriteLine($"outcome of the last run: {client.Outcomes()}");
    results.Add($"{provider}: {pacedLine}");
}

Console.WriteLine();
Console.WriteLine("Summary");
foreach (var line in results)
{
    Console.WriteLine("  " + line);
}

namespace Linli.Bench.Intake
{
    internal sealed record BenchOptions(string WebDll, string? Postgres, int Requests, int PacedRate, int PacedSeconds, string[] Providers, int[] Levels, int WarmUp,
        (string Key, string Value)[] HostSettings)
    {
        public static BenchOptions Parse(string[] args)
        {
            string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
            var web = Value("--web") ?? throw new ArgumentException("--web <path to Linli.Web.dll> is required");
            var postgres = Value("--postgres") ?? Environment.GetEnvironmentVariable("LINLI_PG");
            var providers = string.IsNullOrEmpty(postgres) ? new[] { "sqlite" } : ["sqlite", "postgres"];
            if (Value("--only") is { } only)
            {
                providers = [.. providers.Where(p => p == only)];
            }
            return new BenchOptions(web, postgres, int.Parse(Value("--requests") ?? "1500", CultureInfo.InvariantCulture),
                int.Parse(Value("--rate") ?? "200", CultureInfo.InvariantCulture), int.Parse(Value("--seconds") ?? "10", CultureInfo.InvariantCulture), providers,
                [.. (Value("--levels") ?? "1,8,32").Split(',').Select(l => int.Parse(l, CultureInfo.InvariantCulture))],
                int.Parse(Value("--warm-up") ?? "3000", CultureInfo.InvariantCulture),
                [.. args.Zip(args.Skip(1)).Where(p => p.First == "--set" && p.Second.Contains('=')).Select(p => (p.Second[..p.Second.IndexOf('=')], p.Second[(p.Second.IndexOf('=') + 1)..]))]);
        }
    }

    /// <summary>The real host as a child process with its own data folder and database, in demo mode (so routing rules and a model exist).</summary>
    internal sealed class LinliHost : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly string _dataDirectory;
        private readonly Func<Task> _dropDatabase;

        private LinliHost(Process process, string dataDirectory, Uri baseAddress, string connectionString, Func<Task> dropDatabase)
        {
            _process = process;
            _dataDirectory = dataDirectory;
            BaseAddress = baseAddress;
            ConnectionString = connectionString;
            _dropDatabase = dropDatabase;
        }

        public Uri BaseAddress { get; }
        public string ConnectionString { get; }

        /// <summary>CPU time used so far by the host's tiered compilation thread (the JIT recompiling hot methods; Linux).</summary>
        public TimeSpan JitCpu() => CpuOf($"/proc/{_process.Id}/task", name => name.StartsWith(".NET Tiered", StringComparison.Ordinal));

        /// <summary>CPU time used so far by the host process, and by the PostgreSQL server processes (zero on SQLite).</summary>
        public (TimeSpan Host, TimeSpan Database) CpuUsed()
        {
            _process.Refresh();
            // PostgreSQL's backends retitle themselves, so they are found by their command name in /proc (Linux).
            // Counted per process since the last look: a backend or autovacuum worker that ended since then is left out
            // (a plain sum of the live processes' times would take its whole past off the next phase's figure).
            var now = TicksOf("/proc", name => name == "postgres");
            lock (_databaseTicks)
            {
                foreach (var (pid, ticks) in now)
                {
                    _databaseTotal += ticks - _databaseTicks.GetValueOrDefault(pid);
                }
                _databaseTicks.Clear();
                foreach (var (pid, ticks) in now)
                {
                    _databaseTicks[pid] = ticks;
                }
                return (_process.TotalProcessorTime, TimeSpan.FromSeconds(_databaseTotal / 100.0)); // USER_HZ is 100 on Linux
            }
        }

        private readonly Dictionary<int, long> _databaseTicks = [];
        private long _databaseTotal;

        /// <summary>
        /// The CPU time (user and system) of the processes or threads below <paramref name="folder"/> of /proc whose command
        /// name matches; those that end meanwhile are skipped.
        /// </summary>
        private static TimeSpan CpuOf(string folder, Func<string, bool> named) =>
            TimeSpan.FromSeconds(TicksOf(folder, named).Values.Sum() / 100.0); // USER_HZ is 100 on Linux

        /// <summary>The CPU ticks (user and system) of each matching process or thread below <paramref name="folder"/> of /proc, by id.</summary>
        private static Dictionary<int, long> TicksOf(string folder, Func<string, bool> named)
        {
            var ticks = new Dictionary<int, long>();
            foreach (var entry in Directory.Exists(folder) ? Directory.EnumerateDirectories(folder) : [])
            {
                if (!int.TryParse(Path.GetFileName(entry), out var id))
                {
                    continue; // not a process or thread
                }
                try
                {
                    var text = File.ReadAllText(Path.Combine(entry, "stat"));
                    var open = text.IndexOf('(');
                    var close = text.LastIndexOf(')');
                    if (open > 0 && close > open && named(text[(open + 1)..close]))
                    {
                        var fields = text[(close + 2)..].Split(' ');
                        ticks[id] = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture); // utime, stime
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // ended meanwhile
                }
            }
            return ticks;
        }

        public static async Task<LinliHost> StartAsync(BenchOptions options, string provider)
        {
            var dataDirectory = Path.Combine(Path.GetTempPath(), "linli-bench-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(dataDirectory);
            var port = FreePort();
            string connectionString;
            Func<Task> drop = () => Task.CompletedTask;
            var start = new ProcessStartInfo("dotnet", [options.WebDll]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["Urls"] = $"http://127.0.0.1:{port}";
            start.Environment["Linli__DataDirectory"] = dataDirectory;
            start.Environment["Linli__Demo"] = "true";
            start.Environment["Linli__DemoOrders"] = "600";
            start.Environment["Linli__BackgroundJobs"] = "false";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            start.Environment["Database__MigrateOnStart"] = "true";
            // The bench's texts repeat by design; in merge mode nearly every order would be folded into an earlier one and never
            // dispatched. Suggest mode still runs the whole duplicate check but lets each order go on to routing.
            start.Environment["Linli__Duplicates__Mode"] = "Suggest";
            foreach (var (key, value) in options.HostSettings)
            {
                start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value; // --set Linli:Duplicates:Mode=Off and the like, for side runs
            }
            if (provider == "postgres")
            {
                var database = "linli_bench_" + Guid.NewGuid().ToString("N")[..8];
                await Postgres.ExecuteAsync(options.Postgres!, $"CREATE DATABASE {database}");
                connectionString = new Npgsql.NpgsqlConnectionStringBuilder(options.Postgres) { Database = database, MaxPoolSize = 100 }.ConnectionString;
                start.Environment["Database__Provider"] = "Postgres";
                start.Environment["ConnectionStrings__Linli"] = connectionString;
                drop = async () =>
                {
                    Npgsql.NpgsqlConnection.ClearAllPools();
                    await Postgres.ExecuteAsync(options.Postgres!, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
                };
            }
            else
            {
                connectionString = $"Data Source={Path.Combine(dataDirectory, "linli.db")};Default Timeout=30";
            }
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("host: " + e.Data); } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var baseAddress = new Uri($"http://127.0.0.1:{port}");
            using var probe = new HttpClient { BaseAddress = baseAddress };
            var watch = Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    if ((await probe.GetAsync("/health")).IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }
                if (process.HasExited || watch.Elapsed > TimeSpan.FromMinutes(3))
                {
                    throw new InvalidOperationException("The host did not come up.");
                }
                await Task.Delay(250);
            }
            Console.WriteLine($"host up on {baseAddress} in {watch.Elapsed.TotalSeconds:0.0}s (demo seeded, model trained)");
            return new LinliHost(process, dataDirectory, baseAddress, connectionString, drop);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
            await _dropDatabase();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // temp folder; the OS cleans it
            }
        }

        private static int FreePort()
        {
            using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }

    internal static class Postgres
    {
        public static async Task ExecuteAsync(string connectionString, string sql)
        {
            await using var connection = new Npgsql.NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>A 12345 bridge: one channel API key, realistic requests at varied buildings, counting outcomes.</summary>
    internal sealed class IntakeClient
    {
        private static readonly string[] Texts =
        [
            "{0}号楼{1}单元电梯停运，老人上下楼很困难，请尽快维修",
            "{0}号楼楼顶漏水，{1}单元顶层住户天花板滴水",
            "{0}号楼下垃圾桶满了没人清运，味道很大",
            "晚上十点以后{0}号楼旁边工地还在施工，噪音扰民",
            "{0}号楼门口消防通道被车辆堵塞，存在安全隐患",
            "{0}号楼{1}单元楼道灯坏了，晚上看不见路",
            "小区{0}号楼旁有人私搭乱建，占用公共绿地",
            "{0}号楼{1}单元停水一整天了，没有任何通知",
        ];

        private readonly HttpClient _http;
        private readonly List<Guid> _buildings;
        private readonly Dictionary<string, int> _outcomes = [];
        private int _sequence;

        private IntakeClient(HttpClient http, List<Guid> buildings)
        {
            _http = http;
            _buildings = buildings;
        }

        public static async Task<IntakeClient> CreateAsync(Uri baseAddress)
        {
            var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
            var admin = new HttpClient(handler, disposeHandler: false) { BaseAddress = baseAddress };
            var login = await admin.PostAsJsonAsync("/api/v1/auth/login", new { userName = "admin", password = "Linli-demo-2026" });
            var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            admin.DefaultRequestHeaders.Authorization = new("Bearer", token);
            var key = await (await admin.PostAsJsonAsync("/api/v1/admin/channel-keys", new { name = "bench 12345", channel = "Hotline12345" }))
                .Content.ReadFromJsonAsync<JsonElement>();
            var buildings = new List<Guid>();
            using (var listed = await admin.GetAsync("/api/v1/buildings"))
            {
                var body = listed.IsSuccessStatusCode ? await listed.Content.ReadFromJsonAsync<JsonElement>() : default;
                var items = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("items", out var paged) ? paged : body;
                if (items.ValueKind == JsonValueKind.Array)
                {
                    buildings.AddRange(items.EnumerateArray().Select(b => b.GetProperty("id").GetGuid()));
                }
            }
            var http = new HttpClient(handler) { BaseAddress = baseAddress };
            http.DefaultRequestHeaders.Add("X-Api-Key", key.GetProperty("key").GetString());
            return new IntakeClient(http, buildings);
        }

        public async Task WarmUpAsync(int count)
        {
            // Both paths, at some concurrency, so that both are compiled as they will run.
            await Load.ClosedLoopAsync(4, count, SubmitAsync);
            await Load.ClosedLoopAsync(4, count / 4, RejectAsync);
            lock (_outcomes)
            {
                _outcomes.Clear();
            }
        }

        /// <summary>More warm-up orders at the given concurrency, not counted.</summary>
        public async Task WarmUpRoundAsync(int concurrency, int count)
        {
            await Load.ClosedLoopAsync(concurrency, count, SubmitAsync);
            lock (_outcomes)
            {
                _outcomes.Clear();
            }
        }

        /// <summary>One order; true when it was accepted (any 2xx).</summary>
        public async Task<bool> SubmitAsync()
        {
            var n = Interlocked.Increment(ref _sequence);
            using var response = await _http.PostAsJsonAsync("/api/v1/work-orders", Body(n));
            string outcome;
            if (response.IsSuccessStatusCode)
            {
                var order = await response.Content.ReadFromJsonAsync<JsonElement>();
                outcome = order.GetProperty("status").GetString()!;
            }
            else
            {
                outcome = "HTTP " + (int)response.StatusCode;
            }
            lock (_outcomes)
            {
                _outcomes[outcome] = _outcomes.GetValueOrDefault(outcome) + 1;
            }
            return outcome == "Dispatched";
        }

        /// <summary>
        /// The same request with a malformed Idempotency-Key, which the intake rejects before any other work: what the HTTP
        /// stack alone costs (connection, API-key authentication, JSON binding, the handler's services, a ProblemDetails
        /// answer). No intake in this host can go faster than this. True when answered 400.
        /// </summary>
        public async Task<bool> RejectAsync()
        {
            var n = Interlocked.Increment(ref _sequence);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/work-orders") { Content = JsonContent.Create(Body(n)) };
            request.Headers.TryAddWithoutValidation("Idempotency-Key", "not valid");
            using var response = await _http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            return response.StatusCode == HttpStatusCode.BadRequest;
        }

        private object Body(int n)
        {
            var text = string.Format(CultureInfo.InvariantCulture, Texts[n % Texts.Length], 1 + (n * 7 % 36), 1 + (n % 2));
            object body = _buildings.Count > 0
                ? new { description = text + $"（来电 {n}）", reporter = new { name = "市民", phone = $"139{n % 100_000_000:00000000}" }, externalReference = $"B-{n}-{Guid.NewGuid():N}", buildingId = _buildings[n % _buildings.Count] }
                : new { description = text + $"（来电 {n}）", reporter = new { name = "市民", phone = $"139{n % 100_000_000:00000000}" }, externalReference = $"B-{n}-{Guid.NewGuid():N}" };
            return body;
        }

        public string Outcomes()
        {
            lock (_outcomes)
            {
                return string.Join(", ", _outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value}"));
            }
        }
    }

    /// <summary>
    /// The ceiling: one row inserted and committed per transaction, on the same database and connection count. Two rows:
    /// <see cref="Sized"/>, a row of about an order's size in a table of four columns and its key (the baseline since the
    /// bench began), and <see cref="OrderRow"/>, an order's own row — a copy of a dispatched intake's WorkOrders row, with a
    /// new id, number and case number, in a table of the same columns and the same indexes (partial ones included).
    /// </summary>
    internal sealed class RawInsert
    {
        private static readonly string Payload = new('诉', 200);
        private readonly string _provider;
        private readonly string _connectionString;
        private readonly Func<System.Data.Common.DbConnection, Task<(string Insert, Action<System.Data.Common.DbCommand, int> Fill)>> _prepare;
        private (string Insert, Action<System.Data.Common.DbCommand, int> Fill)? _statement;
        private int _inserted;

        private RawInsert(string provider, string connectionString,
            Func<System.Data.Common.DbConnection, Task<(string, Action<System.Data.Common.DbCommand, int>)>> prepare)
        {
            _provider = provider;
            _connectionString = connectionString;
            _prepare = prepare;
        }

        public static RawInsert Sized(string provider, string connectionString) => new(provider, connectionString, async connection =>
        {
            await ExecuteAsync(connection, provider == "postgres"
                ? "CREATE TABLE IF NOT EXISTS bench_raw (id uuid PRIMARY KEY, number text NOT NULL, payload text NOT NULL, created timestamptz NOT NULL)"
                : "CREATE TABLE IF NOT EXISTS bench_raw (id TEXT PRIMARY KEY, number TEXT NOT NULL, payload TEXT NOT NULL, created TEXT NOT NULL)");
            Action<System.Data.Common.DbCommand, int> fill = (command, n) =>
            {
                Add(command, "@id", provider == "postgres" ? Guid.CreateVersion7() : Guid.CreateVersion7().ToString());
                Add(command, "@number", "20261122-" + n);
                Add(command, "@payload", Payload);
                Add(command, "@created", provider == "postgres" ? DateTime.UtcNow : DateTime.UtcNow.ToString("O"));
            };
            return ("INSERT INTO bench_raw (id, number, payload, created) VALUES (@id, @number, @payload, @created)", fill);
        });

        /// <summary>Needs a dispatched order from the 12345 channel in the database (the warm-up's).</summary>
        public static RawInsert OrderRow(string provider, string connectionString) => new(provider, connectionString, async connection =>
        {
            if (provider == "postgres")
            {
                await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS bench_raw_order (LIKE \"WorkOrders\" INCLUDING ALL)");
            }
            else
            {
                // The table's and its indexes' own statements, renamed (SQLite has no CREATE TABLE … LIKE).
                await using var ddl = connection.CreateCommand();
                ddl.CommandText = "SELECT sql FROM sqlite_master WHERE tbl_name = 'WorkOrders' AND sql IS NOT NULL ORDER BY type DESC";
                var statements = new List<string>();
                await using (var reader = await ddl.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync())
                    {
                        statements.Add(reader.GetString(0).Replace("WorkOrders", "bench_raw_order", StringComparison.Ordinal));
                    }
                }
                foreach (var statement in statements)
                {
                    await ExecuteAsync(connection, statement.Replace("CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ", StringComparison.Ordinal)
                        .Replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", StringComparison.Ordinal)
                        .Replace("CREATE UNIQUE INDEX ", "CREATE UNIQUE INDEX IF NOT EXISTS ", StringComparison.Ordinal));
                }
            }
            await using var template = connection.CreateCommand();
            template.CommandText = """
                SELECT * FROM "WorkOrders" WHERE "Status" = 'Dispatched' AND "ParentId" IS NULL AND "ExternalReference" IS NOT NULL
                ORDER BY "ReceivedAt" DESC LIMIT 1
                """;
            // Each column's value for the n-th copy, decided once: new keys, timestamps moved on, the rest as in the template.
            var columns = new List<(string Name, Func<int, object> Value, string Type)>();
            await using (var reader = await template.ExecuteReaderAsync())
            {
                if (!await reader.ReadAsync())
                {
                    throw new InvalidOperationException("No dispatched 12345 order to copy for the raw order row.");
                }
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    columns.Add((reader.GetName(i), CopyOf(provider, reader.GetName(i), reader.GetValue(i)), reader.GetDataTypeName(i)));
                }
            }
            var insert = $"INSERT INTO bench_raw_order ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@c" + i))})";
            Action<System.Data.Common.DbCommand, int> fill = (command, n) =>
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    var parameter = Add(command, "@c" + i, columns[i].Value(n));
                    if (parameter is Npgsql.NpgsqlParameter typed)
                    {
                        typed.DataTypeName = columns[i].Type;
                    }
                }
            };
            return (insert, fill);
        });

        /// <summary>
        /// A column's value in the n-th copy of the template order: a new id, number and case number; a timestamp
        /// (PostgreSQL's timestamptz, or EF's text form on SQLite) moved on by n milliseconds, so that the copies' index
        /// entries have keys of their own, as orders' do; anything else as in the template.
        /// </summary>
        private static Func<int, object> CopyOf(string provider, string column, object value)
        {
            const string SqliteForm = "yyyy-MM-dd HH:mm:ss.FFFFFFF";
            return (column, value) switch
            {
                ("Id", _) => _ => provider == "postgres" ? Guid.CreateVersion7() : Guid.CreateVersion7().ToString().ToUpperInvariant(),
                ("Number", _) => n => "RAW-" + n,
                ("ExternalReference", _) => _ => "RAW-" + Guid.NewGuid().ToString("N"),
                (_, DateTime at) => n => at.AddMilliseconds(n),
                (_, string text) when DateTime.TryParseExact(text, SqliteForm, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) =>
                    n => at.AddMilliseconds(n).ToString(SqliteForm, CultureInfo.InvariantCulture),
                _ => _ => value,
            };
        }

        public async Task PrepareAsync()
        {
            await using var connection = await OpenAsync();
            _statement = await _prepare(connection);
        }

        public async Task<double> RunAsync(int concurrency, int rows)
        {
            var (insert, fill) = _statement ?? throw new InvalidOperationException("PrepareAsync first.");
            var remaining = rows;
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
            {
                await using var connection = await OpenAsync();
                while (Interlocked.Decrement(ref remaining) >= 0)
                {
                    var n = Interlocked.Increment(ref _inserted); // unique over every run
                    await using var transaction = await connection.BeginTransactionAsync();
                    await using var command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = insert;
                    fill(command, n);
                    await command.ExecuteNonQueryAsync();
                    await transaction.CommitAsync();
                }
            }));
            return rows / watch.Elapsed.TotalSeconds;
        }

        private static async Task ExecuteAsync(System.Data.Common.DbConnection connection, string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }

        private static System.Data.Common.DbParameter Add(System.Data.Common.DbCommand command, string name, object value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
            return parameter;
        }

        private async Task<System.Data.Common.DbConnection> OpenAsync()
        {
            System.Data.Common.DbConnection connection = _provider == "postgres"
                ? new Npgsql.NpgsqlConnection(_connectionString)
                : new Microsoft.Data.Sqlite.SqliteConnection(_connectionString);
            await connection.OpenAsync();
            return connection;
        }
    }

    internal sealed record LoadResult(double Throughput, double P50, double P99, double SuccessShare, int Errors);

    internal static class Load
    {
        /// <summary>N workers, each sending the next request as soon as its previous one answered.</summary>
        public static async Task<LoadResult> ClosedLoopAsync(int concurrency, int requests, Func<Task<bool>> send)
        {
            var latencies = new double[requests];
            var successes = 0;
            var next = -1;
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < requests)
                {
                    var started = Stopwatch.GetTimestamp();
                    if (await send())
                    {
                        Interlocked.Increment(ref successes);
                    }
                    latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }
            }));
            return Summarize(latencies, requests / watch.Elapsed.TotalSeconds, successes, 0);
        }

        /// <summary>Requests started at a fixed rate whatever the answers do (bounded in count and time), as channels send them.</summary>
        public static async Task<LoadResult> OpenLoopAsync(int rate, TimeSpan duration, Func<Task<bool>> send)
        {
            var total = (int)(rate * duration.TotalSeconds);
            var latencies = new double[total];
            var successes = 0;
            var errors = 0;
            var tasks = new List<Task>(total);
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < total; i++)
            {
                var due = TimeSpan.FromSeconds((double)i / rate);
                var wait = due - watch.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }
                var index = i;
                tasks.Add(Task.Run(async () =>
                {
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        if (await send())
                        {
                            Interlocked.Increment(ref successes);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        Interlocked.Increment(ref errors);
                    }
                    latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }));
            }
            await Task.WhenAll(tasks);
            return Summarize(latencies, total / watch.Elapsed.TotalSeconds, successes, errors);
        }

        private static LoadResult Summarize(double[] latencies, double throughput, int successes, int errors)
        {
            var sorted = latencies.Order().ToArray();
            double Percentile(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
            return new LoadResult(throughput, Percentile(0.50), Percentile(0.99), (double)successes / latencies.Length, errors);
        }
    }
}
