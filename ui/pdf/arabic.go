package pdf

import "unicode"

// Arabic shaping to presentation forms.
//
// gofpdf draws one glyph per character through the font's cmap and has no
// OpenType (GSUB) shaping, so Arabic letters would print in their isolated
// forms, unjoined. We choose each letter's contextual form ourselves and
// write it as the matching character of the Arabic Presentation Forms-A/B
// blocks, which the Arabic font maps to its joined glyphs.
//
// No maintained Go package does this: 01walid/goarabic and
// AbdullahDiaa/garabic are small and unmaintained, gopdf's shaper lives
// inside another PDF library, and go-text/typesetting's HarfBuzz port
// shapes to glyph IDs (which gofpdf cannot take: it encodes characters)
// and keeps its presentation-form table unexported. So the table below is
// written here, from the Unicode data: the forms are the presentation-form
// characters whose compatibility decomposition is the letter (<isolated>,
// <final>, <initial>, <medial>), and the joining types follow
// ArabicShaping.txt.

// arabicForms maps an Arabic letter to its presentation forms: isolated,
// final, initial, medial (0 where Unicode has none).
var arabicForms = map[rune][4]rune{
	0x0621: {0xFE80, 0x0000, 0x0000, 0x0000}, // ء
	0x0622: {0xFE81, 0xFE82, 0x0000, 0x0000}, // آ
	0x0623: {0xFE83, 0xFE84, 0x0000, 0x0000}, // أ
	0x0624: {0xFE85, 0xFE86, 0x0000, 0x0000}, // ؤ
	0x0625: {0xFE87, 0xFE88, 0x0000, 0x0000}, // إ
	0x0626: {0xFE89, 0xFE8A, 0xFE8B, 0xFE8C}, // ئ
	0x0627: {0xFE8D, 0xFE8E, 0x0000, 0x0000}, // ا
	0x0628: {0xFE8F, 0xFE90, 0xFE91, 0xFE92}, // ب
	0x0629: {0xFE93, 0xFE94, 0x0000, 0x0000}, // ة
	0x062A: {0xFE95, 0xFE96, 0xFE97, 0xFE98}, // ت
	0x062B: {0xFE99, 0xFE9A, 0xFE9B, 0xFE9C}, // ث
	0x062C: {0xFE9D, 0xFE9E, 0xFE9F, 0xFEA0}, // ج
	0x062D: {0xFEA1, 0xFEA2, 0xFEA3, 0xFEA4}, // ح
	0x062E: {0xFEA5, 0xFEA6, 0xFEA7, 0xFEA8}, // خ
	0x062F: {0xFEA9, 0xFEAA, 0x0000, 0x0000}, // د
	0x0630: {0xFEAB, 0xFEAC, 0x0000, 0x0000}, // ذ
	0x0631: {0xFEAD, 0xFEAE, 0x0000, 0x0000}, // ر
	0x0632: {0xFEAF, 0xFEB0, 0x0000, 0x0000}, // ز
	0x0633: {0xFEB1, 0xFEB2, 0xFEB3, 0xFEB4}, // س
	0x0634: {0xFEB5, 0xFEB6, 0xFEB7, 0xFEB8}, // ش
	0x0635: {0xFEB9, 0xFEBA, 0xFEBB, 0xFEBC}, // ص
	0x0636: {0xFEBD, 0xFEBE, 0xFEBF, 0xFEC0}, // ض
	0x0637: {0xFEC1, 0xFEC2, 0xFEC3, 0xFEC4}, // ط
	0x0638: {0xFEC5, 0xFEC6, 0xFEC7, 0xFEC8}, // ظ
	0x0639: {0xFEC9, 0xFECA, 0xFECB, 0xFECC}, // ع
	0x063A: {0xFECD, 0xFECE, 0xFECF, 0xFED0}, // غ
	0x0641: {0xFED1, 0xFED2, 0xFED3, 0xFED4}, // ف
	0x0642: {0xFED5, 0xFED6, 0xFED7, 0xFED8}, // ق
	0x0643: {0xFED9, 0xFEDA, 0xFEDB, 0xFEDC}, // ك
	0x0644: {0xFEDD, 0xFEDE, 0xFEDF, 0xFEE0}, // ل
	0x0645: {0xFEE1, 0xFEE2, 0xFEE3, 0xFEE4}, // م
	0x0646: {0xFEE5, 0xFEE6, 0xFEE7, 0xFEE8}, // ن
	0x0647: {0xFEE9, 0xFEEA, 0xFEEB, 0xFEEC}, // ه
	0x0648: {0xFEED, 0xFEEE, 0x0000, 0x0000}, // و
	0x0649: {0xFEEF, 0xFEF0, 0xFBE8, 0xFBE9}, // ى
	0x064A: {0xFEF1, 0xFEF2, 0xFEF3, 0xFEF4}, // ي
	0x0671: {0xFB50, 0xFB51, 0x0000, 0x0000}, // ٱ
	0x0679: {0xFB66, 0xFB67, 0xFB68, 0xFB69}, // ٹ
	0x067A: {0xFB5E, 0xFB5F, 0xFB60, 0xFB61}, // ٺ
	0x067B: {0xFB52, 0xFB53, 0xFB54, 0xFB55}, // ٻ
	0x067E: {0xFB56, 0xFB57, 0xFB58, 0xFB59}, // پ
	0x067F: {0xFB62, 0xFB63, 0xFB64, 0xFB65}, // ٿ
	0x0680: {0xFB5A, 0xFB5B, 0xFB5C, 0xFB5D}, // ڀ
	0x0683: {0xFB76, 0xFB77, 0xFB78, 0xFB79}, // ڃ
	0x0684: {0xFB72, 0xFB73, 0xFB74, 0xFB75}, // ڄ
	0x0686: {0xFB7A, 0xFB7B, 0xFB7C, 0xFB7D}, // چ
	0x0687: {0xFB7E, 0xFB7F, 0xFB80, 0xFB81}, // ڇ
	0x0688: {0xFB88, 0xFB89, 0x0000, 0x0000}, // ڈ
	0x068C: {0xFB84, 0xFB85, 0x0000, 0x0000}, // ڌ
	0x068D: {0xFB82, 0xFB83, 0x0000, 0x0000}, // ڍ
	0x068E: {0xFB86, 0xFB87, 0x0000, 0x0000}, // ڎ
	0x0691: {0xFB8C, 0xFB8D, 0x0000, 0x0000}, // ڑ
	0x0698: {0xFB8A, 0xFB8B, 0x0000, 0x0000}, // ژ
	0x06A4: {0xFB6A, 0xFB6B, 0xFB6C, 0xFB6D}, // ڤ
	0x06A6: {0xFB6E, 0xFB6F, 0xFB70, 0xFB71}, // ڦ
	0x06A9: {0xFB8E, 0xFB8F, 0xFB90, 0xFB91}, // ک
	0x06AD: {0xFBD3, 0xFBD4, 0xFBD5, 0xFBD6}, // ڭ
	0x06AF: {0xFB92, 0xFB93, 0xFB94, 0xFB95}, // گ
	0x06B1: {0xFB9A, 0xFB9B, 0xFB9C, 0xFB9D}, // ڱ
	0x06B3: {0xFB96, 0xFB97, 0xFB98, 0xFB99}, // ڳ
	0x06BA: {0xFB9E, 0xFB9F, 0x0000, 0x0000}, // ں
	0x06BB: {0xFBA0, 0xFBA1, 0xFBA2, 0xFBA3}, // ڻ
	0x06BE: {0xFBAA, 0xFBAB, 0xFBAC, 0xFBAD}, // ھ
	0x06C0: {0xFBA4, 0xFBA5, 0x0000, 0x0000}, // ۀ
	0x06C1: {0xFBA6, 0xFBA7, 0xFBA8, 0xFBA9}, // ہ
	0x06C5: {0xFBE0, 0xFBE1, 0x0000, 0x0000}, // ۅ
	0x06C6: {0xFBD9, 0xFBDA, 0x0000, 0x0000}, // ۆ
	0x06C7: {0xFBD7, 0xFBD8, 0x0000, 0x0000}, // ۇ
	0x06C8: {0xFBDB, 0xFBDC, 0x0000, 0x0000}, // ۈ
	0x06C9: {0xFBE2, 0xFBE3, 0x0000, 0x0000}, // ۉ
	0x06CB: {0xFBDE, 0xFBDF, 0x0000, 0x0000}, // ۋ
	0x06CC: {0xFBFC, 0xFBFD, 0xFBFE, 0xFBFF}, // ی
	0x06D0: {0xFBE4, 0xFBE5, 0xFBE6, 0xFBE7}, // ې
	0x06D2: {0xFBAE, 0xFBAF, 0x0000, 0x0000}, // ے
	0x06D3: {0xFBB0, 0xFBB1, 0x0000, 0x0000}, // ۓ
}

