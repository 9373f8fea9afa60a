using Linli.Classification.Text;

namespace Linli.Classification.Tests.Text;

public class TextNormalizerTests
{
    private static string Normalize(string text, bool maskDigits = true, bool maskLatin = false)
    {
        var buffer = new char[text.Length];
        var length = TextNormalizer.Normalize(text, buffer, maskDigits, maskLatin);
        return new string(buffer, 0, length);
    }

    [Fact]
    public void Normalize_MasksDigitRuns_SoPlaceCodesShareNGrams()
    {
        Normalize("A12区").ShouldBe(Normalize("A3区"));
        Normalize("A12区").ShouldBe("a0区");
    }

    [Fact]
    public void Normalize_FoldsFullWidthFormsAndCase()
    {
        Normalize("ＡＢｃ１２３", maskDigits: false).ShouldBe("abc123");
    }

    [Fact]
    public void Normalize_TurnsPunctuationAndSpaceIntoSingleBoundaries_TrimmedAtTheEnds()
    {
        Normalize("，路灯坏了！！  请修。").ShouldBe("路灯坏了 请修");
    }

    [Fact]
    public void Normalize_MasksLatinRuns_WhenAsked()
    {
        Normalize("wifi不通", maskLatin: true).ShouldBe("a不通");
    }

    [Fact]
    public void Normalize_EmptyOrPunctuationOnly_IsEmpty()
    {
        Normalize(string.Empty).ShouldBeEmpty();
        Normalize("。，！").ShouldBeEmpty();
    }
}
