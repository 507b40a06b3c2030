package pdf

import (
	"fmt"
	"slices"
	"sync"
	"unicode"

	"github.com/workshopdesk/workshopdesk/assets"
	"golang.org/x/text/unicode/norm"
)

// Font families. Text picks one for each run of characters by script;
// callers only choose the style: "" (regular) or "B" (bold).
const (
	FamilySans     = "NotoSans"          // Latin (incl. Vietnamese), Cyrillic, Greek
	FamilyArabic   = "NotoSansArabic"    // Arabic, with the presentation forms
	FamilyEthiopic = "NotoSansEthiopic"  // Ethiopic (Amharic, Tigrinya)
	FamilyCJK      = "DroidSansFallback" // Chinese, kana (regular only)
)

// The families whose text is shaped (shape.go): their glyphs are drawn as
// outlines, with the text underneath as invisible text.
const (
	FamilyDevanagari = "NotoSansDevanagari" // Hindi, Nepali, Marathi
	FamilyBengali    = "NotoSansBengali"
	FamilyTamil      = "NotoSansTamil"
	FamilySinhala    = "NotoSansSinhala"
	FamilyThai       = "NotoSansThai"
	FamilyKhmer      = "NotoSansKhmer"
	FamilyMyanmar    = "NotoSansMyanmar"
	FamilyHebrew     = "NotoSansHebrew"
	FamilyGeorgian   = "NotoSansGeorgian"
	FamilyArmenian   = "NotoSansArmenian"
)

// shapedScripts maps each shaped family to its Unicode script.
var shapedScripts = []struct {
	family string
	table  *unicode.RangeTable
}{
	{FamilyDevanagari, unicode.Devanagari},
	{FamilyBengali, unicode.Bengali},
	{FamilyTamil, unicode.Tamil},
	{FamilySinhala, unicode.Sinhala},
	{FamilyThai, unicode.Thai},
	{FamilyKhmer, unicode.Khmer},
	{FamilyMyanmar, unicode.Myanmar},
	{FamilyHebrew, unicode.Hebrew},
	{FamilyGeorgian, unicode.Georgian},
	{FamilyArmenian, unicode.Armenian},
}

// Font is one embedded font file: a family in one style.
type Font struct {
	Family string // one of the Family constants
	Style  string // "" or "B"
	Name   string // e.g. "Noto Sans Bold"
	Shaped bool   // text is shaped and drawn as outlines (shape.go)
	data   []byte

	once sync.Once
	ttf  *ttf
	err  error

	shaper fontShaper // the shaping face, parsed when first needed
}

// Data returns the font file.
func (f *Font) Data() []byte { return f.data }

func (f *Font) parse() (*ttf, error) {
	f.once.Do(func() {
		f.ttf, f.err = parseTTF(f.data)
		if f.err != nil {
			f.err = fmt.Errorf("font %s: %w", f.Name, f.err)
		}
	})
	return f.ttf, f.err
}

// Coverage returns the characters the font can draw; an unreadable font
// covers nothing (and NewDoc reports it).
func (f *Font) Coverage() *Coverage {
	t, err := f.parse()
	if err != nil {
		return &Coverage{}
	}
	return &t.cov
}

