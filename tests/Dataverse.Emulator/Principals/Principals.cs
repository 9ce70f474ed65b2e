using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace Dataverse.Emulator.Principals
{
    /// <summary>Privilege names the emulator checks.</summary>
    public static class Privileges
    {
        /// <summary>Needed for BypassCustomPluginExecution.</summary>
        public const string BypassCustomPlugins = "prvBypassCustomPlugins";

        /// <summary>Needed for BypassBusinessLogicExecution and BypassBusinessLogicExecutionStepIds.</summary>
        public const string BypassCustomBusinessLogic = "prvBypassCustomBusinessLogic";

        /// <summary>Needed by the authenticated user to impersonate another (CallerId).</summary>
        public const string ActOnBehalfOfAnotherUser = "prvActOnBehalfOfAnotherUser";
    }

    /// <summary>A business unit (businessunit row).</summary>
    public sealed class BusinessUnit
    {
        internal BusinessUnit(Guid id, string name, BusinessUnit parent)
        {
            Id = id;
            Name = name;
            Parent = parent;
        }

        /// <summary>The businessunitid.</summary>
        public Guid Id { get; }

        /// <summary>The name.</summary>
        public string Name { get; }

        /// <summary>The parent business unit (null for the root).</summary>
        public BusinessUnit Parent { get; }

        /// <summary>A reference to the row.</summary>
        public EntityReference ToEntityReference() => new EntityReference("businessunit", Id) { Name = Name };

        /// <summary>The reference to the row.</summary>
        public static implicit operator EntityReference(BusinessUnit bu) => bu?.ToEntityReference();

        /// <inheritdoc />
        public override string ToString() => Name;
    }

    /// <summary>A security role (role row) with the privileges the emulator checks.</summary>
    public sealed class SecurityRole
    {
        private readonly HashSet<string> privileges = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        internal SecurityRole(Guid id, string name, bool allPrivileges)
        {
            Id = id;
            Name = name;
            HasAllPrivileges = allPrivileges;
        }

        /// <summary>The roleid.</summary>
        public Guid Id { get; }

        /// <summary>The role's name.</summary>
        public string Name { get; }

        /// <summary>True for System Administrator: every privilege.</summary>
        public bool HasAllPrivileges { get; }

        /// <summary>The privileges granted (besides <see cref="HasAllPrivileges"/>).</summary>
        public IReadOnlyCollection<string> Privileges
        {
            get { lock (privileges) return privileges.ToList(); }
        }

        /// <summary>Grants privileges (e.g. <see cref="Principals.Privileges.BypassCustomPlugins"/>).</summary>
        public SecurityRole Grant(params string[] names)
        {
            lock (privileges)
            {
                foreach (var n in names) privileges.Add(n);
            }

            return this;
        }

        /// <summary>Removes privileges.</summary>
        public SecurityRole Revoke(params string[] names)
        {
            lock (privileges)
            {
                foreach (var n in names) privileges.Remove(n);
            }

            return this;
        }

        /// <summary>True when the role grants the privilege.</summary>
        public bool Grants(string privilege)
        {
            if (HasAllPrivileges) return true;
            lock (privileges) return privileges.Contains(privilege);
        }

        /// <summary>A reference to the row.</summary>
        public EntityReference ToEntityReference() => new EntityReference("role", Id) { Name = Name };

        /// <inheritdoc />
        public override string ToString() => Name;
    }

    /// <summary>
    /// A user (systemuser row, with usersettings and systemuserroles rows). The setters change the
    /// rows directly, outside the pipeline (test setup).
    /// </summary>
    public sealed class User
    {
        private readonly DataverseEmulator org;

        internal User(DataverseEmulator org, Guid id, string fullName)
        {
            this.org = org;
            Id = id;
            FullName = fullName;
        }

        /// <summary>The systemuserid.</summary>
        public Guid Id { get; }

        /// <summary>The full name.</summary>
        public string FullName { get; }

        /// <summary>The user's business unit.</summary>
        public BusinessUnit BusinessUnit => org.BusinessUnits.Find(org.ReadLookupId("systemuser", Id, "businessunitid"));

        /// <summary>The manager (parentsystemuserid), or null.</summary>
        public User Manager => org.Users.Find(org.ReadLookupId("systemuser", Id, "parentsystemuserid"));

        /// <summary>The UI language (usersettings.uilanguageid).</summary>
        public int UiLanguage => org.ReadColumn<int?>("usersettings", Id, "uilanguageid") ?? 1033;

        /// <summary>True when the user is disabled.</summary>
        public bool IsDisabled => org.ReadColumn<bool?>("systemuser", Id, "isdisabled") ?? false;

        /// <summary>The user's security roles.</summary>
        public IReadOnlyList<SecurityRole> Roles => org.Roles.OfUser(Id);

        /// <summary>The teams the user belongs to.</summary>
        public IReadOnlyList<Team> Teams => org.Teams.OfUser(Id);

        /// <summary>Sets the manager.</summary>
        public User ManagedBy(User manager)
        {
            org.PatchRow("systemuser", Id, "parentsystemuserid", manager?.ToEntityReference());
            return this;
        }

        /// <summary>Sets the UI language (1033 English, 2052 Chinese, ...).</summary>
        public User WithLanguage(int lcid)
        {
            org.PatchRow("usersettings", Id, "uilanguageid", lcid);
            return this;
        }

        /// <summary>Moves the user to a business unit.</summary>
        public User InBusinessUnit(BusinessUnit businessUnit)
        {
            org.PatchRow("systemuser", Id, "businessunitid", businessUnit.ToEntityReference());
            return this;
        }

        /// <summary>Adds security roles by name (a role not defined yet is created without privileges).</summary>
        public User WithRoles(params string[] roleNames)
        {
            foreach (var name in roleNames) org.Roles.AssignTo(this, org.Roles.GetOrAdd(name));
            return this;
        }

        /// <summary>Removes a security role.</summary>
        public User WithoutRole(string roleName)
        {
            org.Roles.RemoveFrom(this, org.Roles[roleName]);
            return this;
        }

        /// <summary>Adds the user to teams.</summary>
        public User MemberOf(params Team[] teams)
        {
            foreach (var t in teams) t.AddMembers(this);
            return this;
        }

        /// <summary>Disables or enables the user.</summary>
        public User Disabled(bool disabled = true)
        {
            org.PatchRow("systemuser", Id, "isdisabled", disabled);
            return this;
        }

        /// <summary>True when one of the user's roles (or a role of one of the user's teams) grants the privilege.</summary>
        public bool HasPrivilege(string privilege) => org.HasPrivilege(Id, privilege);

        /// <summary>A reference to the systemuser row.</summary>
        public EntityReference ToEntityReference() => new EntityReference("systemuser", Id) { Name = FullName };

        /// <summary>The reference to the systemuser row.</summary>
        public static implicit operator EntityReference(User user) => user?.ToEntityReference();

        /// <inheritdoc />
        public override string ToString() => FullName;
    }

    /// <summary>A team (team row with teammembership rows).</summary>
    public sealed class Team
    {
        private readonly DataverseEmulator org;

        internal Team(DataverseEmulator org, Guid id, string name)
        {
            this.org = org;
            Id = id;
            Name = name;
        }

        /// <summary>The teamid.</summary>
        public Guid Id { get; }

        /// <summary>The name.</summary>
        public string Name { get; }

        /// <summary>The members.</summary>
        public IReadOnlyList<User> Members => org.Teams.MembersOf(Id);

        /// <summary>The team's business unit.</summary>
        public BusinessUnit BusinessUnit => org.BusinessUnits.Find(org.ReadLookupId("team", Id, "businessunitid"));

        /// <summary>Team security roles (their privileges apply to every member).</summary>
        public IReadOnlyList<SecurityRole> Roles => org.Roles.OfTeam(Id);

        /// <summary>Adds members.</summary>
        public Team AddMembers(params User[] users)
        {
            foreach (var u in users) org.Teams.AddMember(this, u);
            return this;
        }

        /// <summary>Removes a member.</summary>
        public Team RemoveMember(User user)
        {
            org.Teams.RemoveMember(this, user);
            return this;
        }

        /// <summary>Adds team roles by name.</summary>
        public Team WithRoles(params string[] roleNames)
        {
            foreach (var name in roleNames) org.Roles.AssignToTeam(this, org.Roles.GetOrAdd(name));
            return this;
        }

        /// <summary>A reference to the team row.</summary>
        public EntityReference ToEntityReference() => new EntityReference("team", Id) { Name = Name };

        /// <summary>The reference to the team row.</summary>
        public static implicit operator EntityReference(Team team) => team?.ToEntityReference();

        /// <inheritdoc />
        public override string ToString() => Name;
    }
}
