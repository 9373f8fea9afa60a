using System.Text;

namespace Linli.Classification.Data;

/// <summary>
/// A small RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks
/// (the complaint exports have all three). Lines may end in LF or CRLF.
/// </summary>
public static class CsvReader
{
    public static IEnumerable<string[]> ReadRows(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var fieldStarted = false;
        int read;
        while ((read = reader.Read()) != -1)
        {
            var c = (char)read;
            if (inQuotes)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (reader.Peek() == '"')
                {
                    reader.Read();
                    field.Append('"');
                }
                else
                {
                    inQuotes = false;
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    inQuotes = true;
                    fieldStarted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = true;
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return fields.ToArray();
                    fields.Clear();
                    fieldStarted = false;
                    break;
                default:
                    field.Append(c);
                    fieldStarted = true;
                    break;
            }
        }

        if (inQuotes)
        {
            throw new FormatException("CSV ends inside a quoted field.");
        }

        if (fieldStarted || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields.ToArray();
        }
    }
}
