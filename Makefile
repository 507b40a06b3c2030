# Workshop Desk: common developer tasks. `make help` lists them.
#
# The desktop app (cmd/workshopdesk) needs cgo, a C compiler and the
# OpenGL/X11 and ALSA (check-in sounds) headers; `make deps` installs them
# on Debian/Ubuntu. The CLI (cmd/workshopctl) is pure Go and builds with
# CGO_ENABLED=0.

GO ?= go

# The fyne packaging tool, pinned and run through `go run` so that nothing
# has to be installed globally.
FYNE ?= $(GO) run fyne.io/tools/cmd/fyne@v1.7.4

# Debian packages needed to build the app and to run its tests headless
# (libasound2-dev for the check-in sounds, Xvfb for the smoke test,
# xwininfo from x11-utils to find its window).
DEB_PACKAGES := gcc pkg-config libgl1-mesa-dev xorg-dev libasound2-dev xvfb xauth x11-utils poppler-utils qpdf mupdf-tools zbar-tools chromium

# Debian packages for `make package-windows` (the mingw-w64 C compiler and
# windres, ImageMagick for the icon, NSIS for the installer, zip) and for
# its Wine smoke test (.ci/windows-smoke: unzip, wine + wine64 run 64-bit programs
# without the i386 architecture).
DEB_PACKAGES_WINDOWS := gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 imagemagick nsis zip unzip wine wine64

# apt-get needs root: use sudo when we are not root.
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

# App name and version, read from FyneApp.toml so that it stays the one
# place where they are written down.
APP_NAME    := $(shell sed -n 's/^Name *= *"\(.*\)"/\1/p' FyneApp.toml)
APP_VERSION := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
APP_BUILD   := $(shell sed -n 's/^Build *= *\([0-9]*\).*/\1/p' FyneApp.toml)

# Extra arguments for `make run`, e.g. make run ARGS='--data /tmp/demo.db'
ARGS ?=

.PHONY: help deps deps-windows run test fuzz bench bench-big smoke package-linux package-windows package-macos build

# help: list the targets.
help:
	@echo 'make deps           install the Debian packages needed to build and test'
	@echo 'make run ARGS=...   run the desktop app'
	@echo 'make test           run all tests (the store with the race detector)'
	@echo 'make fuzz           fuzz the store record decoder for 20 s'
	@echo 'make bench          run all benchmarks'
	@echo 'make bench-big      measure the 5,000 x 30 workshop (issue 15 table), 3 runs each'
	@echo 'make smoke          start the app under Xvfb and check its window'
	@echo 'make package-linux  build dist/workshopdesk-<version>-linux-<arch>.tar.xz'
	@echo 'make package-windows build the Windows zip and setup.exe in dist/ (on Debian)'
	@echo 'make package-macos  build the macOS CLI in dist/; on a Mac, the app too'
	@echo 'make build          build bin/workshopdesk and bin/workshopctl'

# deps: install the missing Debian packages from DEB_PACKAGES (quietly does
# nothing when all are there; only prints a note where there is no apt-get).
deps: PKGS = $(DEB_PACKAGES)
deps-windows: PKGS = $(DEB_PACKAGES) $(DEB_PACKAGES_WINDOWS)
deps deps-windows:
	@if ! command -v apt-get >/dev/null 2>&1; then \
		echo "deps: no apt-get here, skipping; you need a C compiler, pkg-config, OpenGL/X11 and ALSA headers, Xvfb and xwininfo"; \
	else \
		missing=; \
		for p in $(PKGS); do \
			dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
		done; \
		if [ -n "$$missing" ]; then \
			echo "deps: installing$$missing"; \
			$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -q && \
			$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
		fi; \
	fi

# run: start the desktop app from source.
run: deps
	$(GO) run ./cmd/workshopdesk $(ARGS)

# test: the store (where most of the concurrency lives) and the PDF
# package's concurrent tests under the race detector, then everything
# without it (the UI and PDF tests are slow under -race).
test: deps
	$(GO) test -race -count=1 ./store/...
	$(GO) test -race -count=1 -run Concurrent ./ui/pdf/
	$(GO) test -count=1 -timeout 30m ./...

# fuzz: fuzz the store's record decoder for a while.
fuzz:
	$(GO) test ./store/ -run '^$$' -fuzz FuzzDecodeRecord -fuzztime 20s

# bench: run every benchmark, no tests.
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# bench-big: the figures of the README's performance section, measured on
# one 5,000-participant x 30-session workshop (built once, then cached
# under $$WORKSHOPDESK_BENCH_DIR or /var/tmp). BENCH_COUNT repeats them.
BENCH_COUNT ?= 3
bench-big:
	$(GO) test ./store/ -run '^$$' -bench 'BigWorkshop' -benchtime 3x -count $(BENCH_COUNT) -timeout 60m

