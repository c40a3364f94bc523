using SesMailer.RazorLight;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a shared <see cref="RazorLightEmailEngine"/> with dependency injection.</summary>
public static class RazorLightServiceCollectionExtensions
{
    /// <summary>
    /// Adds one <see cref="RazorLightEmailEngine"/> singleton, configured by <paramref name="configure"/> when it is
    /// first resolved (one engine per application: it caches every compiled template).
    /// </summary>
    /// <example>
    /// <code>
    /// services.AddSesMailerRazorLight(templates => templates.UseFolder(Path.Combine(env.ContentRootPath, "EmailTemplates")));
    /// </code>
    /// </example>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IServiceCollection AddSesMailerRazorLight(this IServiceCollection services, Action<RazorLightEmailEngineBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddSingleton(_ =>
        {
            var builder = new RazorLightEmailEngineBuilder();
            configure(builder);
            return builder.Build();
        });
        return services;
    }
}
