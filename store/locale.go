package store

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Formatting of dates, times, numbers, percentages and counted nouns in
// the printed languages (CertificateLanguages: en, fr, es, ar, ru, zh),
// for printouts, exports and the command line. Each function takes the
// language as a tag ("fr", "fr-SN", "ES"); an unknown one formats as
// English.

// PrintLanguage returns the printed language a tag names, ignoring case
// and a region ("fr-CA" is "fr"): one of CertificateLanguages, or "en"
// when the tag names none.
func PrintLanguage(tag string) string {
	lang := strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(lang, "-_"); i > 0 {
		lang = lang[:i]
	}
	for _, l := range CertificateLanguages {
		if l == lang {
			return lang
		}
	}
	return "en"
}

// WorkingLanguage returns the language to print a workshop's documents
// in: override when given (the --language of the command line), else the
// workshop's working language, normalised by PrintLanguage.
func (w *Workshop) WorkingLanguage(override string) string {
	if strings.TrimSpace(override) != "" {
		return PrintLanguage(override)
	}
	return PrintLanguage(w.Language)
}

// nbsp keeps a number with its unit, and a day with its month.
const nbsp = "\u00a0"

// monthNames are the months as they stand after a day number (Russian in
// the genitive: "3 декабря").
var monthNames = map[string][12]string{
	"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	"fr": {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	"es": {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
	"ar": {"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"},
	"ru": {"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"},
}

