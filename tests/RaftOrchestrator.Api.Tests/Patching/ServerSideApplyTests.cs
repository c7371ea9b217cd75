using System.Text.Json.Nodes;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Patching;
using RaftOrchestrator.Api.Tests.Patching.TestModels;

namespace RaftOrchestrator.Api.Tests.Patching;

public sealed class ServerSideApplyTests
{
    private static readonly PatchSchema s_schema = PatchSchema.For<TestDeployment>();
    private static readonly DateTime s_t1 = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
    private static readonly DateTime s_t2 = s_t1.AddMinutes(1);

    private static string Config(string spec, string labels = """{"app":"web"}""") => $$"""
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d","namespace":"ns","labels":{{labels}}},"spec":{{spec}}}
        """;

    private const string Spec = """{"replicas":3,"template":{"spec":{"containers":[{"name":"app","image":"app:1"},{"name":"side","image":"side:1"}]}}}""";

    private static ApplyResult Apply(JsonNode? live, string config, string manager, IReadOnlyList<ManagedFieldsEntry>? entries, bool force = false, DateTime? time = null) =>
        ServerSideApply.Apply(live, JsonNode.Parse(config), manager, force, entries, s_schema, time ?? s_t1);

    private static ApplyResult Succeed(ApplyResult result)
    {
        Assert.True(result.Succeeded, result.Error?.Message);
        return result;
    }

    private static ManagedFieldsEntry Entry(ApplyResult result, string manager) =>
        Assert.Single(result.ManagedFields, e => e.Manager == manager);

    private static FieldSet Fields(ManagedFieldsEntry entry)
    {
        Assert.True(FieldSet.TryParse(entry.FieldsV1!.Value, out FieldSet set));
        return set;
    }

