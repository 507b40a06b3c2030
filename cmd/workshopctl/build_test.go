package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestPureGo builds workshopctl with cgo turned off, so that it cross-builds
// for any system, and checks that it does not depend on the GUI toolkit.
// The PDF package (ui/pdf, pure Go) is allowed, for badges and
// certificates.
func TestPureGo(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build with")
	}
	env := append(os.Environ(), "CGO_ENABLED=0")

	bin := filepath.Join(t.TempDir(), "workshopctl")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	build := exec.Command(goTool, "build", "-o", bin, ".")
	build.Env = env
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("CGO_ENABLED=0 go build: %v\n%s", err, out)
	}

	list := exec.Command(goTool, "list", "-deps", ".")
	list.Env = env
	out, err := list.Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	var sawStore bool
	for _, pkg := range deps {
		switch {
		case strings.HasPrefix(pkg, "fyne.io/"):
			t.Errorf("workshopctl depends on %s", pkg)
		case pkg == "runtime/cgo":
			t.Errorf("workshopctl needs cgo")
		case pkg == "github.com/workshopdesk/workshopdesk/store":
			sawStore = true
		}
	}
	if !sawStore {
		t.Errorf("go list -deps does not list the store; is the check looking at the right package?\n%s", out)
	}
}
