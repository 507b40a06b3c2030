package pdf

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/workshopdesk/workshopdesk/store"
)

// The fixed wording of certificates in the languages of
// store.CertificateLanguages: titles, the line above the name, the default
// bodies and the small print, with each language's own date format,
// numbers, plurals and quotation marks. A template's own title or body
// replaces the default in every language.
//
// The placeholders of a body take these values, in the certificate's
// language:
//
//	{name}      the name printed in Latin letters (or the native one)
//	{workshop}  the workshop's title as typed
//	{dates}     the period with its preposition: "from 25 to 27 November
//	            2026", "du 25 au 27 novembre 2026", "2026年11月25日至27日";
//	            one day: "on 25 November 2026"
//	{venue}     city and country, the country named in the language
//	{hours}     "14 hours", "10,5 heures", "14 часов"
//	{sessions}  "7 of 9 sessions", "7 séances sur 9", "7 из 9 занятий"
//	{organiser} the workshop's organiser as typed
//	{role}      the role, by the participant's gender where the language
//	            has one: "speaker", "intervenante", "спикер"

// A wording key names one fixed text.
type wordingKey string

// The wording keys. A default body is body + the clause that fits the
// figures known (hours and sessions, hours only, sessions only, none) +
// bodyEnd; the appreciation body has no clause.
const (
	wTitle            wordingKey = "title"              // certificate of attendance
	wTitleApp         wordingKey = "title_appreciation" // certificate of appreciation
	wTitleCompletion  wordingKey = "title_completion"   // certificate of completion (post-test passed)
	wPresented        wordingKey = "presented"          // the line above the name
	wPresentedApp     wordingKey = "presented_appreciation"
	wBody             wordingKey = "body"
	wClauseBoth       wordingKey = "clause_hours_sessions"
	wClauseHours      wordingKey = "clause_hours"
	wClauseSessions   wordingKey = "clause_sessions"
	wBodyEnd          wordingKey = "body_end"
	wBodyApp          wordingKey = "body_appreciation"
	wVerify           wordingKey = "verify" // under the QR code
	wNumber           wordingKey = "number" // label of the certificate number
	wDocTitle         wordingKey = "document_title"
	wDocTitleApp      wordingKey = "document_title_appreciation"
	wDecimalSeparator wordingKey = "decimal_separator"
)

// wordingKeys lists every key; each language has them all (tested).
var wordingKeys = []wordingKey{wTitle, wTitleApp, wTitleCompletion, wPresented, wPresentedApp, wBody,
	wClauseBoth, wClauseHours, wClauseSessions, wBodyEnd, wBodyApp, wVerify, wNumber,
	wDocTitle, wDocTitleApp, wDecimalSeparator}

