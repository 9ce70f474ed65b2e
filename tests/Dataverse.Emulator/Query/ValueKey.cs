using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.Xrm.Sdk;

namespace Dataverse.Emulator.Query
{
    /// <summary>The comparable kinds a column value reduces to.</summary>
    internal enum KeyKind : byte
    {
        Null = 0,
        Bool,
        Number,
        Double,
        DateTime,
        Guid,
        String,
        Other,
    }

    /// <summary>
    /// A column value reduced to what SQL Server compares: lookups and ids by id, choices by their number, money by
    /// its amount, strings under the case- and accent-insensitive collation, dates in UTC. A struct, so reading a
    /// column for a comparison allocates nothing.
    /// </summary>
    internal readonly struct ValueKey
    {
        public static readonly ValueKey Null = default;

        public readonly KeyKind Kind;
        public readonly decimal Number;
        public readonly double Double;
        public readonly long Ticks;
        public readonly Guid Guid;
        public readonly string Text;

        /// <summary>For ids: the low half of SQL Server's ordering key (the high half is in <see cref="Ticks"/>).</summary>
        private readonly ulong sqlLow;
        private readonly bool hasSqlOrder;

        private ValueKey(KeyKind kind, decimal number = 0m, double dbl = 0d, long ticks = 0L, Guid guid = default, string text = null, ulong sqlLow = 0UL, bool hasSqlOrder = false)
        {
            Kind = kind;
            Number = number;
            Double = dbl;
            Ticks = ticks;
            Guid = guid;
            Text = text;
            this.sqlLow = sqlLow;
            this.hasSqlOrder = hasSqlOrder;
        }

        public bool IsNull => Kind == KeyKind.Null;

        public static ValueKey FromGuid(Guid id) => new ValueKey(KeyKind.Guid, guid: id);

        /// <summary>The same id carrying SQL Server's ordering key, computed once for a sort instead of per comparison.</summary>
        public ValueKey WithSqlOrder()
        {
            if (Kind != KeyKind.Guid || hasSqlOrder)
            {
                return this;
            }

            SqlGuid.OrderKey(Guid, out var high, out var low);
            return new ValueKey(KeyKind.Guid, ticks: unchecked((long)high), guid: Guid, sqlLow: low, hasSqlOrder: true);
        }

        /// <summary>For ids carrying their SQL ordering key: the high half (the low half is private).</summary>
        public ulong SqlHigh => unchecked((ulong)Ticks);

        public ulong SqlLow => sqlLow;

        public bool HasSqlOrder => hasSqlOrder;

        public static ValueKey FromNumber(decimal number) => new ValueKey(KeyKind.Number, number: number);

        public static ValueKey FromString(string text) => text == null ? Null : new ValueKey(KeyKind.String, text: text);

        public static ValueKey FromBool(bool value) => new ValueKey(KeyKind.Bool, ticks: value ? 1L : 0L);

        public static ValueKey FromDate(DateTime value) => new ValueKey(KeyKind.DateTime, ticks: Dates.ToUtc(value).Ticks);

        public static ValueKey FromTicks(long utcTicks) => new ValueKey(KeyKind.DateTime, ticks: utcTicks);

        public static ValueKey FromDouble(double value)
        {
            if (!double.IsNaN(value) && !double.IsInfinity(value) && Math.Abs(value) < 7.9e27)
            {
                return new ValueKey(KeyKind.Number, number: (decimal)value);
            }

            return new ValueKey(KeyKind.Double, dbl: value);
        }

        /// <summary>Reduces a stored or supplied value.</summary>
        public static ValueKey From(object value)
        {
            switch (value)
            {
                case null:
                    return Null;
                case string s:
                    return new ValueKey(KeyKind.String, text: s);
                case EntityReference r:
                    return FromGuid(r.Id);
                case Guid g:
                    return FromGuid(g);
                case OptionSetValue o:
                    return FromNumber(o.Value);
                case Money m:
                    return FromNumber(m.Value);
                case int i:
                    return FromNumber(i);
                case long l:
                    return FromNumber(l);
                case decimal d:
                    return FromNumber(d);
                case double dbl:
                    return FromDouble(dbl);
                case float f:
                    return FromDouble(f);
                case short sh:
                    return FromNumber(sh);
                case byte b:
                    return FromNumber(b);
                case bool bo:
                    return FromBool(bo);
                case DateTime dt:
                    return FromDate(dt);
                case DateTimeOffset dto:
                    return FromTicks(dto.UtcTicks);
                case Enum e:
                    return FromNumber(Convert.ToInt64(e, CultureInfo.InvariantCulture));
                case AliasedValue a:
                    return From(a.Value);
                case OptionSetValueCollection c:
                    return new ValueKey(KeyKind.Other, text: DescribeOptions(c));
                default:
                    return new ValueKey(KeyKind.Other, text: Convert.ToString(value, CultureInfo.InvariantCulture));
            }
        }

        /// <summary>SQL Server ordering: nulls first, then by value.</summary>
        public static int Compare(in ValueKey a, in ValueKey b)
        {
            if (a.Kind != b.Kind)
            {
                if (a.Kind == KeyKind.Null)
                {
                    return -1;
                }

                if (b.Kind == KeyKind.Null)
                {
                    return 1;
                }

                if ((a.Kind == KeyKind.Number || a.Kind == KeyKind.Double) && (b.Kind == KeyKind.Number || b.Kind == KeyKind.Double))
                {
                    return a.AsDouble().CompareTo(b.AsDouble());
                }

                return a.Kind.CompareTo(b.Kind);
            }

            switch (a.Kind)
            {
                case KeyKind.Null:
                    return 0;
                case KeyKind.Number:
                    return a.Number.CompareTo(b.Number);
                case KeyKind.Double:
                    return a.Double.CompareTo(b.Double);
                case KeyKind.Bool:
                case KeyKind.DateTime:
                    return a.Ticks.CompareTo(b.Ticks);
                case KeyKind.Guid:
                    if (a.hasSqlOrder && b.hasSqlOrder)
                    {
                        var high = a.SqlHigh.CompareTo(b.SqlHigh);
                        return high != 0 ? high : a.sqlLow.CompareTo(b.sqlLow);
                    }

                    return SqlGuid.Compare(a.Guid, b.Guid);
                case KeyKind.String:
                    return Collation.Compare(a.Text, b.Text);
                default:
                    return string.CompareOrdinal(a.Text, b.Text);
            }
        }

        public static bool AreEqual(in ValueKey a, in ValueKey b)
        {
            if (a.Kind != b.Kind)
            {
                return (a.Kind == KeyKind.Number || a.Kind == KeyKind.Double)
                    && (b.Kind == KeyKind.Number || b.Kind == KeyKind.Double)
                    && a.AsDouble() == b.AsDouble();
            }

            switch (a.Kind)
            {
                case KeyKind.Null:
                    return true;
                case KeyKind.Number:
                    return a.Number == b.Number;
                case KeyKind.Double:
                    return a.Double == b.Double;
                case KeyKind.Bool:
                case KeyKind.DateTime:
                    return a.Ticks == b.Ticks;
                case KeyKind.Guid:
                    return a.Guid == b.Guid;
                case KeyKind.String:
                    return Collation.AreEqual(a.Text, b.Text);
                default:
                    return string.Equals(a.Text, b.Text, StringComparison.Ordinal);
            }
        }

        public int Hash()
        {
            switch (Kind)
            {
                case KeyKind.Null:
                    return 0;
                case KeyKind.Number:
                    return Number.GetHashCode();
                case KeyKind.Double:
                    return Double.GetHashCode();
                case KeyKind.Bool:
                case KeyKind.DateTime:
                    return Ticks.GetHashCode();
                case KeyKind.Guid:
                    return Guid.GetHashCode();
                case KeyKind.String:
                    return Collation.Comparer.GetHashCode(Text);
                default:
                    return Text == null ? 1 : StringComparer.Ordinal.GetHashCode(Text);
            }
        }

        public double AsDouble() => Kind == KeyKind.Double ? Double : (double)Number;

        /// <summary>The text a paging cookie carries for the value.</summary>
        public string ToCookieText()
        {
            switch (Kind)
            {
                case KeyKind.Number:
                    return Number.ToString(CultureInfo.InvariantCulture);
                case KeyKind.Double:
                    return Double.ToString("R", CultureInfo.InvariantCulture);
                case KeyKind.Bool:
                    return Ticks == 1L ? "1" : "0";
                case KeyKind.DateTime:
                    return new DateTime(Ticks, DateTimeKind.Utc).ToString("o", CultureInfo.InvariantCulture);
                case KeyKind.Guid:
                    return Guid.ToString("B").ToUpperInvariant();
                default:
                    return Text;
            }
        }

        private static string DescribeOptions(OptionSetValueCollection options)
        {
            var values = new List<int>(options.Count);
            foreach (var option in options)
            {
                if (option != null)
                {
                    values.Add(option.Value);
                }
            }

            values.Sort();
            var text = new StringBuilder();
            foreach (var v in values)
            {
                text.Append(v.ToString(CultureInfo.InvariantCulture)).Append(',');
            }

            return text.ToString();
        }
    }