# smoke: .ci/smoke builds the app into a temp dir, starts it on a demo data
# file under Xvfb and checks that its window appears and stays up.
smoke: deps
	bash .ci/smoke

# package-linux: a Linux tarball (binary, .desktop file, icon, install Makefile)
# in dist/. The fyne tool reads FyneApp.toml only from its --src folder, and
# it builds the package in that folder too, so it cannot both see our
# FyneApp.toml (repository root) and build cmd/workshopdesk. We therefore
# build the binary ourselves, the way `fyne package --release` would, and let
# the tool package it with --src at the root, where it picks up every value
# of FyneApp.toml (name, app ID, icon, version, [LinuxAndBSD] desktop entry).
# The tool also rewrites FyneApp.toml (Build + 1, comments dropped) after a
# successful run; we put the file back as it was.
package-linux: deps
	@set -e; \
	tmp=$$(mktemp -d); \
	cp FyneApp.toml "$$tmp/FyneApp.toml"; \
	trap 'cat "$$tmp/FyneApp.toml" > FyneApp.toml; rm -rf "$$tmp"' EXIT; \
	echo "package-linux: building $(APP_NAME) $(APP_VERSION)"; \
	CGO_ENABLED=1 $(GO) build -trimpath -tags release -ldflags '-s -w -X main.version=$(APP_VERSION)' -o "$$tmp/workshopdesk" ./cmd/workshopdesk; \
	$(FYNE) package --target linux --src . --executable "$$tmp/workshopdesk" --release; \
	mkdir -p dist; \
	out="dist/workshopdesk-$(APP_VERSION)-linux-$$($(GO) env GOARCH).tar.xz"; \
	mv "$(APP_NAME).tar.xz" "$$out"; \
	echo "package-linux: wrote $$out"

# package-windows: on Debian, cross-build the app (cgo, mingw-w64) and the
# CLI for windows/amd64, then write the portable zip and the per-user NSIS
# installer in dist/. cmd/workshopdesk/windows/package.sh does the work;
# the packaging files (resource script, manifest, installer script) live
# beside it.
package-windows: deps-windows
	GO='$(GO)' cmd/workshopdesk/windows/package.sh '$(APP_NAME)' '$(APP_VERSION)' '$(APP_BUILD)' dist

# package-macos: the CLI is pure Go and cross-builds anywhere: it goes into
# dist/ for Intel and Apple silicon. The app needs cgo against Apple's SDK,
# so it is only built on a Mac (with Xcode's command line tools), where
# this target also makes dist/workshopdesk-<version>-macos-<arch>.zip
# holding "Workshop Desk.app" (the fyne tool, as for package-linux).
package-macos:
	@set -e; mkdir -p dist; \
	for arch in amd64 arm64; do \
		out="dist/workshopctl-$(APP_VERSION)-macos-$$arch"; \
		CGO_ENABLED=0 GOOS=darwin GOARCH=$$arch $(GO) build -trimpath -ldflags '-s -w' -o "$$out" ./cmd/workshopctl; \
		echo "package-macos: wrote $$out"; \
	done; \
	if [ "$$(uname -s)" != Darwin ]; then \
		echo "package-macos: the app needs a Mac (cgo with Apple's SDK); run make package-macos there for it"; \
		exit 0; \
	fi; \
	tmp=$$(mktemp -d); \
	cp FyneApp.toml "$$tmp/FyneApp.toml"; \
	trap 'cat "$$tmp/FyneApp.toml" > FyneApp.toml; rm -rf "$$tmp"' EXIT; \
	CGO_ENABLED=1 $(GO) build -trimpath -tags release -ldflags '-s -w -X main.version=$(APP_VERSION)' -o "$$tmp/workshopdesk" ./cmd/workshopdesk; \
	$(FYNE) package --target darwin --src . --executable "$$tmp/workshopdesk" --release; \
	out="dist/workshopdesk-$(APP_VERSION)-macos-$$($(GO) env GOARCH).zip"; \
	rm -f "$$out"; zip -q -r -y "$$out" "$(APP_NAME).app"; rm -rf "$(APP_NAME).app"; \
	echo "package-macos: wrote $$out"

# build: both binaries into ./bin (the CLI without cgo).
build: deps
	mkdir -p bin
	$(GO) build -ldflags '-X main.version=$(APP_VERSION)' -o bin/workshopdesk ./cmd/workshopdesk
	CGO_ENABLED=0 $(GO) build -o bin/workshopctl ./cmd/workshopctl
