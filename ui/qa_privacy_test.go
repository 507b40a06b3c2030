package ui

import (
	"strings"
	"testing"

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
