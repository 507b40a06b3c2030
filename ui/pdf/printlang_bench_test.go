package pdf

import (
	"io"
	"testing"
)

// BenchmarkAttendanceReportFrench5000x30 is BenchmarkAttendanceReport5000x30
// in French: the tables localized and every reason worded from its figures.
func BenchmarkAttendanceReportFrench5000x30(b *testing.B) {
	d, now := repWorkshop(5000, 30)
	d.Workshop.Language = "fr"
	for b.Loop() {
		if err := AttendanceReport(d, now, io.Discard, A4); err != nil {
			b.Fatal(err)
		}
	}
}