    /// <summary>Equality of keys (for join indexes, IN lists, DISTINCT and GROUP BY).</summary>
    internal sealed class ValueKeyComparer : IEqualityComparer<ValueKey>, IEqualityComparer<ValueKey[]>
    {
        public static readonly ValueKeyComparer Instance = new ValueKeyComparer();

        public bool Equals(ValueKey x, ValueKey y) => ValueKey.AreEqual(x, y);

        public int GetHashCode(ValueKey obj) => obj.Hash();

        public bool Equals(ValueKey[] x, ValueKey[] y)
        {
            if (ReferenceEquals(x, y))
            {
                return true;
            }

            if (x == null || y == null || x.Length != y.Length)
            {
                return false;
            }

            for (var i = 0; i < x.Length; i++)
            {
                if (!ValueKey.AreEqual(x[i], y[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(ValueKey[] obj)
        {
            var hash = 17;
            foreach (var key in obj)
            {
                hash = unchecked((hash * 31) + key.Hash());
            }

            return hash;
        }
    }

    /// <summary>The string collation of a Dataverse database (Latin1_General_CI_AI): case- and accent-insensitive.</summary>
    internal static class Collation
    {
        private const CompareOptions Options =
            CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace | CompareOptions.IgnoreKanaType | CompareOptions.IgnoreWidth;

        private static readonly CompareInfo Info = CultureInfo.InvariantCulture.CompareInfo;

        public static readonly StringComparer Comparer = Info.GetStringComparer(Options);

        public static int Compare(string a, string b)
        {
            if (IsPlain(a) && IsPlain(b))
            {
                return string.Compare(a, b, StringComparison.OrdinalIgnoreCase);
            }

            if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
            {
                return 0;
            }

            return Info.Compare(a, b, Options);
        }

        public static bool AreEqual(string a, string b)
        {
            if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            return !(IsPlain(a) && IsPlain(b)) && Info.Compare(a, b, Options) == 0;
        }

        /// <summary>
        /// Only ASCII letters, digits and spaces: for such strings the collation orders exactly as an ordinal
        /// case-insensitive comparison (space, digits, letters), which is many times cheaper than collating.
        /// </summary>
        private static bool IsPlain(string text)
        {
            foreach (var c in text)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' '))
                {
                    return false;
                }
            }

            return true;
        }

        public static bool StartsWith(string text, string prefix) => Info.IsPrefix(text, prefix, Options);

        public static bool EndsWith(string text, string suffix) => Info.IsSuffix(text, suffix, Options);

        public static bool Contains(string text, string part) => part.Length == 0 || Info.IndexOf(text, part, Options) >= 0;
    }

    /// <summary>SQL Server's uniqueidentifier ordering (bytes 10–15 first, then 8–9, 6–7, 4–5, 0–3).</summary>
    internal static class SqlGuid
    {
        private static ReadOnlySpan<byte> Order => new byte[] { 10, 11, 12, 13, 14, 15, 8, 9, 6, 7, 4, 5, 0, 1, 2, 3 };

        public static int Compare(Guid a, Guid b)
        {
            OrderKey(a, out var highA, out var lowA);
            OrderKey(b, out var highB, out var lowB);
            var high = highA.CompareTo(highB);
            return high != 0 ? high : lowA.CompareTo(lowB);
        }

        /// <summary>The id as two unsigned numbers whose ordering is SQL Server's ordering of the id.</summary>
        public static void OrderKey(Guid id, out ulong high, out ulong low)
        {
            Span<byte> bytes = stackalloc byte[16];
            id.TryWriteBytes(bytes);
            var order = Order;
            high = 0UL;
            low = 0UL;
            for (var i = 0; i < 8; i++)
            {
                high = (high << 8) | bytes[order[i]];
                low = (low << 8) | bytes[order[i + 8]];
            }
        }
    }
}
