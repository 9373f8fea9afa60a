namespace Linli.Web.Features.Notifications;

/// <summary>Sends a text message. The message id is stable across retries so a gateway can drop repeats.</summary>
public interface ISmsSender
{
    Task SendAsync(string phone, string text, Guid messageId, CancellationToken ct);
}

/// <summary>Sends the closure feedback of a case back to the 12345 city platform (办结反馈).</summary>
public interface IHotline12345Client
{
    Task ReplyAsync(string externalReference, string payloadJson, Guid messageId, CancellationToken ct);
}

/// <summary>The default until an SMS gateway is configured: the message is logged (phone masked), not sent.</summary>
public sealed class LoggingSmsSender(ILogger<LoggingSmsSender> logger) : ISmsSender
{
    public Task SendAsync(string phone, string text, Guid messageId, CancellationToken ct)
    {
        logger.LogInformation("SMS {MessageId} to {Phone}: {Text}", messageId, Infrastructure.PersonalData.MaskPhone(phone), text);
        return Task.CompletedTask;
    }
}

/// <summary>The default until the 12345 bridge is configured: the reply is logged, not sent.</summary>
public sealed class LoggingHotline12345Client(ILogger<LoggingHotline12345Client> logger) : IHotline12345Client
{
    public Task ReplyAsync(string externalReference, string payloadJson, Guid messageId, CancellationToken ct)
    {
        logger.LogInformation("12345 reply {MessageId} for case {Case}: {Payload}", messageId, externalReference, payloadJson);
        return Task.CompletedTask;
    }
}
