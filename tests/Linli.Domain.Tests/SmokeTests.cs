namespace Linli.Domain.Tests;

public class SmokeTests
{
    [Fact]
    public void Truth() => true.ShouldBeTrue();
}