    [Fact]
    public void Apply_NoLiveObject_CreatesItAndOwnsExactlyTheConfigFields()
    {
        ApplyResult result = Succeed(Apply(null, Config(Spec), "kubectl", null));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Config(Spec)), result.Value));
        ManagedFieldsEntry entry = Assert.Single(result.ManagedFields);
        Assert.Equal(("kubectl", "Apply", "apps/v1", "FieldsV1", s_t1), (entry.Manager, entry.Operation, entry.ApiVersion, entry.FieldsType, entry.Time));
        const string expected = """{"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:replicas":{},"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"app\"}":{".":{},"f:image":{},"f:name":{}},"k:{\"name\":\"side\"}":{".":{},"f:image":{},"f:name":{}}}}}}}""";
        Assert.Equal(expected, entry.FieldsV1!.Value.GetRawText());
    }

    [Fact]
    public void Apply_SameConfigAgain_ChangesNothing()
    {
        ApplyResult first = Succeed(Apply(null, Config(Spec), "kubectl", null));

        ApplyResult second = Succeed(Apply(first.Value, Config(Spec), "kubectl", first.ManagedFields, time: s_t2));

        Assert.True(JsonNode.DeepEquals(first.Value, second.Value));
        Assert.Equal(Entry(first, "kubectl").FieldsV1!.Value.GetRawText(), Entry(second, "kubectl").FieldsV1!.Value.GetRawText());
        Assert.Equal(s_t2, Entry(second, "kubectl").Time);
    }

    [Fact]
    public void Apply_ConfigWithoutAFieldItSetBefore_RemovesTheField()
    {
        ApplyResult first = Succeed(Apply(null, Config(Spec, """{"app":"web","tier":"front"}"""), "kubectl", null));
        const string smaller = """{"template":{"spec":{"containers":[{"name":"app","image":"app:1"}]}}}""";

        ApplyResult second = Succeed(Apply(first.Value, Config(smaller), "kubectl", first.ManagedFields));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Config(smaller)), second.Value), second.Value!.ToJsonString());
        Assert.False(Fields(Entry(second, "kubectl")).Contains(["f:spec", "f:replicas"]));
    }

    [Fact]
    public void Apply_RemovedFieldOwnedByAnotherManager_Stays()
    {
        ApplyResult first = Succeed(Apply(null, Config(Spec), "a", null));
        ApplyResult shared = Succeed(Apply(first.Value, Config("""{"replicas":3}"""), "b", first.ManagedFields));

        ApplyResult result = Succeed(Apply(shared.Value, Config("""{"template":{"spec":{"containers":[{"name":"app","image":"app:1"}]}}}"""), "a", shared.ManagedFields));

        Assert.Equal(3, (int?)result.Value!["spec"]!["replicas"]);
        Assert.True(Fields(Entry(result, "b")).Contains(["f:spec", "f:replicas"]));
    }

    [Fact]
    public void Apply_OtherManagerChangesOwnedValue_ConflictsUnlessForced()
    {
        ApplyResult first = Succeed(Apply(null, Config(Spec), "kubectl", null));
        string other = Config("""{"replicas":5}""", labels: """{"app":"web"}""");

        ApplyResult conflict = Apply(first.Value, other, "ci", first.ManagedFields);
        ApplyResult forced = Succeed(Apply(first.Value, other, "ci", first.ManagedFields, force: true));

        Assert.False(conflict.Succeeded);
        Assert.Equal(PatchErrorKind.Conflict, conflict.Error.Kind);
        Assert.Equal([new FieldConflict("kubectl", ".spec.replicas")], conflict.Conflicts);
        Assert.Equal("Apply failed with 1 conflict: conflict with \"kubectl\" using apps/v1: .spec.replicas", conflict.Error.Message);
        Assert.Equal(5, (int?)forced.Value!["spec"]!["replicas"]);
        Assert.False(Fields(Entry(forced, "kubectl")).Contains(["f:spec", "f:replicas"]));
        Assert.True(Fields(Entry(forced, "ci")).Contains(["f:spec", "f:replicas"]));
        Assert.True(Fields(Entry(forced, "kubectl")).Contains(["f:metadata", "f:labels", "f:app"]));
        Assert.True(Fields(Entry(forced, "ci")).Contains(["f:metadata", "f:labels", "f:app"]));
    }

    [Fact]
    public void Apply_SeveralConflicts_ListsThemAll()
    {
        ApplyResult first = Succeed(Apply(null, Config(Spec), "kubectl", null));

        ApplyResult conflict = Apply(first.Value, Config("""{"replicas":1,"template":{"spec":{"containers":[{"name":"app","image":"app:2"}]}}}"""), "ci", first.ManagedFields);

        Assert.Equal(2, conflict.Conflicts.Count);
        Assert.Contains(new FieldConflict("kubectl", ".spec.template.spec.containers[name=\"app\"].image"), conflict.Conflicts);
        Assert.StartsWith("Apply failed with 2 conflicts: conflicts with \"kubectl\" using apps/v1:\n- ", conflict.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_StatusAndIdentity_AreNotTracked()
    {
        const string config = """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},"spec":{"replicas":1},"status":{"phase":"x"}}""";

        ApplyResult result = Succeed(Apply(null, config, "kubectl", null));

        Assert.Null(result.Value!["status"]);
        Assert.Equal("""{"f:spec":{"f:replicas":{}}}""", Assert.Single(result.ManagedFields).FieldsV1!.Value.GetRawText());
    }

    [Fact]
    public void Apply_ObjectWithoutManagedFields_ConflictsWithBeforeFirstApply()
    {
        var live = JsonNode.Parse(Config("""{"replicas":2}"""));

        ApplyResult conflict = Apply(live, Config("""{"replicas":4}"""), "kubectl", null);
        ApplyResult same = Succeed(Apply(live, Config("""{"replicas":2}"""), "kubectl", null));

        Assert.Equal([new FieldConflict(ServerSideApply.BeforeFirstApply, ".spec.replicas")], conflict.Conflicts);
        Assert.Equal(2, same.ManagedFields.Count);
    }

    [Fact]
    public void RecordUpdate_ChangedField_MovesOwnershipToTheUpdater()
    {
        ApplyResult applied = Succeed(Apply(null, Config(Spec), "kubectl", null));
        JsonNode updated = applied.Value!.DeepClone();
        updated["spec"]!["replicas"] = 7;
        updated["metadata"]!["labels"]!["extra"] = "1";

        IReadOnlyList<ManagedFieldsEntry> entries = ServerSideApply.RecordUpdate(applied.Value, updated, "hpa", "Update", applied.ManagedFields, s_schema, s_t2);

        ManagedFieldsEntry hpa = Assert.Single(entries, e => e.Manager == "hpa");
        Assert.Equal(("Update", "apps/v1", s_t2), (hpa.Operation, hpa.ApiVersion, hpa.Time));
        Assert.Equal("""{"f:metadata":{"f:labels":{"f:extra":{}}},"f:spec":{"f:replicas":{}}}""", hpa.FieldsV1!.Value.GetRawText());
        FieldSet kubectl = Fields(Assert.Single(entries, e => e.Manager == "kubectl"));
        Assert.False(kubectl.Contains(["f:spec", "f:replicas"]));
        Assert.True(kubectl.Contains(["f:metadata", "f:labels", "f:app"]));

        ApplyResult reapply = Apply(updated, Config(Spec), "kubectl", entries);
        Assert.Equal([new FieldConflict("hpa", ".spec.replicas")], reapply.Conflicts);
    }

    [Fact]
    public void RecordUpdate_SameManagerTwice_MergesItsEntryAndDropsEmptiedOnes()
    {
        IReadOnlyList<ManagedFieldsEntry> created = ServerSideApply.RecordUpdate(null, JsonNode.Parse(Config("""{"replicas":1}""")), "a", "Update", null, s_schema, s_t1);
        IReadOnlyList<ManagedFieldsEntry> other = ServerSideApply.RecordUpdate(JsonNode.Parse(Config("""{"replicas":1}""")),
            JsonNode.Parse(Config("""{"replicas":2}""", labels: """{"app":"other"}""")), "b", "Update", created, s_schema, s_t2);
        IReadOnlyList<ManagedFieldsEntry> again = ServerSideApply.RecordUpdate(JsonNode.Parse(Config("""{"replicas":2}""")),
            JsonNode.Parse(Config("""{"replicas":2,"minReadySeconds":5}""")), "b", "Update", other, s_schema, s_t2);

        Assert.Equal("""{"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:replicas":{}}}""", Assert.Single(created).FieldsV1!.Value.GetRawText());
        Assert.Equal("b", Assert.Single(other).Manager);
        ManagedFieldsEntry b = Assert.Single(again);
        Assert.Equal("""{"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:minReadySeconds":{},"f:replicas":{}}}""", b.FieldsV1!.Value.GetRawText());
    }

    [Fact]
    public void RecordUpdate_RemovedField_LeavesEveryEntry()
    {
        ApplyResult applied = Succeed(Apply(null, Config(Spec), "kubectl", null));
        JsonNode updated = applied.Value!.DeepClone();
        updated["spec"]!.AsObject().Remove("replicas");

        IReadOnlyList<ManagedFieldsEntry> entries = ServerSideApply.RecordUpdate(applied.Value, updated, "editor", "Update", applied.ManagedFields, s_schema, s_t2);

        Assert.DoesNotContain(entries, e => e.Manager == "editor");
        Assert.False(Fields(Assert.Single(entries)).Contains(["f:spec", "f:replicas"]));
    }

    [Fact]
    public void Apply_FinalizersAsSet_RemovesOnlyItsOwnValue()
    {
        ApplyResult first = Succeed(Apply(null, """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d","finalizers":["a","b"]}}""", "m1", null));
        ApplyResult second = Succeed(Apply(first.Value, """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d","finalizers":["c"]}}""", "m2", first.ManagedFields));

        ApplyResult third = Succeed(Apply(second.Value, """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d","finalizers":["a"]}}""", "m1", second.ManagedFields));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""["a","c"]"""), third.Value!["metadata"]!["finalizers"]), third.Value!.ToJsonString());
    }
}
