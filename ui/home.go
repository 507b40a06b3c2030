package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
)

// homeScreen is the workshop list, newest first, or the welcome choices
// when the data file holds no workshop yet.
type homeScreen struct {
	u         *App
	workshops []store.WorkshopSummary
	list      *widget.List   // nil on the welcome screen
	create    *widget.Button // create a workshop
	sample    *widget.Button // open the sample workshop
	content   fyne.CanvasObject
}

func newHomeScreen(u *App) *homeScreen {
	h := &homeScreen{u: u}
	h.create = widget.NewButtonWithIcon(lang.L("Create a workshop"), theme.ContentAddIcon(), func() { showWorkshopForm(u, nil) })
	h.create.Importance = widget.HighImportance
	h.sample = widget.NewButtonWithIcon(lang.L("Open the sample workshop"), theme.FolderOpenIcon(), u.openSample)
	list, err := u.st.Workshops()
	if err != nil {
		u.showError(err)
	}
	h.workshops = list
	if len(list) == 0 {
		h.content = h.welcome()
	} else {
		h.content = h.listView()
	}
	return h
}

func (h *homeScreen) welcome() fyne.CanvasObject {
	title := canvas.NewText(lang.L("Welcome to Workshop Desk"), theme.Color(theme.ColorNameForeground))
	title.TextSize = 28
	title.TextStyle.Bold = true
	title.Alignment = fyne.TextAlignCenter
	intro := widget.NewLabel(lang.L("Run a training workshop from this laptop, with or without internet: participants, agenda, attendance and certificates, all kept safe in one data file."))
	intro.Wrapping = fyne.TextWrapWord
	intro.Alignment = fyne.TextAlignCenter
	explore := widget.NewLabel(lang.L("New here? The sample workshop in Addis Ababa has an agenda, 40 participants from many countries and scripts, and some attendance already taken."))
	explore.Wrapping = fyne.TextWrapWord
	explore.Alignment = fyne.TextAlignCenter
	explore.TextStyle.Italic = true
	icon := canvas.NewImageFromResource(h.u.app.Icon())
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSize(96, 96))
	box := container.NewVBox(
		container.NewCenter(icon), title, intro,
		container.NewCenter(container.NewHBox(h.create, h.sample)),
		explore,
	)
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(640, 380), box))
}

func (h *homeScreen) listView() fyne.CanvasObject {
	h.list = widget.NewList(
		func() int { return len(h.workshops) },
		func() fyne.CanvasObject {
			title := widget.NewLabelWithStyle("Title", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			detail := widget.NewLabel("City · dates")
			count := widget.NewLabel("0 participants")
			return container.NewBorder(nil, nil, nil, count, container.NewVBox(title, detail))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			w := h.workshops[i]
			row := o.(*fyne.Container)
			texts := row.Objects[0].(*fyne.Container).Objects
			texts[0].(*widget.Label).SetText(w.Title)
			country, _ := countryName(w.Country)
			texts[1].(*widget.Label).SetText(fmt.Sprintf("%s, %s · %s · %s", w.City, country, formatDates(w.StartDate, w.EndDate), w.Code))
			row.Objects[1].(*widget.Label).SetText(count(w.Participants, "{{.Count}} participant", "{{.Count}} participants"))
		})
	h.list.OnSelected = func(i widget.ListItemID) { h.u.showWorkshop(h.workshops[i].ID) }
	heading := widget.NewLabelWithStyle(lang.L("Workshops"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.create.SetText(lang.L("New workshop"))
	top := container.NewBorder(nil, nil, heading, container.NewHBox(h.sample, h.create))
	if _, err := h.u.st.FindWorkshop(store.DemoCode); err == nil {
		h.sample.Hide()
	}
	return container.NewBorder(container.NewPadded(top), nil, nil, nil, h.list)
}
