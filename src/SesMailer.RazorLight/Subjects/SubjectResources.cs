using System.Globalization;
using System.Reflection;
using System.Resources;

namespace SesMailer.RazorLight.Subjects;

/// <summary>
/// The subject of <c>[Email(SubjectResource = typeof(EmailStrings), Subject = "Key")]</c> at run time, as generated code
/// reads it: the class's static <c>ResourceManager</c> asked for the key in the send's culture (its own string, else
/// its parent cultures', else the neutral one). The string is then a subject template like any other.
/// </summary>
internal static class SubjectResources
{
    /// <summary>The subject template under <paramref name="key"/> of <paramref name="resource"/> for <paramref name="culture"/>.</summary>
    /// <exception cref="ArgumentException">The class has no static ResourceManager property, or no string under the key.</exception>
    public static string Lookup(Type resource, string key, CultureInfo culture)
    {
        const BindingFlags Flags = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;
        if (resource.GetProperty("ResourceManager", Flags)?.GetValue(null) is not ResourceManager manager)
        {
            throw new ArgumentException($"SubjectResource {resource} is not a resource class: it has no static ResourceManager property; name the strongly typed class of a .resx.", nameof(resource));
        }

        return manager.GetString(key, culture)
            ?? throw new ArgumentException($"Subject resource '{key}' of {resource} has no string for culture '{culture.Name}' nor a neutral one.", nameof(key));
    }
}