// wordings holds the fixed texts by language. French puts a no-break space
// (U+00A0) inside « » and before the colon; Chinese uses full-width
// punctuation.
var wordings = map[string]map[wordingKey]string{
	"en": {
		wTitle:            "Certificate of Attendance",
		wTitleApp:         "Certificate of Appreciation",
		wTitleCompletion:  "Certificate of Completion",
		wPresented:        "This certificate is presented to",
		wPresentedApp:     "This certificate is presented to",
		wBody:             "for attending the workshop “{workshop}”, held in {venue} {dates}",
		wClauseBoth:       ", with {hours} of training ({sessions})",
		wClauseHours:      ", with {hours} of training",
		wClauseSessions:   ", attending {sessions}",
		wBodyEnd:          ".",
		wBodyApp:          "in appreciation of their valuable contribution as {role} to the workshop “{workshop}”, held in {venue} {dates}.",
		wVerify:           "Verify: scan or type the code",
		wNumber:           "Certificate No.",
		wDocTitle:         "Certificate",
		wDocTitleApp:      "Certificate of Appreciation",
		wDecimalSeparator: ".",
	},
	"fr": {
		wTitle:            "Attestation de participation",
		wTitleApp:         "Certificat de reconnaissance",
		wTitleCompletion:  "Attestation de réussite",
		wPresented:        "Cette attestation est décernée à",
		wPresentedApp:     "Ce certificat est décerné à",
		wBody:             "pour sa participation à l’atelier «\u00a0{workshop}\u00a0», tenu à {venue} {dates}",
		wClauseBoth:       ", soit {hours} de formation ({sessions})",
		wClauseHours:      ", soit {hours} de formation",
		wClauseSessions:   " ({sessions})",
		wBodyEnd:          ".",
		wBodyApp:          "en reconnaissance de sa précieuse contribution en tant que {role} à l’atelier «\u00a0{workshop}\u00a0», tenu à {venue} {dates}.",
		wVerify:           "Vérification\u00a0: scannez ou saisissez le code",
		wNumber:           "Nº de certificat",
		wDocTitle:         "Attestation",
		wDocTitleApp:      "Certificat de reconnaissance",
		wDecimalSeparator: ",",
	},
	"es": {
		wTitle:            "Certificado de asistencia",
		wTitleApp:         "Certificado de reconocimiento",
		wTitleCompletion:  "Certificado de aprobación",
		wPresented:        "Se otorga el presente certificado a",
		wPresentedApp:     "Se otorga el presente certificado a",
		wBody:             "por su asistencia al taller «{workshop}», celebrado en {venue} {dates}",
		wClauseBoth:       ", con {hours} de formación ({sessions})",
		wClauseHours:      ", con {hours} de formación",
		wClauseSessions:   " ({sessions})",
		wBodyEnd:          ".",
		wBodyApp:          "en reconocimiento a su valiosa contribución como {role} en el taller «{workshop}», celebrado en {venue} {dates}.",
		wVerify:           "Verificación: escanee o escriba el código",
		wNumber:           "N.º de certificado",
		wDocTitle:         "Certificado",
		wDocTitleApp:      "Certificado de reconocimiento",
		wDecimalSeparator: ",",
	},
	"ar": {
		wTitle:            "شهادة حضور",
		wTitleApp:         "شهادة تقدير",
		wTitleCompletion:  "شهادة إتمام",
		wPresented:        "تُمنح هذه الشهادة إلى",
		wPresentedApp:     "تُمنح هذه الشهادة إلى",
		wBody:             "لحضور ورشة العمل «{workshop}» المنعقدة في {venue} {dates}",
		wClauseBoth:       "، بواقع {hours} من التدريب ({sessions})",
		wClauseHours:      "، بواقع {hours} من التدريب",
		wClauseSessions:   " ({sessions})",
		wBodyEnd:          ".",
		wBodyApp:          "تقديرًا للمساهمة القيّمة بصفة {role} في ورشة العمل «{workshop}» المنعقدة في {venue} {dates}.",
		wVerify:           "للتحقق: امسح الرمز أو اكتبه",
		wNumber:           "رقم الشهادة",
		wDocTitle:         "شهادة",
		wDocTitleApp:      "شهادة تقدير",
		wDecimalSeparator: ".",
	},
	"ru": {
		wTitle:            "Сертификат участника",
		wTitleApp:         "Благодарственный сертификат",
		wTitleCompletion:  "Сертификат об успешном окончании",
		wPresented:        "Настоящий сертификат вручается",
		wPresentedApp:     "Настоящий сертификат вручается",
		wBody:             "за участие в семинаре «{workshop}», {venue}, {dates}",
		wClauseBoth:       ", объём обучения — {hours} ({sessions})",
		wClauseHours:      ", объём обучения — {hours}",
		wClauseSessions:   " ({sessions})",
		wBodyEnd:          ".",
		wBodyApp:          "в знак признательности за ценный вклад в работу семинара «{workshop}» ({role}), {venue}, {dates}.",
		wVerify:           "Проверка: отсканируйте или введите код",
		wNumber:           "Номер сертификата",
		wDocTitle:         "Сертификат",
		wDocTitleApp:      "Благодарственный сертификат",
		wDecimalSeparator: ",",
	},
	"zh": {
		wTitle:            "结业证书",
		wTitleApp:         "感谢状",
		wTitleCompletion:  "结业证书",
		wPresented:        "兹证明",
		wPresentedApp:     "谨向",
		wBody:             "参加了{dates}在{venue}举办的“{workshop}”研讨会",
		wClauseBoth:       "，出席{sessions}，培训时长共计{hours}",
		wClauseHours:      "，培训时长共计{hours}",
		wClauseSessions:   "，出席{sessions}",
		wBodyEnd:          "，特发此证。",
		wBodyApp:          "致以诚挚的感谢，感谢其作为{role}为{dates}在{venue}举办的“{workshop}”研讨会所作的宝贵贡献。",
		wVerify:           "验证：扫描二维码或输入验证码",
		wNumber:           "证书编号",
		wDocTitle:         "证书",
		wDocTitleApp:      "感谢状",
		wDecimalSeparator: ".",
	},
}

