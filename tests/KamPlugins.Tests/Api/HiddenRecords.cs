using System;
using System.Collections.Generic;
using System.Linq;
using Dataverse.Emulator;
using Dataverse.Emulator.Principals;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Tests.Api
{
    /// <summary>
    /// Dataverse's record-level read security, played for chosen records and users: the emulator
    /// checks privileges (bypass, impersonation) but not who may read which row. A query run as a user
    /// leaves out the rows hidden from them — what the platform does for a record outside the user's
    /// access — so the automation operations can be shown not to reveal such a record.
    /// </summary>
    internal sealed class HiddenRecords
    {
        private readonly object sync = new object();
        private readonly Dictionary<Guid, HashSet<Guid>> hidden = new Dictionary<Guid, HashSet<Guid>>();

        private HiddenRecords()
        {
        }

        /// <summary>Installs the filter on <paramref name="org"/> (one PostOperation RetrieveMultiple step).</summary>
        internal static HiddenRecords InstallOn(DataverseEmulator org)
        {
            var records = new HiddenRecords();
            org.RegisterStep(new PluginStepAttribute("RetrieveMultiple", null, PipelineStage.PostOperation), records.Filter);
            return records;
        }

        /// <summary>From now on <paramref name="user"/> cannot read <paramref name="record"/>.</summary>
        internal HiddenRecords Hide(EntityReference record, User user)
        {
            lock (sync)
            {
                if (!hidden.TryGetValue(user.Id, out var ids)) hidden[user.Id] = ids = new HashSet<Guid>();
                ids.Add(record.Id);
            }
            return this;
        }

        private void Filter(IServiceProvider services)
        {
            var context = (IPluginExecutionContext)services.GetService(typeof(IPluginExecutionContext));
            HashSet<Guid> ids;
            lock (sync)
            {
                if (!hidden.TryGetValue(context.UserId, out var found)) return;
                ids = new HashSet<Guid>(found);
            }
            if (!(context.OutputParameters.TryGetValue("BusinessEntityCollection", out var value) && value is EntityCollection rows)) return;
            var visible = rows.Entities.Where(e => !ids.Contains(e.Id)).ToList();
            if (visible.Count == rows.Entities.Count) return;
            var filtered = new EntityCollection(visible) { EntityName = rows.EntityName, MoreRecords = rows.MoreRecords, PagingCookie = rows.PagingCookie };
            context.OutputParameters["BusinessEntityCollection"] = filtered;
        }
    }
}
