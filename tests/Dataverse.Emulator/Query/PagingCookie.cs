using System;
using System.Collections.Generic;
using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Dataverse.Emulator.Query
{
    /// <summary>
    /// The paging cookie, in Dataverse's format: <c>&lt;cookie page="1"&gt;&lt;name last="…" first="…" /&gt;&lt;accountid last="{…}" first="{…}" /&gt;&lt;/cookie&gt;</c>,
    /// one element per order with the values of the page's last and first records, then the primary key with their ids.
    /// </summary>
    internal sealed class PagingCookie
    {
        private PagingCookie(int page, List<string> names, Operand[] last, Operand[] first)
        {
            Page = page;
            Names = names;
            Last = last;
            First = first;
        }

        public int Page { get; }

        public List<string> Names { get; }

        public Operand[] Last { get; }

        public Operand[] First { get; }

        /// <summary>A cookie that carries only the page number (distinct queries, orders on linked tables).</summary>
        public static string Write(int page) =>
            new XElement("cookie", new XAttribute("page", page.ToString(CultureInfo.InvariantCulture))).ToString(SaveOptions.DisableFormatting);

        /// <summary>A cookie with the order values and the ids of the page's first and last records.</summary>
        public static string Write(int page, List<BoundOrder> orders, ValueKey[] keys, int width, int firstRow, int lastRow, string primaryId, Guid firstId, Guid lastId)
        {
            var cookie = new XElement("cookie", new XAttribute("page", page.ToString(CultureInfo.InvariantCulture)));
            for (var j = 0; j < orders.Count; j++)
            {
                cookie.Add(Column(orders[j].Column.Name, keys[(lastRow * width) + j], keys[(firstRow * width) + j]));
            }

            cookie.Add(Column(primaryId, ValueKey.FromGuid(lastId), ValueKey.FromGuid(firstId)));
            return cookie.ToString(SaveOptions.DisableFormatting);
        }

        private static XElement Column(string name, ValueKey last, ValueKey first)
        {
            var element = new XElement(name);
            if (!last.IsNull)
            {
                element.Add(new XAttribute("last", last.ToCookieText()));
            }

            if (!first.IsNull)
            {
                element.Add(new XAttribute("first", first.ToCookieText()));
            }

            return element;
        }

        public static bool TryRead(string text, out PagingCookie cookie)
        {
            cookie = null;
            XElement element;
            try
            {
                element = XElement.Parse(text);
            }
            catch (XmlException)
            {
                return false;
            }

            if (element.Name.LocalName != "cookie"
                || !int.TryParse((string)element.Attribute("page"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var page))
            {
                return false;
            }

            var names = new List<string>();
            var last = new List<Operand>();
            var first = new List<Operand>();
            foreach (var column in element.Elements())
            {
                names.Add(column.Name.LocalName);
                last.Add(new Operand((string)column.Attribute("last")));
                first.Add(new Operand((string)column.Attribute("first")));
            }

            cookie = new PagingCookie(page, names, last.ToArray(), first.ToArray());
            return true;
        }

        /// <summary>The id of the last record of the cookie's page.</summary>
        public Guid? LastId => Last.Length > 0 && Last[Last.Length - 1].TryGetGuid(out var id) ? id : (Guid?)null;

        /// <summary>The id of the first record of the cookie's page.</summary>
        public Guid? FirstId => First.Length > 0 && First[First.Length - 1].TryGetGuid(out var id) ? id : (Guid?)null;

        /// <summary>True when the cookie describes the same orders (then the primary key) as the query being paged.</summary>
        public bool Matches(List<BoundOrder> orders, string primaryId)
        {
            if (Names.Count != orders.Count + 1 || Names[orders.Count] != primaryId)
            {
                return false;
            }

            for (var j = 0; j < orders.Count; j++)
            {
                if (orders[j].Column.Name != Names[j])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>How a row's sort key compares with the cookie's; null when a cookie value cannot be read as the column's type.</summary>
        public int? CompareRow(Operand[] values, ValueKey[] keys, int offset, List<BoundOrder> orders)
        {
            for (var j = 0; j < orders.Count; j++)
            {
                var rowKey = keys[offset + j];
                var operand = values[j];
                int c;
                if (operand.IsNull)
                {
                    c = rowKey.IsNull ? 0 : 1;
                }
                else if (rowKey.IsNull)
                {
                    c = -1;
                }
                else
                {
                    if (!operand.TryFor(rowKey.Kind, out var cookieKey))
                    {
                        return null;
                    }

                    c = ValueKey.Compare(rowKey, cookieKey);
                }

                if (c != 0)
                {
                    return orders[j].Descending ? -c : c;
                }
            }

            return 0;
        }
    }
}
