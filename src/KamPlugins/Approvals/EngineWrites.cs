using System;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Approvals
{
    /// <summary>
    /// How the request table's own guard tells the engine's writes (consume, expire) from a client's.
    /// The engine announces the write in its step's SharedVariables before it sends the nested Update;
    /// the nested pipeline sees the announcement through its ParentContext chain. A client can put
    /// nothing into SharedVariables but the "tag" parameter, so it cannot forge the announcement.
    /// </summary>
    internal static class EngineWrites
    {
        private const string Prefix = "kam.approvals.enginewrite:";
        private const string ClosePrefix = "kam.approvals.closehandled:";
        private const string OverridePrefix = "kam.approvals.pendinglockoverride:";

        /// <summary>How far up the ParentContext chain to look (the platform stops nesting at depth 8).</summary>
        private const int MaximumDepth = 16;

        /// <summary>Announces that the engine is about to write request <paramref name="requestId"/>.</summary>
        internal static void Announce(ParameterCollection sharedVariables, Guid requestId)
        {
            if (sharedVariables == null) throw new ArgumentNullException(nameof(sharedVariables));
            sharedVariables[Prefix + requestId.ToString("N")] = true;
        }

        /// <summary>True when an enclosing step of this operation announced a write of <paramref name="requestId"/>.</summary>
        internal static bool IsAnnounced(IPluginExecutionContext context, Guid requestId) => Find(context, Prefix + requestId.ToString("N"));

        /// <summary>
        /// Records that the close of <paramref name="opportunityId"/> was decided (authorised, overridden
        /// or needed nothing) by an enclosing Win/Lose step, so the guard on the opportunityclose it
        /// creates does not decide (and consume) a second time.
        /// </summary>
        internal static void MarkCloseHandled(ParameterCollection sharedVariables, Guid opportunityId)
        {
            if (sharedVariables == null) throw new ArgumentNullException(nameof(sharedVariables));
            sharedVariables[ClosePrefix + opportunityId.ToString("N")] = true;
        }

        /// <summary>True when an enclosing step already decided the close of <paramref name="opportunityId"/>.</summary>
        internal static bool IsCloseHandled(IPluginExecutionContext context, Guid opportunityId) => Find(context, ClosePrefix + opportunityId.ToString("N"));

        /// <summary>The nearest context in the chain (this one included) whose message is one of <paramref name="messages"/>, or null.</summary>
        internal static IPluginExecutionContext FindEnclosing(IPluginExecutionContext context, params string[] messages)
        {
            var current = context;
            for (var depth = 0; current != null && depth < MaximumDepth; depth++, current = current.ParentContext)
                foreach (var message in messages)
                    if (string.Equals(current.MessageName, message, StringComparison.Ordinal)) return current;
            return null;
        }

        /// <summary>
        /// Records, for the PreOperation step of the same operation, that a KAM administrator changed
        /// pending-locked columns of <paramref name="recordId"/> (the override is written inside the transaction,
        /// so it is recorded only if the change commits).
        /// </summary>
        internal static void MarkPendingLockOverride(ParameterCollection sharedVariables, Guid recordId, Guid requestId)
        {
            if (sharedVariables == null) throw new ArgumentNullException(nameof(sharedVariables));
            sharedVariables[OverridePrefix + recordId.ToString("N")] = requestId.ToString("D");
        }

        /// <summary>The request whose pending lock an administrator overrode on <paramref name="recordId"/> in this operation, or null.</summary>
        internal static Guid? PendingLockOverride(IPluginExecutionContext context, Guid recordId)
        {
            var current = context;
            for (var depth = 0; current != null && depth < MaximumDepth; depth++, current = current.ParentContext)
                if (current.SharedVariables != null && current.SharedVariables.TryGetValue(OverridePrefix + recordId.ToString("N"), out var value) &&
                    value is string text && Guid.TryParse(text, out var id))
                    return id;
            return null;
        }

        /// <summary>
        /// True when an enclosing operation (this one included) deletes <paramref name="record"/>: the
        /// platform's cascades (RemoveLink clears lookups to it; Cascade deletes children) run inside it.
        /// </summary>
        internal static bool IsBeingDeleted(IPluginExecutionContext context, EntityReference record)
        {
            if (record == null) return false;
            var current = context;
            for (var depth = 0; current != null && depth < MaximumDepth; depth++, current = current.ParentContext)
                if (string.Equals(current.MessageName, "Delete", StringComparison.Ordinal) &&
                    string.Equals(current.PrimaryEntityName, record.LogicalName, StringComparison.Ordinal) &&
                    current.PrimaryEntityId == record.Id)
                    return true;
            return false;
        }

        private static bool Find(IPluginExecutionContext context, string key)
        {
            var current = context;
            for (var depth = 0; current != null && depth < MaximumDepth; depth++, current = current.ParentContext)
                if (current.SharedVariables != null && current.SharedVariables.TryGetValue(key, out var value) && value is bool flag && flag) return true;
            return false;
        }
    }
}