var fonts = []*Font{
	{Family: FamilySans, Name: "Noto Sans Regular", data: assets.NotoSansRegular},
	{Family: FamilySans, Style: "B", Name: "Noto Sans Bold", data: assets.NotoSansBold},
	{Family: FamilyArabic, Name: "Noto Sans Arabic Regular", data: assets.NotoSansArabicRegular},
	{Family: FamilyArabic, Style: "B", Name: "Noto Sans Arabic Bold", data: assets.NotoSansArabicBold},
	{Family: FamilyEthiopic, Name: "Noto Sans Ethiopic Regular", data: assets.NotoSansEthiopicRegular},
	{Family: FamilyEthiopic, Style: "B", Name: "Noto Sans Ethiopic Bold", data: assets.NotoSansEthiopicBold},
	{Family: FamilyCJK, Name: "Droid Sans Fallback Full", data: assets.DroidSansFallbackFull},
	{Family: FamilyDevanagari, Shaped: true, Name: "Noto Sans Devanagari Regular", data: assets.NotoSansDevanagariRegular},
	{Family: FamilyDevanagari, Style: "B", Shaped: true, Name: "Noto Sans Devanagari Bold", data: assets.NotoSansDevanagariBold},
	{Family: FamilyBengali, Shaped: true, Name: "Noto Sans Bengali Regular", data: assets.NotoSansBengaliRegular},
	{Family: FamilyBengali, Style: "B", Shaped: true, Name: "Noto Sans Bengali Bold", data: assets.NotoSansBengaliBold},
	{Family: FamilyTamil, Shaped: true, Name: "Noto Sans Tamil Regular", data: assets.NotoSansTamilRegular},
	{Family: FamilyTamil, Style: "B", Shaped: true, Name: "Noto Sans Tamil Bold", data: assets.NotoSansTamilBold},
	{Family: FamilySinhala, Shaped: true, Name: "Noto Sans Sinhala Regular", data: assets.NotoSansSinhalaRegular},
	{Family: FamilySinhala, Style: "B", Shaped: true, Name: "Noto Sans Sinhala Bold", data: assets.NotoSansSinhalaBold},
	{Family: FamilyThai, Shaped: true, Name: "Noto Sans Thai Regular", data: assets.NotoSansThaiRegular},
	{Family: FamilyThai, Style: "B", Shaped: true, Name: "Noto Sans Thai Bold", data: assets.NotoSansThaiBold},
	{Family: FamilyKhmer, Shaped: true, Name: "Noto Sans Khmer Regular", data: assets.NotoSansKhmerRegular},
	{Family: FamilyKhmer, Style: "B", Shaped: true, Name: "Noto Sans Khmer Bold", data: assets.NotoSansKhmerBold},
	{Family: FamilyMyanmar, Shaped: true, Name: "Noto Sans Myanmar Regular", data: assets.NotoSansMyanmarRegular},
	{Family: FamilyMyanmar, Style: "B", Shaped: true, Name: "Noto Sans Myanmar Bold", data: assets.NotoSansMyanmarBold},
	{Family: FamilyHebrew, Shaped: true, Name: "Noto Sans Hebrew Regular", data: assets.NotoSansHebrewRegular},
	{Family: FamilyHebrew, Style: "B", Shaped: true, Name: "Noto Sans Hebrew Bold", data: assets.NotoSansHebrewBold},
	{Family: FamilyGeorgian, Shaped: true, Name: "Noto Sans Georgian Regular", data: assets.NotoSansGeorgianRegular},
	{Family: FamilyGeorgian, Style: "B", Shaped: true, Name: "Noto Sans Georgian Bold", data: assets.NotoSansGeorgianBold},
	{Family: FamilyArmenian, Shaped: true, Name: "Noto Sans Armenian Regular", data: assets.NotoSansArmenianRegular},
	{Family: FamilyArmenian, Style: "B", Shaped: true, Name: "Noto Sans Armenian Bold", data: assets.NotoSansArmenianBold},
}

// families in fallback order: a character no preferred family covers is
// drawn with the first one that does.
var families = []string{FamilySans, FamilyArabic, FamilyEthiopic, FamilyCJK,
	FamilyDevanagari, FamilyBengali, FamilyTamil, FamilySinhala, FamilyThai,
	FamilyKhmer, FamilyMyanmar, FamilyHebrew, FamilyGeorgian, FamilyArmenian}

// Fonts returns the embedded fonts.
func Fonts() []*Font { return slices.Clone(fonts) }

// face returns the font of family in style, or the regular one when the
// family has no such style (Chinese has no bold).
func face(family, style string) *Font {
	var regular *Font
	for _, f := range fonts {
		if f.Family != family {
			continue
		}
		if f.Style == style {
			return f
		}
		if f.Style == "" {
			regular = f
		}
	}
	return regular
}

// preferredFamily returns the family that should draw r by its script, or
// "" for characters common to scripts (spaces, digits, punctuation, marks),
// which follow their neighbours.
func preferredFamily(r rune) string {
	switch {
	case unicode.In(r, unicode.Arabic):
		return FamilyArabic
	case unicode.In(r, unicode.Ethiopic):
		return FamilyEthiopic
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Bopomofo, unicode.Hangul):
		return FamilyCJK
	case unicode.In(r, unicode.Latin, unicode.Cyrillic, unicode.Greek):
		return FamilySans
	}
	for _, s := range shapedScripts {
		if unicode.Is(s.table, r) {
			return s.family
		}
	}
	return ""
}

// covers reports whether family (in its regular style, which every style
// of our families matches) draws r.
func covers(family string, r rune) bool {
	return face(family, "").Coverage().Has(r)
}

// fallbackFamily returns the first family, in fallback order, that draws
// r, or "".
func fallbackFamily(r rune) string {
	for _, fam := range families {
		if covers(fam, r) {
			return fam
		}
	}
	return ""
}

// invisible reports whether r draws nothing and may be dropped when no font
// has it: controls, format characters (ZWJ, bidi marks) and variation
// selectors.
func invisible(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r)
}

// drawable reports whether some embedded font draws r. Arabic letters count
// as drawable when the Arabic font has the letter itself; shaping then uses
// its presentation forms where the font has them.
func drawable(r rune) bool {
	return fallbackFamily(r) != ""
}

// MissingGlyphs returns the characters of s, after NFC normalisation, that
// no embedded font can draw, each once in order of first appearance;
// spaces, controls and invisible format characters are ignored. The app
// lists them before printing so that no name silently prints as boxes.
func MissingGlyphs(s string) []rune {
	var out []rune
	for _, r := range norm.NFC.String(s) {
		if unicode.IsSpace(r) || invisible(r) || drawable(r) || slices.Contains(out, r) {
			continue
		}
		out = append(out, r)
	}
	return out
}
