package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// Kinds of entries for the records that travel whole under a key made
// from their own fields: question banks, tests, answer sheets and their
// history, the evaluation form and responses, eligibility overrides and
// their history. Images travel as their bytes.
const (
	entryQuestion        = "q"
	entryQuiz            = "z"
	entrySheet           = "x"
	entrySheetVersion    = "xh"
	entryEvalForm        = "f"
	entryEvalResponse    = "e"
	entryOverride        = "o"
	entryOverrideVersion = "oh"
	entryImage           = "i"
)

func init() {
	for i, k := range []string{entryImage, entryQuestion, entryQuiz, entrySheet, entrySheetVersion, entryEvalForm,
		entryEvalResponse, entryOverride, entryOverrideVersion} {
		entryOrder[k] = 5 + i
	}
}

// keyedHead is what the merge reads of a keyed record: its stamps and the
// fields its key is made from.
type keyedHead struct {
	Record
	WorkshopID    uuid.UUID `json:"workshop_id"`
	QuizID        uuid.UUID `json:"quiz_id"`
	ParticipantID uuid.UUID `json:"participant_id"`
	Form          int       `json:"form"`
}

// keyedBuckets names the bucket of each kind of keyed record.
var keyedBuckets = map[string][]byte{
	entryQuestion: bucketQuestions, entryQuiz: bucketQuizzes,
	entrySheet: bucketQuizAnswers, entrySheetVersion: bucketQuizAnswersHistory,
	entryEvalForm: bucketEvalForms, entryEvalResponse: bucketEvalResponses,
	entryOverride: bucketOverrides, entryOverrideVersion: bucketOverrideHistory,
}

// keyOf is the key a record of kind is stored under, made from the
// record itself (never taken from the file).
func (h *keyedHead) keyOf(kind string) []byte {
	switch kind {
	case entryQuestion, entryQuiz:
		return join(h.WorkshopID, h.ID)
	case entrySheet:
		return join(h.QuizID, h.ParticipantID)
	case entrySheetVersion:
		return join(h.QuizID, h.ParticipantID, h.ID)
	case entryEvalForm:
		return join(h.WorkshopID)
	case entryEvalResponse:
		return evalKey(h.WorkshopID, h.Form)
	case entryOverride:
		return join(h.ParticipantID)
	case entryOverrideVersion:
		return join(h.ParticipantID, h.ID)
	}
	return nil
}

// exportKeyedTx adds to out the keyed records of a workshop this laptop
// wrote at or after since (all when since is zero), and the images the
// workshop's certificate uses when the workshop record goes too.
func (s *Store) exportKeyedTx(tx *bolt.Tx, w *Workshop, since time.Time, out []syncEntry) ([]syncEntry, error) {
	all := since.IsZero()
	me := []byte(`"device_id":"` + s.device + `"`)
	add := func(kind string, k, v []byte, need bool) (keyedHead, error) {
		var h keyedHead
		plain, err := unseal(v)
		if err == nil && !all && !need && !bytes.Contains(plain, me) {
			return h, nil // another laptop's record: a quick look spares decoding it
		}
		if err == nil {
			err = json.Unmarshal(plain, &h)
		}
		if err != nil {
			return h, fmt.Errorf("%s %x: %w", keyedBuckets[kind], k, err)
		}
		if h.WorkshopID == w.ID && (all || h.DeviceID == s.device && !h.UpdatedAt.Before(since)) {
			out = append(out, syncEntry{Kind: kind, Record: bytes.Clone(plain)})
		}
		return h, nil
	}
	// scan adds the records of kind whose keys start with prefix (every
	// record when prefix is nil).
	scan := func(kind string, prefix []byte, each func(keyedHead)) error {
		b := tx.Bucket(keyedBuckets[kind])
		if b == nil {
			return nil
		}
		c := b.Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			h, err := add(kind, k, v, each != nil)
			if err != nil {
				return err
			}
			if each != nil {
				each(h)
			}
		}
		return nil
	}
	var quizzes []uuid.UUID
	steps := []error{
		scan(entryQuestion, w.ID[:], nil),
		scan(entryQuiz, w.ID[:], func(h keyedHead) { quizzes = append(quizzes, h.ID) }),
		scan(entryEvalForm, w.ID[:], nil),
		scan(entryEvalResponse, w.ID[:], nil),
		scan(entryOverride, nil, nil),
		scan(entryOverrideVersion, nil, nil),
	}
	for _, id := range quizzes {
		steps = append(steps, scan(entrySheet, id[:], nil), scan(entrySheetVersion, id[:], nil))
	}
	if err := errors.Join(steps...); err != nil {
		return nil, err
	}
	if all || w.DeviceID == s.device && !w.UpdatedAt.Before(since) {
		images := tx.Bucket(bucketImages)
		for _, id := range workshopImages(w) {
			if v := images.Get([]byte(id)); v != nil {
				plain, err := unseal(v)
				if err != nil {
					return nil, fmt.Errorf("image %s: %w", id, err)
				}
				out = append(out, syncEntry{Kind: entryImage, Key: []byte(id), Value: bytes.Clone(plain)})
			}
		}
	}
	return out, nil
}

