using System;
using System.Collections.Generic;
using KamPlugins.Model;
using KamPlugins.Platform;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace KamPlugins.Operations
{
    /// <summary>
    /// Checks of the arguments an automation caller passes, and the one way the operations read a
    /// record the caller named: as the initiating user, by a query on its key — a record that does not
    /// exist and one the user may not see give the same empty answer, so nothing leaks (and no failed
    /// service call needs catching inside the transaction).
    /// </summary>
    internal static class OperationInputs
    {
        // Primary keys of the tables an automation caller may name.
        private static readonly IReadOnlyDictionary<string, string> PrimaryKeys = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [AccountTable.LogicalName] = AccountTable.Id,
            [OpportunityTable.LogicalName] = OpportunityTable.Id,
            [ContractTable.LogicalName] = ContractTable.Id,
            [GoalTable.LogicalName] = GoalTable.Id,
        };

        /// <summary>Refuses a missing reference argument.</summary>
        internal static EntityReference Required(EntityReference value, string argumentName)
        {
            if (value == null || value.Id == Guid.Empty || string.IsNullOrEmpty(value.LogicalName))
                throw new KamException(OperationTexts.MissingArgument.Format(argumentName));
            return value;
        }

        /// <summary>
        /// The one record named by a workflow activity's Account, Opportunity and KAM contract inputs (a
        /// workflow lookup argument has a single table, so the activities offer one input per table):
        /// refuses none and several.
        /// </summary>
        internal static EntityReference OneGuardedRecord(EntityReference account, EntityReference opportunity, EntityReference contract)
        {
            EntityReference found = null;
            foreach (var candidate in new[] { account, opportunity, contract })
            {
                if (candidate == null || candidate.Id == Guid.Empty) continue;
                if (found != null) throw new KamException(OperationTexts.SeveralRecordInputs);
                found = candidate;
            }
            return found ?? throw new KamException(OperationTexts.NoRecordInput);
        }

        /// <summary>Refuses a missing choice argument.</summary>
        internal static OptionSetValue Required(OptionSetValue value, string argumentName)
        {
            if (value == null) throw new KamException(OperationTexts.MissingArgument.Format(argumentName));
            return value;
        }

        /// <summary>Refuses a value that is not an approval request type.</summary>
        internal static ApprovalType ApprovalTypeOf(OptionSetValue value, string argumentName)
        {
            Required(value, argumentName);
            if (!Enum.IsDefined(typeof(ApprovalType), value.Value))
                throw new KamException(OperationTexts.UnknownApprovalType.Format(value.Value));
            return (ApprovalType)value.Value;
        }

        /// <summary>
        /// The record's columns as the initiating user sees them (1 RetrieveMultiple as that user).
        /// Refuses, with the same words, a record that does not exist and one the user may not read.
        /// </summary>
        internal static Entity ReadVisible(AutomationContext context, EntityReference record, params string[] columns)
        {
            if (context == null) throw new ArgumentNullException(nameof(context));
            if (record == null) throw new ArgumentNullException(nameof(record));
            if (!PrimaryKeys.TryGetValue(record.LogicalName, out var key))
                throw new InvalidOperationException($"Table {record.LogicalName} is not one the operations read.");
            var query = new QueryExpression(record.LogicalName)
            {
                ColumnSet = new ColumnSet(columns),
                TopCount = 1,
            };
            query.Criteria.AddCondition(key, ConditionOperator.Equal, record.Id);
            var rows = context.InitiatingUserService.RetrieveMultiple(query).Entities;
            if (rows.Count == 0)
            {
                context.Trace("{0} {1}: not found or not visible to {2}", record.LogicalName, record.Id, context.InitiatingUserId);
                throw new KamException(OperationTexts.RecordNotFound.Format(record.LogicalName, record.Id));
            }
            return rows[0];
        }
    }
}
