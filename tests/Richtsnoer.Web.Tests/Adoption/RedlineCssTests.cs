using Richtsnoer.Rendering.Redline;
using Richtsnoer.Web.Tests.Infrastructure;

namespace Richtsnoer.Web.Tests.Adoption;

public sealed class RedlineCssTests
{
    [Fact]
    public void The_site_stylesheet_carries_every_rule_of_the_redline_stylesheet()
    {
        var site = File.ReadAllText(Path.Combine(TestDatabases.RepoRoot(), "src", "Richtsnoer.Web", "wwwroot", "css", "site.css"));
        foreach (var rule in RedlineHtmlRenderer.Css.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            Assert.Contains(rule, site);
        }
    }
}
