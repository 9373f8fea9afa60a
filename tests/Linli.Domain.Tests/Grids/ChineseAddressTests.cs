using Linli.Domain.Grids;
using Linli.Domain.Units;

namespace Linli.Domain.Tests.Grids;

public class ChineseAddressTests
{
    [Theory]
    // address as typed | compound | building | entrance | room
    [InlineData("莲花小区3号楼2单元502室", "莲花小区", "3", "2", "502")]
    [InlineData("北京市丰台区六里桥街道莲花小区3号楼2单元502室", "莲花小区", "3", "2", "502")]
    [InlineData("北京市丰台区莲花小区３号楼２单元５０２室", "莲花小区", "3", "2", "502")]
    [InlineData("莲花小区 三号楼 二单元 五〇二室", "莲花小区", "3", "2", "502")]
    [InlineData("莲花小区十二号楼", "莲花小区", "12", null, null)]
    [InlineData("翠园小区二十三栋一单元101", "翠园小区", "23", "1", "101")]
    [InlineData("金泰家园5栋3单元601", "金泰家园", "5", "3", "601")]
    [InlineData("太平里7幢1单元302户", "太平里", "7", "1", "302")]
    [InlineData("和平苑A座1203室", "和平苑", "A", null, "1203")]
    [InlineData("和平苑Ａ座", "和平苑", "A", null, null)]
    [InlineData("桥南小区8#楼4单元201", "桥南小区", "8", "4", "201")]
    [InlineData("桥南小区8#4单元", "桥南小区", "8", "4", null)]
    [InlineData("京铁家园3-2-502", "京铁家园", "3", "2", "502")]
    [InlineData("京铁家园３－２－５０２", "京铁家园", "3", "2", "502")]
    [InlineData("丽泽雅园10-1101", "丽泽雅园", "10", null, "1101")]
    [InlineData("六里桥北里第九号楼", "六里桥北里", "9", null, null)]
    [InlineData("六里桥北里第3栋2门", "六里桥北里", "3", "2", null)]
    [InlineData("丰台区六里桥北里4号2单元301", "六里桥北里", "4", "2", "301")]
    [InlineData("北京市丰台区西三环南路12号莲花小区1号楼", "莲花小区", "1", null, null)]
    [InlineData("莲花小区（北门）1号楼", "莲花小区", "1", null, null)]
    [InlineData("莲花小区1号楼 2单元 门口", "莲花小区", "1", "2", null)]
    [InlineData("翠园小区05号楼", "翠园小区", "5", null, null)]
    [InlineData("翠园小区两号楼", "翠园小区", "2", null, null)]
    [InlineData("金泰家园一百零一号楼", "金泰家园", "101", null, null)]
    [InlineData("太平里", "太平里", null, null, null)]
    [InlineData("北京市丰台区六里桥街道太平桥社区", null, null, null, null)]
    [InlineData("莲花小区东门垃圾站", "莲花小区东门垃圾站", null, null, null)]
    [InlineData("和平苑２幢楼道", "和平苑", "2", null, null)]
    [InlineData("ＢＥＩＪＩＮＧ丽泽雅园6号楼", "BEIJING丽泽雅园", "6", null, null)]
    [InlineData("丰台区 金泰家园 十一栋 三单元 十二层", "金泰家园", "11", "3", null)]
    public void Parses_real_looking_addresses(string text, string? compound, string? building, string? entrance, string? room)
    {
        var parsed = ChineseAddress.Parse(text);

        parsed.Compound.ShouldBe(compound);
        parsed.Building.ShouldBe(building);
        parsed.Entrance.ShouldBe(entrance);
        parsed.Room.ShouldBe(room);
    }

    [Theory]
    [InlineData("ＡＢＣ１２３", "ABC123")]
    [InlineData("莲花　小区", "莲花小区")]
    [InlineData("3—2–502", "3-2-502")]
    [InlineData("abc", "ABC")]
    [InlineData("", "")]
    public void Normalizes_full_width_spaces_dashes_and_case(string text, string expected) =>
        ChineseAddress.Normalize(text).ShouldBe(expected);

    [Theory]
    [InlineData("三", "3")]
    [InlineData("十", "10")]
    [InlineData("十二", "12")]
    [InlineData("二十", "20")]
    [InlineData("二十三", "23")]
    [InlineData("一百零一", "101")]
    [InlineData("五〇二", "502")]
    [InlineData("两", "2")]
    public void Converts_chinese_numerals(string numerals, string expected) => ChineseAddress.ToArabic(numerals).ShouldBe(expected);

    [Fact]
    public void The_canonical_spelling_names_every_part()
    {
        ChineseAddress.Parse("莲花小区 三号楼 二单元 五〇二室").Canonical.ShouldBe("莲花小区3号楼2单元502室");
    }

    private static readonly Guid Lotus3 = Guid.Parse("00000000-0000-0000-0000-000000000003");
    private static readonly Guid Lotus12 = Guid.Parse("00000000-0000-0000-0000-000000000012");
    private static readonly Guid Taiping1 = Guid.Parse("00000000-0000-0000-0000-000000000101");

    private static readonly CompoundDirectory Directory = new(
        [new(Lotus3, "莲花小区", "3"), new(Lotus12, "莲花小区", "12"), new(Taiping1, "太平里", "1"), new(Guid.NewGuid(), "金泰家园", "5")],
        [new CompoundAlias(Guid.NewGuid(), "莲花池小区", "莲花小区"), new CompoundAlias(Guid.NewGuid(), "老太平里", "太平里")]);

    [Theory]
    [InlineData("莲花小区3号楼2单元502", "莲花小区", "00000000-0000-0000-0000-000000000003", AddressMatchKind.Name)]
    [InlineData("北京市丰台区莲花池小区十二号楼", "莲花小区", "00000000-0000-0000-0000-000000000012", AddressMatchKind.Name)]
    [InlineData("老太平里1栋", "太平里", "00000000-0000-0000-0000-000000000101", AddressMatchKind.Name)]
    [InlineData("莲花3号楼", "莲花小区", "00000000-0000-0000-0000-000000000003", AddressMatchKind.Core)]
    [InlineData("莲花小区99号楼", "莲花小区", null, AddressMatchKind.Name)]
    [InlineData("金泰东门", "金泰家园", null, AddressMatchKind.Core)]
    public void Matches_compounds_by_name_alias_or_core(string text, string compound, string? building, AddressMatchKind kind)
    {
        var match = Directory.Match(text);

        match.ShouldNotBeNull();
        match.Compound.ShouldBe(compound);
        match.Building?.Id.ToString().ShouldBe(building);
        (match.Building is null).ShouldBe(building is null);
        match.Kind.ShouldBe(kind);
    }

    [Theory]
    [InlineData("太平桥社区5号楼")]
    [InlineData("不知道在哪")]
    [InlineData("")]
    public void An_address_of_no_known_compound_matches_nothing(string text) => Directory.Match(text).ShouldBeNull();

    [Fact]
    public void A_building_by_registered_name_is_surer_than_a_compound_by_its_core()
    {
        Directory.Match("莲花小区3号楼")!.Confidence.ShouldBeGreaterThan(Directory.Match("莲花东门")!.Confidence);
    }
}
