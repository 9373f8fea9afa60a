using Linli.Classification.Data;

namespace Linli.Classification.Tests.Data;

public class CsvReaderTests
{
    private static List<string[]> Read(string csv) => [.. CsvReader.ReadRows(new StringReader(csv))];

    [Fact]
    public void ReadRows_QuotedFieldsKeepCommasQuotesAndNewlines()
    {
        var rows = Read("a,\"b,c\",\"say \"\"hi\"\"\",\"line1\nline2\"\n");
        rows.Count.ShouldBe(1);
        rows[0].ShouldBe(["a", "b,c", "say \"hi\"", "line1\nline2"]);
    }

    [Fact]
    public void ReadRows_HandlesCrLfAndAMissingFinalNewline()
    {
        var rows = Read("a,b\r\nc,d");
        rows.Count.ShouldBe(2);
        rows[0].ShouldBe(["a", "b"]);
        rows[1].ShouldBe(["c", "d"]);
    }

    [Fact]
    public void ReadRows_KeepsEmptyFields()
    {
        Read("a,,\n")[0].ShouldBe(["a", "", ""]);
        Read("\"\",x\n")[0].ShouldBe(["", "x"]);
    }

    [Fact]
    public void ReadRows_KeepsCrLfInsideQuotes()
    {
        Read("\"a\r\nb\",c\r\n")[0].ShouldBe(["a\r\nb", "c"]);
    }

    [Fact]
    public void ReadRows_UnterminatedQuote_Throws()
    {
        Should.Throw<FormatException>(() => Read("a,\"never closed\n"));
    }
}
