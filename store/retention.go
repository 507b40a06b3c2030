package store

import "time"

// DefaultRetentionMonths is how long a workshop's personal data is kept
// after its last day when the workshop does not say otherwise.
const DefaultRetentionMonths = 24

// MaxRetentionMonths bounds the retention period (50 years).
const MaxRetentionMonths = 600

// Retention returns the workshop's retention period in months: its own, or
// DefaultRetentionMonths.
func (w *Workshop) Retention() int {
	if w.RetentionMonths > 0 {
		return w.RetentionMonths
	}
	return DefaultRetentionMonths
}

// RetentionEnds returns the last day of the retention period: the
// workshop's last day plus the period in months (31 January plus one
// month is the last day of February).
func (w *Workshop) RetentionEnds() Date {
	end := w.EndDate
	months := int(end.Month) - 1 + w.Retention()
	y, m := end.Year+months/12, time.Month(months%12+1)
	last := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
	return Date{Year: y, Month: m, Day: min(end.Day, last)}
}

// RetentionPassed reports whether the retention period is over on day
// today (after RetentionEnds) and the data not yet purged.
func (w *Workshop) RetentionPassed(today Date) bool {
	return w.PurgedAt.IsZero() && today.After(w.RetentionEnds())
}

// validateRetention adds a problem when the retention period is out of range.
func (w *Workshop) validateRetention(p *problems) {
	if w.RetentionMonths < 0 || w.RetentionMonths > MaxRetentionMonths {
		p.add("retention_months", "the retention period must be between 1 and %d months", MaxRetentionMonths)
	}
}
