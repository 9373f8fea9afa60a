using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Linli.Classification.Features;
using Linli.Classification.Training;

namespace Linli.Classification.Model;

/// <summary>
/// The model file: a readable JSON header and a binary body, so that a model can be inspected
/// with <c>head -c</c> and still loads in milliseconds.
/// <code>
/// "LLTC"                  4 bytes magic
/// format version          int32 (3; 1 and 2 are still read)
/// header length           int32, then that many bytes of UTF-8 JSON (<see cref="ModelMetadata"/>)
/// features F, classes K   int32, int32
/// keys                    F × uint64 n-gram hashes, ascending
/// idf                     F × float32
/// weights                 F × K float32, feature-major
/// bias                    K × float32
/// confidence scale        float64
/// checksum                uint64 FNV-1a of every byte before it
/// </code>
/// All numbers are little-endian. The same model always gives the same bytes.
/// </summary>
public static class ClassifierModelFile
{
    /// <summary>
    /// 2 added the word space and title n-gram length to the header's options, 3 the stacking options (the
    /// combiner is folded into the weights); the body is unchanged.
    /// </summary>
    public const int FormatVersion = 3;
    private static readonly byte[] Magic = "LLTC"u8.ToArray();

    // Labels are Chinese; leaving them unescaped keeps the header readable with `head -c`.
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static void Save(TextClassifier classifier, Stream stream)
    {
        EnsureLittleEndian();
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            var header = JsonSerializer.SerializeToUtf8Bytes(classifier.Metadata with { FormatVersion = FormatVersion }, Json);
            writer.Write(header.Length);
            writer.Write(header);
            var featurizer = classifier.Featurizer;
            var model = classifier.Model;
            writer.Write(featurizer.Dimension);
            writer.Write(model.Classes);
            writer.Write(MemoryMarshal.AsBytes(featurizer.Keys));
            writer.Write(MemoryMarshal.AsBytes(featurizer.Idf));
            writer.Write(MemoryMarshal.AsBytes(model.Weights.AsSpan()));
            writer.Write(MemoryMarshal.AsBytes(model.Bias.AsSpan()));
            writer.Write(classifier.ConfidenceScale);
        }

        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        stream.Write(bytes);
        Span<byte> checksum = stackalloc byte[sizeof(ulong)];
        BitConverter.TryWriteBytes(checksum, Fnv1a(bytes));
        stream.Write(checksum);
    }

    public static void Save(TextClassifier classifier, string path)
    {
        using var stream = File.Create(path);
        Save(classifier, stream);
    }

    /// <exception cref="InvalidDataException">The stream is not a model file, is damaged, or has an unknown format version.</exception>
    public static TextClassifier Load(Stream stream)
    {
        EnsureLittleEndian();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.GetBuffer().AsSpan(0, (int)copy.Length);
        if (bytes.Length < Magic.Length + 12 + sizeof(ulong) || !bytes[..Magic.Length].SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not a Linli text classifier model (bad magic).");
        }

        var body = bytes[..^sizeof(ulong)];
        if (BitConverter.ToUInt64(bytes[^sizeof(ulong)..]) != Fnv1a(body))
        {
            throw new InvalidDataException("Model file is damaged (checksum mismatch).");
        }

        var reader = new SpanReader(body[Magic.Length..]);
        var version = reader.Int32();
        if (version is < 1 or > FormatVersion)
        {
            throw new InvalidDataException($"Model format version {version} is not supported (expected 1 to {FormatVersion}).");
        }

        var metadata = JsonSerializer.Deserialize<ModelMetadata>(reader.Bytes(reader.Int32()), Json)
            ?? throw new InvalidDataException("Model header is empty.");
        if (version == 1)
        {
            // Version 1 headers predate these settings; missing ones would take today's defaults.
            var options = metadata.Options;
            metadata = metadata with { Options = options with { Features = options.Features with { WordWeight = 0, TitleMaxNGram = 0 } } };
        }

        if (version <= 2)
        {
            // Models before version 3 were scaled one-vs-rest margins, not stacked ones.
            metadata = metadata with { Options = metadata.Options with { Stacking = false, PairwiseModels = false } };
        }

        var features = reader.Int32();
        var classes = reader.Int32();
        if (features < 0 || classes != metadata.Labels.Count || features != metadata.FeatureCount)
        {
            throw new InvalidDataException("Model header and body disagree in size.");
        }

        var keys = reader.Array<ulong>(features);
        var idf = reader.Array<float>(features);
        var weights = reader.Array<float>(checked(features * classes));
        var bias = reader.Array<float>(classes);
        var scale = reader.Double();
        var featurizer = TextFeaturizer.FromSaved(metadata.Options.Features, keys, idf);
        return new TextClassifier(metadata, featurizer, new LinearModel(classes, features, weights, bias), scale);
    }

    public static TextClassifier Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    private static void EnsureLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Model files are read and written on little-endian machines only.");
        }
    }

    private static ulong Fnv1a(ReadOnlySpan<byte> bytes)
    {
        var h = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            h = (h ^ b) * 1099511628211UL;
        }

        return h;
    }

    private ref struct SpanReader(ReadOnlySpan<byte> bytes)
    {
        private ReadOnlySpan<byte> _rest = bytes;

        public ReadOnlySpan<byte> Bytes(int count)
        {
            if (count < 0 || count > _rest.Length)
            {
                throw new InvalidDataException("Model file is truncated.");
            }

            var result = _rest[..count];
            _rest = _rest[count..];
            return result;
        }

        public int Int32() => BitConverter.ToInt32(Bytes(sizeof(int)));

        public double Double() => BitConverter.ToDouble(Bytes(sizeof(double)));

        public T[] Array<T>(int count)
            where T : struct => MemoryMarshal.Cast<byte, T>(Bytes(checked(count * Marshal.SizeOf<T>()))).ToArray();
    }
}
