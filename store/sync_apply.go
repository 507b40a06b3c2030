package store

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// mergeDevice is the device of the writes an exchange derives on its own,
// the same on every laptop (a badge code given twice): never exported,
// since every laptop makes them alike.
const mergeDevice = "merge"

// applier applies record versions from other laptops to a workshop, in
// one write transaction. Every rule is a function of the versions alone,
// so that every laptop ends with the same records whatever order the
// versions come in, however often each comes.
type applier struct {
	s       *Store
	tx      *bolt.Tx
	cfg     *SyncConfig
	from    string // the device whose file is being applied
	applied int
	changes []SyncChange
	erased  map[uuid.UUID]bool // participants erased here, by ID (see isErased)
	// sealer seals the marks in a file with a passphrase (noSealer: none).
	sealer *sealer
}

// noSealer is an applier's sealer in a file without a passphrase.
var noSealer = &sealer{}

// errSkipEntry marks an entry that does not belong to the workshop.
var errSkipEntry = errors.New("the change does not belong to this workshop")

func (a *applier) apply(e *syncEntry) error {
	switch e.Kind {
	case entryWorkshop:
		return a.workshop(e.Record)
	case entrySession:
		return a.session(e.Record)
	case entryParticipant:
		return a.participant(e)
	case entryCertificate:
		return a.certificate(e.Record)
	case entryAttendance:
		return a.attendance(e.Key, e.Value)
	case entryImage:
		return a.image(e.Key, e.Value)
	}
	if keyedBuckets[e.Kind] != nil {
		return a.keyed(e.Kind, e.Record)
	}
	return fmt.Errorf("unknown kind of change %q", e.Kind)
}

func newer(a, b *Record) bool { return stampAfter(a.UpdatedAt, a.DeviceID, b.UpdatedAt, b.DeviceID) }

func (a *applier) workshop(data []byte) error {
	w, err := decodeRecord[Workshop](data)
	if err != nil {
		return fmt.Errorf("workshop: %w", err)
	}
	if w.ID != a.cfg.WorkshopID {
		return errSkipEntry
	}
	a.s.clock.Observe(w.UpdatedAt)
	b, codes := a.tx.Bucket(bucketWorkshops), a.tx.Bucket(bucketWorkshopCodes)
	var old Workshop
	switch err := getJSON(b, w.ID[:], &old); {
	case err == nil:
		if !newer(&w.Record, &old.Record) {
			return nil
		}
		if !old.Deleted() && bytes.Equal(codes.Get([]byte(old.Code)), w.ID[:]) {
			if err := codes.Delete([]byte(old.Code)); err != nil {
				return err
			}
		}
	case !errors.Is(err, ErrNotFound):
		return err
	}
	if !w.Deleted() {
		if owner := codes.Get([]byte(w.Code)); owner != nil && !bytes.Equal(owner, w.ID[:]) {
			return fmt.Errorf("workshop code %s is taken in this file by another workshop", w.Code)
		}
		if err := codes.Put([]byte(w.Code), w.ID[:]); err != nil {
			return err
		}
	}
	return putJSON(b, w.ID[:], &w)
}

func (a *applier) session(data []byte) error {
	se, err := decodeRecord[Session](data)
	if err != nil {
		return fmt.Errorf("session: %w", err)
	}
	if se.WorkshopID != a.cfg.WorkshopID {
		return errSkipEntry
	}
	a.s.clock.Observe(se.UpdatedAt)
	var old Session
	switch err := getJSON(a.tx.Bucket(bucketSessions), se.ID[:], &old); {
	case err == nil && !newer(&se.Record, &old.Record):
		return nil
	case err != nil && !errors.Is(err, ErrNotFound):
		return err
	}
	ix, key := a.tx.Bucket(bucketSessionsByWorkshop), join(se.WorkshopID, se.ID)
	if se.Deleted() {
		err = ix.Delete(key)
	} else {
		err = ix.Put(key, nil)
	}
	if err != nil {
		return err
	}
	return putJSON(a.tx.Bucket(bucketSessions), se.ID[:], &se)
}

