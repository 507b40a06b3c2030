package ui

import (
	"fmt"

	"fyne.io/fyne/v2/lang"

	"github.com/workshopdesk/workshopdesk/store"
)

// standingsText is store.StandingCounts.String in the screens' language:
// "6 eligible (6 for appreciation) · 22 on track · 0 at risk · 12 not
// eligible".
func standingsText(c store.StandingCounts) string {
	if c.Appreciation > 0 {
		return fmt.Sprintf(lang.L("%d eligible (%d for appreciation) · %d on track · %d at risk · %d not eligible"),
			c.Eligible, c.Appreciation, c.OnTrack, c.AtRisk, c.NotEligible)
	}
	return fmt.Sprintf(lang.L("%d eligible · %d on track · %d at risk · %d not eligible"),
		c.Eligible, c.OnTrack, c.AtRisk, c.NotEligible)
}

// ruleText is store.EffectiveRule.String in the screens' language: "at
// least 80% of sessions; late counts, excused does not count; mandatory
// sessions required; late after 10 min".
func ruleText(e store.EffectiveRule) string {
	least := lang.L("at least %d%% of sessions")
	if e.Basis == store.BasisHours {
		least = lang.L("at least %d%% of hours")
	}
	late, excused, mandatory := lang.L("late does not count"), lang.L("excused does not count"), lang.L("mandatory sessions not required")
	if e.LateCounts {
		late = lang.L("late counts")
	}
	if e.ExcusedCounts {
		excused = lang.L("excused counts")
	}
	if e.MandatoryRequired {
		mandatory = lang.L("mandatory sessions required")
	}
	return fmt.Sprintf(lang.L("%s; %s, %s; %s; %s"), fmt.Sprintf(least, e.MinPercent), late, excused, mandatory,
		fmt.Sprintf(lang.L("late after %d min"), e.LateAfterMinutes))
}
