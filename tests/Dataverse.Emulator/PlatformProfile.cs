using System;
using System.Collections.Generic;

namespace Dataverse.Emulator
{
    /// <summary>Which message a child row receives when its parent's owner changes (platform-facts.md [unverified] 6).</summary>
    public enum CascadeChildMessage
    {
        /// <summary>Each child is assigned with an Assign operation (XrmMockup).</summary>
        Assign,

        /// <summary>Each child's owner is changed with an Update operation (ownerid).</summary>
        Update,
    }

    /// <summary>
    /// One variant of the platform's undocumented behaviours (platform-facts.md, "[unverified] platform
    /// behaviours"): one switch per behaviour. Behaviour tests run under every profile in <see cref="All"/>
    /// (<c>[TestCaseSource(typeof(PlatformProfile), nameof(PlatformProfile.All))]</c>).
    /// </summary>
    public sealed class PlatformProfile
    {
        private PlatformProfile(string name)
        {
            Name = name;
        }

        /// <summary>The profile's name (shown in test names).</summary>
        public string Name { get; private set; }

        /// <summary>1. Assign also raises the Update steps (Target carries ownerid).</summary>
        public bool AssignRaisesUpdate { get; private set; }

        /// <summary>2. An Update of ownerid also raises the Assign steps.</summary>
        public bool OwnerUpdateRaisesAssign { get; private set; }

        /// <summary>3. SetState / SetStateDynamicEntity also raise the Update steps (statecode, statuscode).</summary>
        public bool SetStateRaisesUpdate { get; private set; }

        /// <summary>4. Win / Lose also raise the SetState and Update steps on the opportunity.</summary>
        public bool WinLoseRaisesSetStateAndUpdate { get; private set; }

        /// <summary>
        /// 5. An Update carrying ownerid or statecode/statuscode plus other columns runs the Update steps
        /// twice: one pass for the other columns, then one for the owner/state columns.
        /// </summary>
        public bool SplitOwnerStateUpdate { get; private set; }

        /// <summary>6. The message cascaded children receive when their parent's owner changes.</summary>
        public CascadeChildMessage CascadeChildMessage { get; private set; } = CascadeChildMessage.Assign;

        /// <summary>7. Merge's UpdateContent raises the Update steps on the master.</summary>
        public bool MergeContentRaisesUpdate { get; private set; }

        /// <summary>No [unverified] behaviour: each message raises only its own steps; cascaded children receive Assign.</summary>
        public static PlatformProfile Baseline { get; } = new PlatformProfile("Baseline");

        /// <summary>Switch 1 only.</summary>
        public static PlatformProfile AssignRaisesUpdateProfile { get; } = Baseline.With("AssignRaisesUpdate", p => p.AssignRaisesUpdate = true);

        /// <summary>Switch 2 only.</summary>
        public static PlatformProfile OwnerUpdateRaisesAssignProfile { get; } = Baseline.With("OwnerUpdateRaisesAssign", p => p.OwnerUpdateRaisesAssign = true);

        /// <summary>Switch 3 only.</summary>
        public static PlatformProfile SetStateRaisesUpdateProfile { get; } = Baseline.With("SetStateRaisesUpdate", p => p.SetStateRaisesUpdate = true);

        /// <summary>Switch 4 only.</summary>
        public static PlatformProfile WinLoseRaisesSetStateAndUpdateProfile { get; } = Baseline.With("WinLoseRaisesSetStateAndUpdate", p => p.WinLoseRaisesSetStateAndUpdate = true);

        /// <summary>Switch 5 only.</summary>
        public static PlatformProfile SplitOwnerStateUpdateProfile { get; } = Baseline.With("SplitOwnerStateUpdate", p => p.SplitOwnerStateUpdate = true);

