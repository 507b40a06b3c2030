package pdf

import (
	"io"
	"testing"
)

// The PDF reports of a workshop of 5,000 participants and 30 sessions; the
// CSV and XLSX files of the same reports are benchmarked in store/report
// under the same names.

func BenchmarkAttendanceReport5000x30(b *testing.B) {
	d, now := repWorkshop(5000, 30)
	b.Run("pdf", func(b *testing.B) {
		for b.Loop() {
			if err := AttendanceReport(d, now, io.Discard, A4); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkStatisticsReport5000(b *testing.B) {
	d, _ := repWorkshop(5000, 30)
	b.Run("pdf", func(b *testing.B) {
		for b.Loop() {
			if err := StatisticsReport(d, io.Discard, A4); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkAgendaReport(b *testing.B) {
	d, _ := repWorkshop(5000, 30)
	b.Run("pdf", func(b *testing.B) {
		for b.Loop() {
			if err := AgendaPDF(d, io.Discard, A4, "en"); err != nil {
				b.Fatal(err)
			}
		}
	})
}
