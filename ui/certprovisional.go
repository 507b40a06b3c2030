package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
)

// This file holds "print for everyone on track" of the Certificates
// section: certificates printed before the closing session for those who
// will be eligible if they attend the sessions still to come, provisional
// in the register, confirmed when they qualify (each time the section is
// shown), and listed for withdrawal when they no longer can.

// newProvisional makes the section's button and withdrawal notice.
func (s *certificatesSection) newProvisional() {
	s.onTrack = widget.NewButtonWithIcon(lang.L("Print for everyone on track…"), theme.DocumentPrintIcon(), s.printOnTrack)
	s.withdraw = widget.NewLabel("")
	s.withdraw.Importance = widget.DangerImportance
	s.withdraw.Wrapping = fyne.TextWrapWord
	s.withdraw.Hide()
}

// settleProvisional confirms the provisional certificates whose holders
// now qualify and lists those to withdraw.
func (s *certificatesSection) settleProvisional() error {
	settled, err := s.ws.u.st.SettleProvisional(s.ws.data.Workshop.ID, s.ws.u.now())
	if err != nil {
		return err
	}
	if len(settled.Withdraw) == 0 {
		s.withdraw.Hide()
		return nil
	}
	lines := make([]string, len(settled.Withdraw))
	for i, x := range settled.Withdraw {
		lines[i] = s.withdrawLine(x)
	}
	s.withdraw.SetText(fmt.Sprintf(lang.L("Provisional certificates to withdraw (Void… with a reason): %s"), strings.Join(lines, "; ")))
	s.withdraw.Show()
	return nil
}

// updateOnTrack labels the button with how many it would print.
func (s *certificatesSection) updateOnTrack(c store.StandingCounts) {
	n := len(s.onTrackPeople())
	// The count is of everyone it prints: the eligible too, so it says so
	// (beside "22 on track" the button said "Print 28 on track").
	s.onTrack.SetText(fmt.Sprintf(lang.L("Print %d: eligible and on track…"), n))
	if n == 0 || n == c.Eligible {
		s.onTrack.Disable() // nobody beyond the eligible: Print eligible does it
	} else {
		s.onTrack.Enable()
	}
}

// onTrackPeople returns the rows of everyone eligible, on track or at
// risk, in print order.
func (s *certificatesSection) onTrackPeople() []int {
	var out []int
	for _, i := range s.order {
		switch s.rows[i].Standing() {
		case store.StandingEligible, store.StandingOnTrack, store.StandingAtRisk:
			out = append(out, i)
		}
	}
	return out
}

// printOnTrack prints for everyone eligible or on track: those not yet
// eligible get provisional certificates.
func (s *certificatesSection) printOnTrack() {
	s.reload()
	people := s.onTrackPeople()
	if len(people) == 0 {
		dialog.ShowInformation(lang.L("No certificates to print"), lang.L("Nobody is eligible or on track."), s.ws.u.win)
		return
	}
	s.provisional = true
	s.checkFirst(people, func() { s.chooseOutput(people, s.outputChoice()) })
}

// withdrawLine names a provisional certificate to withdraw, its holder and
// why, in the screens' language.
func (s *certificatesSection) withdrawLine(x store.ProvisionalToWithdraw) string {
	reason := lang.L("no longer registered for the workshop")
	if i := slices.IndexFunc(s.ws.data.Participants, func(p store.Participant) bool { return p.ID == x.Participant.ID }); i >= 0 && i < len(s.rows) {
		reason = s.reason(s.rows[i])
	}
	return strings.Join(nonEmpty(x.Certificate.Number, x.Participant.FullName(), "("+reason+")"), " ")
}
