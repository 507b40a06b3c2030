package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// prefCSVSemicolon keeps whether CSV exports separate their fields with
// semicolons, as Excel set to French, Spanish, German and other languages
// with a decimal comma expects (off: commas).
const prefCSVSemicolon = "csv_semicolon"

// csvDelimiter is the delimiter of the CSV files the app writes.
func (u *App) csvDelimiter() rune {
	if u.app.Preferences().Bool(prefCSVSemicolon) {
		return ';'
	}
	return ','
}

// csvMenuItem is the checkable menu item that switches CSV exports between
// commas and semicolons, saved in the preferences.
func (u *App) csvMenuItem() *fyne.MenuItem {
	it := fyne.NewMenuItem(lang.L("Semicolons in CSV files (Excel in French, Spanish…)"), nil)
	it.Checked = u.csvDelimiter() == ';'
	it.Action = func() {
		it.Checked = u.csvDelimiter() != ';'
		u.app.Preferences().SetBool(prefCSVSemicolon, it.Checked)
		if m := u.win.MainMenu(); m != nil {
			m.Refresh()
		}
	}
	return it
}
