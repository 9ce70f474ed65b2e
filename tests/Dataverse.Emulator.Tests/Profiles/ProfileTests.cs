using System;
using System.Collections.Generic;
using System.Linq;
using KamPlugins.Platform;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace Dataverse.Emulator.Tests.Profiles
{
    /// <summary>
    /// One probe per [unverified] behaviour of platform-facts.md; each records the steps that behaviour
    /// would raise. Every profile switch must change its own probe and no other.
    /// </summary>
    public class ProfileTests
    {
        private enum Behaviour
        {
            AssignRaisesUpdate = 1,
            OwnerUpdateRaisesAssign = 2,
            SetStateRaisesUpdate = 3,
            WinLoseRaisesSetStateAndUpdate = 4,
            SplitOwnerStateUpdate = 5,
            CascadeChildMessage = 6,
            MergeContentRaisesUpdate = 7,
        }

        private static IEnumerable<PlatformProfile> SingleSwitches => PlatformProfile.SingleSwitches;

        private static readonly Behaviour[] AllBehaviours = (Behaviour[])Enum.GetValues(typeof(Behaviour));

        [Test]
        public void All_NamedProfiles_Should_ListTheBaselineOneProfilePerSwitchXrmMockupAndEverythingOn()
        {
            Assert.That(PlatformProfile.All.Select(p => p.Name), Is.EqualTo(new[]
            {
                "Baseline", "AssignRaisesUpdate", "OwnerUpdateRaisesAssign", "SetStateRaisesUpdate", "WinLoseRaisesSetStateAndUpdate",
                "SplitOwnerStateUpdate", "CascadeChildrenUpdate", "MergeContentRaisesUpdate", "XrmMockup", "EverythingOn",
            }));
        }

        [TestCaseSource(nameof(SingleSwitches))]
        public void Probes_SingleSwitchProfile_Should_ChangeExactlyTheBehaviourItNames(PlatformProfile profile)
        {
            var changed = AllBehaviours.Where(b => !Probe(b, profile).SequenceEqual(Probe(b, PlatformProfile.Baseline))).ToList();

            Assert.That(changed, Is.EqualTo(new[] { Named(profile) }));
        }

        [TestCaseSource(typeof(PlatformProfile), nameof(PlatformProfile.All))]
        public void Assign_UnderProfile_Should_RaiseUpdateStepsOnlyWithSwitch1(PlatformProfile profile)
        {
            var expected = profile.AssignRaisesUpdate ? new[] { "Update opportunity depth 1 [ownerid]" } : Array.Empty<string>();

            Assert.That(Probe(Behaviour.AssignRaisesUpdate, profile), Is.EqualTo(expected));
        }

        [TestCaseSource(typeof(PlatformProfile), nameof(PlatformProfile.All))]
        public void UpdateOfOwner_UnderProfile_Should_RaiseAssignStepsOnlyWithSwitch2(PlatformProfile profile)
        {
            var expected = profile.OwnerUpdateRaisesAssign ? new[] { "Assign opportunity depth 1" } : Array.Empty<string>();

            Assert.That(Probe(Behaviour.OwnerUpdateRaisesAssign, profile), Is.EqualTo(expected));
        }

        [TestCaseSource(typeof(PlatformProfile), nameof(PlatformProfile.All))]
        public void SetState_UnderProfile_Should_RaiseUpdateStepsOnlyWithSwitch3(PlatformProfile profile)
        {
            var expected = profile.SetStateRaisesUpdate ? new[] { "Update account depth 1 [statecode,statuscode]" } : Array.Empty<string>();

            Assert.That(Probe(Behaviour.SetStateRaisesUpdate, profile), Is.EqualTo(expected));
        }

        [TestCaseSource(typeof(PlatformProfile), nameof(PlatformProfile.All))]
        public void Win_UnderProfile_Should_RaiseSetStateAndUpdateOnlyWithSwitch4(PlatformProfile profile)
        {
            var expected = profile.WinLoseRaisesSetStateAndUpdate
                ? new[] { "Win opportunity depth 1", "SetState opportunity depth 1", "Update opportunity depth 1 [statecode,statuscode]" }
                : new[] { "Win opportunity depth 1" };

            Assert.That(Probe(Behaviour.WinLoseRaisesSetStateAndUpdate, profile), Is.EqualTo(expected));
        }

        [TestCaseSource(typeof(PlatformProfile), nameof(PlatformProfile.All))]
        public void UpdateOfOwnerAndName_UnderProfile_Should_RunUpdateStepsTwiceOnlyWithSwitch5(PlatformProfile profile)
        {
            var expected = profile.SplitOwnerStateUpdate
                ? new[] { "Update opportunity depth 1 [name]", "Update opportunity depth 1 [ownerid]" }
                : new[] { "Update opportunity depth 1 [name,ownerid]" };

            Assert.That(Probe(Behaviour.SplitOwnerStateUpdate, profile), Is.EqualTo(expected));
        }

        [TestCaseSource(typeof(PlatformProfile), nameof(PlatformProfile.All))]
        public void AssignOfAccount_UnderProfile_Should_SendChildrenTheMessageOfSwitch6(PlatformProfile profile)
        {
            var expected = profile.CascadeChildMessage == CascadeChildMessage.Assign ? new[] { "Assign opportunity depth 2" } : new[] { "Update opportunity depth 2 [ownerid]" };

            Assert.That(Probe(Behaviour.CascadeChildMessage, profile), Is.EqualTo(expected));
        }

        [TestCaseSource(typeof(PlatformProfile), nameof(PlatformProfile.All))]
        public void MergeWithContent_UnderProfile_Should_RaiseUpdateOnTheMasterOnlyWithSwitch7(PlatformProfile profile)
        {
            var expected = profile.MergeContentRaisesUpdate ? new[] { "Update account depth 1 [telephone1]" } : Array.Empty<string>();

            Assert.That(Probe(Behaviour.MergeContentRaisesUpdate, profile), Is.EqualTo(expected));
        }

        [TestCaseSource(typeof(PlatformProfile), nameof(PlatformProfile.All))]
        public void Profile_AnyVariant_Should_LeaveTheDataTheSame(PlatformProfile profile)
        {
            var org = new DataverseEmulator(profile);
            var client = org.AdminService;
            var rep = org.Users.Add("Rep Li");
            var account = client.Create(new Entity("account") { ["name"] = "Key" });
            var opportunity = client.Create(new Entity("opportunity") { ["name"] = "Deal", ["customerid"] = new EntityReference("account", account) });

            client.Assign(new EntityReference("account", account), rep);
            client.WinOpportunity(opportunity, 500m);

            var row = org.Get("opportunity", opportunity);
            Assert.That(row.GetAttributeValue<EntityReference>("ownerid").Id, Is.EqualTo(rep.Id));
            Assert.That(row.GetAttributeValue<OptionSetValue>("statecode").Value, Is.EqualTo(1));
            Assert.That(org.Count("opportunityclose"), Is.EqualTo(1));
        }

        private static Behaviour Named(PlatformProfile p)
        {
            if (p.AssignRaisesUpdate) return Behaviour.AssignRaisesUpdate;
            if (p.OwnerUpdateRaisesAssign) return Behaviour.OwnerUpdateRaisesAssign;
            if (p.SetStateRaisesUpdate) return Behaviour.SetStateRaisesUpdate;
            if (p.WinLoseRaisesSetStateAndUpdate) return Behaviour.WinLoseRaisesSetStateAndUpdate;
            if (p.SplitOwnerStateUpdate) return Behaviour.SplitOwnerStateUpdate;
            if (p.CascadeChildMessage == CascadeChildMessage.Update) return Behaviour.CascadeChildMessage;
            return Behaviour.MergeContentRaisesUpdate;
        }

        private static List<string> Probe(Behaviour behaviour, PlatformProfile profile)
        {
            var org = new DataverseEmulator(profile);
            var client = org.AdminService;
            var colleague = org.Users.Add("Rep Wang");
            var account = client.Create(new Entity("account") { ["name"] = "Key" });
            var other = client.Create(new Entity("account") { ["name"] = "Other" });
            var opportunity = client.Create(new Entity("opportunity") { ["name"] = "Deal", ["customerid"] = new EntityReference("account", behaviour == Behaviour.CascadeChildMessage ? account : other) });
            var seen = new List<string>();
            var record = new Func<string, string, bool>((message, table) => Recorded(behaviour, message, table));
            foreach (var message in new[] { "Assign", "Update", "SetState", MessageNames.Win, "Merge" })
            {
                org.RegisterStep(new PluginStepAttribute(message, null, PipelineStage.PreOperation), sp =>
                {
                    var c = (IPluginExecutionContext)sp.GetService(typeof(IPluginExecutionContext));
                    if (!record(c.MessageName, c.PrimaryEntityName)) return;
                    var columns = c.MessageName == "Update" ? " [" + string.Join(",", ((Entity)c.InputParameters["Target"]).Attributes.Keys.OrderBy(k => k, StringComparer.Ordinal)) + "]" : string.Empty;
                    seen.Add($"{c.MessageName} {c.PrimaryEntityName} depth {c.Depth}{columns}");
                });
            }

            switch (behaviour)
            {
                case Behaviour.AssignRaisesUpdate:
                    client.Assign(new EntityReference("opportunity", opportunity), colleague);
                    break;
                case Behaviour.OwnerUpdateRaisesAssign:
                    client.Update(new Entity("opportunity", opportunity) { ["ownerid"] = colleague.ToEntityReference() });
                    break;
                case Behaviour.SetStateRaisesUpdate:
                    client.SetState(new EntityReference("account", account), 1);
                    break;
                case Behaviour.WinLoseRaisesSetStateAndUpdate:
                    client.WinOpportunity(opportunity, 100m);
                    break;
                case Behaviour.SplitOwnerStateUpdate:
                    client.Update(new Entity("opportunity", opportunity) { ["name"] = "Renamed", ["ownerid"] = colleague.ToEntityReference() });
                    break;
                case Behaviour.CascadeChildMessage:
                    client.Assign(new EntityReference("account", account), colleague);
                    break;
                case Behaviour.MergeContentRaisesUpdate:
                    client.Merge(new EntityReference("account", account), other, new Entity("account") { ["telephone1"] = "555" });
                    break;
            }

            // The cascade probe is about which message a child receives first (side effects of that message belong to other switches).
            return behaviour == Behaviour.CascadeChildMessage ? seen.Take(1).ToList() : seen;
        }

        private static bool Recorded(Behaviour behaviour, string message, string table)
        {
            switch (behaviour)
            {
                case Behaviour.AssignRaisesUpdate:
                case Behaviour.SetStateRaisesUpdate:
                case Behaviour.SplitOwnerStateUpdate:
                case Behaviour.MergeContentRaisesUpdate:
                    return message == "Update";
                case Behaviour.OwnerUpdateRaisesAssign:
                    return message == "Assign";
                case Behaviour.WinLoseRaisesSetStateAndUpdate:
                    return table == "opportunity" && (message == MessageNames.Win || message == "SetState" || message == "Update");
                default:
                    return table == "opportunity" && message == "Assign" || (table == "opportunity" && message == "Update" && behaviour == Behaviour.CascadeChildMessage);
            }
        }
    }
}
