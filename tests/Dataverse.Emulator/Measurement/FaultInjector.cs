using System;
using System.Collections.Generic;
using System.Linq;
using Dataverse.Emulator.Faults;

namespace Dataverse.Emulator.Measurement
{
    /// <summary>One injected fault: the N-th call of a message (optionally on one table) fails with a Dataverse error.</summary>
    public sealed class InjectedFault
    {
        internal InjectedFault(string message, string table, int nth, int errorCode, string errorMessage, bool pluginCallsOnly, bool repeat)
        {
            Message = message;
            Table = table;
            Nth = nth;
            ErrorCode = errorCode;
            ErrorMessage = errorMessage ?? $"Injected fault on call {nth} of {message}{(table == null ? string.Empty : " " + table)}.";
            PluginCallsOnly = pluginCallsOnly;
            Repeat = repeat;
        }

        /// <summary>The request name.</summary>
        public string Message { get; }

        /// <summary>The table (null: any).</summary>
        public string Table { get; }

        /// <summary>Which matching call fails (1-based).</summary>
        public int Nth { get; }

        /// <summary>The error code of the fault.</summary>
        public int ErrorCode { get; }

        /// <summary>The fault's message.</summary>
        public string ErrorMessage { get; }

        /// <summary>True: only calls made by plugins count (client calls are ignored).</summary>
        public bool PluginCallsOnly { get; }

        /// <summary>True: every call from the N-th on fails.</summary>
        public bool Repeat { get; }

        /// <summary>Matching calls seen so far.</summary>
        public int Seen { get; internal set; }

        /// <summary>How many times the fault fired.</summary>
        public int Fired { get; internal set; }
    }

    /// <summary>Fails chosen service calls with a Dataverse error (SQL deadlock, timeout, any code).</summary>
    public sealed class FaultInjector
    {
        private readonly object sync = new object();
        private readonly List<InjectedFault> faults = new List<InjectedFault>();

        internal FaultInjector()
        {
        }

        /// <summary>The faults registered.</summary>
        public IReadOnlyList<InjectedFault> All
        {
            get { lock (sync) return faults.ToList(); }
        }

        /// <summary>Fails the <paramref name="nth"/> call of <paramref name="message"/> (client and plugin calls; platform-internal operations are not calls).</summary>
        /// <param name="message">The request name (Create, Update, RetrieveMultiple, ...).</param>
        /// <param name="nth">Which matching call fails (1-based, counted from now).</param>
        /// <param name="errorCode">The error code (e.g. <see cref="ErrorCodes.SqlError"/>).</param>
        /// <param name="table">Only calls on this table count (null: any).</param>
        /// <param name="errorMessage">The fault's message.</param>
        /// <param name="pluginCallsOnly">Only calls made by plugins count.</param>
        /// <param name="repeat">Every call from the N-th on fails.</param>
        public InjectedFault FailCall(string message, int nth, int errorCode, string table = null, string errorMessage = null, bool pluginCallsOnly = false, bool repeat = false)
        {
            if (nth < 1) throw new ArgumentOutOfRangeException(nameof(nth));
            var f = new InjectedFault(message, table, nth, errorCode, errorMessage, pluginCallsOnly, repeat);
            lock (sync) faults.Add(f);
            return f;
        }

        /// <summary>Removes every fault.</summary>
        public void Clear()
        {
            lock (sync) faults.Clear();
        }

        internal void Check(string message, string table, bool fromPlugin)
        {
            InjectedFault fire = null;
            lock (sync)
            {
                foreach (var f in faults)
                {
                    if (!string.Equals(f.Message, message, StringComparison.OrdinalIgnoreCase)) continue;
                    if (f.Table != null && f.Table != table) continue;
                    if (f.PluginCallsOnly && !fromPlugin) continue;
                    f.Seen++;
                    if (fire == null && (f.Seen == f.Nth || (f.Repeat && f.Seen > f.Nth)))
                    {
                        f.Fired++;
                        fire = f;
                    }
                }
            }

            if (fire != null) throw DataverseFault.Create(fire.ErrorCode, fire.ErrorMessage);
        }
    }
}
