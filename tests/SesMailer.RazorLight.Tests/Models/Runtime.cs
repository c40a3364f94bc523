namespace SesMailer.RazorLight.Tests.Models;

// Models of templates that exist only at run time (no [Email]: the generator knows nothing about them).

public sealed record Greeting(string Name, IReadOnlyList<string> Items);

public sealed record Order(string Id, decimal Total, DateTime PlacedAt, Customer? Buyer);

public class Person
{
    public string First { get; set; } = string.Empty;

    internal string Secret { get; set; } = "s";

    internal int[]? Scores = [1, 2];
}

public sealed class Employee : Person
{
    public Person? Manager { get; set; }
}
