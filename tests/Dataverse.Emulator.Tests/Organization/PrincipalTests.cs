using System.Linq;
using Dataverse.Emulator.Principals;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace Dataverse.Emulator.Tests.Organization
{
    public class PrincipalTests
    {
        private DataverseEmulator org;

        [SetUp]
        public void SetUp()
        {
            org = new DataverseEmulator();
        }

        [Test]
        public void UsersAdd_WithManagerBusinessUnitAndLanguage_Should_WriteTheSystemUserAndUserSettingsRows()
        {
            var sales = org.BusinessUnits.Add("Sales");
            var manager = org.Users.Add("Manager Wang", sales);
            var rep = org.Users.Add("Rep Li", sales, manager, uiLanguage: 2052);

            var row = org.Get("systemuser", rep.Id);
            Assert.That(row.GetAttributeValue<EntityReference>("parentsystemuserid").Id, Is.EqualTo(manager.Id));
            Assert.That(row.GetAttributeValue<EntityReference>("businessunitid").Id, Is.EqualTo(sales.Id));
            Assert.That(row.GetAttributeValue<string>("fullname"), Is.EqualTo("Rep Li"));
            Assert.That(org.Get("usersettings", rep.Id).GetAttributeValue<int>("uilanguageid"), Is.EqualTo(2052));
            Assert.That(rep.Manager, Is.SameAs(manager));
            Assert.That(rep.UiLanguage, Is.EqualTo(2052));
            Assert.That(sales.Parent, Is.SameAs(org.BusinessUnits.Root));
        }

        [Test]
        public void User_Setters_Should_ChangeTheRows()
        {
            var manager = org.Users.Add("Manager Wang");
            var rep = org.Users.Add("Rep Li");

            rep.ManagedBy(manager).WithLanguage(1033).Disabled();

            Assert.That(org.Get("systemuser", rep.Id).GetAttributeValue<EntityReference>("parentsystemuserid").Id, Is.EqualTo(manager.Id));
            Assert.That(org.Get("systemuser", rep.Id).GetAttributeValue<bool>("isdisabled"), Is.True);
        }

        [Test]
        public void TeamsAdd_WithMembers_Should_WriteTeamMembershipRows()
        {
            var li = org.Users.Add("Rep Li");
            var wang = org.Users.Add("Rep Wang");

            var team = org.Teams.Add("KAM Administrators", null, li, wang);
            team.RemoveMember(wang);

            Assert.That(org.All("teammembership").Select(r => r.GetAttributeValue<System.Guid>("systemuserid")), Is.EqualTo(new[] { li.Id }));
            Assert.That(li.Teams, Is.EqualTo(new[] { team }));
            Assert.That(team.Members, Is.EqualTo(new[] { li }));
        }

        [Test]
        public void Roles_ByName_Should_WriteRoleAndSystemUserRolesRowsAndGrantPrivileges()
        {
            org.Roles.Add("KAM Administrator", Privileges.BypassCustomPlugins);
            var rep = org.Users.Add("Rep Li", roles: new[] { "KAM Administrator", "Salesperson" });

            Assert.That(rep.Roles.Select(r => r.Name), Is.EquivalentTo(new[] { "KAM Administrator", "Salesperson" }));
            Assert.That(org.All("systemuserroles").Count(r => r.GetAttributeValue<System.Guid>("systemuserid") == rep.Id), Is.EqualTo(2));
            Assert.That(rep.HasPrivilege(Privileges.BypassCustomPlugins), Is.True);
            Assert.That(rep.HasPrivilege(Privileges.BypassCustomBusinessLogic), Is.False);
        }

        [Test]
        public void Roles_OfTeam_Should_GrantTheirPrivilegesToMembers()
        {
            var rep = org.Users.Add("Rep Li");
            org.Teams.Add("Importers", null, rep).WithRoles("Importer");
            org.Roles["Importer"].Grant(Privileges.BypassCustomBusinessLogic);

            Assert.That(rep.HasPrivilege(Privileges.BypassCustomBusinessLogic), Is.True);
        }

        [Test]
        public void Users_BuiltInSystemAndAdministrator_Should_HoldEveryPrivilege()
        {
            Assert.That(org.Users.System.HasPrivilege(Privileges.BypassCustomPlugins), Is.True);
            Assert.That(org.Users.Administrator.HasPrivilege(Privileges.BypassCustomBusinessLogic), Is.True);
            Assert.That(org.Users.Administrator.Roles.Single().Name, Is.EqualTo(RoleCollection.SystemAdministratorName));
        }

        [Test]
        public void Query_SystemUserByManager_Should_FindTheDirectReports()
        {
            var manager = org.Users.Add("Manager Wang");
            org.Users.Add("Rep Li", manager: manager);
            org.Users.Add("Rep Zhao", manager: manager);

            var reports = org.AdminService.RetrieveMultiple(new QueryExpression("systemuser")
            {
                ColumnSet = new ColumnSet("fullname"),
                Criteria = { Conditions = { new ConditionExpression("parentsystemuserid", ConditionOperator.Equal, manager.Id) } },
            });

            Assert.That(reports.Entities.Select(e => e.GetAttributeValue<string>("fullname")), Is.EquivalentTo(new[] { "Rep Li", "Rep Zhao" }));
        }

        [Test]
        public void Associate_TeamMembership_Should_AddTheIntersectRow()
        {
            var rep = org.Users.Add("Rep Li");
            var team = org.Teams.Add("KAM");

            org.AdminService.Associate("team", team.Id, new Relationship("teammembership_association"), new EntityReferenceCollection { rep.ToEntityReference() });

            Assert.That(team.Members, Is.EqualTo(new[] { rep }));
        }
    }
}
