package report

import (
	"slices"
	"testing"

	"github.com/workshopdesk/workshopdesk/store/sheet"
)

func TestCSVFilesPutTheMainTableFirst(t *testing.T) {
	tables := []sheet.Table{{Name: "Sessions"}, {Name: "Participants"}, {Name: "Gender × org type (attended)"}}
	got, paths := CSVFiles("/tmp/att.csv", tables, "Participants")
	var names []string
	for _, t := range got {
		names = append(names, t.Name)
	}
	if want := []string{"Participants", "Sessions", "Gender × org type (attended)"}; !slices.Equal(names, want) {
		t.Errorf("order = %v, want %v", names, want)
	}
	if want := []string{"/tmp/att.csv", "/tmp/att-sessions.csv", "/tmp/att-gender-by-org-type-attended.csv"}; !slices.Equal(paths, want) {
		t.Errorf("paths = %v, want %v", paths, want)
	}
	if tables[0].Name != "Sessions" {
		t.Error("the caller's slice must not be reordered")
	}
}

func TestFileNamePart(t *testing.T) {
	for in, want := range map[string]string{
		"By sub-region": "sub-region", "Regional workshops on migration policy": "regional-workshops-on-migration-policy",
		"Séries 2027 (Dakar)": "séries-2027-dakar", "": "",
	} {
		if got := FileNamePart(in); got != want {
			t.Errorf("FileNamePart(%q) = %q, want %q", in, got, want)
		}
	}
}
