package store

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// This file holds the one computation and the one wording of where
// participants stand for a certificate, which the attendance grid, the
// Certificates section, the reports, every PDF and workshopctl all show:
// the same moment reads the same everywhere.

// StandingCounts counts the participants of a workshop by Standing.
type StandingCounts struct {
	Participants int
	// Eligible is everyone due a certificate now: by the attendance
	// rule, by role (appreciation) or granted by hand.
	Eligible int
	// Appreciation is how many of Eligible get a certificate of
	// appreciation.
	Appreciation int
	OnTrack      int
	AtRisk       int
	NotEligible  int
}

// CountStandings counts rows by their Standing.
func CountStandings(rows []EligibilityRow) StandingCounts {
	c := StandingCounts{Participants: len(rows)}
	for i := range rows {
		switch rows[i].Standing() {
		case StandingEligible:
			c.Eligible++
			if rows[i].Kind == KindAppreciation {
				c.Appreciation++
			}
		case StandingOnTrack:
			c.OnTrack++
		case StandingAtRisk:
			c.AtRisk++
		default:
			c.NotEligible++
		}
	}
	return c
}

// String is the counts in words, as every screen, report and command says
// them: "6 eligible (6 for appreciation) · 22 on track · 0 at risk · 12 not
// eligible".
func (c StandingCounts) String() string {
	s := fmt.Sprintf("%d eligible", c.Eligible)
	if c.Appreciation > 0 {
		s += fmt.Sprintf(" (%d for appreciation)", c.Appreciation)
	}
	return s + fmt.Sprintf(" · %d on track · %d at risk · %d not eligible", c.OnTrack, c.AtRisk, c.NotEligible)
}

// Decided is the number of applicable counted sessions decided so far: the
// basis of Percent.
func (ps *ParticipantStats) Decided() int { return ps.Applicable - ps.Pending }

// DecidedTime is the length of the applicable counted sessions decided so
// far.
func (ps *ParticipantStats) DecidedTime() time.Duration { return ps.ApplicableTime - ps.PendingTime }

// SessionsText is the sessions attended of those decided so far, "7/8",
// the same basis as PercentText: once nothing is pending it is attended of
// applicable. With sessions to come it adds how many: "7/8 +1"; "+2" when
// nothing is decided yet.
func (ps *ParticipantStats) SessionsText() string {
	return soFar(strconv.Itoa(ps.Attended), strconv.Itoa(ps.Decided()), ps.Decided() > 0, strconv.Itoa(ps.Pending), ps.Pending > 0)
}

// HoursText is the hours attended of those decided so far, "10.5/12", as
// SessionsText, with the hours to come: "10.5/12 +1.5".
func (ps *ParticipantStats) HoursText() string {
	return soFar(HoursString(ps.AttendedTime), HoursString(ps.DecidedTime()), ps.DecidedTime() > 0,
		HoursString(ps.PendingTime), ps.PendingTime > 0)
}

// soFar writes "attended/decided +pending", leaving out the parts that are
// not there.
func soFar(attended, decided string, anyDecided bool, pending string, anyPending bool) string {
	var parts []string
	if anyDecided || !anyPending {
		parts = append(parts, attended+"/"+decided)
	}
	if anyPending {
		parts = append(parts, "+"+pending)
	}
	return strings.Join(parts, " ")
}

// HoursString is a duration in hours as every screen and page shows it:
// one decimal at most, halves up (RoundHours), "10.5", "9".
func HoursString(d time.Duration) string {
	return strconv.FormatFloat(RoundHours(d.Hours()), 'f', -1, 64)
}

// PercentText is the share attended of what is decided so far, "78%", or
// "–" while nothing is decided. As in the reasons, a share below the
// minimum never reads as reaching it: 79.6% under an 80% minimum is
// "79.6%", not "80%".
func (ps *ParticipantStats) PercentText(minPercent int) string {
	if ps.Decided() <= 0 {
		return "–"
	}
	pct, minPct := ps.Percent, float64(minPercent)
	if rounded := math.Round(pct); pct < minPct && rounded >= minPct {
		return strconv.FormatFloat(math.Floor(pct*10)/10, 'f', 1, 64) + "%"
	}
	return strconv.FormatFloat(math.Round(pct), 'f', 0, 64) + "%"
}
