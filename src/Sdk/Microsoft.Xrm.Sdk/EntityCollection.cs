using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A page of records returned by RetrieveMultiple, with paging information.</summary>
    public sealed class EntityCollection : IExtensibleDataObject
    {
        private DataCollection<Entity> entities;

        public EntityCollection()
        {
        }

        public EntityCollection(IList<Entity> list)
        {
            entities = new DataCollection<Entity>(list);
        }

        public DataCollection<Entity> Entities
        {
            get { return entities ?? (entities = new DataCollection<Entity>()); }
        }

        public Entity this[int index]
        {
            get { return Entities[index]; }
            set { Entities[index] = value; }
        }

        public string EntityName { get; set; }

        public bool MoreRecords { get; set; }

        public string PagingCookie { get; set; }

        public string MinActiveRowVersion { get; set; }

        public int TotalRecordCount { get; set; }

        public bool TotalRecordCountLimitExceeded { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }
}
