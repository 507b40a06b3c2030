package quizimport

import (
	"strings"
	"testing"

	"github.com/workshopdesk/workshopdesk/store"
)

func TestAiken(t *testing.T) {
	src := "\ufeffWhich body adopted the Global Compact?\r\nA. The Security Council\r\nB) The General Assembly\r\nC. ECOSOC\r\nANSWER: B\r\n\r\n" +
		"Broken question\nA. one\nC. three\nANSWER: A\n\nNo answer\nA. x\nB. y\n\nLast\nA. p\nB. q\nANSWER: E\n"
	p, err := ParseAiken([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Questions) != 1 || p.Questions[0].Kind != store.MultipleChoice || p.Questions[0].Options[1].Weight != 100 || p.Questions[0].Options[1].Text != "The General Assembly" {
		t.Fatalf("questions %+v", p.Questions)
	}
	want := []string{"option C comes where B", "no ANSWER", "not one of the options"}
	if len(p.Problems) != 3 {
		t.Fatalf("problems %v", p.Problems)
	}
	for i, w := range want {
		if !strings.Contains(p.Problems[i].Reason, w) {
			t.Errorf("problem %d %v, want %q", i, p.Problems[i], w)
		}
	}
	if p.Problems[0].Line != 7 || p.Problems[0].Title != "Broken question" {
		t.Errorf("problem named %v", p.Problems[0])
	}
}
