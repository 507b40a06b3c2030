package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
)

// gridCell is one cell of the grid, which takes its own taps. The table
// works a tap's column out from its scroll offset, and with sticky columns
// it is off by one while a column is half scrolled out of view: a tap on a
// mark would open another session's. The cell knows which it is.
type gridCell struct {
	widget.BaseWidget
	content *fyne.Container
	id      widget.TableCellID
	tapped  func(widget.TableCellID)
}

// CreateRenderer draws the cell's content.
func (c *gridCell) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(c.content) }

// Tapped selects the cell in the table, as a tap on the table would.
func (c *gridCell) Tapped(*fyne.PointEvent) {
	if c.tapped != nil {
		c.tapped(c.id)
	}
}

// tapCell selects the cell tapped and gives the table the keyboard focus,
// for the arrow keys.
func (g *gridView) tapCell(id widget.TableCellID) {
	g.table.Select(id)
	if c := fyne.CurrentApp().Driver().CanvasForObject(g.table); c != nil {
		c.Focus(g.table)
	}
}

// newGridCell makes a cell: a background, a label for text columns, and an
// icon or a letter for session columns.
func newGridCell() fyne.CanvasObject {
	bg := canvas.NewRectangle(color.Transparent)
	label := widget.NewLabel("")
	label.Truncation = fyne.TextTruncateEllipsis
	icon := canvas.NewImageFromResource(gridPresentIcon)
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSquareSize(18))
	sym := canvas.NewText("", theme.Color(theme.ColorNameForeground))
	sym.TextStyle.Bold = true
	sym.Alignment = fyne.TextAlignCenter
	iconBox, symBox := container.NewCenter(icon), container.NewCenter(sym)
	iconBox.Hide()
	symBox.Hide()
	c := &gridCell{content: container.NewStack(bg, label, iconBox, symBox)}
	c.ExtendBaseWidget(c)
	return c
}

// gridCellParts takes a cell made by newGridCell apart.
func gridCellParts(o fyne.CanvasObject) (bg *canvas.Rectangle, label *widget.Label, iconBox *fyne.Container, icon *canvas.Image, symBox *fyne.Container, sym *canvas.Text) {
	c := o.(*gridCell).content
	iconBox, symBox = c.Objects[2].(*fyne.Container), c.Objects[3].(*fyne.Container)
	return c.Objects[0].(*canvas.Rectangle), c.Objects[1].(*widget.Label),
		iconBox, iconBox.Objects[0].(*canvas.Image), symBox, symBox.Objects[0].(*canvas.Text)
}

// tint is a theme colour made faint, for cell backgrounds.
func tint(name fyne.ThemeColorName, alpha uint8) color.Color {
	r, g, b, _ := theme.Color(name).RGBA()
	return rgba(r, g, b, alpha)
}

func (g *gridView) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	cell := o.(*gridCell)
	cell.id, cell.tapped = id, g.tapCell
	bg, label, iconBox, icon, symBox, sym := gridCellParts(o)
	if id.Row < 0 || id.Row >= len(g.rows) {
		return
	}
	pi := g.rows[id.Row]
	ps := &g.stats.Participants[pi]
	var fill color.Color = color.Transparent
	if id.Col >= gridFirstSession {
		label.Hide()
		iconBox.Hide()
		symBox.Hide()
		si := id.Col - gridFirstSession
		cell := g.stats.Cell(pi, si)
		switch cell {
		case store.CellPresent, store.CellAbsent:
			res := gridPresentIcon
			if cell == store.CellAbsent {
				res = gridAbsentIcon
			}
			if icon.Resource != res {
				icon.Resource = res
				icon.Refresh()
			}
			iconBox.Show()
		case store.CellNone:
			fill = tint(theme.ColorNameDisabledButton, 0x60)
		default:
			text, colour := cellLetter(cell)
			if cell == store.CellMissed {
				fill = tint(theme.ColorNameError, 0x22)
			}
			if c := theme.Color(colour); sym.Text != text || sym.Color != c {
				sym.Text, sym.Color = text, c
				sym.Refresh()
			}
			symBox.Show()
		}
		if bg.FillColor != fill {
			bg.FillColor = fill
			bg.Refresh()
		}
		return
	}
	iconBox.Hide()
	symBox.Hide()
	label.Show()
	imp, bold, align := widget.MediumImportance, false, fyne.TextAlignTrailing
	var text string
	switch id.Col {
	case gridColName:
		align = fyne.TextAlignLeading
		text = g.names[pi]
	case gridColStatus:
		align = fyne.TextAlignLeading
		text, imp = standing(&g.elig[pi])
		switch g.elig[pi].Standing() {
		case store.StandingNotEligible:
			fill = tint(theme.ColorNameError, 0x38)
			bold = true
		case store.StandingAtRisk:
			fill = tint(theme.ColorNameWarning, 0x38)
			bold = true
		case store.StandingEligible:
			fill = tint(theme.ColorNameSuccess, 0x26)
		}
	case gridColPercent, gridColSessions, gridColHours:
		text = g.figure(ps, id.Col)
	}
	if bg.FillColor != fill {
		bg.FillColor = fill
		bg.Refresh()
	}
	if label.Text != text || label.Importance != imp || label.TextStyle.Bold != bold || label.Alignment != align {
		label.Importance, label.TextStyle.Bold, label.Alignment = imp, bold, align
		label.SetText(text) // refreshes; unchanged cells are not redrawn
	}
}

// cellLetter is how a session cell that is not present or absent shows.
func cellLetter(c store.CellStatus) (string, fyne.ThemeColorName) {
	switch c {
	case store.CellLate:
		return lang.X("grid.letter.late", "L"), theme.ColorNameWarning
	case store.CellExcused:
		return lang.X("grid.letter.excused", "E"), theme.ColorNamePrimary
	case store.CellMissed:
		return "?", theme.ColorNameError
	case store.CellPending:
		return "·", theme.ColorNameForeground
	case store.CellNotApplicable:
		return "–", theme.ColorNamePlaceHolder
	}
	return "", theme.ColorNameForeground
}

// gridLegend explains the symbols of the session cells.
func gridLegend() fyne.CanvasObject {
	item := func(sym fyne.CanvasObject, text string) fyne.CanvasObject {
		l := widget.NewLabel(text)
		l.SizeName = theme.SizeNameCaptionText
		return container.NewHBox(sym, l)
	}
	icon := func(res fyne.Resource) fyne.CanvasObject {
		i := canvas.NewImageFromResource(res)
		i.FillMode = canvas.ImageFillContain
		i.SetMinSize(fyne.NewSquareSize(16))
		return container.NewCenter(i)
	}
	letter := func(c store.CellStatus) fyne.CanvasObject {
		text, colour := cellLetter(c)
		t := canvas.NewText(text, theme.Color(colour))
		t.TextStyle.Bold = true
		return container.NewCenter(t)
	}
	box := container.NewHBox(
		item(icon(gridPresentIcon), lang.L("present")),
		item(letter(store.CellLate), lang.L("late")),
		item(letter(store.CellExcused), lang.L("excused")),
		item(icon(gridAbsentIcon), lang.L("absent")),
		item(letter(store.CellMissed), lang.L("not marked, counts as absent")),
		item(letter(store.CellPending), lang.L("to come")),
		item(letter(store.CellNotApplicable), lang.L("joined later")),
		item(container.NewCenter(canvas.NewText("*", theme.Color(theme.ColorNameForeground))), lang.L("mandatory")),
	)
	return box
}
