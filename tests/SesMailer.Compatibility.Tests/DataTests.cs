using SesMailer.Compatibility.Clients;
using SesMailer.Compatibility.Data;
using SesMailer.Compatibility.Features;
using SesMailer.MarkupRules;

namespace SesMailer.Compatibility.Tests;

public class DataTests
{
    [Fact]
    public void The_vendored_snapshot_loads_from_the_assembly_with_its_date_and_feature_count()
    {
        var report = new EmailLinter().Check(new LintInput { Html = "<p>x</p>" });

        Assert.Equal("2026-05-13", report.DataDate);
        Assert.Equal(307, report.TotalFeatureCount);
        Assert.Equal(report.TotalFeatureCount - EmailLinter.UnmappedFeatures.Count, report.MappedFeatureCount);
    }

    [Fact]
    public void Every_slug_a_detector_reports_is_a_caniemail_feature()
    {
        var slugs = CanIEmailSnapshot.Document.Data.Select(f => f.Slug).ToHashSet();

        var unknown = MappedFeatures.Slugs.Where(s => !slugs.Contains(s)).ToList();

        Assert.Equal([], unknown);
    }

    /// <summary>
    /// The caniemail features SesMailer cannot detect from an email's HTML. Mapping one more changes this list on
    /// purpose; a new snapshot with new features adds to it until they are mapped.
    /// </summary>
    [Fact]
    public void The_unmapped_features_are_exactly_these()
    {
        string[] unmapped =
        [
            "bimi", // a DNS record and a verified mark, not something in the HTML
        ];

        Assert.Equal(unmapped, EmailLinter.UnmappedFeatures);
    }

    [Fact]
    public void The_generators_table_of_widely_unsupported_css_is_what_the_data_says()
    {
        var data = CanIEmailSnapshot.Document;
        var clients = ClientSelection.Resolve([.. LintOptions.DefaultClients], data);
        var propertySlugs = CssPropertyFeatures.ByProperty.Values.ToHashSet();
        var expected = new Dictionary<string, CssFeatureSupport>();
        foreach (var feature in data.Data.Where(f => propertySlugs.Contains(f.Slug)))
        {
            var tested = clients.Count(c => feature.Stats.TryGetValue(c.Family, out var p) && p.TryGetValue(c.Platform, out var h) && h.LatestTested() is not null);
            var unsupported = SupportJudge.Judge(feature, clients).Unsupported.Count;
            if (tested > 0 && unsupported * 2 >= tested)
            {
                expected[feature.Slug] = new CssFeatureSupport(feature.Title.Trim(), unsupported, tested);
            }
        }

        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), WidelyUnsupportedCss.BySlug.OrderBy(p => p.Key, StringComparer.Ordinal));
    }
}
