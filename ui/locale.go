package ui

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"github.com/workshopdesk/workshopdesk/store"
)

// The screens format numbers and dates with store's functions
// (store/locale.go, those of the printouts) in the screens' language;
// what is theirs alone is below: a fixed decimal, and dates in the layouts
// of the screens.

// decimal writes v with one decimal in the screens' language: "10.5" in
// English, "10,5" in French and Spanish.
func decimal(v float64) string { return store.Decimal(Language(), v, 1) }

// number writes v with the given decimals in the screens' language:
// number(4.25, 2) is "4.25" in English, "4,25" in French.
func number(v float64, decimals int) string { return store.Decimal(Language(), v, decimals) }

// wholePercent writes v (0–100) rounded to a whole per cent in the
// screens' language: "92%", "92 %".
func wholePercent(v float64) string {
	return fmt.Sprintf(lang.L("%s%%"), number(v, 0))
}

// percent writes v (0–100) with one decimal as a percentage in the
// screens' language: "12.5%", "12,5 %".
func percent(v float64) string {
	return fmt.Sprintf(lang.L("%s%%"), decimal(v))
}

var capitalisedWord = regexp.MustCompile(`[A-Z][a-z]+`)

// localDate formats t with a time.Format layout and gives the month and
// day names Go writes in English in the screens' language, as store
// names them ("mercredi 2 décembre 2026"). Callers pass a layout through
// lang.L where a language orders a date differently (Spanish "2 de
// January de 2006": Go leaves the words it does not know).
func localDate(t time.Time, layout string) string {
	code := Language()
	longMonth, longDay := strings.Contains(layout, "January"), strings.Contains(layout, "Monday")
	return capitalisedWord.ReplaceAllStringFunc(t.Format(layout), func(w string) string {
		for m := time.January; m <= time.December; m++ {
			switch name := m.String(); {
			case longMonth && w == name:
				return store.MonthName(code, m)
			case !longMonth && w == name[:3]:
				return store.ShortMonthName(code, m)
			}
		}
		for d := time.Sunday; d <= time.Saturday; d++ {
			switch name := d.String(); {
			case longDay && w == name:
				return store.WeekdayName(code, d)
			case !longDay && w == name[:3]:
				return store.ShortWeekdayName(code, d)
			}
		}
		return w
	})
}
