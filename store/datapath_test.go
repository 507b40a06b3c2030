package store

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestDefaultDataPath checks the environment variable, the config folder
// and the error when there is no config folder.
func TestDefaultDataPath(t *testing.T) {
	t.Run("environment", func(t *testing.T) {
		want := filepath.Join(t.TempDir(), "elsewhere.db")
		t.Setenv(DataEnv, want)
		got, err := DefaultDataPath()
		if err != nil || got != want {
			t.Fatalf("DefaultDataPath() = %q, %v; want %q", got, err, want)
		}
	})
	t.Run("config folder", func(t *testing.T) {
		t.Setenv(DataEnv, "")
		if runtime.GOOS != "windows" && runtime.GOOS != "darwin" && runtime.GOOS != "plan9" {
			t.Setenv("XDG_CONFIG_HOME", t.TempDir())
		}
		dir, err := os.UserConfigDir()
		if err != nil {
			t.Skipf("no user config folder here: %v", err)
		}
		want := filepath.Join(dir, "WorkshopDesk", "workshopdesk.db")
		got, err := DefaultDataPath()
		if err != nil || got != want {
			t.Fatalf("DefaultDataPath() = %q, %v; want %q", got, err, want)
		}
	})
	t.Run("no config folder", func(t *testing.T) {
		if runtime.GOOS != "linux" {
			t.Skip("only Linux lets a test take the config folder away through the environment")
		}
		t.Setenv(DataEnv, "")
		t.Setenv("XDG_CONFIG_HOME", "")
		t.Setenv("HOME", "")
		got, err := DefaultDataPath()
		if err == nil {
			t.Fatalf("DefaultDataPath() = %q, nil; want an error", got)
		}
		if !strings.Contains(err.Error(), DataEnv) {
			t.Errorf("error %q does not say that %s can be set", err, DataEnv)
		}
	})
}
