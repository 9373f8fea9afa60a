using Linli.Classification.Data;

namespace Linli.Classification.Tests.Data;

public class LabeledTextCsvTests
{
    [Fact]
    public void Read_MapsColumnsByHeaderName_IgnoringExtraColumnsAndBom()
    {
        var csv = "\uFEFFid,title,detail,label\n1,路灯坏了,\"小区路灯，坏了\n三天\",城乡建设\n";
        var rows = LabeledTextCsv.Read(new StringReader(csv));
        rows.ShouldHaveSingleItem().ShouldBe(new LabeledText("路灯坏了", "小区路灯，坏了\n三天", "城乡建设"));
    }

    [Fact]
    public void Read_EmptyDetailBecomesNull_AndRowsWithoutLabelAreSkipped()
    {
        var csv = "title,detail,label\n只有标题,,教育文体\n没有标签,内容,\n";
        var rows = LabeledTextCsv.Read(new StringReader(csv));
        rows.ShouldHaveSingleItem().Detail.ShouldBeNull();
    }

    [Fact]
    public void Read_UsesAnyLabelColumn()
    {
        var csv = "title,detail,label,urgency\n水管爆裂,楼道漫水,城乡建设,high\n";
        LabeledTextCsv.Read(new StringReader(csv), "urgency")[0].Label.ShouldBe("high");
    }

    [Fact]
    public void Read_MissingLabelColumn_Throws()
    {
        Should.Throw<FormatException>(() => LabeledTextCsv.Read(new StringReader("title,detail\na,b\n")))
            .Message.ShouldContain("label");
    }

    [Fact]
    public void Read_ShortRecord_Throws()
    {
        Should.Throw<FormatException>(() => LabeledTextCsv.Read(new StringReader("title,detail,label\nonly-title\n")));
    }
}
