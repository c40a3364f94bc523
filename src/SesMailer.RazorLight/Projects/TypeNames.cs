using System.Text;

namespace SesMailer.RazorLight.Projects;

/// <summary>C# spellings of run-time types, for the <c>@model</c> SesMailer writes into an email template's imports.</summary>
internal static class TypeNames
{
    /// <summary>Whether compiled template code can name <paramref name="type"/>: public all the way out, not anonymous.</summary>
    public static bool CanName(Type type)
    {
        if (type.IsGenericParameter || type.IsPointer || type.IsByRef || type.Name.Contains('<', StringComparison.Ordinal))
        {
            return false;
        }

        if (type.IsArray)
        {
            return CanName(type.GetElementType()!);
        }

        return type.IsVisible && type.GetGenericArguments().All(CanName);
    }

    /// <summary><c>global::Ns.Outer.Inner&lt;global::System.Int32&gt;</c>.</summary>
    public static string CSharp(Type type)
    {
        if (type.IsArray)
        {
            return CSharp(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        var arguments = type.GetGenericArguments();
        var used = 0;
        var builder = new StringBuilder("global::");
        if (!string.IsNullOrEmpty(type.Namespace))
        {
            builder.Append(type.Namespace).Append('.');
        }

        var chain = new List<Type>();
        for (var current = type; current is not null; current = current.DeclaringType)
        {
            chain.Insert(0, current);
        }

        for (var i = 0; i < chain.Count; i++)
        {
            var name = chain[i].Name;
            var tick = name.IndexOf('`', StringComparison.Ordinal);
            if (i > 0)
            {
                builder.Append('.');
            }

            builder.Append(tick < 0 ? name : name[..tick]);
            var count = chain[i].GetGenericArguments().Length - used;
            if (count > 0)
            {
                builder.Append('<').Append(string.Join(", ", arguments.Skip(used).Take(count).Select(CSharp))).Append('>');
                used += count;
            }
        }

        return builder.ToString();
    }
}
