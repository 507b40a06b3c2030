package store

import (
	"slices"

	bolt "go.etcd.io/bbolt"
)

// batchWrites holds the writes of many records made in one transaction, to
// be applied bucket by bucket in key order. bbolt inserts a key into its
// node by moving every later key of that node, and splits nodes only at
// commit, so writing n keys in random order (badge codes) in one
// transaction costs n²; written in key order the same keys cost n. Reads
// through it see the writes not yet applied.
type batchWrites struct {
	tx      *bolt.Tx
	buckets map[string]map[string]pendingValue
}

// pendingValue is a value to write, or a key to delete.
type pendingValue struct {
	value   []byte
	deleted bool
}

func newBatchWrites(tx *bolt.Tx) *batchWrites {
	return &batchWrites{tx: tx, buckets: map[string]map[string]pendingValue{}}
}

// get returns the value under key in the bucket, as it will be once the
// writes are applied; nil when there is none.
func (w *batchWrites) get(bucket, key []byte) []byte {
	if v, ok := w.buckets[string(bucket)][string(key)]; ok {
		if v.deleted {
			return nil
		}
		return v.value
	}
	return w.tx.Bucket(bucket).Get(key)
}

func (w *batchWrites) set(bucket, key []byte, v pendingValue) {
	m := w.buckets[string(bucket)]
	if m == nil {
		m = map[string]pendingValue{}
		w.buckets[string(bucket)] = m
	}
	m[string(key)] = v
}

// put records that value is to be written under key.
func (w *batchWrites) put(bucket, key, value []byte) {
	if value == nil {
		value = []byte{}
	}
	w.set(bucket, key, pendingValue{value: value})
}

// delete records that key is to be deleted.
func (w *batchWrites) delete(bucket, key []byte) {
	w.set(bucket, key, pendingValue{deleted: true})
}

// apply makes the writes, each bucket's in key order.
func (w *batchWrites) apply() error {
	names := make([]string, 0, len(w.buckets))
	for name := range w.buckets {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		m := w.buckets[name]
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		b := w.tx.Bucket([]byte(name))
		for _, k := range keys {
			v := m[k]
			var err error
			if v.deleted {
				err = b.Delete([]byte(k))
			} else {
				err = b.Put([]byte(k), v.value)
			}
			if err != nil {
				return err
			}
		}
		delete(w.buckets, name)
	}
	return nil
}
