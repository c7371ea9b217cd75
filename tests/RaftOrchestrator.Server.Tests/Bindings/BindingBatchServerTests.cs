using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Scheduling;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Bindings;
using RaftOrchestrator.Server.Hosting;
using RaftOrchestrator.Server.Kube.Bindings;
using RaftOrchestrator.Server.Tests.Harness;
using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Server.Tests.Bindings;

/// <summary>Batched binding on one replica: the JSON wire form, discovery, and what frees or takes a node's room.</summary>
[Collection(ServerCollection.Name)]
public sealed class BindingBatchServerTests(ServerFixture server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IClusterClient Client => server.InProcess;

    [Fact]
    public async Task Post_Json_AnswersTheBatchWithResultsInKubernetesFieldNames()
    {
        string ns = await NamespaceAsync("bb-json");
        string node = await NodeAsync("bb-json-n1", cpu: "1", pods: "10");
        await PodAsync(ns, "a", "600m");
        await PodAsync(ns, "b", "600m");
        using var http = new HttpClient { BaseAddress = server.ApiUrl };
        string body = $$$"""
            {"apiVersion":"scheduling.raftorchestrator.io/v1","kind":"BindingBatch","spec":{"bindings":[
              {"namespace":"{{{ns}}}","name":"a","nodeName":"{{{node}}}"},{"namespace":"{{{ns}}}","name":"b","nodeName":"{{{node}}}"}]}}
            """;

        using HttpResponseMessage reply = await http.PostAsync("/apis/scheduling.raftorchestrator.io/v1/bindingbatches",
            new StringContent(body, Encoding.UTF8, "application/json"), Ct);
        JsonNode json = JsonNode.Parse(await reply.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        Assert.Equal("BindingBatch", json["kind"]!.GetValue<string>());
        JsonArray results = json["status"]!["results"]!.AsArray();
        Assert.Equal(201, results[0]!["code"]!.GetValue<int>());
        Assert.Equal("OutOfCapacity", results[1]!["reason"]!.GetValue<string>());
        Assert.Equal($"node {node}: Insufficient cpu", results[1]!["message"]!.GetValue<string>());
        Assert.True(json["status"]!["revision"]!.GetValue<long>() > 0);
    }

    [Fact]
    public async Task Discovery_ListsBindingBatchesAsCreateOnly()
    {
        using var http = new HttpClient { BaseAddress = server.ApiUrl };

        JsonNode list = JsonNode.Parse(await http.GetStringAsync("/apis/scheduling.raftorchestrator.io/v1", Ct))!;

        JsonNode resource = list["resources"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "bindingbatches")!;
        Assert.Equal("BindingBatch", resource["kind"]!.GetValue<string>());
        Assert.False(resource["namespaced"]!.GetValue<bool>());
        Assert.Equal(["create"], resource["verbs"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public async Task BindBatch_PodsThatFinishOrGo_GiveTheirRoomBack()
    {
        string ns = await NamespaceAsync("bb-free");
        string node = await NodeAsync("bb-free-n1", cpu: "1", pods: "2");
        foreach (string name in (string[])["a", "b", "c", "d"])
        {
            await PodAsync(ns, name, "500m");
        }
        Assert.Equal([201, 201], (await Client.BindBatchAsync([To(ns, "a", node), To(ns, "b", node)], cancellationToken: Ct)).Unwrap().Results.Select(r => r.Code));
        Assert.Equal(BindingResult.OutOfCapacity, (await Client.BindBatchAsync([To(ns, "c", node)], cancellationToken: Ct)).Unwrap().Results[0].Reason);

        Pod a = (await Client.Resource<Pod>().GetAsync(ns, "a", Ct)).Unwrap();
        a.Status.Phase = "Succeeded";
        (await Client.Resource<Pod>().UpdateStatusAsync(a, cancellationToken: Ct)).Unwrap();
        (await Client.Resource<Pod>().DeleteAsync(ns, "b", new DeleteOptions { GracePeriodSeconds = 0 }, Ct)).Unwrap();
        BindingBatchStatus after = (await Client.BindBatchAsync([To(ns, "c", node), To(ns, "d", node)], cancellationToken: Ct)).Unwrap();

        Assert.Equal([201, 201], after.Results.Select(r => r.Code));
    }

    [Fact]
    public async Task PodBinding_Single_BumpsTheNodeAllocationKeyInTheBindingRevision()
    {
        string ns = await NamespaceAsync("bb-single");
        await PodAsync(ns, "p", "100m");
        var binding = new Binding { Metadata = new ObjectMeta { Namespace = ns, Name = "p" }, Target = new ObjectReference { Kind = "Node", Name = "bb-single-n1" } };

        (await Client.Resource<Pod>().PostSubresourceAsync<Binding, Status>(ns, "p", "binding", binding, Ct)).Unwrap();

        Pod bound = (await Client.Resource<Pod>().GetAsync(ns, "p", Ct)).Unwrap();
        RangeResult key = server.Server.Services.GetRequiredService<ReplicaSlot>().Replica!.Store.Kv
            .Range(new RangeRequest(KeyRange.ForKey(BindingKeys.Allocation("bb-single-n1"))));
        Assert.Single(key.Kvs);
        Assert.Equal(long.Parse(bound.Metadata.ResourceVersion!, System.Globalization.CultureInfo.InvariantCulture), key.Kvs[0].ModRevision);
    }

    private async Task<string> NamespaceAsync(string name)
    {
        (await Client.Resource<Namespace>().CreateAsync(new Namespace { Metadata = new ObjectMeta { Name = name } }, cancellationToken: Ct)).Unwrap();
        return name;
    }

    private async Task<string> NodeAsync(string name, string cpu, string pods)
    {
        Dictionary<string, Quantity> allocatable = new() { ["cpu"] = cpu, ["memory"] = "8Gi", ["pods"] = pods };
        Node node = (await Client.Resource<Node>().CreateAsync(new Node { Metadata = new ObjectMeta { Name = name } }, cancellationToken: Ct)).Unwrap();
        node.Status = new NodeStatus { Capacity = allocatable, Allocatable = allocatable };
        (await Client.Resource<Node>().UpdateStatusAsync(node, cancellationToken: Ct)).Unwrap();
        return name;
    }

    private async Task PodAsync(string ns, string name, string cpu) =>
        (await Client.Resource<Pod>().CreateAsync(new Pod
        {
            Metadata = new ObjectMeta { Namespace = ns, Name = name },
            Spec = new PodSpec { Containers = [new Container { Name = "main", Image = "busybox:1", Resources = new ResourceRequirements { Requests = new() { ["cpu"] = cpu } } }] },
        }, cancellationToken: Ct)).Unwrap();

    private static PodBindingTarget To(string ns, string name, string node) => new() { Namespace = ns, Name = name, NodeName = node };
}