// shortMonths are the months abbreviated, for tables.
var shortMonths = map[string][12]string{
	"en": {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
	"fr": {"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."},
	"es": {"ene.", "feb.", "mar.", "abr.", "may.", "jun.", "jul.", "ago.", "sept.", "oct.", "nov.", "dic."},
	"ru": {"янв.", "февр.", "мар.", "апр.", "мая", "июн.", "июл.", "авг.", "сент.", "окт.", "нояб.", "дек."},
}

// weekdayNames are the days of the week, Sunday first.
var weekdayNames = map[string][7]string{
	"en": {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
	"fr": {"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"},
	"es": {"domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"},
	"ar": {"الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"},
	"ru": {"воскресенье", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота"},
	"zh": {"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"},
}

// shortWeekdays are the days of the week abbreviated, Sunday first.
var shortWeekdays = map[string][7]string{
	"en": {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
	"fr": {"dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."},
	"es": {"dom.", "lun.", "mar.", "mié.", "jue.", "vie.", "sáb."},
	"ar": {"الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"},
	"ru": {"вс", "пн", "вт", "ср", "чт", "пт", "сб"},
	"zh": {"周日", "周一", "周二", "周三", "周四", "周五", "周六"},
}

// MonthName returns month m as it follows a day number in lang: "décembre".
func MonthName(lang string, m time.Month) string {
	if names, ok := monthNames[PrintLanguage(lang)]; ok && m >= 1 && m <= 12 {
		return names[m-1]
	}
	return m.String()
}

// ShortMonthName returns month m abbreviated in lang, for tables and
// the screens: "déc.", "dic."; Go's English abbreviation where lang has
// none.
func ShortMonthName(lang string, m time.Month) string {
	if names, ok := shortMonths[PrintLanguage(lang)]; ok && m >= 1 && m <= 12 {
		return names[m-1]
	}
	return m.String()[:3]
}

// ShortWeekdayName returns the day of the week abbreviated in lang:
// "jeu.", "jue.".
func ShortWeekdayName(lang string, wd time.Weekday) string {
	return shortWeekdays[PrintLanguage(lang)][wd]
}

// WeekdayName returns the day of the week in lang: "jeudi", "jueves".
func WeekdayName(lang string, wd time.Weekday) string {
	return weekdayNames[PrintLanguage(lang)][wd]
}

func weekdayOf(d Date) time.Weekday {
	return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC).Weekday()
}

// LongDate writes d in full in lang: "3 December 2026", "3 décembre 2026"
// ("1er décembre"), "3 de diciembre de 2026", "3 декабря 2026 г.",
// "3 ديسمبر 2026", "2026年12月3日"; "" for the zero date. The parts are
// joined with no-break spaces, so a date never breaks across lines.
func LongDate(lang string, d Date) string {
	if d.IsZero() {
		return ""
	}
	lang = PrintLanguage(lang)
	day, month, year := strconv.Itoa(d.Day), MonthName(lang, d.Month), strconv.Itoa(d.Year)
	switch lang {
	case "fr":
		if d.Day == 1 {
			day = "1er"
		}
	case "es":
		return day + nbsp + "de" + nbsp + month + nbsp + "de" + nbsp + year
	case "ru":
		return day + nbsp + month + nbsp + year + nbsp + "г."
	case "zh":
		return fmt.Sprintf("%d年%d月%d日", d.Year, d.Month, d.Day)
	}
	return day + nbsp + month + nbsp + year
}

// WeekdayDate writes d in full with its weekday in lang: "Thursday
// 3 December 2026", "jeudi 3 décembre 2026", "jueves 3 de diciembre de
// 2026", "четверг, 3 декабря 2026 г.", "الخميس 3 ديسمبر 2026",
// "2026年12月3日 星期四".
func WeekdayDate(lang string, d Date) string {
	if d.IsZero() {
		return ""
	}
	lang = PrintLanguage(lang)
	wd := WeekdayName(lang, weekdayOf(d))
	switch lang {
	case "ru":
		return wd + ", " + LongDate(lang, d)
	case "zh":
		return LongDate(lang, d) + " " + wd
	}
	return wd + " " + LongDate(lang, d)
}

// ShortDate writes d briefly with its weekday, for tables: "Thu 3 Dec
// 2026", "jeu. 3 déc. 2026", "jue. 3 dic. 2026", "чт, 3 дек. 2026",
// "الخميس 3 ديسمبر 2026", "2026年12月3日 周四".
func ShortDate(lang string, d Date) string {
	if d.IsZero() {
		return ""
	}
	lang = PrintLanguage(lang)
	wd := shortWeekdays[lang][weekdayOf(d)]
	switch lang {
	case "zh":
		return LongDate(lang, d) + " " + wd
	case "ar":
		return wd + " " + LongDate(lang, d)
	case "ru":
		wd += ","
	}
	return wd + " " + strconv.Itoa(d.Day) + nbsp + shortMonths[lang][d.Month-1] + nbsp + strconv.Itoa(d.Year)
}

// DateTime writes the instant t (on its own clock) in lang: "3 December
// 2026, 14:05", "3 décembre 2026, 14:05", "2026年12月3日 14:05".
func DateTime(lang string, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	lang = PrintLanguage(lang)
	sep := ", "
	switch lang {
	case "zh":
		sep = " "
	case "ar":
		sep = "، "
	}
	return LongDate(lang, DateOf(t)) + sep + t.Format("15:04")
}

// decimalComma are the languages that write 10,5 rather than 10.5.
var decimalComma = map[string]bool{"fr": true, "es": true, "ru": true}

// Number writes v rounded to at most decimals places (trailing zeros
// dropped) with the decimal separator and digit grouping of lang: 1,234.5
// in English, 1 234,5 in French (narrow no-break space), 1234,5 in
// Spanish (groups from five digits: 12.345,5), 1 234,5 in Russian.
func Number(lang string, v float64, decimals int) string {
	p := math.Pow(10, float64(decimals))
	v = math.Round(v*p) / p
	return localNumber(lang, strconv.FormatFloat(math.Abs(v), 'f', -1, 64), v < 0)
}

// Decimal writes v with exactly decimals places, trailing zeros kept,
// with the separators of lang as Number: "13.0" in English, "13,0" in
// French and Spanish (the screens' hours and percentages).
func Decimal(lang string, v float64, decimals int) string {
	p := math.Pow(10, float64(decimals))
	v = math.Round(v*p) / p
	return localNumber(lang, strconv.FormatFloat(math.Abs(v), 'f', max(decimals, 0), 64), v < 0)
}

// localNumber writes the digits s ("1234.5") of a number with the
// separators of lang, negative when neg.
func localNumber(lang, s string, neg bool) string {
	lang = PrintLanguage(lang)
	whole, frac, _ := strings.Cut(s, ".")
	group, point := ",", "."
	switch lang {
	case "fr":
		group, point = "\u202f", ","
	case "es":
		group, point = ".", ","
		if len(whole) <= 4 {
			group = ""
		}
	case "ru":
		group, point = "\u00a0", ","
	}
	if group != "" && len(whole) > 3 {
		var b strings.Builder
		for i, r := range whole {
			if i > 0 && (len(whole)-i)%3 == 0 {
				b.WriteString(group)
			}
			b.WriteRune(r)
		}
		whole = b.String()
	}
	if neg {
		whole = "-" + whole
	}
	if frac != "" {
		return whole + point + frac
	}
	return whole
}

// Percent writes the percentage v with one decimal at most: "85.5%",
// "85,5 %" (French, Spanish and Russian put a no-break space before the
// sign).
func Percent(lang string, v float64) string {
	lang = PrintLanguage(lang)
	if decimalComma[lang] {
		return Number(lang, v, 1) + nbsp + "%"
	}
	return Number(lang, v, 1) + "%"
}

// Hours writes h hours briefly, for tables and totals: "10.5 h",
// "10,5 h", "10,5 ч", "10.5小时", "10.5 س".
func Hours(lang string, h float64) string {
	lang = PrintLanguage(lang)
	unit := map[string]string{"ru": nbsp + "ч", "zh": "小时", "ar": nbsp + "س"}[lang]
	if unit == "" {
		unit = nbsp + "h"
	}
	return Number(lang, h, 2) + unit
}

// PluralIndex returns which form of a noun goes with the count n in lang:
// 0 the singular, 1 the plural, 2 the Russian genitive plural ("5
// участников") or the Arabic form after 2 and 11 on. French takes the singular for 0 and 1; English and
// Spanish for 1 only; Chinese has one form.
func PluralIndex(lang string, n int) int {
	switch PrintLanguage(lang) {
	case "fr":
		if n == 0 || n == 1 || n == -1 {
			return 0
		}
		return 1
	case "zh":
		return 0
	case "ru":
		m10, m100 := n%10, n%100
		switch {
		case m10 == 1 && m100 != 11:
			return 0
		case m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14):
			return 1
		}
		return 2
	case "ar":
		switch {
		case n == 1:
			return 0
		case n%100 >= 3 && n%100 <= 10:
			return 1
		}
		return 2
	}
	if n == 1 {
		return 0
	}
	return 1
}

// Count writes n and the form of the noun that goes with it in lang
// (forms as PluralIndex orders them; the last given stands for any
// missing): Count("fr", 2, "participant", "participants") is
// "2 participants", Count("ru", 5, "участник", "участника", "участников")
// "5 участников". Number and noun are joined by a no-break space (none in
// Chinese).
func Count(lang string, n int, forms ...string) string {
	if len(forms) == 0 {
		return strconv.Itoa(n)
	}
	i := min(PluralIndex(lang, n), len(forms)-1)
	if PrintLanguage(lang) == "zh" {
		return strconv.Itoa(n) + forms[i]
	}
	return Number(lang, float64(n), 0) + nbsp + forms[i]
}
