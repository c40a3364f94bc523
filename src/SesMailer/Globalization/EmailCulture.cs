using System.ComponentModel;
using System.Globalization;

namespace SesMailer.Globalization;

/// <summary>
/// The culture an email is rendered in. Generated <c>Render{Name}Async</c> methods call <see cref="Enter"/> around
/// the subject and the templates, so that every number and date (<c>@Model.Total</c>, <c>ToString("D")</c> in a
/// template, <c>{OrderedOn:D}</c> in a subject) follows the send's culture, and restore the caller's culture after.
/// </summary>
public static class EmailCulture
{
    /// <summary>
    /// Whether this process runs in invariant globalization mode (<c>&lt;InvariantGlobalization&gt;true&lt;/InvariantGlobalization&gt;</c>,
    /// or <c>DOTNET_SYSTEM_GLOBALIZATION_INVARIANT</c>), where every culture formats as the invariant one.
    /// </summary>
    public static bool InvariantGlobalization { get; } = DetectInvariantMode();

    /// <summary>
    /// Makes <paramref name="culture"/> the current culture and UI culture until the returned scope is disposed,
    /// which restores the previous ones.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The app runs with invariant globalization and <paramref name="culture"/> is not the invariant culture.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static Scope Enter(CultureInfo culture)
    {
        EnsureSupported(culture);
        var current = CultureInfo.CurrentCulture;
        var currentUi = CultureInfo.CurrentUICulture;
        if (ReferenceEquals(current, culture) && ReferenceEquals(currentUi, culture))
        {
            // Already in force (a render in the caller's culture, the usual case): setting it again would cost two
            // AsyncLocal writes on the way in and two on the way out, each a new ExecutionContext, for nothing.
            return default;
        }

        var scope = new Scope(current, currentUi);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        return scope;
    }

    /// <summary>Throws when this process cannot format in <paramref name="culture"/> (invariant globalization mode).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The app runs with invariant globalization and <paramref name="culture"/> is not the invariant culture.</exception>
    public static void EnsureSupported(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        EnsureSupported(culture.Name, InvariantGlobalization);
    }

    internal static void EnsureSupported(string cultureName, bool invariantMode)
    {
        if (invariantMode && cultureName.Length > 0)
        {
            throw new InvalidOperationException(InvariantModeMessage(cultureName));
        }
    }

    /// <summary>Why a culture cannot be honoured in invariant mode, and the two ways out.</summary>
    internal static string InvariantModeMessage(string cultureName) =>
        $"Culture '{cultureName}' cannot be used to render emails: this app runs with invariant globalization " +
        "(InvariantGlobalization or DOTNET_SYSTEM_GLOBALIZATION_INVARIANT), where every culture formats numbers, dates " +
        "and currencies as the invariant culture does. Set <InvariantGlobalization>false</InvariantGlobalization> " +
        "(and install ICU), or send in CultureInfo.InvariantCulture.";

    private static bool DetectInvariantMode()
    {
        if (AppContext.TryGetSwitch("System.Globalization.Invariant", out var invariant))
        {
            return invariant;
        }

        var variable = Environment.GetEnvironmentVariable("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT");
        return variable is not null && (variable == "1" || variable.Equals("true", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Restores the culture and UI culture that were current before <see cref="Enter"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public readonly struct Scope : IDisposable
    {
        private readonly CultureInfo? _culture;
        private readonly CultureInfo? _uiCulture;

        internal Scope(CultureInfo culture, CultureInfo uiCulture)
        {
            _culture = culture;
            _uiCulture = uiCulture;
        }

        /// <summary>Restores the previous cultures.</summary>
        public void Dispose()
        {
            if (_culture is not null)
            {
                CultureInfo.CurrentCulture = _culture;
                CultureInfo.CurrentUICulture = _uiCulture!;
            }
        }
    }
}
