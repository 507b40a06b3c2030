// Package pdf makes the printed outputs of Workshop Desk (name badges,
// sign-in sheets) and the text layer they share, so that every name prints
// in its own script: Şule Çağlar, Nguyễn Văn Đức, Дмитрий Иванов, Ελένη
// Παπαδοπούλου, محمد الأمين (joined, right to left), አበበ በቀለ, 李伟.
//
// It is the only package that imports gofpdf (github.com/jung-kurt/gofpdf
// v1.16.2) and it never imports Fyne.
//
// # Fonts
//
// Every font is embedded (package assets) and registered from its bytes
// with AddUTF8FontFromBytes; gofpdf's core fonts (cp1252 only) are never
// used. gofpdf embeds TrueType (glyf) outlines only and encodes text as
// 16-bit characters, so the fonts are:
//
//   - Noto Sans Regular and Bold: Latin with every diacritic and
//     Vietnamese, Cyrillic, Greek (OFL 1.1);
//   - Noto Sans Arabic Regular and Bold, whose cmap maps the Arabic
//     Presentation Forms A and B that shaping produces (OFL 1.1);
//   - Noto Sans Ethiopic Regular and Bold (OFL 1.1);
//   - Droid Sans Fallback Full: Chinese and kana, no bold, so bold is drawn
//     with a thin outline (Apache 2.0). Noto CJK is CFF and cannot be used.
//
// Text picks the family of each run of characters by script; spaces,
// digits and punctuation follow their neighbours. A font is added to a
// document, as a subset, the first time the document draws with it.
// Coverage is read from the same cmap subtable gofpdf uses, so
// MissingGlyphs lists exactly what would not print; the screens show that
// list before printing. A character no font has is drawn as an empty box,
// never silently as "?".
//
// # Arabic and mixed-direction text
//
// gofpdf neither shapes Arabic nor reorders right-to-left text (RTL() only
// reverses the characters of a string). Text does both, in this order:
// NFC normalisation (golang.org/x/text/unicode/norm); Arabic shaping to
// presentation forms with lam-alef ligatures and transparent marks
// (arabic.go, a table written from the Unicode data because no maintained
// Go package provides one that gofpdf can use); then the bidirectional
// algorithm for one line (bidi.go: golang.org/x/text/unicode/bidi gives
// the character classes but does not reorder runs, so the rules lines of
// names and titles need are implemented there) and mirrored brackets.
// Harakat are drawn without the font's mark positioning (GPOS), which is
// readable but approximate.
//
// # Documents
//
// Doc wraps a gofpdf document in millimetres with text sizes in points.
// Its errors are gofpdf's sticky error, checked by Err, Write and WriteTo.
// With CreationDate the output is byte-for-byte reproducible. Write
// replaces a file atomically.
//
// Certificates (certificate.go) are one page each, A4 or Letter, landscape
// or portrait, from a store.CertificateTemplate with fixed wording, dates
// and plurals in English, French, Spanish, Arabic (mirrored, right to
// left), Russian and Chinese (wording.go). The page background (border,
// logos, signatures) is a gofpdf template drawn once per document, each
// image embedded once; the QR code is vector rectangles from the package's
// own level-M encoder (certificate_qr.go, checked module for module
// against ZXing's). CertificateGlyphProblems lists the characters no font
// draws before printing.
//
// The sign-in sheet writes "Page x of y" with the page count it computes
// before drawing (fixed rows per page) rather than with AliasNbPages:
// gofpdf substitutes the alias after measuring, so right-aligned text would
// be placed for the width of "{nb}", and the digits of the substitute reach
// the embedded font subset only by accident (gofpdf pre-adds characters
// 0–56 to a subset: a "9" would be missing).
package pdf