// workshopImages lists the images a workshop's certificate uses.
func workshopImages(w *Workshop) []string {
	ids := append([]string(nil), w.Certificate.Logos...)
	for _, sg := range w.Certificate.Signatories {
		if sg.Signature != "" {
			ids = append(ids, sg.Signature)
		}
	}
	return ids
}

// image keeps an image from another laptop: its name is the SHA-256 of
// its bytes, so the same name is the same image and it is simply added.
func (a *applier) image(id, data []byte) error {
	sum := sha256.Sum256(data)
	if hex.EncodeToString(sum[:]) != string(id) {
		return fmt.Errorf("image %.12s: its bytes do not match its name", id)
	}
	b, err := a.tx.CreateBucketIfNotExists(bucketImages)
	if err != nil || b.Get(id) != nil {
		return err
	}
	sealed, err := sealFor(a.tx, data)
	if err != nil {
		return err
	}
	return b.Put(bytes.Clone(id), sealed)
}

// keyed keeps the later version of a keyed record, by stamp. History
// versions have keys of their own, so every version is kept. The
// evaluation form keeps the highest form number printed on any laptop.
// An evaluation form number keyed on two laptops (two different
// responses) keeps the later one; the other is listed among the changes
// to review with its answers, so that nothing typed is lost unseen.
func (a *applier) keyed(kind string, data []byte) error {
	var in keyedHead
	if err := json.Unmarshal(data, &in); err != nil {
		return fmt.Errorf("%s: %w", keyedBuckets[kind], err)
	}
	if in.WorkshopID != a.cfg.WorkshopID {
		return errSkipEntry
	}
	if in.ID == uuid.Nil || kind == entryEvalResponse && (in.Form < 1 || in.Form > MaxFormNumber) {
		return fmt.Errorf("%s: the record has no identity", keyedBuckets[kind])
	}
	if in.ParticipantID != uuid.Nil {
		if erased, err := a.isErased(in.ParticipantID); erased || err != nil {
			return err // answers or decisions of someone erased, from a file older than the erasure
		}
	}
	a.s.clock.Observe(in.UpdatedAt)
	b, err := a.tx.CreateBucketIfNotExists(keyedBuckets[kind])
	if err != nil {
		return err
	}
	key := in.keyOf(kind)
	var old keyedHead
	oldData := b.Get(key)
	if oldData != nil {
		if err := unmarshalStored(oldData, &old); err != nil {
			return fmt.Errorf("%s %x: %w", keyedBuckets[kind], key, err)
		}
	}
	later := oldData == nil || stampAfter(in.UpdatedAt, in.DeviceID, old.UpdatedAt, old.DeviceID)
	if kind == entryEvalResponse && oldData != nil && old.ID != in.ID && !in.Deleted() && !old.Deleted() {
		a.twiceKeyed(&in, data, &old, oldData, later)
	}
	if kind == entryEvalForm && oldData != nil {
		return a.evalForm(b, key, data, oldData, later)
	}
	if !later {
		return nil
	}
	return putJSON(b, key, json.RawMessage(data))
}

// evalForm keeps the later form, numbered on from the highest form
// number printed on any laptop.
func (a *applier) evalForm(b *bolt.Bucket, key, data, oldData []byte, later bool) error {
	in, err := decodeRecord[EvaluationForm](data)
	if err != nil {
		return fmt.Errorf("evaluation form: %w", err)
	}
	old, err := decodeRecord[EvaluationForm](oldData)
	if err != nil {
		return fmt.Errorf("evaluation form: %w", err)
	}
	keep := old
	if later {
		keep = in
	}
	if later || in.Printed > old.Printed {
		keep.Printed = max(in.Printed, old.Printed)
		return putJSON(b, key, &keep)
	}
	return nil
}

// twiceKeyed lists an evaluation form number keyed on two laptops.
func (a *applier) twiceKeyed(in *keyedHead, inData []byte, old *keyedHead, oldData []byte, later bool) {
	kept, replaced := oldData, inData
	at, here := old.UpdatedAt, false
	if later {
		kept, replaced, at, here = inData, oldData, in.UpdatedAt, true
	}
	a.changes = append(a.changes, SyncChange{At: at, Field: fmt.Sprintf("evaluation form %d", in.Form),
		Kept: responseText(kept), Replaced: responseText(replaced), From: a.from, ReplacedHere: here})
}

// responseText shows a response's answers on one line.
func responseText(data []byte) string {
	r, err := decodeRecord[EvaluationResponse](data)
	if err != nil {
		return ""
	}
	plain, _ := unseal(data)
	var rj responseJSON
	if json.Unmarshal(plain, &rj) != nil {
		return ""
	}
	text := rj.Ratings
	for _, c := range r.Answers {
		if c.Text != "" {
			text += fmt.Sprintf(" %s=%q", c.Item, c.Text)
		}
	}
	return text
}
