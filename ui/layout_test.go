package ui

import (
	"testing"

	"fyne.io/fyne/v2/widget"
)

// TestEmptyStatesAreReadable checks the messages of sections with nothing
// to show yet: each is laid out across the section, a line or two high,
// not squeezed to one letter per line.
func TestEmptyStatesAreReadable(t *testing.T) {
	u, w := emptyWorkshop(t)
	for section, text := range map[int]string{
		sectionParticipants: "No participants yet. Add them one by one, or import the list you were sent.",
		sectionCertificates: "No participants yet: certificates are printed for the participants of the workshop.",
		sectionAttendance:   "Add sessions to the agenda first: attendance is taken session by session.",
	} {
		u.showSection(section)
		var found *widget.Label
		for _, o := range objects(w) {
			if l, ok := o.(*widget.Label); ok && l.Text == text && l.Visible() {
				found = l
			}
		}
		if found == nil {
			t.Errorf("section %d does not say %q", section, text)
			continue
		}
		if s := found.Size(); s.Width < 400 || s.Height > 100 {
			t.Errorf("%q is laid out %v×%v: squeezed", text, s.Width, s.Height)
		}
	}
}

// TestFitsSmallScreen checks that the workshop screens, every section of
// the sample workshop, fit a 1024 × 768 screen (an old laptop, a venue's
// projector): the window never has to grow wider than 1,000 points.
func TestFitsSmallScreen(t *testing.T) {
	u, _ := openAttendanceAt(t, day2Afternoon, tabGrid)
	for _, it := range u.workshop.tabs.Items {
		if w := it.Content.MinSize().Width; w > 900 {
			t.Errorf("%s needs %.0f points of width", it.Text, w)
		}
	}
	if s := u.workshop.content.MinSize(); s.Width > 1000 || s.Height > 700 {
		t.Errorf("the workshop screen needs %.0f × %.0f", s.Width, s.Height)
	}
}
