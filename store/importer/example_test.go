package importer_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/importer"
)

// Example shows the whole flow, as the import screen and workshopctl
// import run it: read the file, suggest a mapping, preview, commit.
func Example() {
	dir, err := os.MkdirTemp("", "importer-example-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	st, err := store.Open(filepath.Join(dir, "workshops.db"), store.Options{NoAutoBackup: true})
	if err != nil {
		log.Fatal(err)
	}
	defer st.Close()
	w := &store.Workshop{Code: "dakar-2027", Title: "Atelier régional", City: "Dakar", Country: "SN",
		StartDate: store.Date{Year: 2027, Month: 5, Day: 4}, EndDate: store.Date{Year: 2027, Month: 5, Day: 6}}
	if err := st.SaveWorkshop(w); err != nil {
		log.Fatal(err)
	}

	// A list as it arrives: a title row, French headings, semicolons,
	// a name in capitals, a repeated row and a total.
	file := "Liste des participants;;;;\r\n" +
		"Nom complet;Sexe;Pays;Courriel;Rôle\r\n" +
		"DIOP Moussa;H;Sénégal;moussa.diop@example.org;Intervenant\r\n" +
		"Awa Ndiaye;F;Sénégal;awa.ndiaye@example;Participante\r\n" +
		"María José Núñez Ibáñez;Femme;Chili;maria@example.org;\r\n" +
		"DIOP Moussa;H;Sénégal;moussa.diop@example.org;Intervenant\r\n" +
		"Total : 4;;;;\r\n"

	// 1. Read: the format, encoding and delimiter are found from the content.
	t, err := importer.Read("inscrits.csv", strings.NewReader(file))
	if err != nil {
		log.Fatal(err)
	}
	// 2. Suggest a mapping; the user may change it ("--map email=Courriel").
	m := importer.Suggest(t)
	fmt.Println("mapping:", m.Describe(t))

	// 3. Preview against the workshop's current participants.
	current, err := st.Participants(w.ID)
	if err != nil {
		log.Fatal(err)
	}
	p := importer.NewPreview(t, m, importer.Options{WorkshopID: w.ID, Existing: current})
	for _, r := range p.Rows {
		fmt.Printf("row %d: %s / %s → %s\n", r.Row, r.Participant.GivenNames, r.Participant.FamilyNames, r.Choice)
		for _, pr := range r.Problems {
			fmt.Println("   ", pr.Kind+":", pr.Message)
		}
	}
	// The user corrects the guessed split of a Spanish double surname.
	if err := p.SetName(5, "María José", "Núñez Ibáñez"); err != nil {
		log.Fatal(err)
	}

	// 4. Commit, once the user has confirmed: one transaction.
	sum, err := importer.Commit(st, p)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(sum)
	for _, s := range sum.Skipped {
		fmt.Printf("skipped row %d: %s\n", s.Row, s.Reason)
	}
	// Output:
	// mapping: full_name=Nom complet, country=Pays, gender=Sexe, email=Courriel, role=Rôle
	// row 3: Moussa / Diop → add
	// row 4: Awa / Ndiaye → skip
	//     bad email: "awa.ndiaye@example" is not an email address
	// row 5: María José Núñez / Ibáñez → add
	//     name split: "María José Núñez Ibáñez" was split as given names "María José Núñez" and family name "Ibáñez"; correct it if the family name has two words
	// row 6: Moussa / Diop → skip
	//     duplicate in file: repeats row 3 exactly
	// 2 added, 0 updated, 2 skipped
	// skipped row 4: "awa.ndiaye@example" is not an email address
	// skipped row 6: repeats row 3 exactly
}