// word returns the text of key in lang (English when lang is unknown).
func word(lang string, key wordingKey) string {
	if w, ok := wordings[lang]; ok {
		return w[key]
	}
	return wordings["en"][key]
}

// rtlLanguage reports whether lang is written right to left.
func rtlLanguage(lang string) bool { return lang == "ar" }

// months are the month names as they stand in a date: French and Spanish
// in lower case, Russian in the genitive ("25 ноября").
var months = map[string][12]string{
	"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	"fr": {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	"es": {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
	"ar": {"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"},
	"ru": {"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"},
}

// datesText gives the period from start to end as it follows the venue in
// a body, with its preposition: "from 25 to 27 November 2026", "du 1er au
// 3 décembre 2026", "del 30 de noviembre al 2 de diciembre de 2026",
// "с 25 по 27 ноября 2026 г.", "من 25 إلى 27 نوفمبر 2026",
// "2026年11月25日至27日"; a single day "on 25 November 2026". An unset end
// is the start; an unset start gives "".
func datesText(lang string, start, end store.Date) string {
	if start.IsZero() {
		return ""
	}
	if end.IsZero() || end.Before(start) {
		end = start
	}
	const nb = "\u00a0" // no line break inside a date
	sameMonth := start.Year == end.Year && start.Month == end.Month
	sameYear := start.Year == end.Year
	one := start == end
	y := func(d store.Date) string { return strconv.Itoa(d.Year) }
	day := func(d store.Date) string { return strconv.Itoa(d.Day) }
	mon := func(d store.Date) string { return months[lang][d.Month-1] }
	switch lang {
	case "fr":
		dd := func(d store.Date) string {
			if d.Day == 1 {
				return "1er"
			}
			return day(d)
		}
		switch {
		case one:
			return "le " + dd(start) + nb + mon(start) + nb + y(start)
		case sameMonth:
			return "du " + dd(start) + " au " + dd(end) + nb + mon(end) + nb + y(end)
		case sameYear:
			return "du " + dd(start) + nb + mon(start) + " au " + dd(end) + nb + mon(end) + nb + y(end)
		}
		return "du " + dd(start) + nb + mon(start) + nb + y(start) + " au " + dd(end) + nb + mon(end) + nb + y(end)
	case "es":
		switch {
		case one:
			return "el " + day(start) + nb + "de" + nb + mon(start) + nb + "de" + nb + y(start)
		case sameMonth:
			return "del " + day(start) + " al " + day(end) + nb + "de" + nb + mon(end) + nb + "de" + nb + y(end)
		case sameYear:
			return "del " + day(start) + nb + "de" + nb + mon(start) + " al " + day(end) + nb + "de" + nb + mon(end) + nb + "de" + nb + y(end)
		}
		return "del " + day(start) + nb + "de" + nb + mon(start) + nb + "de" + nb + y(start) + " al " + day(end) + nb + "de" + nb + mon(end) + nb + "de" + nb + y(end)
	case "ru":
		switch {
		case one:
			return day(start) + nb + mon(start) + nb + y(start) + nb + "г."
		case sameMonth:
			return "с " + day(start) + " по " + day(end) + nb + mon(end) + nb + y(end) + nb + "г."
		case sameYear:
			return "с " + day(start) + nb + mon(start) + " по " + day(end) + nb + mon(end) + nb + y(end) + nb + "г."
		}
		return "с " + day(start) + nb + mon(start) + nb + y(start) + nb + "г. по " + day(end) + nb + mon(end) + nb + y(end) + nb + "г."
	case "ar":
		switch {
		case one:
			return "في " + day(start) + nb + mon(start) + nb + y(start)
		case sameMonth:
			return "من " + day(start) + " إلى " + day(end) + nb + mon(end) + nb + y(end)
		case sameYear:
			return "من " + day(start) + nb + mon(start) + " إلى " + day(end) + nb + mon(end) + nb + y(end)
		}
		return "من " + day(start) + nb + mon(start) + nb + y(start) + " إلى " + day(end) + nb + mon(end) + nb + y(end)
	case "zh":
		full := func(d store.Date) string { return fmt.Sprintf("%d年%d月%d日", d.Year, d.Month, d.Day) }
		switch {
		case one:
			return full(start)
		case sameMonth:
			return full(start) + "至" + day(end) + "日"
		case sameYear:
			return full(start) + "至" + fmt.Sprintf("%d月%d日", end.Month, end.Day)
		}
		return full(start) + "至" + full(end)
	}
	lang = "en" // mon reads lang: English months for an unknown language
	switch {
	case one:
		return "on " + day(start) + nb + mon(start) + nb + y(start)
	case sameMonth:
		return "from " + day(start) + " to " + day(end) + nb + mon(end) + nb + y(end)
	case sameYear:
		return "from " + day(start) + nb + mon(start) + " to " + day(end) + nb + mon(end) + nb + y(end)
	}
	return "from " + day(start) + nb + mon(start) + nb + y(start) + " to " + day(end) + nb + mon(end) + nb + y(end)
}

