namespace Linli.Classification.Text;

/// <summary>
/// Folds the surface noise out of a message before n-grams are taken: full-width forms, case,
/// and the organisers' place masks ("A市", "A3区") whose digits say nothing about the topic.
/// </summary>
internal static class TextNormalizer
{
    /// <summary>Written where punctuation or whitespace was; n-grams never span it.</summary>
    public const char Boundary = ' ';

    public const char DigitMask = '0';
    public const char LatinMask = 'a';

    /// <summary>
    /// Writes the normalized form of <paramref name="text"/> into <paramref name="destination"/>
    /// (at least as long as the text, because normalization never lengthens it) and returns its length.
    /// Runs of masked characters collapse to one so that "A12区" and "A3区" share n-grams.
    /// </summary>
    public static int Normalize(ReadOnlySpan<char> text, Span<char> destination, bool maskDigits, bool maskLatin)
    {
        var length = 0;
        var previous = Boundary;
        foreach (var raw in text)
        {
            var c = Fold(raw);
            if (c is >= '0' and <= '9')
            {
                if (maskDigits)
                {
                    c = DigitMask;
                }
            }
            else if (c is >= 'a' and <= 'z')
            {
                if (maskLatin)
                {
                    c = LatinMask;
                }
            }
            else if (!char.IsLetter(c))
            {
                c = Boundary;
            }

            var collapses = c == previous && (c == Boundary || (maskDigits && c == DigitMask) || (maskLatin && c == LatinMask));
            if (collapses || (c == Boundary && length == 0))
            {
                continue;
            }

            destination[length++] = c;
            previous = c;
        }

        if (length > 0 && destination[length - 1] == Boundary)
        {
            length--;
        }

        return length;
    }

    private static char Fold(char c)
    {
        // Full-width ASCII variants (U+FF01..U+FF5E) sit at a fixed offset from ASCII.
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            c = (char)(c - 0xFEE0);
        }

        if (c is >= 'A' and <= 'Z')
        {
            return (char)(c + ('a' - 'A'));
        }

        return c;
    }
}
