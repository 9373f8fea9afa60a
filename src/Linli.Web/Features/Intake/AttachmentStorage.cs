using Linli.Domain.Common;
using Linli.Web.Persistence;

namespace Linli.Web.Features.Intake;

/// <summary>
/// Keeps photo bytes under <c>data/attachments/yyyy/MM/</c>. The type is decided by the file's first bytes, never by its
/// name or the client's Content-Type, and only still images are accepted.
/// </summary>
public sealed class AttachmentStorage(IConfiguration configuration)
{
    private readonly string _root = Path.Combine(DataDirectory.Resolve(configuration), "attachments");

    public long MaxBytes { get; } = configuration.GetValue("Linli:MaxAttachmentBytes", 10L * 1024 * 1024);

    public static string? SniffImageType(ReadOnlySpan<byte> head) => head switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [0x47, 0x49, 0x46, 0x38, ..] => "image/gif",
        [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => "image/webp",
        _ => null,
    };

    public static string ExtensionOf(string contentType) => contentType switch
    {
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "image/gif" => ".gif",
        _ => ".webp",
    };

    /// <summary>Copies the upload to disk and returns its relative path and sniffed type.</summary>
    public async Task<Result<(string Path, string ContentType, long Size)>> SaveAsync(Guid id, DateTime at, Stream content, CancellationToken ct)
    {
        var head = new byte[12];
        var read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        if (read == 0)
        {
            return Error.Validation("Attachment.Empty");
        }
        var type = SniffImageType(head.AsSpan(0, read));
        if (type is null)
        {
            return Error.Validation("Attachment.UnsupportedType");
        }
        var relative = Path.Combine(at.ToString("yyyy"), at.ToString("MM"), id.ToString("N") + ExtensionOf(type));
        var full = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".part";
        long size = read;
        await using (var file = File.Create(temp))
        {
            await file.WriteAsync(head.AsMemory(0, read), ct);
            var buffer = new byte[81920];
            int n;
            while ((n = await content.ReadAsync(buffer, ct)) > 0)
            {
                size += n;
                if (size > MaxBytes)
                {
                    break;
                }
                await file.WriteAsync(buffer.AsMemory(0, n), ct);
            }
        }
        if (size > MaxBytes)
        {
            File.Delete(temp);
            return Error.Validation("Attachment.TooLarge", new Dictionary<string, object?> { ["maxBytes"] = MaxBytes });
        }
        File.Move(temp, full, overwrite: true);
        return (relative, type, size);
    }

    public Stream OpenRead(string relativePath) => File.OpenRead(Path.Combine(_root, relativePath));
}
