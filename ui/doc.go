// Package ui holds the Fyne screens of Workshop Desk: the welcome and
// workshop list, a workshop's sections, the dialogs that create and edit
// records, backup and restore, and the screen shown when the data file
// cannot be opened.
//
// Start builds everything into a window the caller made; only
// cmd/workshopdesk creates the real Fyne app, so every screen here is
// tested headless with fyne.io/fyne/v2/test. The caller resolves the data
// file's path and passes an Opener; the screens never work out paths.
package ui
