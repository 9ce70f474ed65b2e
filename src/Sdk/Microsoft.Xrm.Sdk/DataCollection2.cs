using System.Collections;
using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A keyed collection (a dictionary) used for attributes, parameters, images and similar.</summary>
    public abstract class DataCollection<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>, IEnumerable
    {
        private readonly Dictionary<TKey, TValue> items;
        private bool isReadOnly;

        protected DataCollection()
        {
            items = new Dictionary<TKey, TValue>();
        }

        protected DataCollection(IDictionary<TKey, TValue> dictionary)
        {
            items = dictionary == null ? new Dictionary<TKey, TValue>() : new Dictionary<TKey, TValue>(dictionary);
        }

        /// <summary>The value stored under the key; reading a missing key throws <see cref="KeyNotFoundException"/>.</summary>
        public TValue this[TKey key]
        {
            get { return items[key]; }
            set
            {
                CheckWritable();
                items[key] = value;
            }
        }

        public int Count
        {
            get { return items.Count; }
        }

        public bool IsReadOnly
        {
            get { return isReadOnly; }
        }

        public ICollection<TKey> Keys
        {
            get { return items.Keys; }
        }

        public ICollection<TValue> Values
        {
            get { return items.Values; }
        }

        public void Add(TKey key, TValue value)
        {
            CheckWritable();
            items.Add(key, value);
        }

        public void Add(KeyValuePair<TKey, TValue> item)
        {
            Add(item.Key, item.Value);
        }

        public void AddRange(params KeyValuePair<TKey, TValue>[] items)
        {
            AddRange((IEnumerable<KeyValuePair<TKey, TValue>>)items);
        }

        public void AddRange(IEnumerable<KeyValuePair<TKey, TValue>> items)
        {
            if (items == null)
            {
                return;
            }

            foreach (var item in items)
            {
                Add(item);
            }
        }

        public void Clear()
        {
            CheckWritable();
            items.Clear();
        }

        public bool Contains(TKey key)
        {
            return items.ContainsKey(key);
        }

        public bool Contains(KeyValuePair<TKey, TValue> key)
        {
            return ((ICollection<KeyValuePair<TKey, TValue>>)items).Contains(key);
        }

        public bool ContainsKey(TKey key)
        {
            return items.ContainsKey(key);
        }

        public void CopyTo(KeyValuePair<TKey, TValue>[] array, int index)
        {
            ((ICollection<KeyValuePair<TKey, TValue>>)items).CopyTo(array, index);
        }

        public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator()
        {
            return items.GetEnumerator();
        }

        IEnumerator IEnumerable.GetEnumerator()
        {
            return GetEnumerator();
        }

        public bool Remove(TKey key)
        {
            CheckWritable();
            return items.Remove(key);
        }

        public bool Remove(KeyValuePair<TKey, TValue> item)
        {
            CheckWritable();
            return ((ICollection<KeyValuePair<TKey, TValue>>)items).Remove(item);
        }

        public bool TryGetValue(TKey key, out TValue value)
        {
            return items.TryGetValue(key, out value);
        }

        internal void SetReadOnly(bool value)
        {
            isReadOnly = value;
        }

        private void CheckWritable()
        {
            if (isReadOnly)
            {
                throw new System.InvalidOperationException("The collection is read-only.");
            }
        }
    }
}
