package store

import (
	"time"

	"github.com/google/uuid"
)

// Workshop is one event: a seminar or a regional workshop with its agenda
// and participants. Code is a short unique name such as "addis-2027".
type Workshop struct {
	Record
	Code      string `json:"code"`
	Title     string `json:"title"`
	Series    string `json:"series,omitempty"`
	City      string `json:"city"`
	Country   string `json:"country"` // ISO 3166-1 alpha-2
	TimeZone  string `json:"time_zone"`
	StartDate Date   `json:"start_date"`
	EndDate   Date   `json:"end_date"`
	Organiser string `json:"organiser,omitempty"`
	Partners  string `json:"partners,omitempty"`
	Language  string `json:"language,omitempty"` // working language, e.g. "en", "fr", "es"
	Notes     string `json:"notes,omitempty"`
	// Certificate is the design and wording of the workshop's certificates.
	Certificate CertificateTemplate `json:"certificate,omitzero"`
	// Rule is the attendance rule for certificates. Its zero value, as in
	// records written before rules existed, means the defaults; see
	// AttendanceRule.Effective.
	Rule AttendanceRule `json:"rule,omitzero"`
	// RetentionMonths is how long personal data is kept after the
	// workshop's last day; 0, as in older records, means
	// DefaultRetentionMonths. See RetentionEnds and Purge.
	RetentionMonths int `json:"retention_months,omitempty"`
	// PurgedAt is when the workshop's personal data was purged; zero
	// when it never was.
	PurgedAt time.Time `json:"purged_at,omitzero"`
}

// Location returns the workshop's time zone, or UTC when it is unset or
// unknown to this machine.
func (w *Workshop) Location() *time.Location {
	if loc, err := time.LoadLocation(w.TimeZone); err == nil && w.TimeZone != "" {
		return loc
	}
	return time.UTC
}

// Days returns the number of calendar days the workshop spans.
func (w *Workshop) Days() int { return w.StartDate.DaysUntil(w.EndDate) + 1 }

// Session is one agenda item: a plenary, panel, working group and so on,
// held on Date from Start to End, wall clock in the workshop's time zone.
type Session struct {
	Record
	WorkshopID uuid.UUID   `json:"workshop_id"`
	Date       Date        `json:"date"`
	Start      Clock       `json:"start"`
	End        Clock       `json:"end"`
	Title      string      `json:"title"`
	Type       SessionType `json:"type"`
	Speakers   string      `json:"speakers,omitempty"`
	Room       string      `json:"room,omitempty"`
	Counts     bool        `json:"counts"`    // counts towards the certificate
	Mandatory  bool        `json:"mandatory"` // must be attended for a certificate
	// FromPaperAt is when the session's attendance was typed back from a
	// paper sign-in sheet; zero when it was taken at the door.
	FromPaperAt time.Time `json:"from_paper_at,omitzero"`
}

// Duration returns the length of the session.
func (s *Session) Duration() time.Duration { return time.Duration(s.End-s.Start) * time.Minute }

// StartsAt returns the session's start as an instant in loc.
func (s *Session) StartsAt(loc *time.Location) time.Time { return s.Date.In(s.Start, loc) }

// EndsAt returns the session's end as an instant in loc.
func (s *Session) EndsAt(loc *time.Location) time.Time { return s.Date.In(s.End, loc) }

// Participant is a person registered for a workshop, whatever their role.
type Participant struct {
	Record
	WorkshopID   uuid.UUID `json:"workshop_id"`
	Honorific    string    `json:"honorific,omitempty"`
	GivenNames   string    `json:"given_names"`
	FamilyNames  string    `json:"family_name"`
	NativeName   string    `json:"native_name,omitempty"` // name in the person's own script
	Organisation string    `json:"organisation,omitempty"`
	OrgType      OrgType   `json:"org_type,omitempty"`
	Position     string    `json:"position,omitempty"`
	Country      string    `json:"country,omitempty"` // ISO 3166-1 alpha-2
	Gender       Gender    `json:"gender,omitempty"`
	Email        string    `json:"email,omitempty"`
	Phone        string    `json:"phone,omitempty"`
	Role         Role      `json:"role"`
	JoinedAt     time.Time `json:"joined_at,omitzero"` // set for late joiners; zero means from the start
	BadgeCode    string    `json:"badge_code"`
	// CertificateLanguage overrides the workshop's certificate language
	// for this participant (one of CertificateLanguages); "" keeps it.
	CertificateLanguage string `json:"certificate_language,omitempty"`
	Notes               string `json:"notes,omitempty"`
	// Consent to photographs, to the participants list being shared with
	// the other participants and to being contacted for follow-up; ""
	// means not asked. See Consent.
	ConsentPhotos   Consent `json:"consent_photos,omitempty"`
	ConsentShare    Consent `json:"consent_share,omitempty"`
	ConsentFollowUp Consent `json:"consent_follow_up,omitempty"`
	// PurgedAt is when the participant's personal data was removed (by a
	// workshop's purge); zero otherwise.
	PurgedAt time.Time `json:"purged_at,omitzero"`
}

