using Microsoft.Extensions.Hosting;

namespace SesMailer.Configuration;

/// <summary>The environment an app runs in, as the .NET host names it; <see langword="null"/> when nothing says.</summary>
internal static class HostEnvironmentName
{
    /// <summary>
    /// The host's <see cref="IHostEnvironment.EnvironmentName"/> when there is a host; otherwise the variables a host
    /// would read (<c>DOTNET_ENVIRONMENT</c>, then <c>ASPNETCORE_ENVIRONMENT</c>). A bare console app that sets
    /// neither has no environment: it is not presumed to be Production.
    /// </summary>
    public static string? Of(IServiceProvider services) =>
        (services.GetService(typeof(IHostEnvironment)) as IHostEnvironment)?.EnvironmentName
        ?? NonEmpty(Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT"))
        ?? NonEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT"));

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