        /// <summary>Switch 6 only (children receive Update).</summary>
        public static PlatformProfile CascadeChildrenUpdateProfile { get; } = Baseline.With("CascadeChildrenUpdate", p => p.CascadeChildMessage = CascadeChildMessage.Update);

        /// <summary>Switch 7 only.</summary>
        public static PlatformProfile MergeContentRaisesUpdateProfile { get; } = Baseline.With("MergeContentRaisesUpdate", p => p.MergeContentRaisesUpdate = true);

        /// <summary>XrmMockup's behaviour: 1, 3, 4 on; children receive Assign; 2, 5, 7 off.</summary>
        public static PlatformProfile XrmMockup { get; } = Baseline.With("XrmMockup", p =>
        {
            p.AssignRaisesUpdate = true;
            p.SetStateRaisesUpdate = true;
            p.WinLoseRaisesSetStateAndUpdate = true;
        });

        /// <summary>Every switch flipped from the baseline.</summary>
        public static PlatformProfile EverythingOn { get; } = Baseline.With("EverythingOn", p =>
        {
            p.AssignRaisesUpdate = true;
            p.OwnerUpdateRaisesAssign = true;
            p.SetStateRaisesUpdate = true;
            p.WinLoseRaisesSetStateAndUpdate = true;
            p.SplitOwnerStateUpdate = true;
            p.CascadeChildMessage = CascadeChildMessage.Update;
            p.MergeContentRaisesUpdate = true;
        });

        /// <summary>Every named profile: the baseline, one per switch, XrmMockup and everything on.</summary>
        public static IReadOnlyList<PlatformProfile> All { get; } = new[]
        {
            Baseline,
            AssignRaisesUpdateProfile,
            OwnerUpdateRaisesAssignProfile,
            SetStateRaisesUpdateProfile,
            WinLoseRaisesSetStateAndUpdateProfile,
            SplitOwnerStateUpdateProfile,
            CascadeChildrenUpdateProfile,
            MergeContentRaisesUpdateProfile,
            XrmMockup,
            EverythingOn,
        };

        /// <summary>The baseline plus one profile per switch (each switch alone).</summary>
        public static IReadOnlyList<PlatformProfile> SingleSwitches { get; } = new[]
        {
            AssignRaisesUpdateProfile,
            OwnerUpdateRaisesAssignProfile,
            SetStateRaisesUpdateProfile,
            WinLoseRaisesSetStateAndUpdateProfile,
            SplitOwnerStateUpdateProfile,
            CascadeChildrenUpdateProfile,
            MergeContentRaisesUpdateProfile,
        };

        /// <summary>A custom profile: a copy of the baseline with the given switches.</summary>
        public static PlatformProfile Custom(
            string name,
            bool assignRaisesUpdate = false,
            bool ownerUpdateRaisesAssign = false,
            bool setStateRaisesUpdate = false,
            bool winLoseRaisesSetStateAndUpdate = false,
            bool splitOwnerStateUpdate = false,
            CascadeChildMessage cascadeChildMessage = CascadeChildMessage.Assign,
            bool mergeContentRaisesUpdate = false) =>
            Baseline.With(name, p =>
            {
                p.AssignRaisesUpdate = assignRaisesUpdate;
                p.OwnerUpdateRaisesAssign = ownerUpdateRaisesAssign;
                p.SetStateRaisesUpdate = setStateRaisesUpdate;
                p.WinLoseRaisesSetStateAndUpdate = winLoseRaisesSetStateAndUpdate;
                p.SplitOwnerStateUpdate = splitOwnerStateUpdate;
                p.CascadeChildMessage = cascadeChildMessage;
                p.MergeContentRaisesUpdate = mergeContentRaisesUpdate;
            });

        /// <inheritdoc />
        public override string ToString() => Name;

        private PlatformProfile With(string name, Action<PlatformProfile> change)
        {
            var copy = (PlatformProfile)MemberwiseClone();
            copy.Name = name;
            change(copy);
            return copy;
        }
    }
}
