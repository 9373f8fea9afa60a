using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Linli.Classification.Data;
using Linli.Domain.Common;
using Linli.Web.Features.Accounts;
using Linli.Web.Features.Prevention;
using Linli.Web.Features.Units;
using Linli.Web.Infrastructure;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.HistoryImport;

/// <summary>A row that was not imported: its physical line in the file (the header is line 1) and why.</summary>
public sealed record HistoryImportError(int Line, string Code);

public sealed record HistoryImportResponse(int Rows, int Imported, int Duplicates, int Rejected, IReadOnlyList<HistoryImportError> Errors);

/// <summary>
/// Imports past requests from a CSV export (header row; columns by name, any order) into <see cref="HistoricalRequest"/>,
/// the history that hot issues and the forecast read. Idempotent per row: the content hash (time + title + detail) is
/// unique, so a row already stored — or repeated in the file — counts as a duplicate. Bad rows are rejected with their
/// line and a code; the good rows of the same file are still imported. Used by the admin API and the CLI alike.
/// </summary>
public sealed class ImportHistoryHandler(LinliDbContext db, UnitTree units, SiteTime site)
{
    public const int MaxRows = 100_000;
    public const int MaxReportedErrors = 20;

    public static readonly Error Empty = Error.Validation("HistoryImport.Empty");
    public static readonly Error MissingColumns = Error.Validation("HistoryImport.MissingColumns");
    public static readonly Error TooManyRows = Error.Validation("HistoryImport.TooManyRows");
    public static readonly Error Malformed = Error.Validation("HistoryImport.Malformed");
    public static readonly Error ConcurrentImport = Error.Conflict("HistoryImport.ConcurrentImport");

    public const string InvalidTime = "HistoryImport.InvalidTime";
    public const string MissingText = "HistoryImport.MissingText";
    public const string InvalidSupport = "HistoryImport.InvalidSupport";

    private const int BatchSize = 1000;
    private const int MaxCategoryTextLength = 100;
    private const int MaxPlaceTextLength = 200;