// FullName returns the name in Latin letters, given names first.
func (p *Participant) FullName() string {
	switch {
	case p.GivenNames == "":
		return p.FamilyNames
	case p.FamilyNames == "":
		return p.GivenNames
	}
	return p.GivenNames + " " + p.FamilyNames
}

// Attendance is the current status of one participant at one session. The
// store keeps every earlier version in the attendance history.
type Attendance struct {
	Record
	SessionID     uuid.UUID `json:"session_id"`
	ParticipantID uuid.UUID `json:"participant_id"`
	Status        Status    `json:"status"`
	RecordedAt    time.Time `json:"recorded_at"`
	Note          string    `json:"note,omitempty"`
}

// CertificateIssue records a certificate given to a participant: its
// number, when it was first issued, how often it was reprinted and whether
// it was voided, and why. The number and the verification code never
// change; see Issue, Void and Sign.
type CertificateIssue struct {
	Record
	WorkshopID    uuid.UUID `json:"workshop_id"`
	ParticipantID uuid.UUID `json:"participant_id"`
	Number        string    `json:"number"`
	IssuedAt      time.Time `json:"issued_at"`
	Reprints      int       `json:"reprints"`
	VoidedAt      time.Time `json:"voided_at,omitzero"`
	VoidReason    string    `json:"void_reason,omitempty"`
	// Kind is the wording: attendance, or appreciation for speakers,
	// facilitators and organisers; fixed at the first issue. Empty, as in
	// records written before schema 3, means attendance.
	Kind CertificateKind `json:"kind,omitempty"`
	// Sequence is the number's running count within its workshop (7 in
	// ADDIS-2027-007); 0 for a number given by hand in another form.
	Sequence int `json:"sequence,omitempty"`
	// Code is the short verification code printed under the QR code,
	// "XXXX-XXXX-XXXX", derived from the number with the file's key.
	Code string `json:"code,omitempty"`
	// PrintedAt is the time of the last issue or reprint.
	PrintedAt time.Time `json:"printed_at,omitzero"`
	// Provisional marks a certificate printed before the last sessions
	// were marked, for someone on track (IssueProvisional): a register
	// state, not printed. False, as in every older record, means final.
	Provisional bool `json:"provisional,omitempty"`
	// ConfirmedAt is when a provisional certificate became final.
	ConfirmedAt time.Time `json:"confirmed_at,omitzero"`
	// NameHash is a keyed hash of the signed name (and name in the
	// person's own script), kept when the participant's personal data is
	// purged so that a printed certificate still verifies; see Purge.
	NameHash string `json:"name_hash,omitempty"`
}

// Voided reports whether the certificate has been voided.
func (c *CertificateIssue) Voided() bool { return !c.VoidedAt.IsZero() }

// EligibilityOverride is a decision taken by hand on a participant's
// certificate, whatever the attendance rule says: Granted or refused, with
// the Reason, the installation that took it (By) and when (At). Setting a
// new override replaces the current one; every override ever set is kept
// in the participant's override history, and clearing one leaves it there
// as a tombstone.
type EligibilityOverride struct {
	Record
	WorkshopID    uuid.UUID `json:"workshop_id"`
	ParticipantID uuid.UUID `json:"participant_id"`
	Granted       bool      `json:"granted"`
	Reason        string    `json:"reason"`
	By            string    `json:"by"` // device ID of the installation that set it
	At            time.Time `json:"at"`
}
