package pdf

import (
	"image"
	"testing"

	"github.com/workshopdesk/workshopdesk/store"
)

// TestNoPhotoMarkOnlyForRefusals prints A6 and A4 badges for people who
// refused photos, agreed, or were not asked, and looks at the right end of
// each role band: the white mark is there for the refusals only.
func TestNoPhotoMarkOnlyForRefusals(t *testing.T) {
	d := demoData(t)
	people := d.Participants[:3]
	people[0].ConsentPhotos = store.ConsentNo
	people[0].GivenNames = "Hostile\"><svg onload=alert(1)>"
	people[1].ConsentPhotos = store.ConsentYes
	people[2].ConsentPhotos = store.ConsentNotAsked
	const dpi = 150
	px := func(mm float64) int { return int(mm * dpi / 25.4) }
	// white counts the white pixels of the band's right end on page, for
	// a badge at (x, y) mm of spec s.
	white := func(page *image.Gray, x, y float64, s badgeSpec) int {
		n := 0
		iw := noPhotoWidth(s)
		for py := px(y + 1); py < px(y+s.bandH-1); py++ {
			for qx := px(x + s.w - s.margin - iw - 0.5); qx < px(x+s.w-s.margin+0.5); qx++ {
				if page.GrayAt(qx, py).Y > 240 {
					n++
				}
			}
		}
		return n
	}
	check := func(layout BadgeLayout, slot func(i int) (page int, x, y float64), s badgeSpec) {
		pages := renderAll(t, badgesFile(t, d, people, layout), dpi)
		for i, p := range people {
			pg, x, y := slot(i)
			n := white(pages[pg], x, y, s)
			if got, want := n > 10, p.ConsentPhotos == store.ConsentNo; got != want {
				t.Errorf("%s: badge %d (consent %q): %d white pixels where the mark goes; mark shown %v, want %v",
					layout, i, p.ConsentPhotos, n, got, want)
			}
		}
	}
	check(BadgeA6, func(i int) (int, float64, float64) { return i, a6Inset, a6Inset }, a6Spec)
	check(BadgeA4x8, func(i int) (int, float64, float64) { x, y := a4Slot(i); return 0, x, y }, cardSpec)
}
