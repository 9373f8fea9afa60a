using Linli.Domain.Grids;
using Linli.Domain.WorkOrders;
using Linli.Web.Resources;

namespace Linli.Web.Tests.Infrastructure;

/// <summary>What the system writes into records comes from SystemText.resx, in the site's language, for every value it names.</summary>
public class SystemTextTests
{
    [Fact]
    public void Every_way_of_locating_and_every_urgency_has_its_words()
    {
        foreach (var how in Enum.GetValues<LocatedBy>())
        {
            SystemText.Get("Dispatch.LocatedBy." + how).ShouldNotBeNullOrWhiteSpace();
        }
        foreach (var urgency in Enum.GetValues<Urgency>())
        {
            SystemText.Get("Urgency." + urgency).ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public void Texts_are_written_in_the_sites_language_whatever_the_requests_culture()
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en");
            SystemText.Format("Duplicate.Distance", 120.4).ShouldBe("相距约 120 米");
            SystemText.Format("Dispatch.Comment", "电梯故障→小区物业", SystemText.Get("Dispatch.LocatedBy.Text"), 0.95)
                .ShouldBe("智能分拨：规则「电梯故障→小区物业」（按诉求内容中的地名定位，置信度 0.95）");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void An_unknown_name_is_a_mistake_in_the_code_not_an_empty_text()
    {
        Should.Throw<InvalidOperationException>(() => SystemText.Get("No.Such.Text"));
    }
}
