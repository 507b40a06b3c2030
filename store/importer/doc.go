// Package importer reads participant lists as people really send them —
// CSV exported by Excel or an online form in any of the usual encodings and
// delimiters, or an XLSX workbook — and turns them into store.Participant
// records: it finds the header row, proposes a column mapping, normalises
// the values (names, gender, role, organisation type, country in English,
// French or Spanish), previews every row with its problems and duplicates,
// and commits the accepted rows through the store in one transaction.
//
// It lives under store/ because all it does is turn files into store
// records: it knows nothing of Fyne or PDF, so the same engine serves the
// import screens (ui) and the command line (workshopctl import). Nothing is
// written before Commit.
//
// The flow is:
//
//	t, err := importer.ReadFile(path, "")         // or Read(name, r)
//	m := importer.Suggest(t)                      // the caller may change it
//	p := importer.NewPreview(t, m, importer.Options{WorkshopID: id, Existing: current})
//	// show p.Rows with their Problems; let the user change choices and names
//	sum, err := importer.Commit(st, p)
package importer
