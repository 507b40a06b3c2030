package pdf

// A badge whose wearer refused to be photographed carries a small mark, a
// convention at many events: a camera crossed out, white in the role band
// at its right end, where the photographer looks first and few others
// notice it. It has no words, so it reads the same in every language.

// noPhotoWidth is the mark's width on a badge of spec s: about half the
// band's height.
func noPhotoWidth(s badgeSpec) float64 { return s.bandH * 0.55 }

// noPhotoMark draws the mark w wide with its left edge at x, centred on
// the line y.
func noPhotoMark(doc *Doc, x, y, w float64) {
	h := w * 0.62
	top := y - h/2 + w*0.06
	doc.SetDrawColor(255, 255, 255)
	doc.SetLineWidth(w * 0.07)
	doc.pdf.RoundedRect(x, top, w, h, w*0.08, "1234", "D") // body
	doc.Rect(x+w*0.3, top-w*0.12, w*0.4, w*0.12, "D")      // viewfinder
	doc.pdf.Circle(x+w/2, top+h/2, h*0.3, "D")             // lens
	doc.Line(x-w*0.05, top+h+w*0.12, x+w*1.05, top-w*0.18) // the stroke across
	doc.SetDrawColor(0, 0, 0)
}