// participant merges a participant's fields: for each, the value with the
// later stamp. A value written on this laptop that another laptop's later
// value replaces, or another laptop's value that this laptop's later one
// overrules, is listed among the changes to review.
func (a *applier) participant(e *syncEntry) error {
	fields, b := a.tx.Bucket(bucketSyncFields), a.tx.Bucket(bucketParticipants)
	var old Participant
	exists := true
	switch err := getJSON(b, e.ID[:], &old); {
	case errors.Is(err, ErrNotFound):
		exists = false
	case err != nil:
		return err
	}
	if exists && old.WorkshopID != a.cfg.WorkshopID {
		return errSkipEntry
	}
	st := fieldStamps{}
	if exists {
		var err error
		if _, _, err = stampParticipant(fields, &old); err != nil { // changes made here since the last export
			return err
		}
		if err := getJSON(fields, e.ID[:], &st); err != nil {
			return err
		}
	}
	merged := fieldStamps{}
	for k, v := range st {
		merged[k] = v
	}
	changed := !exists
	for k, in := range e.Fields {
		a.s.clock.Observe(in.time())
		cur, ok := st[k]
		switch {
		case !ok || in.after(cur):
			if ok && !sameJSON(cur.V, in.V) && cur.D == a.s.device {
				a.note(e.ID, old.FullName(), k, in, cur, true)
			}
			if !ok || !sameJSON(in.V, cur.V) || in.T != cur.T || in.D != cur.D {
				merged[k], changed = in, true
			}
		case cur.after(in) && !sameJSON(cur.V, in.V) && in.D != cur.D && cur.D == a.s.device && exists:
			a.note(e.ID, old.FullName(), k, cur, in, false)
		}
	}
	if !changed {
		return nil
	}
	rec := map[string]json.RawMessage{}
	var newest fieldStamp
	for k, v := range merged {
		if !sameJSON(v.V, nil) {
			rec[k] = v.V
		}
		if v.after(newest) {
			newest = v
		}
	}
	created := e.Created
	if exists {
		created = old.CreatedAt
	}
	raw, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	var p Participant
	if err := unmarshalStored(raw, &p); err != nil { // the quicker decoder of stored records
		return fmt.Errorf("participant %s: %w", e.ID, err)
	}
	if p.WorkshopID != a.cfg.WorkshopID {
		return errSkipEntry
	}
	p.ID, p.CreatedAt, p.UpdatedAt, p.DeviceID = e.ID, created, newest.time(), newest.D
	if exists && old.UpdatedAt.After(p.UpdatedAt) {
		p.UpdatedAt, p.DeviceID = old.UpdatedAt, old.DeviceID
	}
	if !p.PurgedAt.IsZero() && !hasPersonalData(&p) {
		// Purged or erased on another laptop: nothing of the values it
		// removed is kept for review here.
		if err := a.forget(p.ID); err != nil {
			return err
		}
		if p.Deleted() {
			if err := dropPersonData(a.tx, p.WorkshopID, p.ID); err != nil {
				return err
			}
			if a.erased != nil {
				a.erased[p.ID] = true
			}
		}
	}
	if err := a.indexParticipant(&old, &p, exists, merged); err != nil {
		return err
	}
	if err := putJSON(fields, p.ID[:], merged); err != nil {
		return err
	}
	return putJSON(b, p.ID[:], &p)
}

