using System.Linq;
using Dataverse.Emulator;
using Dataverse.Emulator.Metadata;
using KamPlugins.Guard;
using KamPlugins.Model;
using NUnit.Framework;

namespace KamPlugins.Tests.OwnershipLock
{
    /// <summary>The lock's foresight of account cascades agrees with the relationships (built-in, and the solution's for kam_contract).</summary>
    public class AccountCascadesTests
    {
        private static RelationshipDefinition Relationship(string referencing, string column)
        {
            var world = new LockWorld(PlatformProfile.Baseline);
            return world.Org.Metadata.Relationships.Single(r => r.ReferencedTable == AccountTable.LogicalName && r.ReferencingTable == referencing && r.ReferencingColumn == column);
        }

        [TestCase(OpportunityTable.CustomerId)]
        [TestCase(OpportunityTable.ParentAccountId)]
        public void OpportunityColumns_EveryAction_Should_BeTheLookupsWhoseCascadeReachesTheOpportunity(string column)
        {
            var relationship = Relationship(OpportunityTable.LogicalName, column);
            Assert.Multiple(() =>
            {
                Assert.That(AccountCascades.OpportunityColumns(CascadeAction.Assign).Contains(column), Is.EqualTo(relationship.Assign == CascadeType.Cascade), "assign");
                Assert.That(AccountCascades.OpportunityColumns(CascadeAction.Delete).Contains(column), Is.EqualTo(relationship.Delete == CascadeType.Cascade || relationship.Delete == CascadeType.RemoveLink), "delete");
                Assert.That(AccountCascades.OpportunityColumns(CascadeAction.Merge).Contains(column), Is.EqualTo(relationship.Merge == CascadeType.Cascade), "merge");
            });
        }

        [Test]
        public void ReachesContracts_EveryAction_Should_FollowTheSolutionsRelationship()
        {
            var relationship = Relationship(ContractTable.LogicalName, ContractTable.CustomerId);
            Assert.Multiple(() =>
            {
                Assert.That(AccountCascades.ReachesContracts(CascadeAction.Assign), Is.EqualTo(relationship.Assign == CascadeType.Cascade));
                Assert.That(AccountCascades.ReachesContracts(CascadeAction.Delete), Is.EqualTo(relationship.Delete == CascadeType.Cascade || relationship.Delete == CascadeType.RemoveLink));
                Assert.That(relationship.Delete, Is.EqualTo(CascadeType.Restrict), "the solution restricts deleting an account with contracts");
                Assert.That(AccountCascades.ReachesContracts(CascadeAction.Merge), Is.EqualTo(relationship.Merge == CascadeType.Cascade));
            });
        }

        [Test]
        public void ReachesChildAccounts_Assign_Should_FollowTheParentAccountRelationship()
        {
            var relationship = Relationship(AccountTable.LogicalName, AccountTable.ParentAccountId);
            Assert.That(AccountCascades.ReachesChildAccounts(CascadeAction.Assign), Is.EqualTo(relationship.Assign == CascadeType.Cascade));
        }
    }
}