// formatNumber writes v with at most one decimal, with the language's
// decimal separator: 14, 10.5, 10,5.
func formatNumber(lang string, v float64) string {
	v = math.Round(v*10) / 10
	s := strconv.FormatFloat(v, 'f', -1, 64)
	return strings.Replace(s, ".", word(lang, wDecimalSeparator), 1)
}

// russianPlural picks the form of a Russian noun after the integer n: one
// (1, 21), few (2–4, 22–24) or many (5–20, 25…).
func russianPlural(n int, one, few, many string) string {
	switch {
	case n%10 == 1 && n%100 != 11:
		return one
	case n%10 >= 2 && n%10 <= 4 && (n%100 < 12 || n%100 > 14):
		return few
	}
	return many
}

// hoursText gives h hours with the noun in the right number: "1 hour",
// "10.5 hours", "1,5 heure", "21 час", "14 ساعة", "14小时".
func hoursText(lang string, h float64) string { return keepTogether(hoursPhrase(lang, h)) }

// keepTogether joins the words of a short phrase with no-break spaces, so
// that a body never breaks a line inside "14 hours" or "7 of 9 sessions".
func keepTogether(s string) string { return strings.ReplaceAll(s, " ", "\u00a0") }

func hoursPhrase(lang string, h float64) string {
	n := formatNumber(lang, h)
	whole := h == math.Trunc(h)
	switch lang {
	case "fr":
		if h < 2 {
			return n + " heure"
		}
		return n + " heures"
	case "es":
		if h == 1 {
			return n + " hora"
		}
		return n + " horas"
	case "ru":
		if !whole {
			return n + " часа"
		}
		return n + " " + russianPlural(int(h), "час", "часа", "часов")
	case "ar":
		switch {
		case h == 1:
			return "ساعة واحدة"
		case h == 2:
			return "ساعتين"
		case whole && h >= 3 && h <= 10:
			return n + " ساعات"
		}
		return n + " ساعة"
	case "zh":
		return n + "小时"
	}
	if h == 1 {
		return n + " hour"
	}
	return n + " hours"
}

// sessionsText gives attended of total sessions: "7 of 9 sessions",
// "7 séances sur 9", "7 de 9 sesiones", "7 из 9 занятий",
// "7 من أصل 9 جلسات", "7场（共9场）".
func sessionsText(lang string, attended, total int) string {
	return keepTogether(sessionsPhrase(lang, attended, total))
}