    /// <summary>Local times as the exports write them (site time zone); ISO 8601 with an offset or Z is taken as given.</summary>
    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd H:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd H:mm", "yyyy-MM-dd",
        "yyyy/M/d HH:mm:ss", "yyyy/M/d H:mm:ss", "yyyy/M/d HH:mm", "yyyy/M/d H:mm", "yyyy/M/d",
        "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
    ];

    /// <summary>Header names (case-insensitive) and the column each stands for; the public files' names included.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["time"] = "time",
        ["title"] = "title",
        ["detail"] = "detail",
        ["category"] = "category",
        ["support"] = "support",
        ["like_count"] = "support",
        ["place"] = "place",
        ["message_id"] = "external_id",
        ["external_id"] = "external_id",
    };

    /// <summary>
    /// Imports <paramref name="csv"/> into the area unit <paramref name="areaId"/> (default: the caller's own top area,
    /// else the street), which the caller must cover.
    /// </summary>
    public async Task<Result<HistoryImportResponse>> HandleAsync(TextReader csv, Guid? areaId, Caller caller, CancellationToken ct)
    {
        var area = await GetHotIssuesHandler.AreaAsync(areaId, caller, units, ct);
        if (!area.IsSuccess)
        {
            return area.Error!;
        }
        List<string[]> rows;
        try
        {
            rows = CsvReader.ReadRows(csv).Take(MaxRows + 2).ToList();
        }
        catch (FormatException)
        {
            return Malformed;
        }
        if (rows.Count < 2)
        {
            return Empty;
        }
        if (rows.Count > MaxRows + 1)
        {
            return TooManyRows;
        }
        var columns = ReadHeader(rows[0]);
        if (!columns.ContainsKey("time") || !(columns.ContainsKey("title") || columns.ContainsKey("detail")))
        {
            return MissingColumns;
        }

        var categories = await db.Categories.AsNoTracking().Select(c => new { c.Id, c.Code, c.Name, c.IsActive }).ToListAsync(ct);
        var categoryByCode = categories.ToDictionary(c => c.Code, c => c.Id, StringComparer.OrdinalIgnoreCase);
        var categoryByName = categories.OrderByDescending(c => c.IsActive).ThenBy(c => c.Code, StringComparer.Ordinal)
            .GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.First().Id);

        var batchId = Guid.CreateVersion7();
        var now = site.UtcNow;
        var errors = new List<HistoryImportError>();
        var candidates = new List<HistoricalRequest>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int dataRows = 0, rejected = 0, duplicates = 0;
        // Physical line of each record: a quoted field may span lines, so count the line breaks inside the records before it.
        var line = 1 + LineBreaks(rows[0]);
        foreach (var row in rows.Skip(1))
        {
            var rowLine = ++line;
            line += LineBreaks(row);
            if (row.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            dataRows++;
            string Field(string column) => columns.TryGetValue(column, out var i) && i < row.Length ? row[i].Trim() : "";

            string? code = null;
            var title = Shorten(Field("title"), HistoricalRequest.MaxTitleLength);
            var detail = Shorten(Field("detail"), HistoricalRequest.MaxDetailLength);
            var support = 0;
            if (!TryParseTime(Field("time"), out var occurredAt))
            {
                code = InvalidTime;
            }
            else if (title.Length == 0 && detail.Length == 0)
            {
                code = MissingText;
            }
            else if (Field("support") is { Length: > 0 } s && (!int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out support) || support < 0))
            {
                code = InvalidSupport;
            }
            if (code is not null)
            {
                rejected++;
                if (errors.Count < MaxReportedErrors)
                {
                    errors.Add(new HistoryImportError(rowLine, code));
                }
                continue;
            }

            var hash = ContentHash(occurredAt, title, detail);
            if (!seen.Add(hash))
            {
                duplicates++;
                continue;
            }
            var category = Field("category");
            var place = Field("place");
            candidates.Add(new HistoricalRequest
            {
                Id = Guid.CreateVersion7(),
                BatchId = batchId,
                OccurredAt = occurredAt,
                Title = title,
                Detail = detail,
                CategoryText = category.Length == 0 ? null : Shorten(category, MaxCategoryTextLength),
                CategoryId = category.Length == 0 ? null
                    : categoryByCode.TryGetValue(category, out var byCode) ? byCode
                    : categoryByName.TryGetValue(category, out var byName) ? byName : null,
                Support = support,
                PlaceText = place.Length == 0 ? null : Shorten(place, MaxPlaceTextLength),
                AreaUnitId = area.Value.Id,
                ContentHash = hash,
                ImportedAt = now,
            });
        }

        var imported = 0;
        try
        {
            foreach (var chunk in candidates.Chunk(BatchSize))
            {
                var hashes = chunk.Select(h => h.ContentHash).ToList();
                var stored = (await db.HistoricalRequests.AsNoTracking().Where(h => hashes.Contains(h.ContentHash))
                    .Select(h => h.ContentHash).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
                var fresh = chunk.Where(h => !stored.Contains(h.ContentHash)).ToList();
                duplicates += chunk.Length - fresh.Count;
                db.HistoricalRequests.AddRange(fresh);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                imported += fresh.Count;
            }
        }
        catch (DbUpdateException)
        {
            // Another import stored one of these rows between our check and our insert (the hash is unique): the chunks
            // saved so far stay; importing the file again completes it.
            return ConcurrentImport;
        }
        return new HistoryImportResponse(dataRows, imported, duplicates, rejected, errors);
    }

    private static Dictionary<string, int> ReadHeader(string[] header)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            // A UTF-8 byte order mark may precede the first name when the text was not decoded with BOM detection.
            if (Aliases.TryGetValue(header[i].Trim().TrimStart('\uFEFF'), out var column))
            {
                columns.TryAdd(column, i);
            }
        }
        return columns;
    }

    private bool TryParseTime(string text, out DateTime utc)
    {
        utc = default;
        if (text.Length == 0)
        {
            return false;
        }
        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), site.Zone);
            return true;
        }
        if ((text.EndsWith('Z') || text.Contains('+') || text.LastIndexOf('-') > 10)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            utc = withOffset.UtcDateTime;
            return true;
        }
        return false;
    }

    private static int LineBreaks(string[] row) => row.Sum(f => f.Count(c => c == '\n'));

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max];

    /// <summary>SHA-256 (hex) of the UTC time, title and detail as stored: the row's identity across imports.</summary>
    internal static string ContentHash(DateTime occurredAtUtc, string title, string detail) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            occurredAtUtc.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture) + "\n" + title + "\n" + detail)));
}