// lamAlef maps the alef that follows a lam to the lam-alef ligature:
// isolated, final.
var lamAlef = map[rune][2]rune{
	0x0622: {0xFEF5, 0xFEF6}, // with madda above
	0x0623: {0xFEF7, 0xFEF8}, // with hamza above
	0x0625: {0xFEF9, 0xFEFA}, // with hamza below
	0x0627: {0xFEFB, 0xFEFC}, // plain alef
}

const (
	arabicLam  = 0x0644
	tatweel    = 0x0640
	zwj        = 0x200D
	zwnj       = 0x200C
	formIso    = 0
	formFinal  = 1
	formInit   = 2
	formMedial = 3
)

// joiningType returns the joining type of r as shaping can draw it: 'D'
// (dual-joining) for letters with all four forms, 'R' (right-joining) for
// letters with an isolated and a final form only, 'C' (join-causing:
// tatweel, ZWJ), 'T' (transparent: marks and format characters, which
// joining skips) and 'U' (non-joining) for everything else. A letter that
// ArabicShaping.txt calls dual-joining but that has no initial and medial
// presentation forms (noon ghunna) is treated as right-joining, and one with
// no forms at all as non-joining, so that its neighbours never reach out to
// a join it cannot make.
func joiningType(r rune) byte {
	if f, ok := arabicForms[r]; ok {
		switch {
		case f[formInit] != 0 && f[formMedial] != 0:
			return 'D'
		case f[formFinal] != 0:
			return 'R'
		}
		return 'U'
	}
	switch {
	case r == tatweel || r == zwj:
		return 'C'
	case r == zwnj:
		return 'U'
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		return 'T'
	}
	return 'U'
}