func sessionsPhrase(lang string, attended, total int) string {
	a, t := strconv.Itoa(attended), strconv.Itoa(total)
	switch lang {
	case "fr":
		if attended < 2 {
			return a + " séance sur " + t
		}
		return a + " séances sur " + t
	case "es":
		if total == 1 {
			return a + " de " + t + " sesión"
		}
		return a + " de " + t + " sesiones"
	case "ru":
		return a + " из " + t + " " + russianPlural(total, "занятия", "занятий", "занятий")
	case "ar":
		if total >= 3 && total <= 10 {
			return a + " من أصل " + t + " جلسات"
		}
		return a + " من أصل " + t + " جلسة"
	case "zh":
		return a + "场（共" + t + "场）"
	}
	if total == 1 {
		return a + " of " + t + " session"
	}
	return a + " of " + t + " sessions"
}

// roleWords are the roles in each language, masculine (or neutral) and
// feminine.
var roleWords = map[string]map[store.Role][2]string{
	"en": {
		store.RoleParticipant: {"participant", "participant"},
		store.RoleSpeaker:     {"speaker", "speaker"},
		store.RoleFacilitator: {"facilitator", "facilitator"},
		store.RoleObserver:    {"observer", "observer"},
		store.RoleOrganiser:   {"organiser", "organiser"},
	},
	"fr": {
		store.RoleParticipant: {"participant", "participante"},
		store.RoleSpeaker:     {"intervenant", "intervenante"},
		store.RoleFacilitator: {"animateur", "animatrice"},
		store.RoleObserver:    {"observateur", "observatrice"},
		store.RoleOrganiser:   {"organisateur", "organisatrice"},
	},
	"es": {
		store.RoleParticipant: {"participante", "participante"},
		store.RoleSpeaker:     {"ponente", "ponente"},
		store.RoleFacilitator: {"facilitador", "facilitadora"},
		store.RoleObserver:    {"observador", "observadora"},
		store.RoleOrganiser:   {"organizador", "organizadora"},
	},
	"ar": {
		store.RoleParticipant: {"مشارك", "مشاركة"},
		store.RoleSpeaker:     {"متحدث", "متحدثة"},
		store.RoleFacilitator: {"ميسّر", "ميسّرة"},
		store.RoleObserver:    {"مراقب", "مراقبة"},
		store.RoleOrganiser:   {"منظّم", "منظّمة"},
	},
	"ru": {
		store.RoleParticipant: {"участник", "участница"},
		store.RoleSpeaker:     {"спикер", "спикер"},
		store.RoleFacilitator: {"модератор", "модератор"},
		store.RoleObserver:    {"наблюдатель", "наблюдатель"},
		store.RoleOrganiser:   {"организатор", "организатор"},
	},
	"zh": {
		store.RoleParticipant: {"学员", "学员"},
		store.RoleSpeaker:     {"主讲嘉宾", "主讲嘉宾"},
		store.RoleFacilitator: {"主持人", "主持人"},
		store.RoleObserver:    {"观察员", "观察员"},
		store.RoleOrganiser:   {"组织者", "组织者"},
	},
}

// roleText gives role in lang, feminine for a woman where the language
// makes the difference; an unknown role as its label.
func roleText(lang string, role store.Role, g store.Gender) string {
	if role == "" {
		role = store.RoleParticipant
	}
	forms, ok := roleWords[lang][role]
	if !ok {
		return store.Label(role)
	}
	if g == store.Female {
		return forms[1]
	}
	return forms[0]
}

// countryText names the country with the alpha-2 code in lang: from the
// generated table (wording_countries.go), or the English name; "" when the
// code is unknown.
func countryText(lang, code string) string {
	code = strings.ToUpper(strings.TrimSpace(code))
	if n, ok := countryNames[lang][code]; ok {
		return n
	}
	n, _ := store.CountryName(code)
	return n
}

// venueText gives the city and the country: "Addis Ababa, Éthiopie";
// Chinese puts the country first: "埃塞俄比亚 Addis Ababa".
func venueText(lang string, w *store.Workshop) string {
	city := keepTogether(strings.Join(strings.Fields(w.City), " "))
	country := countryText(lang, w.Country)
	switch {
	case city == "":
		return country
	case country == "":
		return city
	case lang == "zh":
		return country + " " + city
	case lang == "ar":
		return city + "، " + country
	}
	return city + ", " + country
}