// indexParticipant updates the workshop and badge indexes for p, which
// replaces old. A badge code another live participant holds is given to
// the one registered first; the other gets a code derived from its ID,
// alike on every laptop.
func (a *applier) indexParticipant(old, p *Participant, exists bool, st fieldStamps) error {
	badges, ix := a.tx.Bucket(bucketBadgeCodes), a.tx.Bucket(bucketParticipantsByWorkshop)
	if exists && !old.Deleted() && bytes.Equal(badges.Get(badgeKey(a.tx, old.WorkshopID, old.BadgeCode)), old.ID[:]) {
		if err := badges.Delete(badgeKey(a.tx, old.WorkshopID, old.BadgeCode)); err != nil {
			return err
		}
	}
	key := join(p.WorkshopID, p.ID)
	if p.Deleted() {
		return ix.Delete(key)
	}
	if err := ix.Put(key, nil); err != nil {
		return err
	}
	for n := 0; ; n++ {
		owner := badges.Get(badgeKey(a.tx, p.WorkshopID, p.BadgeCode))
		if owner == nil || bytes.Equal(owner, p.ID[:]) {
			break
		}
		if bytes.Compare(owner, p.ID[:]) > 0 {
			// The other holder came later: it gives the code up.
			if err := a.rebadge(uuid.UUID(owner)); err != nil {
				return err
			}
			continue
		}
		p.BadgeCode = derivedBadgeCode(p.ID, n)
		st["badge_code"] = fieldStamp{V: json.RawMessage(`"` + p.BadgeCode + `"`), T: st["badge_code"].T + 1, D: mergeDevice}
	}
	return badges.Put(badgeKey(a.tx, p.WorkshopID, p.BadgeCode), p.ID[:])
}

// rebadge gives a live participant a derived badge code.
func (a *applier) rebadge(id uuid.UUID) error {
	var q Participant
	if err := liveParticipant(a.tx, id, &q); err != nil {
		return err
	}
	st := fieldStamps{}
	if err := getJSON(a.tx.Bucket(bucketSyncFields), id[:], &st); err != nil && err != ErrNotFound {
		return err
	}
	badges := a.tx.Bucket(bucketBadgeCodes)
	if err := badges.Delete(badgeKey(a.tx, q.WorkshopID, q.BadgeCode)); err != nil {
		return err
	}
	for n := 0; ; n++ {
		q.BadgeCode = derivedBadgeCode(q.ID, n)
		if badges.Get(badgeKey(a.tx, q.WorkshopID, q.BadgeCode)) == nil {
			break
		}
	}
	st["badge_code"] = fieldStamp{V: json.RawMessage(`"` + q.BadgeCode + `"`), T: st["badge_code"].T + 1, D: mergeDevice}
	if err := badges.Put(badgeKey(a.tx, q.WorkshopID, q.BadgeCode), q.ID[:]); err != nil {
		return err
	}
	if err := putJSON(a.tx.Bucket(bucketSyncFields), id[:], st); err != nil {
		return err
	}
	return putJSON(a.tx.Bucket(bucketParticipants), id[:], &q)
}

// derivedBadgeCode is the n-th badge code derived from a participant's ID.
func derivedBadgeCode(id uuid.UUID, n int) string {
	sum := sha256.Sum256(fmt.Appendf(id[:], "|badge|%d", n))
	b := make([]byte, badgeLen)
	for i := range b {
		b[i] = badgeAlphabet[int(sum[i])%len(badgeAlphabet)]
	}
	return string(b)
}

