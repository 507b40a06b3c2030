package store

import (
	"fmt"
	"os"
	"path/filepath"
)

// DataEnv is the environment variable that, when set, names the data file
// used by default.
const DataEnv = "WORKSHOPDESK_DATA"

// DefaultDataPath returns the data file used when none is named: the path
// in $WORKSHOPDESK_DATA if it is set, otherwise "WorkshopDesk/workshopdesk.db"
// in the user's configuration folder (os.UserConfigDir: ~/.config on Linux,
// ~/Library/Application Support on macOS, %AppData% on Windows). The desktop
// app (cmd/workshopdesk) and the command line (cmd/workshopctl) share this
// default, so both work on the same file unless told otherwise.
func DefaultDataPath() (string, error) {
	if p := os.Getenv(DataEnv); p != "" {
		return p, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the default data file: %w; set %s to the data file's path", err, DataEnv)
	}
	return filepath.Join(dir, "WorkshopDesk", "workshopdesk.db"), nil
}
