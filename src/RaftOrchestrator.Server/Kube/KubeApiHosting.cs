using System.Security.Cryptography;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Client;
using RaftOrchestrator.Server.Hosting;
using RaftOrchestrator.Server.Kube.Admission;
using RaftOrchestrator.Server.Kube.Auth;
using RaftOrchestrator.Server.Kube.Endpoints;
using RaftOrchestrator.Server.Kube.InProcess;

namespace RaftOrchestrator.Server.Kube;

/// <summary>
/// Composition of the Kubernetes API inside a replica: its services (with <see cref="InProcessClusterClient"/>, also as
/// <see cref="IClusterClient"/>, for embedded components), and the kubeconfig written at start.
/// </summary>
public static class KubeApiHosting
{
    public static void AddServices(IServiceCollection services, ServerOptions options, ApiCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(catalog);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<KubeStore>();
        services.AddSingleton<Admission.NamespaceLookup>();
        services.AddSingleton<PriorityClassLookup>();
        services.AddSingleton<PriorityAdmission>();
        services.AddSingleton(provider => new AdmissionChain(
            KubeAdmission.Mutating(provider),
            KubeAdmission.Validating(provider)));
        services.AddSingleton(new KubeApiOptions { WatchBookmarkInterval = options.WatchBookmarkInterval });
        services.AddSingleton<KubeApiServices>();
        services.AddSingleton<Bindings.NodeAllocationIndex>();
        services.AddHostedService(provider => provider.GetRequiredService<Bindings.NodeAllocationIndex>());
        services.AddSingleton<Bindings.BindingBatchApplier>();
        services.AddSingleton<IAuthenticator>(_ => Authenticator(options));
        services.AddSingleton<IAuthorizer, AllowAllAuthorizer>();
        services.AddSingleton<Kinds.KubeletClient>();
        services.AddSingleton(provider => KubeAdmission.Hooks(provider));
        if (options.Controllers is not null)
        {
            services.AddHostedService(provider => new EmbeddedControllers(
                provider.GetRequiredService<InProcessClusterClient>(), options, provider.GetRequiredService<ILoggerFactory>()));
        }
        if (options.SchedulerOptions is not null)
        {
            services.AddHostedService(provider => new EmbeddedScheduler(
                provider.GetRequiredService<InProcessClusterClient>(), options, provider.GetRequiredService<ILoggerFactory>()));
        }
        services.AddHostedService(provider => new KubeSystem(provider.GetRequiredService<KubeApiServices>(), options.ApiListen.Port));
        if (options.Agent is { } agent)
        {
            services.AddHostedService(provider => new EmbeddedAgent(
                provider.GetRequiredService<InProcessClusterClient>(), agent, provider.GetRequiredService<ILoggerFactory>()));
        }
        services.AddSingleton(provider => new KubeApiRouter(
            provider.GetRequiredService<KubeApiServices>(),
            provider.GetRequiredService<IAuthenticator>(),
            provider.GetRequiredService<IAuthorizer>(),
            provider.GetRequiredService<EndpointHookRegistry>(),
            options.ApiListen.ToString()));
        services.AddSingleton(provider => new InProcessClusterClient(
            provider.GetRequiredService<KubeApiRouter>(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger("RaftOrchestrator.Client.InProcess")));
        services.AddSingleton<IClusterClient>(provider => provider.GetRequiredService<InProcessClusterClient>());
    }

    /// <summary>Writes the kubeconfig (path printed in the log); with TLS it carries the admin token of <see cref="AdminTokenPath"/>.</summary>
    public static void WriteKubeconfig(ServerOptions options, IServiceProvider services, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        string path = options.KubeconfigPath ?? Path.Combine(options.DataDirectory, "kubeconfig");
        string? certificate = options.ApiTls ? File.ReadAllText(options.TlsCertFile!) : null;
        string? token = options.ApiTls ? File.ReadAllText(AdminTokenPath(options)).Trim() : null;
        KubeconfigFile.Write(path, KubeconfigFile.Render(options.ApiUrl, certificate, token));
        KubeLog.Serving(logger, options.ApiUrl, Path.GetFullPath(path));
        _ = services;
    }

    public static string AdminTokenPath(ServerOptions options) => Path.Combine(options.DataDirectory, "admin-token");

    /// <summary>The token file's users, plus (with TLS) an admin token made on first start and kept in the data directory.</summary>
    private static TokenAuthenticator Authenticator(ServerOptions options)
    {
        TokenAuthenticator fromFile = TokenAuthenticator.FromFile(options.TokenAuthFile);
        if (!options.ApiTls)
        {
            return fromFile;
        }
        string path = AdminTokenPath(options);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(options.DataDirectory);
            KubeconfigFile.Write(path, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)) + "\n");
        }
        return fromFile.With(File.ReadAllText(path).Trim(), new UserInfo("admin", "admin", ["system:masters", "system:authenticated"]));
    }
}
