namespace Linli.Domain.Common;

internal static class Placeholder;
