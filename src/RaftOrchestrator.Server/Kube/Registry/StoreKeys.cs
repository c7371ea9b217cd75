using System.Text;

namespace RaftOrchestrator.Server.Kube.Registry;

/// <summary>Keys are the UTF-8 bytes of the <c>/registry/...</c> path.</summary>
public static class StoreKeys
{
    public static byte[] Bytes(string key) => Encoding.UTF8.GetBytes(key);
}
