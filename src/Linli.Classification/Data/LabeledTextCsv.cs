using System.Text;

namespace Linli.Classification.Data;

/// <summary>Reads <c>title,detail,label</c> files (extra columns such as <c>id</c> are ignored).</summary>
public static class LabeledTextCsv
{
    public const string TitleColumn = "title";
    public const string DetailColumn = "detail";
    public const string DefaultLabelColumn = "label";

    public static IReadOnlyList<LabeledText> ReadFile(string path, string labelColumn = DefaultLabelColumn)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, labelColumn);
    }

    /// <summary>
    /// Reads every row; rows with an empty title and detail or an empty label are skipped, because
    /// they can neither teach nor test anything. A missing detail column is allowed (title-only data).
    /// </summary>
    public static IReadOnlyList<LabeledText> Read(TextReader reader, string labelColumn = DefaultLabelColumn)
    {
        using var rows = CsvReader.ReadRows(reader).GetEnumerator();
        if (!rows.MoveNext())
        {
            throw new FormatException("CSV is empty: expected a header row.");
        }

        var header = rows.Current;
        var title = Find(header, TitleColumn) ?? throw new FormatException($"CSV header has no '{TitleColumn}' column.");
        var label = Find(header, labelColumn) ?? throw new FormatException($"CSV header has no '{labelColumn}' column.");
        var detail = Find(header, DetailColumn);
        var result = new List<LabeledText>();
        var line = 1;
        while (rows.MoveNext())
        {
            line++;
            var row = rows.Current;
            if (row.Length == 1 && row[0].Length == 0)
            {
                continue;
            }

            if (row.Length < header.Length)
            {
                throw new FormatException($"CSV record {line} has {row.Length} fields; the header has {header.Length}.");
            }

            var text = row[title].Trim();
            var body = detail is { } d ? row[d].Trim() : string.Empty;
            var value = row[label].Trim();
            if (value.Length == 0 || (text.Length == 0 && body.Length == 0))
            {
                continue;
            }

            result.Add(new LabeledText(text, body.Length == 0 ? null : body, value));
        }

        return result;
    }

    private static int? Find(string[] header, string name)
    {
        for (var i = 0; i < header.Length; i++)
        {
            if (string.Equals(header[i].Trim().TrimStart('\uFEFF'), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return null;
    }
}
