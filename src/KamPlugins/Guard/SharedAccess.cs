using System;
using System.Collections.Generic;
using System.Globalization;
using System.Reflection;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Guard
{
    /// <summary>
    /// Reads the PrincipalAccess input of GrantAccess/ModifyAccess and judges its access mask.
    /// </summary>
    /// <remarks>
    /// The parameter's official type, Microsoft.Crm.Sdk.Messages.PrincipalAccess (with its
    /// AccessRights enum), lives in Microsoft.Crm.Sdk.Proxy, which the plugin must not reference: the
    /// sandbox loads one assembly with the SDK's Microsoft.Xrm.Sdk only, and the project's SDK stand-in
    /// has no Proxy. So the two public properties are read by name through reflection (allowed in the
    /// sandbox for public members) and the mask is taken as its underlying number, whatever enum type
    /// carries it. The numbers are the documented AccessRights values.
    /// </remarks>
    internal static class SharedAccess
    {
        /// <summary>AccessRights.ReadAccess.</summary>
        internal const long ReadAccess = 1;
        /// <summary>AccessRights.WriteAccess.</summary>
        internal const long WriteAccess = 2;
        /// <summary>AccessRights.AppendAccess.</summary>
        internal const long AppendAccess = 4;
        /// <summary>AccessRights.AppendToAccess.</summary>
        internal const long AppendToAccess = 16;
        /// <summary>AccessRights.CreateAccess.</summary>
        internal const long CreateAccess = 32;
        /// <summary>AccessRights.DeleteAccess.</summary>
        internal const long DeleteAccess = 65536;
        /// <summary>AccessRights.ShareAccess.</summary>
        internal const long ShareAccess = 262144;
        /// <summary>AccessRights.AssignAccess.</summary>
        internal const long AssignAccess = 524288;

        /// <summary>The rights that hand over control of a record: write, assign, share.</summary>
        internal const long ControlRights = WriteAccess | AssignAccess | ShareAccess;

        private const string PrincipalProperty = "Principal";
        private const string AccessMaskProperty = "AccessMask";

        /// <summary>True when <paramref name="accessMask"/> includes write, assign or share access.</summary>
        internal static bool GivesControl(long accessMask) => (accessMask & ControlRights) != 0;

        /// <summary>
        /// Reads the principal and the mask from a PrincipalAccess object (any type with public
        /// Principal and AccessMask properties). False when it is missing or not of that shape.
        /// </summary>
        internal static bool TryRead(object principalAccess, out EntityReference principal, out long accessMask)
        {
            principal = null;
            accessMask = 0;
            if (principalAccess == null) return false;
            var type = principalAccess.GetType();
            var principalMember = type.GetProperty(PrincipalProperty, BindingFlags.Public | BindingFlags.Instance);
            var maskMember = type.GetProperty(AccessMaskProperty, BindingFlags.Public | BindingFlags.Instance);
            if (principalMember == null || maskMember == null) return false;
            principal = principalMember.GetValue(principalAccess, null) as EntityReference;
            var mask = maskMember.GetValue(principalAccess, null);
            if (principal == null || !(mask is IConvertible convertible)) return false;
            try
            {
                accessMask = convertible.ToInt64(CultureInfo.InvariantCulture);
            }
            catch (Exception conversion) when (conversion is InvalidCastException || conversion is FormatException || conversion is OverflowException)
            {
                return false;
            }
            return true;
        }

        /// <summary>The mask as names (e.g. "ReadAccess, WriteAccess"), for audit lines.</summary>
        internal static string Describe(long accessMask)
        {
            var names = new List<string>();
            void Add(long right, string name)
            {
                if ((accessMask & right) != 0) names.Add(name);
            }
            Add(ReadAccess, "ReadAccess");
            Add(WriteAccess, "WriteAccess");
            Add(AppendAccess, "AppendAccess");
            Add(AppendToAccess, "AppendToAccess");
            Add(CreateAccess, "CreateAccess");
            Add(DeleteAccess, "DeleteAccess");
            Add(ShareAccess, "ShareAccess");
            Add(AssignAccess, "AssignAccess");
            return names.Count == 0 ? "None" : string.Join(", ", names);
        }
    }
}
