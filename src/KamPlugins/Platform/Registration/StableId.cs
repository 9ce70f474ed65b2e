using System;
using System.Security.Cryptography;
using System.Text;

namespace KamPlugins.Platform.Registration
{
    /// <summary>
    /// Name-based component ids (RFC 4122 version 5, SHA-1) so every build of the same code gives the
    /// plugin assembly, types, steps and images the same ids, and a managed upgrade replaces components
    /// instead of adding duplicates.
    /// </summary>
    public static class StableId
    {
        /// <summary>The product's namespace for name-based ids.</summary>
        public static readonly Guid ProductNamespace = new Guid("6b0c1c8e-3f43-4f1e-9a51-4b414d504c47");

        /// <summary>The id for <paramref name="name"/> (kind-qualified, e.g. "step:…").</summary>
        public static Guid For(string name)
        {
            if (name == null) throw new ArgumentNullException(nameof(name));
            var namespaceBytes = ToNetworkOrder(ProductNamespace.ToByteArray());
            var nameBytes = Encoding.UTF8.GetBytes(name);
            byte[] hash;
            using (var sha1 = SHA1.Create())
            {
                var input = new byte[namespaceBytes.Length + nameBytes.Length];
                Buffer.BlockCopy(namespaceBytes, 0, input, 0, namespaceBytes.Length);
                Buffer.BlockCopy(nameBytes, 0, input, namespaceBytes.Length, nameBytes.Length);
                hash = sha1.ComputeHash(input);
            }
            var id = new byte[16];
            Array.Copy(hash, id, 16);
            id[6] = (byte)((id[6] & 0x0F) | 0x50);
            id[8] = (byte)((id[8] & 0x3F) | 0x80);
            return new Guid(ToNetworkOrder(id));
        }

        // Guid.ToByteArray is little-endian in its first three fields; RFC 4122 hashes network order.
        private static byte[] ToNetworkOrder(byte[] bytes)
        {
            var b = (byte[])bytes.Clone();
            Array.Reverse(b, 0, 4);
            Array.Reverse(b, 4, 2);
            Array.Reverse(b, 6, 2);
            return b;
        }
    }
}
