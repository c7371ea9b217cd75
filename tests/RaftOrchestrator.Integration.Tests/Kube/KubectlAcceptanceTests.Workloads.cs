namespace RaftOrchestrator.Integration.Tests.Kube;

public abstract partial class KubectlAcceptanceTests<TFixture>
{
    private static string Namespace(string name) => $"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {name}\n";

    private static string Deployment(string ns, string name, string image, int replicas = 2) => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {name}
          namespace: {ns}
          labels: {"{"}app: {name}{"}"}
        spec:
          replicas: {replicas}
          selector:
            matchLabels: {"{"}app: {name}{"}"}
          template:
            metadata:
              labels: {"{"}app: {name}{"}"}
            spec:
              containers:
              - name: main
                image: {image}
                ports:
                - containerPort: 80
        """;

    private async Task<string> NewNamespaceAsync(string name)
    {
        await K.OkWithInputAsync(Namespace(name), "apply", "-f", "-");
        return name;
    }

    [Fact]
    public async Task Manifests_CreateGetDescribeDelete_EveryKind()
    {
        string ns = await NewNamespaceAsync("kinds");
        string manifest = string.Join("\n---\n",
            Deployment(ns, "web", "nginx:1.27"),
            $"apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: {ns}\nspec:\n  selector: {{app: web}}\n  ports:\n  - port: 80\n    targetPort: 8080\n",
            $"apiVersion: v1\nkind: Pod\nmetadata:\n  name: solo\n  namespace: {ns}\n  labels: {{run: solo}}\nspec:\n  containers:\n  - name: c\n    image: busybox\n    command: [sleep, '3600']\n",
            $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: {ns}\ndata:\n  mode: fast\n",
            $"apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\n  namespace: {ns}\nstringData:\n  password: s3cr3t\n");

        string created = await K.OkWithInputAsync(manifest, "create", "-f", "-");
        string all = await K.OkAsync("get", "all", "-n", ns);
        string secret = await K.OkAsync("get", "secret", "creds", "-n", ns, "-o", "jsonpath={.data.password}");
        string describe = await K.OkAsync("describe", "deployment", "web", "-n", ns);
        string describePod = await K.OkAsync("describe", "pod", "solo", "-n", ns);
        string wide = await K.OkAsync("get", "pods", "-n", ns, "-o", "wide");
        string deleted = await K.OkWithInputAsync(manifest, "delete", "-f", "-");
        string after = await K.OkAsync("get", "deploy,svc,pods,cm,secrets", "-n", ns, "-o", "name");

        Assert.Contains("deployment.apps/web created", created, StringComparison.Ordinal);
        Assert.Contains("secret/creds created", created, StringComparison.Ordinal);
        Assert.Contains("deployment.apps/web", all, StringComparison.Ordinal);
        Assert.Contains("service/web", all, StringComparison.Ordinal);
        Assert.Contains("pod/solo", all, StringComparison.Ordinal);
        Assert.Equal("czNjcjN0", secret);   // stringData merged into data, base64
        Assert.Matches(@"StrategyType:\s+RollingUpdate", describe);
        Assert.Matches(@"Image:\s+busybox", describePod);
        Assert.Matches(@"NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES", wide);
        Assert.Contains("service \"web\" deleted", deleted, StringComparison.Ordinal);
        Assert.DoesNotContain("web", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_AfterEdit_PatchesAndServerSideApplyOwnsFields()
    {
        string ns = await NewNamespaceAsync("apply-edit");
        await K.OkWithInputAsync(Deployment(ns, "site", "nginx:1.26"), "apply", "-f", "-");

        string configured = await K.OkWithInputAsync(Deployment(ns, "site", "nginx:1.27", replicas: 3), "apply", "-f", "-");
        string image = await K.OkAsync("get", "deploy", "site", "-n", ns, "-o", "jsonpath={.spec.template.spec.containers[0].image} {.spec.replicas} {.metadata.generation}");
        string serverSide = await K.OkWithInputAsync(Deployment(ns, "ssa", "nginx:1.27"), "apply", "--server-side", "-f", "-");
        string again = await K.OkWithInputAsync(Deployment(ns, "ssa", "nginx:1.27"), "apply", "--server-side", "-f", "-");
        string managers = await K.OkAsync("get", "deploy", "ssa", "-n", ns, "--show-managed-fields", "-o", "jsonpath={.metadata.managedFields[*].manager}");
        string conflict = await K.FailsWithInputAsync(Deployment(ns, "site", "nginx:1.28", replicas: 3), "apply", "--server-side", "-f", "-");
        string forced = await K.OkWithInputAsync(Deployment(ns, "site", "nginx:1.28", replicas: 3), "apply", "--server-side", "--force-conflicts", "-f", "-");

        Assert.Contains("deployment.apps/site configured", configured, StringComparison.Ordinal);
        Assert.Equal("nginx:1.27 3 2", image);
        Assert.Contains("deployment.apps/ssa serverside-applied", serverSide, StringComparison.Ordinal);
        Assert.Contains("serverside-applied", again, StringComparison.Ordinal);
        Assert.Contains("kubectl", managers, StringComparison.Ordinal);
        Assert.Contains("conflict with \"kubectl-client-side-apply\"", conflict, StringComparison.Ordinal);
        Assert.Contains("serverside-applied", forced, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LabelAnnotateScalePatch_ChangeTheObject()
    {
        string ns = await NewNamespaceAsync("mutate");
        await K.OkWithInputAsync(Deployment(ns, "app", "nginx:1.27"), "apply", "-f", "-");

        await K.OkAsync("label", "deploy", "app", "-n", ns, "tier=front");
        await K.OkAsync("annotate", "deploy", "app", "-n", ns, "note=hello");
        string scaled = await K.OkAsync("scale", "deploy", "app", "-n", ns, "--replicas=5");
        await K.OkAsync("patch", "deploy", "app", "-n", ns, "-p", """{"spec":{"template":{"spec":{"containers":[{"name":"main","image":"nginx:1.28"}]}}}}""");
        await K.OkAsync("patch", "deploy", "app", "-n", ns, "--type=merge", "-p", """{"spec":{"minReadySeconds":7}}""");
        await K.OkAsync("patch", "deploy", "app", "-n", ns, "--type=json", "-p", """[{"op":"replace","path":"/spec/revisionHistoryLimit","value":3}]""");
        string noChange = await K.OkAsync("patch", "deploy", "app", "-n", ns, "--type=merge", "-p", """{"spec":{"minReadySeconds":7}}""");
        string state = await K.OkAsync("get", "deploy", "app", "-n", ns, "-o",
            "jsonpath={.metadata.labels.tier} {.metadata.annotations.note} {.spec.replicas} {.spec.template.spec.containers[0].image} {.spec.minReadySeconds} {.spec.revisionHistoryLimit}");
        string unlabeled = await K.OkAsync("label", "deploy", "app", "-n", ns, "tier-");
        string selected = await K.OkAsync("get", "deploy", "-n", ns, "-l", "app=app,tier!=front", "-o", "name");

        Assert.Contains("deployment.apps/app scaled", scaled, StringComparison.Ordinal);
        Assert.Contains("patched (no change)", noChange, StringComparison.Ordinal);
        Assert.Equal("front hello 5 nginx:1.28 7 3", state);
        Assert.Contains("unlabeled", unlabeled, StringComparison.Ordinal);
        Assert.Equal("deployment.apps/app", selected.Trim());
    }

    [Fact]
    public async Task FieldSelector_AndOutputFormats()
    {
        string ns = await NewNamespaceAsync("selectors");
        await K.OkWithInputAsync($"apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  namespace: {ns}\nspec:\n  nodeName: n1\n  containers: [{{name: c, image: busybox}}]\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n  namespace: {ns}\nspec:\n  containers: [{{name: c, image: busybox}}]\n", "create", "-f", "-");

        string onNode = await K.OkAsync("get", "pods", "-n", ns, "--field-selector", "spec.nodeName=n1", "-o", "name");
        string byName = await K.OkAsync("get", "pods", "-n", ns, "--field-selector", "metadata.name=b", "-o", "name");
        string json = await K.OkAsync("get", "pod", "a", "-n", ns, "-o", "json");
        string yaml = await K.OkAsync("get", "pod", "a", "-n", ns, "-o", "yaml");
        string bad = await K.FailsAsync("get", "pods", "-n", ns, "--field-selector", "spec.bogus=x");
        string chunked = await K.OkAsync("get", "pods", "-n", ns, "--chunk-size=1", "-o", "name");

        Assert.Equal("pod/a", onNode.Trim());
        Assert.Equal("pod/b", byName.Trim());
        Assert.Contains("\"kind\": \"Pod\"", json, StringComparison.Ordinal);
        Assert.Contains("serviceAccountName: default", yaml, StringComparison.Ordinal);
        Assert.Contains("field label not supported: spec.bogus", bad, StringComparison.Ordinal);
        Assert.Equal("pod/a\npod/b", chunked.Trim());
    }

    [Fact]
    public async Task GetWatch_SeesALaterChange()
    {
        string ns = await NewNamespaceAsync("watching");
        await K.OkWithInputAsync($"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: w\n  namespace: {ns}\ndata: {{a: '1'}}\n", "create", "-f", "-");

        string output = await K.WatchAsync(["get", "configmaps", "-n", ns, "-w", "-o", "name"],
            async () => await K.OkWithInputAsync($"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: later\n  namespace: {ns}\n", "create", "-f", "-"),
            "configmap/later");

        Assert.Contains("configmap/w", output, StringComparison.Ordinal);
        Assert.Contains("configmap/later", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetWatch_TableRows_PrintUnderTheListHeaders()
    {
        string ns = await NewNamespaceAsync("watch-table");
        await K.OkWithInputAsync($"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: first\n  namespace: {ns}\ndata: {{a: '1'}}\n", "create", "-f", "-");

        string output = await K.WatchAsync(["get", "configmaps", "-n", ns, "--watch"],
            async () => await K.OkAsync("label", "configmap", "first", "-n", ns, "seen=yes"),
            "first", seconds: 10, occurrences: 2);
        string[] rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Matches(@"^NAME\s+DATA\s+AGE", rows[0]);
        Assert.True(rows.Count(r => r.StartsWith("first", StringComparison.Ordinal)) >= 2, output);
    }

    [Fact]
    public async Task DryRunServer_WritesNothing_AndDeleteCascadeRemoves()
    {
        string ns = await NewNamespaceAsync("dry");

        string dry = await K.OkWithInputAsync(Deployment(ns, "ghost", "nginx"), "apply", "--dry-run=server", "-f", "-");
        string missing = await K.FailsAsync("get", "deploy", "ghost", "-n", ns);
        await K.OkWithInputAsync(Deployment(ns, "real", "nginx"), "create", "-f", "-");
        string cascade = await K.OkAsync("delete", "deploy", "real", "-n", ns, "--cascade=foreground");
        string orphan = await K.FailsAsync("get", "deploy", "real", "-n", ns);

        Assert.Contains("(server dry run)", dry, StringComparison.Ordinal);
        Assert.Contains("(NotFound)", missing, StringComparison.Ordinal);
        Assert.Contains("deployment.apps \"real\" deleted", cascade, StringComparison.Ordinal);
        Assert.Contains("(NotFound)", orphan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteNamespace_RemovesItsContents()
    {
        string ns = await NewNamespaceAsync("doomed");
        await K.OkWithInputAsync($"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: inside\n  namespace: {ns}\n", "create", "-f", "-");

        string deleted = await K.OkAsync("delete", "namespace", ns);
        string gone = await K.FailsAsync("get", "namespace", ns);
        string refused = await K.FailsWithInputAsync($"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: late\n  namespace: {ns}\n", "create", "-f", "-");

        Assert.Contains($"namespace \"{ns}\" deleted", deleted, StringComparison.Ordinal);
        Assert.Contains("(NotFound)", gone, StringComparison.Ordinal);
        Assert.Contains($"namespaces \"{ns}\" not found", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generators_CreateNamespaceConfigMapDeployment()
    {
        string created = await K.OkAsync("create", "namespace", "generated");
        string map = await K.OkAsync("create", "configmap", "literal", "-n", "generated", "--from-literal=k=v");
        string deployment = await K.OkAsync("create", "deployment", "gen", "-n", "generated", "--image=nginx", "--replicas=2");
        string serviceAccount = await K.OkAsync("create", "serviceaccount", "robot", "-n", "generated");
        string canI = await K.OkAsync("auth", "can-i", "create", "pods");
        string value = await K.OkAsync("get", "cm", "literal", "-n", "generated", "-o", "jsonpath={.data.k}");
        string replicas = await K.OkAsync("get", "deploy", "gen", "-n", "generated", "-o", "jsonpath={.spec.replicas} {.spec.template.spec.containers[0].image}");

        Assert.Contains("namespace/generated created", created, StringComparison.Ordinal);
        Assert.Contains("configmap/literal created", map, StringComparison.Ordinal);
        Assert.Contains("deployment.apps/gen created", deployment, StringComparison.Ordinal);
        Assert.Contains("serviceaccount/robot created", serviceAccount, StringComparison.Ordinal);
        Assert.Equal("yes", canI.Trim());
        Assert.Equal("v", value);
        Assert.Equal("2 nginx", replicas);
    }
}
