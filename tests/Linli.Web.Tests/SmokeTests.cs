namespace Linli.Web.Tests;

public class SmokeTests
{
    [Fact]
    public void Truth() => true.ShouldBeTrue();
}