// certificate keeps the later version of a certificate. Its number and
// code are indexed unless another certificate already holds them (then
// the change is refused, named, and the next exchange tries it again).
func (a *applier) certificate(data []byte) error {
	c, err := decodeRecord[CertificateIssue](data)
	if err != nil {
		return fmt.Errorf("certificate: %w", err)
	}
	if c.WorkshopID != a.cfg.WorkshopID {
		return errSkipEntry
	}
	a.s.clock.Observe(c.UpdatedAt)
	certs := a.tx.Bucket(bucketCertificates)
	var old CertificateIssue
	switch err := getJSON(certs, c.ID[:], &old); {
	case err == nil && !newer(&c.Record, &old.Record):
		return nil
	case err != nil && !errors.Is(err, ErrNotFound):
		return err
	}
	nums, codes := a.tx.Bucket(bucketCertificateNumbers), a.tx.Bucket(bucketCertificateCodes)
	code, _ := normalizeCode(c.Code)
	if owner := nums.Get([]byte(numberKey(c.Number))); owner != nil && !bytes.Equal(owner, c.ID[:]) {
		return fmt.Errorf("certificate number %s is held by another certificate here", c.Number)
	}
	if owner := codes.Get([]byte(code)); owner != nil && !bytes.Equal(owner, c.ID[:]) {
		return fmt.Errorf("the verification code of certificate %s is held by another certificate here", c.Number)
	}
	if err := nums.Put([]byte(numberKey(c.Number)), c.ID[:]); err != nil {
		return err
	}
	if err := codes.Put([]byte(code), c.ID[:]); err != nil {
		return err
	}
	if err := raiseSequence(a.tx, &c); err != nil {
		return err
	}
	byP := a.tx.Bucket(bucketCertificatesByParticipant)
	if cur := byP.Get(c.ParticipantID[:]); cur == nil || bytes.Compare(c.ID[:], cur) > 0 {
		if err := byP.Put(c.ParticipantID[:], c.ID[:]); err != nil {
			return err
		}
	}
	if err := a.twiceIssued(&c); err != nil {
		return err
	}
	return putJSON(certs, c.ID[:], &c)
}

// twiceIssued lists a certificate among the changes to review when its
// participant holds another certificate not voided: two laptops issued
// one each before seeing the other's. Both stay valid, as both were
// printed: voiding one is a decision for the organisers.
func (a *applier) twiceIssued(c *CertificateIssue) error {
	if c.Voided() {
		return nil
	}
	return a.tx.Bucket(bucketCertificates).ForEach(func(k, v []byte) error {
		if bytes.Equal(k, c.ID[:]) || !bytes.Contains(v, []byte(c.ParticipantID.String())) {
			return nil
		}
		o, err := decodeRecord[CertificateIssue](v)
		if err != nil || o.ParticipantID != c.ParticipantID || o.Voided() {
			return err
		}
		a.changes = append(a.changes, SyncChange{At: c.UpdatedAt, ParticipantID: c.ParticipantID, Field: "certificate",
			Kept: o.Number, Replaced: c.Number, From: a.from})
		return nil
	})
}

// attendance adds one version of an attendance record: see marks.
func (a *applier) attendance(key, v []byte) error {
	if len(key) != 32 {
		return errBadAttendance
	}
	in, err := unpackMark(key, v)
	if err != nil {
		return err
	}
	return a.marks(key, []Attendance{in})
}

// sealMark is a mark's stored form: sealed in a file with a passphrase.
func (a *applier) sealMark(m *Attendance) ([]byte, error) {
	if a.sealer == nil {
		s, err := sealerOf(a.tx)
		if err != nil {
			return nil, err
		}
		a.sealer = cmp.Or(s, noSealer)
	}
	if a.sealer == noSealer {
		return encodeAttendance(m), nil
	}
	return a.sealer.seal(encodeAttendance(m)), nil
}

