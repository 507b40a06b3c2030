package store

import (
	"encoding/json"
	"fmt"

	jsonv1 "github.com/go-json-experiment/json/v1"
	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// putJSON stores v under key in b.
func putJSON(b *bolt.Bucket, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode record %x: %w", key, err)
	}
	if data, err = sealFor(b.Tx(), data); err != nil {
		return fmt.Errorf("encode record %x: %w", key, err)
	}
	return b.Put(key, data)
}

// getJSON decodes the value under key in b into v, inside the transaction.
// It returns ErrNotFound when the key is absent.
func getJSON(b *bolt.Bucket, key []byte, v any) error {
	data := b.Get(key)
	if data == nil {
		return ErrNotFound
	}
	if err := unmarshalStored(data, v); err != nil {
		return fmt.Errorf("decode record %x: %w", key, err)
	}
	return nil
}

// decodeRecord decodes a stored record of type T. It is the single entry
// point for turning stored bytes into values, and the fuzz target's subject.
//
// It unseals the bytes (seal.go) and decodes them with the v1 emulation of encoding/json/v2's reference
// implementation (github.com/go-json-experiment/json/v1): the same results
// as encoding/json (FuzzDecodeRecord checks that they agree) in about a
// third of the time, which is most of the time of loading a big workshop.
func decodeRecord[T any](data []byte) (T, error) {
	var v T
	err := unmarshalStored(data, &v)
	return v, err
}

// unmarshalStored decodes a stored JSON value, sealed or plain, into v.
func unmarshalStored(data []byte, v any) error {
	plain, err := unseal(data)
	if err != nil {
		return err
	}
	return jsonv1.Unmarshal(plain, v)
}

// join concatenates IDs into a composite key such as session‖participant.
func join(ids ...uuid.UUID) []byte {
	k := make([]byte, 0, 16*len(ids))
	for _, id := range ids {
		k = append(k, id[:]...)
	}
	return k
}

// idAt returns the 16-byte ID at position i of a composite key.
func idAt(key []byte, i int) uuid.UUID {
	var id uuid.UUID
	copy(id[:], key[16*i:16*i+16])
	return id
}
