using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Linli.Domain.Grids;

/// <summary>An address split into 小区 (compound), 楼号 (building), 单元 (entrance) and 室 (room); any part may be missing.</summary>
public sealed record ParsedAddress(string Normalized, string? Compound, string? Building, string? Entrance, string? Room)
{
    /// <summary>The address in one canonical spelling, e.g. 莲花小区3号楼2单元502室.</summary>
    public string Canonical =>
        $"{Compound}{(Building is null ? "" : Building + "号楼")}{(Entrance is null ? "" : Entrance + "单元")}{(Room is null ? "" : Room + "室")}";
}

/// <summary>
/// Reads the addresses people actually type or say on the phone: full-width digits and letters, Chinese numerals
/// (三号楼, 十二栋, 五〇二室), the many words for a building (号楼, 栋, 幢, 座, #), 单元/门 for the entrance, 室/户 for the room,
/// the dash shorthand 3-2-502, and the province/city/district/street/community prefix in front of it all.
/// Pure and culture-free: the same text always gives the same parts.
/// </summary>
public static partial class ChineseAddress
{
    private const string Numerals = "〇零一二两三四五六七八九十百千";

    /// <summary>Full-width to ASCII, ideographic space and all whitespace removed, letters upper-cased, dashes unified, brackets dropped.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var builder = new StringBuilder(text.Length);
        foreach (var raw in text.Normalize(NormalizationForm.FormC))
        {
            var c = raw switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(raw - 0xFEE0),
                '\u3000' => ' ',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '~' => '-',
                '\u3001' => ',',
                _ => raw,
            };
            if (char.IsWhiteSpace(c))
            {
                continue;
            }
            builder.Append(c is >= 'a' and <= 'z' ? char.ToUpperInvariant(c) : c);
        }
        return Brackets().Replace(builder.ToString(), "");
    }

    public static ParsedAddress Parse(string? text)
    {
        var normalized = Normalize(text);
        var work = ChineseNumeralBeforeMarker().Replace(normalized, m => ToArabic(m.Groups["n"].Value));
        work = Ordinal().Replace(work, "${n}");

        string? building = null, entrance = null, room = null;
        var cut = work.Length;

        var dashed = Dashed().Match(work);
        if (dashed.Success)
        {
            building = Number(dashed.Groups["b"].Value);
            entrance = dashed.Groups["r"].Success ? Number(dashed.Groups["e"].Value) : null;
            room = dashed.Groups["r"].Success ? dashed.Groups["r"].Value : dashed.Groups["e"].Value;
            cut = dashed.Index;
        }
        else
        {
            var b = BuildingMarker().Match(work);
            if (b.Success)
            {
                building = Number(b.Groups["b"].Value);
                cut = b.Index;
            }
            var e = EntranceMarker().Match(work, b.Success ? b.Index + b.Length : 0);
            if (e.Success)
            {
                entrance = Number(e.Groups["e"].Value);
                cut = Math.Min(cut, e.Index);
            }
            var from = e.Success ? e.Index + e.Length : b.Success ? b.Index + b.Length : -1;
            if (from >= 0)
            {
                var r = RoomAfter().Match(work, from);
                if (r.Success && r.Index == from)
                {
                    room = r.Groups["r"].Value;
                }
            }
            if (room is null)
            {
                var r = RoomMarker().Match(work);
                if (r.Success && (building is not null || entrance is not null))
                {
                    room = r.Groups["r"].Value;
                }
            }
        }

        var compound = CompoundPart(work[..cut]);
        return new ParsedAddress(normalized, compound, building, entrance, room);
    }

    /// <summary>一 → 1, 十二 → 12, 二十三 → 23, 一百零一 → 101; without 十/百/千 digit by digit: 五〇二 → 502.</summary>
    public static string ToArabic(string numerals)
    {
        if (!numerals.Any(c => c is '十' or '百' or '千'))
        {
            return string.Concat(numerals.Select(c => (char)('0' + Digit(c))));
        }
        int total = 0, current = 0;
        foreach (var c in numerals)
        {
            switch (c)
            {
                case '十':
                    total += (current == 0 ? 1 : current) * 10;
                    current = 0;
                    break;
                case '百':
                    total += current * 100;
                    current = 0;
                    break;
                case '千':
                    total += current * 1000;
                    current = 0;
                    break;
                default:
                    current = Digit(c);
                    break;
            }
        }
        return (total + current).ToString(CultureInfo.InvariantCulture);
    }

    private static int Digit(char c) => c switch
    {
        '〇' or '零' or '0' => 0,
        '一' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => 0,
    };

    /// <summary>Drops the administrative prefix (省, 市, 区/县, 街道/镇/乡, 社区) and a road number, keeps what is left as the compound.</summary>
    private static string? CompoundPart(string text)
    {
        var rest = text;
        foreach (var prefix in new[] { Province(), City(), District(), Street(), Community(), RoadNumber() })
        {
            var m = prefix.Match(rest);
            if (m.Success)
            {
                rest = rest[m.Length..];
            }
        }
        rest = rest.Trim(',', '.', '-', '#', ':', ';');
        return rest.Length == 0 ? null : rest;
    }

    /// <summary>"03" and "3" are the same building or entrance; rooms keep their digits as written.</summary>
    private static string Number(string value)
    {
        var trimmed = value.TrimStart('0');
        return trimmed.Length == 0 || !value.All(char.IsAsciiDigit) ? value : trimmed;
    }

    [GeneratedRegex(@"\([^)]*\)|（[^）]*）|【[^】]*】")]
    private static partial Regex Brackets();

    [GeneratedRegex($"(?<n>[{Numerals}]+)(?=号楼|号院|号|栋|幢|座|单元|门|室|户|层)")]
    private static partial Regex ChineseNumeralBeforeMarker();

    [GeneratedRegex(@"第(?<n>\d+)(?=号楼|栋|幢|座|单元)")]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"(?<![\d-])(?<b>\d{1,3}|[A-Z])(?:号楼|#楼|#|栋|幢|座)?-(?<e>\d{1,4})(?:-(?<r>\d{1,5}))?(?:室|户|号)?$")]
    private static partial Regex Dashed();

    [GeneratedRegex(@"(?<b>\d{1,3}|[A-Z]\d{0,2})(?:号楼|号院楼|栋楼|栋|幢|座|#楼|#|号(?=\d{1,2}(?:单元|门)))")]
    private static partial Regex BuildingMarker();

    [GeneratedRegex(@"(?<e>\d{1,2}|[A-Z])(?:单元|门(?!牌))")]
    private static partial Regex EntranceMarker();

    [GeneratedRegex(@"(?<r>\d{1,5})(?!\d|层|楼)(?:室|户|号)?")]
    private static partial Regex RoomAfter();

    [GeneratedRegex(@"(?<r>\d{3,5})(?:室|户)")]
    private static partial Regex RoomMarker();

    [GeneratedRegex(@"^[\u4e00-\u9fff]{2,7}?(?:省|自治区)")]
    private static partial Regex Province();

    [GeneratedRegex(@"^[\u4e00-\u9fff]{2,7}?市")]
    private static partial Regex City();

    [GeneratedRegex(@"^[\u4e00-\u9fff]{1,6}?(?<!小|园|校|社|街|厂|军)(?:区|县)")]
    private static partial Regex District();

    [GeneratedRegex(@"^[\u4e00-\u9fff]{2,8}?(?:街道|镇|乡)")]
    private static partial Regex Street();

    [GeneratedRegex(@"^[\u4e00-\u9fff]{2,8}?社区")]
    private static partial Regex Community();

    [GeneratedRegex(@"^[\u4e00-\u9fff\dA-Z]{1,12}?(?:路|街|大道|巷|胡同)\d+号(?:院)?")]
    private static partial Regex RoadNumber();
}
