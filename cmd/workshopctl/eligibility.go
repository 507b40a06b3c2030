package main

import (
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/workshopdesk/workshopdesk/store"
)

// eligibilityCommand lists who gets a certificate and why.
var eligibilityCommand = &command{
	name:     "eligibility",
	synopsis: "--workshop W",
	summary:  "list who is eligible for a certificate, and why",
	details: `Lists every participant, in registration order, with the certificate due
(attendance, or appreciation for speakers, facilitators and organisers),
whether it is due now, the reason in numbers ("7 of 9 sessions, 78% < 80%",
or a decision taken by hand with its reason) and the number of the
certificate issued, if any. Ends with the counts.`,
	required: []string{"workshop"},
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var ref string
		workshopFlag(fs, &ref)
		return func([]string) error { return c.eligibility(ref) }
	},
}

// eligibilityJSON is one participant's standing, for --json.
type eligibilityJSON struct {
	ParticipantID string `json:"participant_id"`
	Name          string `json:"name"`
	NativeName    string `json:"native_name"`
	BadgeCode     string `json:"badge_code"`
	Role          string `json:"role"`
	Kind          string `json:"kind"`
	Eligible      bool   `json:"eligible"`
	Standing      string `json:"standing"`
	Reason        string `json:"reason"`
	RuleEligible  bool   `json:"rule_eligible"`
	RuleReason    string `json:"rule_reason"`
	Override      *struct {
		Granted bool   `json:"granted"`
		Reason  string `json:"reason"`
		At      string `json:"at"`
	} `json:"override"`
	Attended    string `json:"attended"`
	Certificate string `json:"certificate"`
	Voided      bool   `json:"voided"`
}

// eligibility prints everyone's standing.
func (c *cli) eligibility(ref string) (err error) {
	st, w, err := c.openWorkshop(ref)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	d, err := st.LoadWorkshop(w.ID)
	if err != nil {
		return fmt.Errorf("read %s: %w", w.Code, err)
	}
	ov, err := st.Overrides(w.ID)
	if err != nil {
		return err
	}
	register, err := st.Certificates(w.ID)
	if err != nil {
		return err
	}
	current := map[uuid.UUID]store.CertificateIssue{}
	for _, cert := range register {
		if old, ok := current[cert.ParticipantID]; !ok || !cert.CreatedAt.Before(old.CreatedAt) {
			current[cert.ParticipantID] = cert
		}
	}
	rows := store.Eligibility(d, ov, time.Now())
	qd, err := st.LoadQuizData(w.ID)
	if err != nil {
		return err
	}
	store.ApplyCompletion(rows, store.LearningOf(d.Participants, qd)) // the post-test rule, when set
	list := make([]eligibilityJSON, len(rows))
	for i, r := range rows {
		p := d.Participants[i]
		e := eligibilityJSON{ParticipantID: p.ID.String(), Name: p.FullName(), NativeName: p.NativeName, BadgeCode: p.BadgeCode,
			Role: string(p.Role), Kind: string(r.Kind), Eligible: r.Eligible, Standing: string(r.Standing()), Reason: r.Reason,
			RuleEligible: r.RuleEligible, RuleReason: r.RuleReason, Attended: r.Attended}
		if o := r.Override; o != nil {
			e.Override = &struct {
				Granted bool   `json:"granted"`
				Reason  string `json:"reason"`
				At      string `json:"at"`
			}{o.Granted, o.Reason, o.At.UTC().Format(time.RFC3339)}
		}
		if cert, ok := current[p.ID]; ok {
			e.Certificate, e.Voided = cert.Number, cert.Voided()
		}
		list[i] = e
	}
	if c.json {
		return c.printJSON(list)
	}
	t := newTable("NAME", "ROLE", "CERTIFICATE", "STANDING", "NUMBER", "REASON")
	for _, e := range list {
		number := e.Certificate
		if e.Voided {
			number += " (voided)"
		}
		t.add(strings.TrimSpace(e.Name+"  "+e.NativeName), store.Label(store.Role(e.Role)), e.Kind, e.Standing, number, e.Reason)
	}
	if err := t.write(c.stdout); err != nil {
		return err
	}
	c.printf("%s; rule: %s\n", store.CountStandings(rows), d.Workshop.Rule.Effective().String())
	return nil
}
