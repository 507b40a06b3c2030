package ui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestEvaluationTranslations: every string of the Evaluation section that
// no other screen uses has its French and Spanish translation in
// ui/translations/evaluation.{fr,es}.json.
func TestEvaluationTranslations(t *testing.T) {
	literal := regexp.MustCompile(`lang\.L\("((?:[^"\\]|\\.)*)"\)`)
	own, others := map[string]bool{}, ""
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(f, "evaluation") {
			others += string(src)
			continue
		}
		for _, m := range literal.FindAllStringSubmatch(string(src), -1) {
			own[m[1]] = true
		}
	}
	own["Evaluation"] = true // the section's tab, in workshop.go
	for _, lang := range []string{"fr", "es"} {
		data, err := os.ReadFile(filepath.Join("translations", "evaluation."+lang+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var tr map[string]string
		if err := json.Unmarshal(data, &tr); err != nil {
			t.Fatalf("evaluation.%s.json: %v", lang, err)
		}
		for key := range own {
			if tr[key] == "" && (key == "Evaluation" || !strings.Contains(others, `lang.L("`+key+`")`)) {
				t.Errorf("evaluation.%s.json lacks %q", lang, key)
			}
		}
	}
}