// marks adds versions of one attendance record (key) that came in from
// other laptops. The current record is the version with the latest stamp
// (none when that one is an undone check-in); every other version is in
// the history, under a key made from its stamp (stampKey). A big merge
// brings several versions of most records: they are added together, with
// one look at what is stored and the current record written once.
func (a *applier) marks(key []byte, in []Attendance) error {
	if erased, err := a.isErased(idAt(key, 1)); erased || err != nil {
		return err // marks of someone erased, from a file older than the erasure
	}
	cur, hist := a.tx.Bucket(bucketAttendance), a.tx.Bucket(bucketAttendanceHistory)
	type stamp struct {
		t int64
		d string
	}
	have := map[stamp]bool{}
	var newest *Attendance
	keep := func(m *Attendance) {
		have[stamp{m.UpdatedAt.UnixNano(), m.DeviceID}] = true
		if newest == nil || stampAfter(m.UpdatedAt, m.DeviceID, newest.UpdatedAt, newest.DeviceID) {
			newest = m
		}
	}
	c := hist.Cursor()
	for k, w := c.Seek(key); k != nil && bytes.HasPrefix(k, key); k, w = c.Next() {
		m, err := decodeAttendance(k, w)
		if err != nil {
			return fmt.Errorf("attendance %x: %w", k, err)
		}
		keep(&m)
	}
	old := cur.Get(key)
	var prev Attendance
	if old != nil {
		var err error
		if prev, err = decodeAttendance(key, old); err != nil {
			return fmt.Errorf("attendance %x: %w", key, err)
		}
		keep(&prev)
	}
	slices.SortFunc(in, func(x, y Attendance) int {
		if stampAfter(x.UpdatedAt, x.DeviceID, y.UpdatedAt, y.DeviceID) {
			return 1
		}
		if stampAfter(y.UpdatedAt, y.DeviceID, x.UpdatedAt, x.DeviceID) {
			return -1
		}
		return 0
	})
	var fresh []Attendance
	for _, m := range in {
		a.s.clock.Observe(m.UpdatedAt)
		if st := (stamp{m.UpdatedAt.UnixNano(), m.DeviceID}); !have[st] {
			have[st] = true
			fresh = append(fresh, m)
		}
	}
	if len(fresh) == 0 {
		return nil
	}
	last := &fresh[len(fresh)-1]
	latest := newest == nil || stampAfter(last.UpdatedAt, last.DeviceID, newest.UpdatedAt, newest.DeviceID)
	if latest {
		fresh = fresh[:len(fresh)-1]
	}
	for i := range fresh {
		enc, err := a.sealMark(&fresh[i])
		if err != nil {
			return err
		}
		if err := hist.Put(stampKey(key, &fresh[i]), enc); err != nil {
			return err
		}
	}
	if !latest {
		return nil
	}
	if old != nil {
		if err := hist.Put(stampKey(key, &prev), bytes.Clone(old)); err != nil {
			return err
		}
	}
	enc, err := a.sealMark(last)
	if err != nil {
		return err
	}
	if last.Deleted() {
		if err := cur.Delete(key); err != nil {
			return err
		}
		return hist.Put(stampKey(key, last), enc)
	}
	return cur.Put(key, enc)
}

// stampKey is the history key of a version from another laptop: a
// time-ordered ID made from its stamp, so that the history stays in clock
// order.
func stampKey(prefix []byte, a *Attendance) []byte {
	var id uuid.UUID
	ms := uint64(a.UpdatedAt.UnixMilli())
	binary.BigEndian.PutUint64(id[:8], ms<<16)
	sum := sha256.Sum256(fmt.Appendf(nil, "%d|%s", a.UpdatedAt.UnixNano(), a.DeviceID))
	copy(id[6:], sum[:10])
	id[6] = 0x70 | id[6]&0x0f
	id[8] = 0x80 | id[8]&0x3f
	return append(append([]byte(nil), prefix...), id[:]...)
}

// forget drops the changes to review that show a purged or erased
// participant's values: those of this exchange and those kept before.
func (a *applier) forget(id uuid.UUID) error {
	a.changes = slices.DeleteFunc(a.changes, func(c SyncChange) bool {
		return c.ParticipantID == id && c.Field != "certificate"
	})
	return dropSyncChangesOf(a.tx, a.cfg.WorkshopID, id)
}

// note lists a value replaced in a merge among the changes to review.
func (a *applier) note(id uuid.UUID, name, field string, kept, replaced fieldStamp, here bool) {
	a.changes = append(a.changes, SyncChange{At: kept.time(), ParticipantID: id, Name: name, Field: field,
		Kept: plainValue(kept.V), Replaced: plainValue(replaced.V), From: a.from, ReplacedHere: here})
}

// plainValue shows a JSON value as text: a string without its quotes.
func plainValue(v json.RawMessage) string {
	var s string
	if json.Unmarshal(v, &s) == nil {
		return s
	}
	if sameJSON(v, nil) {
		return ""
	}
	return string(v)
}