func joinsNext(t byte) bool { return t == 'D' || t == 'C' || t == 'L' }
func joinsPrev(t byte) bool { return t == 'D' || t == 'C' || t == 'R' }

// shapeArabic returns s (in logical order) with its Arabic letters
// replaced by their contextual presentation forms and lam + alef by the
// lam-alef ligature. has reports whether the font has a character; a form
// the font lacks is left as the nominal letter. Text without Arabic letters
// comes back unchanged.
func shapeArabic(s []rune, has func(rune) bool) []rune {
	arabic := false
	for _, r := range s {
		if _, ok := arabicForms[r]; ok {
			arabic = true
			break
		}
	}
	if !arabic {
		return s
	}
	out := make([]rune, 0, len(s))
	types := make([]byte, len(s))
	for i, r := range s {
		types[i] = joiningType(r)
	}
	// prev/next return the index of the nearest non-transparent character.
	prev := func(i int) int {
		for i--; i >= 0 && types[i] == 'T'; i-- {
		}
		return i
	}
	next := func(i int) int {
		for i++; i < len(s) && types[i] == 'T'; i++ {
		}
		return i
	}
	for i := 0; i < len(s); i++ {
		r := s[i]
		forms, ok := arabicForms[r]
		if !ok {
			out = append(out, r)
			continue
		}
		p, n := prev(i), next(i)
		joinPrev := joinsPrev(types[i]) && p >= 0 && joinsNext(types[p])
		joinNext := joinsNext(types[i]) && n < len(s) && joinsPrev(types[n])
		if r == arabicLam && n < len(s) {
			if lig, ok := lamAlef[s[n]]; ok {
				form := lig[0]
				if joinPrev {
					form = lig[1]
				}
				if has(form) {
					out = append(out, form)
					// marks between lam and alef stay, after the ligature
					out = append(out, s[i+1:n]...)
					i = n
					continue
				}
			}
		}
		form := formIso
		switch {
		case joinPrev && joinNext:
			form = formMedial
		case joinPrev:
			form = formFinal
		case joinNext:
			form = formInit
		}
		if f := forms[form]; f != 0 && has(f) {
			r = f
		}
		out = append(out, r)
	}
	return out
}
