using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Dataverse.Emulator.Metadata;
using KamPlugins.Tests.Infrastructure;

namespace KamPlugins.Tests.OwnershipLock
{
    /// <summary>
    /// Applies the Assign and Delete cascades the solution source declares
    /// (solution/src/Other/Relationships/*.xml, e.g. account → kam_contract: Assign Cascade, Delete
    /// Restrict) to an emulator's metadata, for the relationships the emulator knows. The shared fixture
    /// reads the product's columns but not yet the cascades, which the ownership lock depends on.
    /// </summary>
    internal static class SolutionCascades
    {
        internal static void ApplyTo(MetadataCatalog metadata)
        {
            var directory = Path.Combine(SolutionSchema.FindRepositoryRoot(), "solution", "src", "Other", "Relationships");
            if (!Directory.Exists(directory)) return;
            foreach (var file in Directory.GetFiles(directory, "*.xml").OrderBy(f => f, StringComparer.Ordinal))
                foreach (var relationship in XElement.Load(file).Elements("EntityRelationship"))
                {
                    var referencing = Lower(relationship, "ReferencingEntityName");
                    var referenced = Lower(relationship, "ReferencedEntityName");
                    var column = Lower(relationship, "ReferencingAttributeName");
                    if (referencing == null || referenced == null || column == null) continue;
                    if (!referencing.StartsWith("kam_", StringComparison.Ordinal) && !column.StartsWith("kam_", StringComparison.Ordinal)) continue;
                    var table = metadata.Find(referencing);
                    if (table == null || !metadata.Relationships.Any(r => r.ReferencingTable == referencing && r.ReferencedTable == referenced && r.ReferencingColumn == column)) continue;
                    metadata.Table(referencing, t => t.Cascade(column, referenced, Parse(relationship, "CascadeAssign"), Parse(relationship, "CascadeDelete")));
                }
        }

        private static string Lower(XElement relationship, string element) => ((string)relationship.Element(element))?.ToLowerInvariant();

        private static CascadeType? Parse(XElement relationship, string element) =>
            Enum.TryParse<CascadeType>((string)relationship.Element(element), out var value) ? value : (CascadeType?)null;
    }
}
