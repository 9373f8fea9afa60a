namespace Linli.Classification.Features;

/// <summary>How text becomes a feature vector. Saved with the model so prediction repeats it exactly.</summary>
public sealed record FeatureSettings
{
    /// <summary>Shortest character n-gram.</summary>
    public int MinNGram { get; init; } = 1;

    /// <summary>Longest character n-gram.</summary>
    public int MaxNGram { get; init; } = 3;

    /// <summary>Longest character n-gram of the title space; 0 means <see cref="MaxNGram"/>.</summary>
    public int TitleMaxNGram { get; init; }

    /// <summary>
    /// Scale of the word space: title and detail segmented into words with jieba's dictionary
    /// (max-probability route), words and adjacent word pairs as features. 0 turns it off.
    /// </summary>
    public double WordWeight { get; init; } = 0.5;

    /// <summary>Adds pairs of adjacent words (within a phrase) to the word space.</summary>
    public bool WordBigrams { get; init; }

    /// <summary>Single words shorter than this are left out of the word space (pairs keep them).</summary>
    public int WordMinLength { get; init; } = 1;

    /// <summary>N-grams seen in fewer training messages are dropped (noise, and a smaller model).</summary>
    public int MinDocumentFrequency { get; init; } = 2;

    /// <summary>Replace every digit run by one mask character.</summary>
    public bool MaskDigits { get; init; } = true;

    /// <summary>Replace every Latin letter run by one mask character.</summary>
    public bool MaskLatin { get; init; }

    /// <summary>Scale of the title's own feature space relative to the body's (each is l2-normalized first).</summary>
    public double TitleWeight { get; init; } = 0.5;

    /// <summary>Scale of the body feature space.</summary>
    public double BodyWeight { get; init; } = 1.0;

    /// <summary>The body space reads title and detail together, so short messages still fill it.</summary>
    public bool BodyIncludesTitle { get; init; } = true;

    /// <summary>
    /// Only the first this many characters of the detail are read. The topic is stated early; the rest of
    /// a very long letter adds little but would dominate the worst-case classification time.
    /// </summary>
    public int MaxDetailLength { get; init; } = 1000;

    /// <summary>Use 1 + ln(tf) instead of the raw count, so a repeated phrase does not dominate.</summary>
    public bool SublinearTf { get; init; } = true;

    internal int EffectiveTitleMaxNGram => TitleMaxNGram > 0 ? TitleMaxNGram : MaxNGram;

    internal void Validate()
    {
        if (MinNGram < 1 || MaxNGram < MinNGram || MaxNGram > 8 || TitleMaxNGram < 0 || TitleMaxNGram > 8 || (TitleMaxNGram > 0 && TitleMaxNGram < MinNGram))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxNGram), "n-gram range must satisfy 1 <= min <= max <= 8.");
        }

        if (MaxDetailLength < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDetailLength), "must not be negative.");
        }

        if (MinDocumentFrequency < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinDocumentFrequency), "must be at least 1.");
        }

        if (TitleWeight < 0 || BodyWeight < 0 || WordWeight < 0 || TitleWeight + BodyWeight + WordWeight <= 0 || WordMinLength < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(TitleWeight), "field weights must be non-negative and not all zero; WordMinLength at least 1.");
        }
    }
}
