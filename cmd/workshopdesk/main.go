// Command workshopdesk is the Workshop Desk desktop app: it runs a training
// workshop offline on a facilitator's laptop.
//
// Usage:
//
//	workshopdesk [--data FILE]
//
// The data file defaults to $WORKSHOPDESK_DATA, else workshopdesk.db in the
// user's configuration folder (see store.DefaultDataPath).
package main

import (
	"flag"
	"fmt"
	"os"
	_ "time/tzdata" // workshop time zones must resolve on machines without a zone database

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/workshopdesk/workshopdesk/assets"
	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/ui"
)

// appID must match FyneApp.toml: preferences and storage are kept under it.
const appID = "org.workshopdesk.app"

// version is set by `make build` and `make package-linux` from
// FyneApp.toml; `go run` from the repository root reads it there too.
var version string

func main() {
	data := flag.String("data", "", "the data file (default $WORKSHOPDESK_DATA, else one in the user's configuration folder)")
	flag.Parse()
	path := *data
	if path == "" {
		var err error
		if path, err = store.DefaultDataPath(); err != nil {
			fmt.Fprintln(os.Stderr, "workshopdesk:", err)
			os.Exit(1)
		}
	}
	a := app.NewWithID(appID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w := a.NewWindow("Workshop Desk")
	if version == "" {
		version = a.Metadata().Version
	}
	u := ui.Start(a, w, ui.Config{
		DataPath: path,
		Open:     func(path string) (*store.Store, error) { return store.Open(path, store.Options{}) },
		Version:  version,
		Sound:    newOtoSound(),
	})
	w.SetMaster()
	w.ShowAndRun()
	if err := u.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "workshopdesk:", err)
		os.Exit(1)
	}
}
