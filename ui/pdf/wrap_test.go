package pdf

import (
	"strings"
	"testing"
)

// TestWrapChinese checks that Chinese text, which has no spaces, wraps
// between characters within the width, never before a closing mark, and
// loses nothing; and that a no-break space holds.
func TestWrapChinese(t *testing.T) {
	doc, err := NewDoc(A4, Portrait)
	if err != nil {
		t.Fatal(err)
	}
	s := "规则：至少80%的会议场次；迟到计入，请假不计入；必须参加的会议必须出席；超过10分钟为迟到。出席率按目前已确定的会议场次计算。"
	lines := doc.wrap(s, 60, 8, "")
	if len(lines) < 3 {
		t.Fatalf("%d lines: %q", len(lines), lines)
	}
	for _, l := range lines {
		if w := doc.Width(l, 8, ""); w > 60 {
			t.Errorf("line %q is %.1f mm wide", l, w)
		}
		if strings.ContainsRune(closingMarks, []rune(l)[0]) {
			t.Errorf("line %q begins with a closing mark", l)
		}
	}
	if got := strings.Join(lines, ""); got != s {
		t.Errorf("rejoined %q", got)
	}
	if !strings.Contains(strings.Join(lines, "|"), "80%") {
		t.Errorf("80%% broken: %q", lines)
	}
	fr := doc.wrap("porte sur les séances ; «\u00a0admissible\u00a0» est la décision", 30, 8, "")
	for _, l := range fr {
		if strings.HasPrefix(l, "admissible") || strings.HasSuffix(l, "«") {
			t.Errorf("a no-break space broke: %q", fr)
		}
	}
}
