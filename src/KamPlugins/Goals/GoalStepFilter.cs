using System;
using System.Collections.Generic;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Goals
{
    /// <summary>
    /// Decides, from the request and the pre-image alone (no service call), that a step has nothing
    /// to do for goals: a filtering attribute fires the step whenever the column is in the request,
    /// even with its old value. Only a proven "unchanged" skips: a column the pre-image lacks is
    /// unknown (images leave out nulls and unreadable columns), so the step runs.
    /// </summary>
    internal static class GoalStepFilter
    {
        /// <summary>True when an Update target changes none of <paramref name="relevant"/> relative to the pre-image.</summary>
        internal static bool UpdateChangesNothing(Entity target, Entity preImage, ICollection<string> relevant)
        {
            if (target == null || preImage == null) return false;
            foreach (var column in target.Attributes)
            {
                if (relevant != null && !relevant.Contains(column.Key)) continue;
                if (!preImage.Attributes.TryGetValue(column.Key, out var before) || !SameValue(before, column.Value)) return false;
            }
            return true;
        }

        /// <summary>True when an Assign gives the record to the owner it already has.</summary>
        internal static bool AssignChangesNothing(EntityReference assignee, Entity preImage) =>
            assignee != null && preImage != null
            && preImage.Attributes.TryGetValue(CommonColumns.OwnerId, out var owner) && owner is EntityReference current
            && current.Id == assignee.Id;

        /// <summary>True when a SetState asks for the state and status the record already has (a default status, -1, is not proof).</summary>
        internal static bool SetStateChangesNothing(OptionSetValue state, OptionSetValue status, Entity preImage) =>
            state != null && status != null && status.Value != -1 && preImage != null
            && preImage.Attributes.TryGetValue(CommonColumns.StateCode, out var s) && s is OptionSetValue currentState && currentState.Value == state.Value
            && preImage.Attributes.TryGetValue(CommonColumns.StatusCode, out var t) && t is OptionSetValue currentStatus && currentStatus.Value == status.Value;

        /// <summary>True when two column values are the same value (Dataverse value types compared by content; null equals only null).</summary>
        internal static bool SameValue(object a, object b)
        {
            if (a == null || b == null) return a == null && b == null;
            switch (a)
            {
                case EntityReference reference: return b is EntityReference other && reference.Id == other.Id && reference.LogicalName == other.LogicalName;
                case OptionSetValue option: return b is OptionSetValue otherOption && option.Value == otherOption.Value;
                case Money money: return b is Money otherMoney && money.Value == otherMoney.Value;
                case DateTime date: return b is DateTime otherDate && date.ToUniversalTime() == otherDate.ToUniversalTime();
                default: return a.Equals(b);
            }
        }
    }
}
