package ui

import (
	"fmt"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/workshopdesk/workshopdesk/store"
)

// chartRenderer lays a chart out at size and returns its renderer.
func chartRenderer(t *testing.T, c *barChart, size fyne.Size) *barChartRenderer {
	t.Helper()
	test.NewTempApp(t)
	r := test.TempWidgetRenderer(t, c).(*barChartRenderer)
	c.Resize(size)
	r.Layout(size)
	return r
}

func TestBarChartBarsProportional(t *testing.T) {
	c := newBarChart([]chartRow{
		{Label: "Female", Count: 10, Percent: 50},
		{Label: "Male", Count: 5, Percent: 25},
		{Label: "Other", Count: 0, Percent: 0},
		{Label: "Not given", Count: 5, Percent: 25, Muted: true},
	}, 20)
	r := chartRenderer(t, c, fyne.NewSize(500, 300))
	if len(r.bars) != 4 {
		t.Fatalf("%d bars, want 4", len(r.bars))
	}
	full := r.bars[0].Size().Width
	if full <= 0 || full != r.tracks[0].Size().Width {
		t.Fatalf("the largest bar is %v wide, its track %v: want the full track", full, r.tracks[0].Size().Width)
	}
	for i, want := range []float32{1, 0.5, 0, 0.5} {
		if got := r.bars[i].Size().Width / full; math.Abs(float64(got-want)) > 0.001 {
			t.Errorf("bar %d is %.3f of the largest, want %.3f", i, got, want)
		}
		if r.bars[i].Position().X != r.bars[0].Position().X {
			t.Errorf("bar %d starts at %v, bar 0 at %v", i, r.bars[i].Position().X, r.bars[0].Position().X)
		}
		if r.bars[i].Position().Y <= r.bars[max(i-1, 0)].Position().Y && i > 0 {
			t.Errorf("bar %d is not below bar %d", i, i-1)
		}
	}
	if r.bars[3].FillColor == r.bars[0].FillColor {
		t.Error("the \"Not given\" bar has the colour of the others")
	}
	// Wider chart, longer bars, same proportions.
	r.Layout(fyne.NewSize(800, 300))
	if r.bars[0].Size().Width <= full || r.bars[1].Size().Width*2 != r.bars[0].Size().Width {
		t.Errorf("at 800 px the bars are %v and %v wide", r.bars[0].Size().Width, r.bars[1].Size().Width)
	}
	// Bars and values stay inside the chart.
	for i := range r.bars {
		if end := r.values[i].Position().X + r.values[i].Size().Width; end > 800.5 {
			t.Errorf("value %d ends at %v, past the chart's 800 px", i, end)
		}
		if r.bars[i].Position().X+r.bars[i].Size().Width > r.values[i].Position().X+0.5 {
			t.Errorf("bar %d runs into its value", i)
		}
	}
}

func TestBarChartLabelsAndValues(t *testing.T) {
	c := newBarChart([]chartRow{
		{Label: "Civil society", Count: 12, Percent: 30},
		{Label: "Prefer not to say", Count: 1, Percent: 2.5, Muted: true},
	}, 40)
	r := chartRenderer(t, c, fyne.NewSize(500, 100))
	for i, want := range [][2]string{{"Civil society", "12 · 30.0%"}, {"Prefer not to say", "1 · 2.5%"}} {
		if r.labels[i].Text != want[0] || r.values[i].Text != want[1] {
			t.Errorf("row %d shows %q / %q, want %q / %q", i, r.labels[i].Text, r.values[i].Text, want[0], want[1])
		}
		if r.values[i].Position().X <= r.labels[i].Position().X {
			t.Errorf("row %d: the value is not right of the label", i)
		}
	}
	if len(r.Objects()) != 8 {
		t.Errorf("%d objects, want 4 per row", len(r.Objects()))
	}
	// The chart asks for every row's height.
	if h := r.MinSize().Height; h < 2*r.labels[0].MinSize().Height {
		t.Errorf("MinSize height %v for two rows of %v", h, r.labels[0].MinSize().Height)
	}
}

func TestBarChartNoData(t *testing.T) {
	for name, c := range map[string]*barChart{
		"zero total": newBarChart([]chartRow{{Label: "Female", Count: 0}}, 0),
		"no rows":    newBarChart(nil, 0),
	} {
		r := chartRenderer(t, c, fyne.NewSize(300, 100))
		if len(r.Objects()) != 1 || r.Objects()[0] != r.none || r.none.Text != "No data" {
			t.Errorf("%s: objects %v, want only \"No data\"", name, r.Objects())
		}
	}
	// Rows arriving replace "No data"; going back to none brings it back.
	c := newBarChart(nil, 0)
	r := chartRenderer(t, c, fyne.NewSize(300, 100))
	c.SetRows([]chartRow{{Label: "Male", Count: 3, Percent: 100}}, 3)
	if len(r.labels) != 1 || r.labels[0].Text != "Male" || r.bars[0].Size().Width <= 0 {
		t.Errorf("after SetRows: %d labels, bar %v", len(r.labels), r.bars)
	}
	c.SetRows(nil, 0)
	if len(r.Objects()) != 1 || r.Objects()[0] != r.none {
		t.Errorf("after emptying: %v", r.Objects())
	}
}

func TestTopRowsFoldsCountriesKeepsNotGiven(t *testing.T) {
	b := store.Breakdown{}
	for i := range 20 {
		b.Rows = append(b.Rows, store.CountRow{Key: fmt.Sprintf("C%d", i), Label: fmt.Sprintf("Country %d", i), Count: 20 - i})
		b.Total += 20 - i
	}
	b.Rows = append(b.Rows, store.CountRow{Key: store.KeyNotGiven, Label: "Not given", Count: 1})
	b.Total++
	rows := topRows(b, 15, "Other countries (%d)")
	if len(rows) != 17 {
		t.Fatalf("%d rows, want 15 countries, others and not given", len(rows))
	}
	if rows[15].Label != "Other countries (5)" || rows[15].Count != 5+4+3+2+1 || !rows[15].Muted {
		t.Errorf("others row = %+v", rows[15])
	}
	if rows[16].Label != "Not given" || rows[16].Count != 1 {
		t.Errorf("last row = %+v, want Not given 1", rows[16])
	}
	sum := 0
	for _, r := range rows {
		sum += r.Count
	}
	if sum != b.Total {
		t.Errorf("rows add up to %d, total %d", sum, b.Total)
	}
	// Few countries: nothing folded.
	b.Rows = b.Rows[14:]
	if rows := topRows(b, 15, "Other countries (%d)"); len(rows) != len(b.Rows) {
		t.Errorf("%d rows of %d", len(rows), len(b.Rows))
	}
}
