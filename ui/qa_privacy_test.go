package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/ui/ops"
)

// The message after a purge counts participants and backups in the
// language's singular or plural ("1 sauvegardes antérieures supprimées"
// was shown).
func TestPurgeDoneMessageCountsInTheLanguage(t *testing.T) {
	t.Cleanup(func() { setLanguage("en") })
	one := ops.PurgeResult{PurgePlan: store.PurgePlan{Participants: 1}, DeletedBackups: []string{"b1"}}
	many := ops.PurgeResult{PurgePlan: store.PurgePlan{Participants: 39}, DeletedBackups: []string{"b1", "b2"}}
	for _, c := range []struct {
		lang string
		res  ops.PurgeResult
		want []string
	}{
		{"en", one, []string{"1 participant purged; 1 older backup deleted.", "workshopctl purge --workshop old --yes"}},
		{"en", many, []string{"39 participants purged; 2 older backups deleted."}},
		{"fr", one, []string{"1 participant purgé ; 1 sauvegarde antérieure supprimée.", "workshopctl purge --workshop old --yes"}},
		{"fr", many, []string{"39 participants purgés ; 2 sauvegardes antérieures supprimées."}},
		{"es", one, []string{"1 participante depurado; 1 copia de seguridad anterior eliminada."}},
	} {
		setLanguage(c.lang)
		got := purgeDoneMessage(c.res, "old")
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q does not say %q", c.lang, got, w)
			}
		}
	}
}

// Cancelling Erase this person… or Delete participant from the
// participant form brings the form back with what was typed in it; it was
// closed, and the edits lost.
func TestCancelledEraseOrDeleteKeepsTheFormAndItsEdits(t *testing.T) {
	u, w := openSampleParticipants(t)
	v := u.workshop.participants
	for action, cancel := range map[string]string{"Erase this person…": "Cancel", "Delete participant": "No"} {
		v.table.Select(fyneCell(0))
		f := v.form
		if f == nil {
			t.Fatal("no participant form")
		}
		f.phone.SetText("+221 77 000 00 00")
		test.Tap(button(t, w, action))
		test.Tap(lastButton(t, w, cancel))
		if v.form != f || f.phone.Text != "+221 77 000 00 00" || !hasText(w, "Edit participant") {
			t.Fatalf("%s, then Cancel: the form and its edits are gone", action)
		}
		f.dialog.Hide()
	}
	if n := len(u.workshop.data.Participants); n != 40 {
		t.Errorf("%d participants after cancelling, want 40", n)
	}
}
