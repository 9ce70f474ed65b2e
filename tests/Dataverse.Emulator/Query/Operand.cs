using System;
using System.Globalization;

namespace Dataverse.Emulator.Query
{
    /// <summary>
    /// A value supplied in a condition (or read from a paging cookie), converted once into every kind it can stand
    /// for. FetchXML sends every value as text; the column's stored type decides how it is read, as the platform
    /// converts a condition value to the attribute's type.
    /// </summary>
    internal sealed class Operand
    {
        private readonly ValueKey asString;
        private readonly ValueKey asNumber;
        private readonly ValueKey asGuid;
        private readonly ValueKey asDate;
        private readonly ValueKey asBool;

        public Operand(object raw)
        {
            Raw = raw;
            Natural = ValueKey.From(raw);
            switch (Natural.Kind)
            {
                case KeyKind.String:
                    var text = Natural.Text;
                    asString = Natural;
                    if (decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                    {
                        asNumber = ValueKey.FromNumber(number);
                    }

                    if (Guid.TryParse(text.Trim(), out var guid))
                    {
                        asGuid = ValueKey.FromGuid(guid);
                    }

                    if (Dates.TryParse(text, out var date))
                    {
                        asDate = ValueKey.FromDate(date);
                    }

                    var trimmed = text.Trim();
                    if (trimmed == "1" || trimmed.Equals("true", StringComparison.OrdinalIgnoreCase))
                    {
                        asBool = ValueKey.FromBool(true);
                    }
                    else if (trimmed == "0" || trimmed.Equals("false", StringComparison.OrdinalIgnoreCase))
                    {
                        asBool = ValueKey.FromBool(false);
                    }

                    break;
                case KeyKind.Number:
                case KeyKind.Double:
                    asNumber = Natural;
                    asString = ValueKey.FromString(Natural.ToCookieText());
                    if (Natural.Kind == KeyKind.Number && (Natural.Number == 0m || Natural.Number == 1m))
                    {
                        asBool = ValueKey.FromBool(Natural.Number == 1m);
                    }

                    break;
                case KeyKind.Guid:
                    asGuid = Natural;
                    asString = ValueKey.FromString(Natural.Guid.ToString("D"));
                    break;
                case KeyKind.DateTime:
                    asDate = Natural;
                    asString = ValueKey.FromString(Natural.ToCookieText());
                    break;
                case KeyKind.Bool:
                    asBool = Natural;
                    asNumber = ValueKey.FromNumber(Natural.Ticks);
                    asString = ValueKey.FromString(Natural.Ticks == 1L ? "1" : "0");
                    break;
                case KeyKind.Other:
                    asString = ValueKey.FromString(Natural.Text);
                    break;
            }
        }

        /// <summary>The value as supplied.</summary>
        public object Raw { get; }

        /// <summary>The value reduced by its own type.</summary>
        public ValueKey Natural { get; }

        public bool IsNull => Natural.IsNull;

        /// <summary>The value as the kind of the column it is compared with; false when it cannot be read so.</summary>
        public bool TryFor(KeyKind columnKind, out ValueKey key)
        {
            switch (columnKind)
            {
                case KeyKind.String:
                    key = asString;
                    break;
                case KeyKind.Number:
                case KeyKind.Double:
                    key = asNumber;
                    break;
                case KeyKind.Guid:
                    key = asGuid;
                    break;
                case KeyKind.DateTime:
                    key = asDate;
                    break;
                case KeyKind.Bool:
                    key = asBool;
                    break;
                case KeyKind.Other:
                    key = Natural.Kind == KeyKind.Other ? Natural : asString;
                    break;
                default:
                    key = Natural;
                    break;
            }

            return !key.IsNull;
        }

        /// <summary>The value as a whole number (the X of last-x-days and similar).</summary>
        public bool TryGetInt(out int value)
        {
            value = 0;
            if (asNumber.Kind != KeyKind.Number || asNumber.Number != decimal.Truncate(asNumber.Number))
            {
                return false;
            }

            if (asNumber.Number < int.MinValue || asNumber.Number > int.MaxValue)
            {
                return false;
            }

            value = (int)asNumber.Number;
            return true;
        }

        /// <summary>The value as an instant (UTC).</summary>
        public bool TryGetDate(out DateTime utc)
        {
            if (asDate.Kind == KeyKind.DateTime)
            {
                utc = new DateTime(asDate.Ticks, DateTimeKind.Utc);
                return true;
            }

            utc = default;
            return false;
        }

        /// <summary>The value as an id (Guid or EntityReference).</summary>
        public bool TryGetGuid(out Guid id)
        {
            id = asGuid.Guid;
            return asGuid.Kind == KeyKind.Guid;
        }

        public string DescribeType() => Raw == null ? "null" : Raw.GetType().FullName;
    }

    /// <summary>Date helpers: the emulator evaluates dates in UTC (the users' time zone is UTC).</summary>
    internal static class Dates
    {
        public static DateTime ToUtc(DateTime value)
        {
            switch (value.Kind)
            {
                case DateTimeKind.Local:
                    return value.ToUniversalTime();
                case DateTimeKind.Unspecified:
                    return DateTime.SpecifyKind(value, DateTimeKind.Utc);
                default:
                    return value;
            }
        }

        public static bool TryParse(string text, out DateTime utc)
        {
            if (DateTime.TryParse(
                    text,
                    CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal,
                    out utc))
            {
                utc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
                return true;
            }

            return false;
        }

        /// <summary>The Sunday starting the week of a day (the default week start of a Dataverse user).</summary>
        public static DateTime StartOfWeek(DateTime day) => day.Date.AddDays(-(int)day.DayOfWeek);

        /// <summary>SQL Server's DATEPART(week): week 1 holds January 1st, weeks start on Sunday.</summary>
        public static int WeekOfYear(DateTime day)
        {
            var jan1 = new DateTime(day.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            var firstSunday = StartOfWeek(jan1);
            return ((day.Date - firstSunday).Days / 7) + 1;
        }
    }
}
