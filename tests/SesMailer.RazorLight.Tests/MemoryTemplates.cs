namespace SesMailer.RazorLight.Tests;

/// <summary>Run-time templates of the rendering and error tests, keyed by path as a database table would hold them.</summary>
internal static class MemoryTemplates
{
    public static readonly Dictionary<string, string> All = new()
    {
        // Encoding: HTML encodes expressions (text and attributes), text writes them as they are.
        ["Greeting.cshtml"] = "@model Greeting\n<p class=\"@Model.Name\">Hi @Model.Name</p>\n@foreach (var item in Model.Items)\n{\n<i>@item</i>\n}\n@Html.Raw(\"<br>\")@Raw(\"<hr>\")\n",
        ["Greeting.text.cshtml"] = "@model Greeting\nHi @Model.Name\n@foreach (var item in Model.Items)\n{\n@:- @item\n}\n",

        // Markup the developer marks as trusted inside URL attributes: SesMailer's Html.Raw and RazorLight's IHtmlContent.
        ["Trusted.cshtml"] = "@model Greeting\n<a href=\"@Html.Raw(Model.Name)\">raw</a>\n<a href=\"@(new Microsoft.AspNetCore.Html.HtmlString(Model.Name))\">content</a>\n<a href=\"@Model.Name\">value</a>\n",

        // Localized templates, named as for the generator: fr HTML, fr-CA text, and the neutral ones to fall back to.
        ["Localized.cshtml"] = "@model Greeting\n<p>Hi @Model.Name, @(12.5m)</p>\n",
        ["Localized.fr.cshtml"] = "@model Greeting\n<p>Salut @Model.Name, @(12.5m)</p>\n",
        ["Localized.text.cshtml"] = "@model Greeting\nHi @Model.Name, @(12.5m)\n",
        ["Localized.fr-CA.text.cshtml"] = "@model Greeting\nAllo @Model.Name, @(12.5m)\n",

        // Text only.
        ["TextOnly.text.cshtml"] = "@model Greeting\nJust text for @Model.Name\n",

        // An application layout with sections and ViewData, in a subfolder with its own _ViewImports.
        ["Orders/_ViewImports.cshtml"] = "@using System.Globalization\n",
        ["Orders/_OrderLayout.cshtml"] = "<title>@(ViewData.TryGetValue(\"Title\", out var title) ? title : \"none\")</title>\n<header>@await RenderSectionAsync(\"Top\", required: true)</header>\n@RenderBody()<footer>@if (IsSectionDefined(\"Bottom\")) {@await RenderSectionAsync(\"Bottom\", required: false)}</footer>\n",
        ["Orders/Placed.cshtml"] = "@model Order\n@{ Layout = \"_OrderLayout\"; ViewData[\"Title\"] = \"Order \" + Model.Id; }\n<p>Total @Model.Total.ToString(\"0.00\", CultureInfo.InvariantCulture)</p>\n@section Top {<b>@Model.Id</b>}\n",
        ["Orders/NoTop.cshtml"] = "@model Order\n@{ Layout = \"_OrderLayout\"; }\n<p>@Model.Id</p>\n",

        // Shipped layout and partials from a run-time template, and a model-less template (bound to the model's type).
        ["Shipped.cshtml"] = "@{ Layout = \"_Layout\"; ViewData[\"Title\"] = \"Hello\"; ViewData[\"Preheader\"] = \"Pre & header\"; }\n<p>@Model.Name</p>\n@await Partial(\"_Button\", new ButtonModel(\"Go\", new Uri(\"https://acme.example/?a=1&b=2\")))\n@section Footer {@await Partial(\"_Footer\", new FooterModel(\"Acme\", null, new Uri(\"https://acme.example/u\")))}\n",

        // Errors.
        ["Broken/Typo.cshtml"] = "@model Greeting\n<p>\n  Hi @Model.Nmae\n</p>\n",
        ["Broken/Razor.cshtml"] = "@model Greeting\n<p>@{ var x = 1; </p>\n",
        ["Broken/NoLayout.cshtml"] = "@model Greeting\n@{ Layout = \"_Missing\"; }\n<p>x</p>\n",
        ["Broken/NoPartial.cshtml"] = "@model Greeting\n@await Partial(\"_Nowhere\", Model)\n",
        ["Broken/WrongPartialModel.cshtml"] = "@model Greeting\n@await Partial(\"_Button\", Model.Name)\n",
        ["Broken/_Loop.cshtml"] = "@{ Layout = \"_Loop\"; }\n@RenderBody()\n",
        ["Broken/Cycle.cshtml"] = "@model Greeting\n@{ Layout = \"_Loop\"; }\n<p>x</p>\n",
        ["Broken/Inherits.cshtml"] = "@inherits RazorLight.TemplatePage<Greeting>\n<p>x</p>\n",
    };
}
