using System.Globalization;
using Grpc.Core;
using RaftOrchestrator.Ctl.Cli;
using RaftOrchestrator.Ctl.Etcd;
using RaftOrchestrator.EtcdApi.V3;

namespace RaftOrchestrator.Ctl.Snapshots;

/// <summary>
/// `snapshot save`: streams Maintenance.Snapshot from the first endpoint that answers into `&lt;file&gt;.part`,
/// checks that the stream is whole (the last message says 0 bytes remain, the SHA-256 trailer matches), fsyncs it
/// and only then renames it over &lt;file&gt;; so &lt;file&gt; is either the previous file or a complete backup, never
/// a torn one. On failure the .part file is deleted. The timeout bounds each wait for the next message (a large
/// backup may take longer than that in all), not the whole transfer.
/// </summary>
internal static class SnapshotDownload
{
    public static async Task<(long Bytes, long Revision)> SaveAsync(
        EtcdConnection connection, string file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        string part = file + ".part";
        var failures = new List<string>();
        try
        {
            foreach (Uri endpoint in connection.Endpoints)
            {
                if (await TryDownloadAsync(connection, endpoint, part, failures, cancellationToken) is { } saved)
                {
                    File.Move(part, file, overwrite: true);
                    return saved;
                }
            }
        }
        finally
        {
            File.Delete(part);
        }
        throw new NoEndpointAnsweredException(failures);
    }

    /// <summary>The backup written to <paramref name="part"/>, or null if the endpoint did not answer at all.</summary>
    private static async Task<(long Bytes, long Revision)?> TryDownloadAsync(
        EtcdConnection connection, Uri endpoint, string part, List<string> failures, CancellationToken cancellationToken)
    {
        string where = EndpointList.Display(endpoint);
        using var stall = new CancellationTokenSource(connection.Timeout, connection.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stall.Token);
        var client = new Maintenance.MaintenanceClient(connection.ChannelFor(endpoint));
        using AsyncServerStreamingCall<SnapshotResponse> call = client.Snapshot(new SnapshotRequest(), cancellationToken: linked.Token);
        using var checksum = new TrailerChecksum();
        long bytes = 0, revision = 0;
        ulong remaining = ulong.MaxValue;
        await using var output = new FileStream(part, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        try
        {
            while (await call.ResponseStream.MoveNext(linked.Token))
            {
                SnapshotResponse message = call.ResponseStream.Current;
                stall.CancelAfter(connection.Timeout);
                if (bytes == 0 && message.Header is { } header)
                {
                    revision = header.Revision;
                }
                await output.WriteAsync(message.Blob.Memory, linked.Token);
                checksum.Append(message.Blob.Span);
                bytes += message.Blob.Length;
                remaining = message.RemainingBytes;
            }
        }
        catch (RpcException e) when (remaining == ulong.MaxValue && e.StatusCode == StatusCode.Unavailable)
        {
            failures.Add($"{where}: {RpcErrors.Describe(e, connection.Timeout)}");
            return null;
        }
        catch (Exception e) when (e is RpcException or OperationCanceledException
            && stall.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw CommandException.Failed(string.Create(CultureInfo.InvariantCulture,
                $"{where}: the snapshot stream sent nothing for {connection.Timeout.TotalSeconds:0.###} s (after {bytes} bytes)."));
        }
        if (remaining != 0)
        {
            throw CommandException.Failed(string.Create(CultureInfo.InvariantCulture,
                $"{where}: the snapshot stream ended early, after {bytes} bytes."));
        }
        if (!checksum.Matches())
        {
            throw CommandException.Failed($"{where}: the snapshot's SHA-256 trailer does not match its contents.");
        }
        await output.FlushAsync(linked.Token);
        RandomAccess.FlushToDisk(output.SafeFileHandle);
        return (bytes, revision);
    }
}
