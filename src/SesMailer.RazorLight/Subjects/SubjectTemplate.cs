using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;
using SesMailer.Conventions;

namespace SesMailer.RazorLight.Subjects;

/// <summary>
/// A subject such as <c>"Receipt {Number} for {Customer.Name}: {Total:0.00} EUR"</c>, filled from a model by
/// reflection with the generator's rules: <c>{Member}</c>, <c>{Member.Path}</c> over readable public or internal
/// instance properties and fields (inherited ones included), <c>{Member:format}</c>, <c>{{</c> and <c>}}</c> for
/// braces, a null along a path giving empty text, values formatted with the current culture as string
/// interpolation does. The grammar is the generator's own (src/Conventions/SubjectSyntax.cs, compiled into both).
/// </summary>
public sealed class SubjectTemplate
{
    private static readonly ConcurrentDictionary<(string Template, Type Model), SubjectTemplate> Cache = new();

    private readonly IReadOnlyList<Part> _parts;

    private SubjectTemplate(string template, Type modelType, IReadOnlyList<Part> parts)
    {
        Template = template;
        ModelType = modelType;
        _parts = parts;
    }

    /// <summary>The subject as written.</summary>
    public string Template { get; }

    /// <summary>The model type its placeholders were resolved against.</summary>
    public Type ModelType { get; }

    /// <summary>Parses <paramref name="template"/> and resolves its placeholders against <paramref name="modelType"/> (cached).</summary>
    /// <exception cref="ArgumentException">A brace is unbalanced, a format holds a quote, brace, backslash or line break, or a placeholder names no member.</exception>
    public static SubjectTemplate Parse(string template, Type modelType)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(modelType);
        return Cache.GetOrAdd((template, modelType), static key => new SubjectTemplate(key.Template, key.Model, ParseParts(key.Template, key.Model)));
    }

    /// <summary>The subject for <paramref name="model"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="model"/> is not a <see cref="ModelType"/>.</exception>
    public string Format(object model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!ModelType.IsInstanceOfType(model))
        {
            throw new ArgumentException($"Subject '{Template}' was parsed for {ModelType}, not {model.GetType()}.", nameof(model));
        }

        var builder = new StringBuilder();
        foreach (var part in _parts)
        {
            if (part.Literal is not null)
            {
                builder.Append(part.Literal);
                continue;
            }

            object? value = model;
            foreach (var member in part.Path!)
            {
                if (value is null)
                {
                    break;
                }

                value = member(value);
            }

            builder.Append(value switch
            {
                null => string.Empty,
                IFormattable formattable => formattable.ToString(part.Format, CultureInfo.CurrentCulture),
                _ => value.ToString(),
            });
        }

        return builder.ToString();
    }

    private static List<Part> ParseParts(string template, Type model)
    {
        var tokens = SubjectSyntax.Tokenize(template, out var error);
        if (error is { } syntax)
        {
            throw Error(template, syntax.Message);
        }

        var parts = new List<Part>(tokens.Count);
        foreach (var token in tokens)
        {
            if (token.Literal is not null)
            {
                parts.Add(new Part(token.Literal, null, null));
                continue;
            }

            if (SubjectSyntax.FormatError(token) is { } formatError)
            {
                throw Error(template, formatError);
            }

            parts.Add(new Part(null, Resolve(template, token.Body, token.Path, model), token.Format));
        }

        return parts;
    }

    private static List<Func<object, object?>> Resolve(string template, string body, string path, Type model)
    {
        if (path.Length == 0)
        {
            throw Error(template, $"placeholder '{{{body}}}' names no member of {model} ('(empty)')");
        }

        var getters = new List<Func<object, object?>>();
        var current = model;
        foreach (var segment in path.Split('.'))
        {
            var (getter, type) = FindMember(current, segment)
                ?? throw Error(template, $"placeholder '{{{body}}}' names no member of {model} ('{segment}' is not a readable public or internal property or field of {current})");
            getters.Add(getter);
            current = type;
        }

        return getters;
    }

    private static (Func<object, object?> Getter, Type Type)? FindMember(Type type, string name)
    {
        const BindingFlags Flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMember(name, Flags))
            {
                switch (member)
                {
                    case PropertyInfo { GetMethod: { } get } property when property.GetIndexParameters().Length == 0 && (get.IsPublic || get.IsAssembly):
                        return (property.GetValue, property.PropertyType);
                    case FieldInfo field when field.IsPublic || field.IsAssembly:
                        return (field.GetValue, field.FieldType);
                }
            }
        }

        if (type.IsInterface)
        {
            foreach (var inherited in type.GetInterfaces())
            {
                if (inherited.GetProperty(name) is { } property)
                {
                    return (property.GetValue, property.PropertyType);
                }
            }
        }

        return null;
    }

    private static ArgumentException Error(string template, string rule) =>
        new($"Subject '{template}': {rule}.", nameof(template));

    private sealed record Part(string? Literal, IReadOnlyList<Func<object, object?>>? Path, string? Format);
}
