using System.Security.Cryptography;
using System.Text;

namespace Richtsnoer.Core.Rollout;

/// <summary>
/// A Merkle tree over acknowledgement seals, hashed as in RFC 6962 (Certificate Transparency):
/// a leaf is SHA-256(0x00 || seal as UTF-8 hex text), a node SHA-256(0x01 || left || right), and
/// a tree of n leaves splits at the largest power of two below n. An anchor's root in the audit
/// trail then fixes every record of its batch: change, remove or add one and the root differs.
/// </summary>
public static class MerkleTree
{
    public static string Root(IReadOnlyList<string> seals)
    {
        if (seals.Count == 0)
        {
            return Convert.ToHexStringLower(SHA256.HashData([]));
        }

        var leaves = seals.Select(s => SHA256.HashData([0, .. Encoding.UTF8.GetBytes(s)])).ToArray();
        return Convert.ToHexStringLower(Node(leaves, 0, leaves.Length));
    }

    private static byte[] Node(byte[][] leaves, int start, int count)
    {
        if (count == 1)
        {
            return leaves[start];
        }

        var split = 1;
        while (split * 2 < count)
        {
            split *= 2;
        }

        var left = Node(leaves, start, split);
        var right = Node(leaves, start + split, count - split);
        return SHA256.HashData([1, .. left, .. right]);
    }
}
