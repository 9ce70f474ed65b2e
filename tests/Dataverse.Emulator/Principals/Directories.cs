using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace Dataverse.Emulator.Principals
{
    /// <summary>The organization's business units.</summary>
    public sealed class BusinessUnitCollection
    {
        private readonly object sync = new object();
        private readonly DataverseEmulator org;
        private readonly List<BusinessUnit> units = new List<BusinessUnit>();

        internal BusinessUnitCollection(DataverseEmulator org, string rootName)
        {
            this.org = org;
            Root = Add(rootName, null);
        }

        /// <summary>The root business unit (the organization's).</summary>
        public BusinessUnit Root { get; }

        /// <summary>All business units.</summary>
        public IReadOnlyList<BusinessUnit> All
        {
            get { lock (sync) return units.ToList(); }
        }

        /// <summary>The business unit with this name.</summary>
        public BusinessUnit this[string name]
        {
            get { lock (sync) return units.FirstOrDefault(u => u.Name == name) ?? throw new KeyNotFoundException($"No business unit '{name}'."); }
        }

        /// <summary>Adds a business unit under <paramref name="parent"/> (null: under the root).</summary>
        public BusinessUnit Add(string name, BusinessUnit parent = null)
        {
            var id = Guid.NewGuid();
            var bu = new BusinessUnit(id, name, parent ?? Root);
            var row = new Entity("businessunit", id) { ["name"] = name };
            if (bu.Parent != null) row["parentbusinessunitid"] = bu.Parent.ToEntityReference();
            org.SeedRow(row, null);
            lock (sync) units.Add(bu);
            return bu;
        }

        /// <summary>The business unit with this id, or null.</summary>
        public BusinessUnit Find(Guid? id)
        {
            if (id == null) return null;
            lock (sync) return units.FirstOrDefault(u => u.Id == id.Value);
        }
    }

    /// <summary>The organization's users, including SYSTEM and a System Administrator.</summary>
    public sealed class UserCollection
    {
        /// <summary>The SYSTEM user's id in the emulator.</summary>
        public static readonly Guid SystemUserId = new Guid("5ca7e3b0-0000-4000-8000-00000000e5e5");

        private readonly object sync = new object();
        private readonly DataverseEmulator org;
        private readonly List<User> users = new List<User>();

        internal UserCollection(DataverseEmulator org)
        {
            this.org = org;
        }

        /// <summary>SYSTEM: what <c>CreateOrganizationService(null)</c> runs as; holds every privilege.</summary>
        public User System { get; private set; }

        /// <summary>A user with the System Administrator role (created with the emulator).</summary>
        public User Administrator { get; private set; }

        /// <summary>All users.</summary>
        public IReadOnlyList<User> All
        {
            get { lock (sync) return users.ToList(); }
        }

        /// <summary>The user with this full name.</summary>
        public User this[string fullName]
        {
            get { lock (sync) return users.FirstOrDefault(u => u.FullName == fullName) ?? throw new KeyNotFoundException($"No user '{fullName}'."); }
        }

        /// <summary>
        /// Adds a user: a systemuser row in <paramref name="businessUnit"/> (default: root), its
        /// usersettings row (UI language) and role assignments.
        /// </summary>
        /// <param name="fullName">The full name (unique within the emulator).</param>
        /// <param name="businessUnit">The business unit (null: root).</param>
        /// <param name="manager">The manager (parentsystemuserid).</param>
        /// <param name="roles">Security role names (created without privileges when unknown).</param>
        /// <param name="uiLanguage">usersettings.uilanguageid (default 1033).</param>
        /// <param name="id">A fixed id (default: new).</param>
        public User Add(string fullName, BusinessUnit businessUnit = null, User manager = null, IEnumerable<string> roles = null, int uiLanguage = 1033, Guid? id = null)
        {
            if (string.IsNullOrWhiteSpace(fullName)) throw new ArgumentException("A user needs a name.", nameof(fullName));
            lock (sync)
            {
                if (users.Any(u => u.FullName == fullName)) throw new InvalidOperationException($"User '{fullName}' exists.");
            }

            var userId = id ?? Guid.NewGuid();
            var parts = fullName.Split(new[] { ' ' }, 2);
            var row = new Entity("systemuser", userId)
            {
                ["fullname"] = fullName,
                ["firstname"] = parts[0],
                ["lastname"] = parts.Length > 1 ? parts[1] : parts[0],
                ["domainname"] = fullName.Replace(" ", ".").ToLowerInvariant() + "@emulator.test",
                ["businessunitid"] = (businessUnit ?? org.BusinessUnits.Root).ToEntityReference(),
                ["isdisabled"] = false,
                ["accessmode"] = 0,
            };
            if (manager != null) row["parentsystemuserid"] = manager.ToEntityReference();
            org.SeedRow(row, null);
            org.SeedRow(new Entity("usersettings", userId) { ["uilanguageid"] = uiLanguage, ["localeid"] = uiLanguage }, null);
            var user = new User(org, userId, fullName);
            lock (sync) users.Add(user);
            if (roles != null) user.WithRoles(roles.ToArray());
            return user;
        }

        /// <summary>The user with this id, or null.</summary>
        public User Find(Guid? id)
        {
            if (id == null) return null;
            lock (sync) return users.FirstOrDefault(u => u.Id == id.Value);
        }

        internal void CreateBuiltIns()
        {
            System = Add("SYSTEM", id: SystemUserId);
            Administrator = Add("Admin", roles: new[] { RoleCollection.SystemAdministratorName });
        }
    }

    /// <summary>The organization's teams.</summary>
    public sealed class TeamCollection
    {
        private readonly object sync = new object();
        private readonly DataverseEmulator org;
        private readonly List<Team> teams = new List<Team>();

        internal TeamCollection(DataverseEmulator org)
        {
            this.org = org;
        }

        /// <summary>All teams.</summary>
        public IReadOnlyList<Team> All
        {
            get { lock (sync) return teams.ToList(); }
        }

        /// <summary>The team with this name.</summary>
        public Team this[string name]
        {
            get { lock (sync) return teams.FirstOrDefault(t => t.Name == name) ?? throw new KeyNotFoundException($"No team '{name}'."); }
        }

        /// <summary>Adds an owner team with members.</summary>
        public Team Add(string name, BusinessUnit businessUnit = null, params User[] members)
        {
            var id = Guid.NewGuid();
            org.SeedRow(new Entity("team", id)
            {
                ["name"] = name,
                ["businessunitid"] = (businessUnit ?? org.BusinessUnits.Root).ToEntityReference(),
                ["teamtype"] = new OptionSetValue(0),
                ["isdefault"] = false,
            }, null);
            var team = new Team(org, id, name);
            lock (sync) teams.Add(team);
            team.AddMembers(members ?? Array.Empty<User>());
            return team;
        }

        /// <summary>The team with this id, or null.</summary>
        public Team Find(Guid? id)
        {
            if (id == null) return null;
            lock (sync) return teams.FirstOrDefault(t => t.Id == id.Value);
        }

        internal void AddMember(Team team, User user)
        {
            if (MembersOf(team.Id).Any(u => u.Id == user.Id)) return;
            org.SeedRow(new Entity("teammembership", Guid.NewGuid()) { ["teamid"] = team.Id, ["systemuserid"] = user.Id }, null);
        }

        internal void RemoveMember(Team team, User user)
        {
            foreach (var row in org.ReadAll("teammembership").Where(r => r.GetAttributeValue<Guid>("teamid") == team.Id && r.GetAttributeValue<Guid>("systemuserid") == user.Id))
            {
                org.DeleteRowDirect("teammembership", row.Id);
            }
        }

        internal IReadOnlyList<User> MembersOf(Guid teamId) =>
            org.ReadAll("teammembership").Where(r => r.GetAttributeValue<Guid>("teamid") == teamId)
                .Select(r => org.Users.Find(r.GetAttributeValue<Guid>("systemuserid"))).Where(u => u != null).ToList();

        internal IReadOnlyList<Team> OfUser(Guid userId) =>
            org.ReadAll("teammembership").Where(r => r.GetAttributeValue<Guid>("systemuserid") == userId)
                .Select(r => Find(r.GetAttributeValue<Guid>("teamid"))).Where(t => t != null).ToList();
    }

    /// <summary>The organization's security roles (by name) and their assignments.</summary>
    public sealed class RoleCollection
    {
        /// <summary>The name of the role that holds every privilege.</summary>
        public const string SystemAdministratorName = "System Administrator";

        private readonly object sync = new object();
        private readonly DataverseEmulator org;
        private readonly List<SecurityRole> roles = new List<SecurityRole>();
        private readonly List<(Guid TeamId, Guid RoleId)> teamRoles = new List<(Guid, Guid)>();

        internal RoleCollection(DataverseEmulator org)
        {
            this.org = org;
        }

        /// <summary>System Administrator (every privilege, including the bypass privileges).</summary>
        public SecurityRole SystemAdministrator => this[SystemAdministratorName];

        /// <summary>All roles.</summary>
        public IReadOnlyList<SecurityRole> All
        {
            get { lock (sync) return roles.ToList(); }
        }

        /// <summary>The role with this name.</summary>
        public SecurityRole this[string name]
        {
            get { lock (sync) return roles.FirstOrDefault(r => r.Name == name) ?? throw new KeyNotFoundException($"No role '{name}'."); }
        }

        /// <summary>Adds a role granting <paramref name="privileges"/> (or returns the existing one, with the privileges added).</summary>
        public SecurityRole Add(string name, params string[] privileges) => GetOrAdd(name).Grant(privileges ?? Array.Empty<string>());

        internal SecurityRole GetOrAdd(string name)
        {
            lock (sync)
            {
                var existing = roles.FirstOrDefault(r => r.Name == name);
                if (existing != null) return existing;
                var role = new SecurityRole(Guid.NewGuid(), name, name == SystemAdministratorName);
                org.SeedRow(new Entity("role", role.Id) { ["name"] = name, ["businessunitid"] = org.BusinessUnits.Root.ToEntityReference() }, null);
                roles.Add(role);
                return role;
            }
        }

        internal void AssignTo(User user, SecurityRole role)
        {
            if (OfUser(user.Id, includeTeams: false).Any(r => r.Id == role.Id)) return;
            org.SeedRow(new Entity("systemuserroles", Guid.NewGuid()) { ["systemuserid"] = user.Id, ["roleid"] = role.Id }, null);
        }

        internal void RemoveFrom(User user, SecurityRole role)
        {
            foreach (var row in org.ReadAll("systemuserroles").Where(r => r.GetAttributeValue<Guid>("systemuserid") == user.Id && r.GetAttributeValue<Guid>("roleid") == role.Id))
            {
                org.DeleteRowDirect("systemuserroles", row.Id);
            }
        }

        internal void AssignToTeam(Team team, SecurityRole role)
        {
            lock (sync)
            {
                if (!teamRoles.Contains((team.Id, role.Id))) teamRoles.Add((team.Id, role.Id));
            }
        }

        internal IReadOnlyList<SecurityRole> OfTeam(Guid teamId)
        {
            lock (sync) return teamRoles.Where(t => t.TeamId == teamId).Select(t => roles.First(r => r.Id == t.RoleId)).ToList();
        }

        internal IReadOnlyList<SecurityRole> OfUser(Guid userId, bool includeTeams = true)
        {
            var ids = org.ReadAll("systemuserroles").Where(r => r.GetAttributeValue<Guid>("systemuserid") == userId).Select(r => r.GetAttributeValue<Guid>("roleid")).ToList();
            List<SecurityRole> result;
            lock (sync) result = roles.Where(r => ids.Contains(r.Id)).ToList();
            if (includeTeams)
            {
                foreach (var team in org.Teams.OfUser(userId)) result.AddRange(OfTeam(team.Id));
            }

            return result.Distinct().ToList();
        }
    }
}
