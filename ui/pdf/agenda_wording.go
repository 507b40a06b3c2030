package pdf

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/workshopdesk/workshopdesk/store"
)

// The wording of the printed agenda in the languages of
// store.CertificateLanguages. Month names come from the certificate
// wording (months, wording.go); the weekdays, headings and session types
// are here.

// agendaWords are the fixed texts of the agenda in one language.
type agendaWords struct {
	programme, time, session, room  string
	speakers, mandatory, noSessions string // speakers: the label with its colon and space
	day                             string // "Day %d"
	page                            string // "Page %d of %d"
	weekdays                        [7]string
	types                           map[store.SessionType]string
}

var agendaWording = map[string]agendaWords{
	"en": {
		programme: "Programme", time: "Time", session: "Session", room: "Room",
		speakers: "Speakers: ", mandatory: "mandatory", noSessions: "The programme has no sessions yet.",
		day: "Day %d", page: "Page %d of %d",
		weekdays: [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
		types: map[store.SessionType]string{store.Plenary: "Plenary", store.Panel: "Panel", store.WorkingGroup: "Working group",
			store.FieldVisit: "Field visit", store.Break: "Break", store.OtherSession: "Other"},
	},
	"fr": {
		programme: "Programme", time: "Horaire", session: "Séance", room: "Salle",
		speakers: "Intervenants\u00a0: ", mandatory: "obligatoire", noSessions: "Le programme ne comporte encore aucune séance.",
		day: "Jour %d", page: "Page %d sur %d",
		weekdays: [7]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"},
		types: map[store.SessionType]string{store.Plenary: "Plénière", store.Panel: "Table ronde", store.WorkingGroup: "Groupe de travail",
			store.FieldVisit: "Visite de terrain", store.Break: "Pause", store.OtherSession: "Autre"},
	},
	"es": {
		programme: "Programa", time: "Horario", session: "Sesión", room: "Sala",
		speakers: "Ponentes: ", mandatory: "obligatoria", noSessions: "El programa aún no tiene sesiones.",
		day: "Día %d", page: "Página %d de %d",
		weekdays: [7]string{"domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"},
		types: map[store.SessionType]string{store.Plenary: "Plenaria", store.Panel: "Panel", store.WorkingGroup: "Grupo de trabajo",
			store.FieldVisit: "Visita de campo", store.Break: "Pausa", store.OtherSession: "Otra"},
	},
	"ar": {
		programme: "البرنامج", time: "الوقت", session: "الجلسة", room: "القاعة",
		speakers: "المتحدثون: ", mandatory: "إلزامية", noSessions: "لا يتضمن البرنامج أي جلسة بعد.",
		day: "اليوم %d", page: "صفحة %d من %d",
		weekdays: [7]string{"الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"},
		types: map[store.SessionType]string{store.Plenary: "جلسة عامة", store.Panel: "حلقة نقاش", store.WorkingGroup: "مجموعة عمل",
			store.FieldVisit: "زيارة ميدانية", store.Break: "استراحة", store.OtherSession: "أخرى"},
	},
	"ru": {
		programme: "Программа", time: "Время", session: "Заседание", room: "Зал",
		speakers: "Докладчики: ", mandatory: "обязательно", noSessions: "В программе пока нет заседаний.",
		day: "День %d", page: "Страница %d из %d",
		weekdays: [7]string{"воскресенье", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота"},
		types: map[store.SessionType]string{store.Plenary: "Пленарное заседание", store.Panel: "Панельная дискуссия",
			store.WorkingGroup: "Рабочая группа", store.FieldVisit: "Выездное мероприятие", store.Break: "Перерыв", store.OtherSession: "Другое"},
	},
	"zh": {
		programme: "日程安排", time: "时间", session: "会议", room: "会议室",
		speakers: "发言人：", mandatory: "必须参加", noSessions: "日程中尚无会议。",
		day: "第%d天", page: "第%d页，共%d页",
		weekdays: [7]string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"},
		types: map[store.SessionType]string{store.Plenary: "全体会议", store.Panel: "小组讨论", store.WorkingGroup: "工作组",
			store.FieldVisit: "实地考察", store.Break: "休息", store.OtherSession: "其他"},
	},
}

// agendaLanguage returns lang when the agenda has a wording for it
// (ignoring case and a region such as "fr-CA"), else "en".
func agendaLanguage(lang string) string {
	lang = strings.ToLower(strings.TrimSpace(lang))
	if i := strings.IndexAny(lang, "-_"); i > 0 {
		lang = lang[:i]
	}
	if _, ok := agendaWording[lang]; ok {
		return lang
	}
	return "en"
}

// typeText names a session type in lang.
func (a agendaWords) typeText(t store.SessionType) string {
	if s, ok := a.types[t]; ok {
		return s
	}
	return store.Label(t)
}

// dayHeading gives the heading of day n of the programme, on date:
// "Day 1 – Thursday 26 November 2026", "Jour 1 – jeudi 1er octobre 2026",
// "Día 1 – jueves 26 de noviembre de 2026", "День 1 – четверг, 26 ноября
// 2026 г.", "اليوم 1 – الخميس 26 نوفمبر 2026", "第1天 – 2026年11月26日 星期四".
func dayHeading(lang string, n int, date store.Date) string {
	lang = agendaLanguage(lang)
	a := agendaWording[lang]
	head := fmt.Sprintf(a.day, n)
	if date.IsZero() {
		return head
	}
	return head + " – " + longDate(lang, date)
}

// longDate writes a date with its weekday in lang: "Thursday 26 November
// 2026", "jeudi 26 novembre 2026", "jueves 26 de noviembre de 2026",
// "четверг, 26 ноября 2026 г.", "الخميس 26 نوفمبر 2026",
// "2026年11月26日 星期四".
func longDate(lang string, d store.Date) string {
	lang = agendaLanguage(lang)
	a := agendaWording[lang]
	wd := a.weekdays[time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC).Weekday()]
	day, year := strconv.Itoa(d.Day), strconv.Itoa(d.Year)
	month := func() string {
		if m, ok := months[lang]; ok {
			return m[d.Month-1]
		}
		return d.Month.String()
	}
	switch lang {
	case "fr":
		if d.Day == 1 {
			day = "1er"
		}
		return wd + " " + day + " " + month() + " " + year
	case "es":
		return wd + " " + day + " de " + month() + " de " + year
	case "ru":
		return wd + ", " + day + " " + month() + " " + year + " г."
	case "zh":
		return fmt.Sprintf("%d年%d月%d日 %s", d.Year, d.Month, d.Day, wd)
	}
	return wd + " " + day + " " + month() + " " + year
}
