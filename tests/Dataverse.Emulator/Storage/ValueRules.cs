using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Dataverse.Emulator.Faults;
using Dataverse.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace Dataverse.Emulator.Storage
{
    /// <summary>Copies SDK values (so no caller shares a mutable object with the store) and checks them against column types.</summary>
    internal static class ValueRules
    {
        public static object Clone(object value)
        {
            switch (value)
            {
                case null: return null;
                case EntityReference r:
                    var copy = new EntityReference(r.LogicalName, r.Id) { Name = r.Name, RowVersion = r.RowVersion };
                    if (r.KeyAttributes != null && r.KeyAttributes.Count > 0)
                    {
                        foreach (var k in r.KeyAttributes) copy.KeyAttributes[k.Key] = Clone(k.Value);
                    }

                    return copy;
                case OptionSetValue o: return new OptionSetValue(o.Value);
                case Money m: return new Money(m.Value);
                case OptionSetValueCollection c: return new OptionSetValueCollection(c.Select(o => new OptionSetValue(o.Value)).ToList());
                case Entity e: return CloneEntity(e);
                case EntityCollection ec:
                    var col = new EntityCollection(ec.Entities.Select(CloneEntity).ToList()) { EntityName = ec.EntityName };
                    return col;
                case EntityReferenceCollection rc: return new EntityReferenceCollection(rc.Select(x => (EntityReference)Clone(x)).ToList());
                case byte[] b: return b.ToArray();
                case AliasedValue a: return new AliasedValue(a.EntityLogicalName, a.AttributeLogicalName, Clone(a.Value));
                default: return value;
            }
        }

        public static Entity CloneEntity(Entity e)
        {
            if (e == null) return null;
            var copy = new Entity(e.LogicalName) { Id = e.Id, RowVersion = e.RowVersion };
            foreach (var a in e.Attributes) copy.Attributes[a.Key] = Clone(a.Value);
            if (e.KeyAttributes != null)
            {
                foreach (var k in e.KeyAttributes) copy.KeyAttributes[k.Key] = Clone(k.Value);
            }

            if (e.FormattedValues != null)
            {
                foreach (var f in e.FormattedValues) copy.FormattedValues[f.Key] = f.Value;
            }

            return copy;
        }

        public static Entity CloneColumns(Entity e, IEnumerable<string> columns)
        {
            var copy = new Entity(e.LogicalName) { Id = e.Id, RowVersion = e.RowVersion };
            foreach (var c in columns)
            {
                if (e.Attributes.TryGetValue(c, out var v) && v != null) copy.Attributes[c] = Clone(v);
            }

            return copy;
        }

        public static ParameterCollection CloneParameters(ParameterCollection parameters)
        {
            var copy = new ParameterCollection();
            if (parameters == null) return copy;
            foreach (var p in parameters) copy[p.Key] = Clone(p.Value);
            return copy;
        }

        /// <summary>Checks a value against the column and returns the value to store (UTC dates, copies).</summary>
        public static object Normalize(TableDefinition table, ColumnDefinition column, object value)
        {
            if (value == null)
            {
                if (column.IsRequired)
                {
                    throw DataverseFault.Create(ErrorCodes.InvalidArgument, $"Attribute: {column.LogicalName} cannot be set to NULL");
                }

                return null;
            }

            switch (column.Type)
            {
                case ColumnType.String:
                case ColumnType.Memo:
                    var s = Expect<string>(table, column, value);
                    if (column.MaxLength.HasValue && s.Length > column.MaxLength.Value)
                    {
                        throw DataverseFault.Create(ErrorCodes.InvalidArgument,
                            $"A validation error occurred. The length of the '{column.LogicalName}' attribute of the '{table.LogicalName}' entity exceeded the maximum allowed length of '{column.MaxLength.Value}'.");
                    }

                    return s;
                case ColumnType.Integer: return Expect<int>(table, column, value);
                case ColumnType.BigInt: return Expect<long>(table, column, value);
                case ColumnType.Decimal: return Expect<decimal>(table, column, value);
                case ColumnType.Double: return Expect<double>(table, column, value);
                case ColumnType.Boolean: return Expect<bool>(table, column, value);
                case ColumnType.UniqueIdentifier: return Expect<Guid>(table, column, value);
                case ColumnType.Money: return new Money(Expect<Money>(table, column, value).Value);
                case ColumnType.DateTime:
                    var d = Expect<DateTime>(table, column, value);
                    return d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : DateTime.SpecifyKind(d, DateTimeKind.Utc);
                case ColumnType.Lookup:
                case ColumnType.Customer:
                case ColumnType.Owner:
                    var r = Expect<EntityReference>(table, column, value);
                    if (string.IsNullOrEmpty(r.LogicalName) || !column.Targets.Contains(r.LogicalName))
                    {
                        throw DataverseFault.Create(ErrorCodes.InvalidArgument,
                            $"{r.LogicalName ?? "(no table)"} is not a valid target for {table.LogicalName}.{column.LogicalName} (expected {string.Join(", ", column.Targets)}).");
                    }

                    return new EntityReference(r.LogicalName, r.Id) { KeyAttributes = CloneKeys(r.KeyAttributes) };
                case ColumnType.Choice:
                case ColumnType.State:
                case ColumnType.Status:
                    var o = Expect<OptionSetValue>(table, column, value);
                    CheckOption(table, column, o.Value);
                    return new OptionSetValue(o.Value);
                case ColumnType.MultiChoice:
                    var c = Expect<OptionSetValueCollection>(table, column, value);
                    foreach (var item in c) CheckOption(table, column, item.Value);
                    return new OptionSetValueCollection(c.Select(x => new OptionSetValue(x.Value)).ToList());
                default:
                    return Clone(value);
            }
        }

        public static string TypeName(ColumnType type)
        {
            switch (type)
            {
                case ColumnType.String:
                case ColumnType.Memo: return "String";
                case ColumnType.Integer: return "Int32";
                case ColumnType.BigInt: return "Int64";
                case ColumnType.Decimal: return "Decimal";
                case ColumnType.Double: return "Double";
                case ColumnType.Money: return "Money";
                case ColumnType.Boolean: return "Boolean";
                case ColumnType.DateTime: return "DateTime";
                case ColumnType.Lookup:
                case ColumnType.Customer:
                case ColumnType.Owner: return "EntityReference";
                case ColumnType.Choice:
                case ColumnType.State:
                case ColumnType.Status: return "OptionSetValue";
                case ColumnType.MultiChoice: return "OptionSetValueCollection";
                case ColumnType.UniqueIdentifier: return "Guid";
                default: return type.ToString();
            }
        }

        public static bool ValuesEqual(object a, object b)
        {
            if (a == null || b == null) return a == null && b == null;
            switch (a)
            {
                case EntityReference ra when b is EntityReference rb: return ra.Id == rb.Id && ra.LogicalName == rb.LogicalName;
                case OptionSetValue oa when b is OptionSetValue ob: return oa.Value == ob.Value;
                case Money ma when b is Money mb: return ma.Value == mb.Value;
                default: return Equals(a, b);
            }
        }

        public static string Describe(object value)
        {
            switch (value)
            {
                case null: return "null";
                case EntityReference r: return $"{r.LogicalName}({r.Id})";
                case OptionSetValue o: return o.Value.ToString(CultureInfo.InvariantCulture);
                case Money m: return m.Value.ToString(CultureInfo.InvariantCulture);
                case DateTime d: return d.ToString("o", CultureInfo.InvariantCulture);
                default: return Convert.ToString(value, CultureInfo.InvariantCulture);
            }
        }

        private static KeyAttributeCollection CloneKeys(KeyAttributeCollection keys)
        {
            var copy = new KeyAttributeCollection();
            if (keys != null)
            {
                foreach (var k in keys) copy[k.Key] = Clone(k.Value);
            }

            return copy;
        }

        private static void CheckOption(TableDefinition table, ColumnDefinition column, int value)
        {
            if (column.OptionValues != null && !column.OptionValues.Contains(value))
            {
                throw DataverseFault.Create(ErrorCodes.InvalidArgument,
                    $"A validation error occurred. The value {value} of '{column.LogicalName}' on record of type '{table.LogicalName}' is outside the valid range.");
            }
        }

        private static T Expect<T>(TableDefinition table, ColumnDefinition column, object value)
        {
            if (value is T typed) return typed;
            throw DataverseFault.Create(ErrorCodes.IncorrectAttributeValueType,
                $"Invalid Attribute Value Type for {column.LogicalName}. Expected: {TypeName(column.Type)}, Found: {value.GetType().Name}",
                d => d["AttributeName"] = column.LogicalName);
        }
    }
}
