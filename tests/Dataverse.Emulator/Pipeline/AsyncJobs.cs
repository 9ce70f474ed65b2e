using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using Dataverse.Emulator.Faults;
using Dataverse.Emulator.Measurement;
using Dataverse.Emulator.Storage;
using Microsoft.Xrm.Sdk;

namespace Dataverse.Emulator.Pipeline
{
    /// <summary>The state of an asynchronous step's system job.</summary>
    public enum AsyncJobStatus
    {
        /// <summary>Queued, not run yet.</summary>
        Pending,

        /// <summary>Ran and committed.</summary>
        Succeeded,

        /// <summary>Failed (after its retries); its writes were rolled back.</summary>
        Failed,

        /// <summary>Canceled before it ran (users can cancel system jobs).</summary>
        Canceled,
    }

    /// <summary>One asynchronous step execution (a system job), queued when its operation committed.</summary>
    public sealed class AsyncJob
    {
        private readonly List<FaultException<OrganizationServiceFault>> errors = new List<FaultException<OrganizationServiceFault>>();

        internal AsyncJob(StepRegistration step, EmulatedExecutionContext context, Operation operation, OperationRecord record)
        {
            Step = step;
            ContextTemplate = context;
            Operation = operation;
            Record = record;
        }

        /// <summary>The step.</summary>
        public StepRegistration Step { get; }

        /// <summary>The context the plugin receives (Mode 1, IsInTransaction false).</summary>
        public IPluginExecutionContext Context => ContextTemplate;

        /// <summary>The job's state.</summary>
        public AsyncJobStatus Status { get; internal set; } = AsyncJobStatus.Pending;

        /// <summary>How many times the plugin ran.</summary>
        public int Attempts { get; internal set; }

        /// <summary>The fault of each failed attempt.</summary>
        public IReadOnlyList<FaultException<OrganizationServiceFault>> Errors
        {
            get { lock (errors) return errors.ToList(); }
        }

        internal EmulatedExecutionContext ContextTemplate { get; }

        internal Operation Operation { get; }

        internal OperationRecord Record { get; }

        internal void AddError(FaultException<OrganizationServiceFault> e)
        {
            lock (errors) errors.Add(e);
        }

        /// <inheritdoc />
        public override string ToString() => $"{Step.Name}: {Status} after {Attempts} attempt(s)";
    }

    /// <summary>
    /// The asynchronous service: runs queued asynchronous steps after their operation committed, each
    /// attempt in its own transaction, retrying (up to <see cref="EmulatorOptions.AsyncMaxAttempts"/>)
    /// when the plugin asks for it (<c>InvalidPluginExecutionException</c> with <c>OperationStatus.Retry</c>)
    /// or hits a transient SQL error. Failures never reach the client; tests read <see cref="Failed"/>.
    /// </summary>
    public sealed class AsyncJobQueue
    {
        private readonly object sync = new object();
        private readonly DataverseEmulator org;
        private readonly List<AsyncJob> all = new List<AsyncJob>();
        private readonly Queue<AsyncJob> pending = new Queue<AsyncJob>();

        internal AsyncJobQueue(DataverseEmulator org)
        {
            this.org = org;
        }

        /// <summary>Every job, in queue order.</summary>
        public IReadOnlyList<AsyncJob> All
        {
            get { lock (sync) return all.ToList(); }
        }

        /// <summary>Jobs waiting to run.</summary>
        public IReadOnlyList<AsyncJob> Pending
        {
            get { lock (sync) return pending.ToList(); }
        }

        /// <summary>Jobs that failed.</summary>
        public IReadOnlyList<AsyncJob> Failed
        {
            get { lock (sync) return all.Where(j => j.Status == AsyncJobStatus.Failed).ToList(); }
        }

        /// <summary>Runs every pending job (and the jobs they queue) and returns how many ran.</summary>
        public int RunPending()
        {
            var count = 0;
            while (true)
            {
                AsyncJob job;
                lock (sync)
                {
                    if (pending.Count == 0) return count;
                    job = pending.Dequeue();
                }

                Run(job);
                count++;
            }
        }

        /// <summary>Cancels every pending job.</summary>
        public int CancelPending()
        {
            lock (sync)
            {
                var n = pending.Count;
                while (pending.Count > 0) pending.Dequeue().Status = AsyncJobStatus.Canceled;
                return n;
            }
        }

        /// <summary>Throws when a job failed (for tests that expect none).</summary>
        public void ThrowIfAnyFailed()
        {
            var failed = Failed;
            if (failed.Count > 0)
            {
                throw new InvalidOperationException("Asynchronous steps failed: " + string.Join("; ", failed.Select(j => $"{j.Step.Name}: {j.Errors.LastOrDefault()?.Detail?.Message}")));
            }
        }

        internal void Enqueue(AsyncJob job)
        {
            lock (sync)
            {
                all.Add(job);
                pending.Enqueue(job);
            }
        }

        private void Run(AsyncJob job)
        {
            var engine = org.Engine;
            while (true)
            {
                job.Attempts++;
                var tx = new Transaction(org.Store);
                var ctx = job.ContextTemplate.ShallowCopy();
                ctx.SharedVariables = ValueRules.CloneParameters(job.ContextTemplate.SharedVariables);
                try
                {
                    engine.Invoke(job.Operation, job.Step, ctx, tx, true, job.Record);
                    tx.Commit();
                    job.Status = AsyncJobStatus.Succeeded;
                    return;
                }
                catch (Exception e)
                {
                    tx.Rollback();
                    var fault = e as FaultException<OrganizationServiceFault>
                        ?? Engine.PluginFault(ErrorCodes.IsvUnExpected, e.Message, job.Step, ctx, e);
                    job.AddError(fault);
                    var retry = IsRetryable(e) && job.Attempts < org.Options.AsyncMaxAttempts;
                    if (!retry)
                    {
                        job.Status = AsyncJobStatus.Failed;
                        return;
                    }
                }
            }
        }

        private static bool IsRetryable(Exception e)
        {
            if (e is FaultException<OrganizationServiceFault> f)
            {
                if (f.Detail.ErrorCode == ErrorCodes.SqlError) return true;
                return f.Detail.ErrorDetails.TryGetValue(FaultDetailKeys.OperationStatus, out var status) && status as string == nameof(OperationStatus.Retry);
            }

            return false;
        }
    }
}
