package pdf

import (
	"fmt"

	"github.com/workshopdesk/workshopdesk/store"
)

// The wording of the printed agenda in the languages of
// store.CertificateLanguages: headings and session types. Dates come from
// store's locale functions (store.WeekdayDate).

// agendaWords are the fixed texts of the agenda in one language.
type agendaWords struct {
	programme, time, session, room  string
	speakers, mandatory, noSessions string // speakers: the label with its colon and space
	day                             string // "Day %d"
	page                            string // "Page %d of %d"
	types                           map[store.SessionType]string
}

var agendaWording = map[string]agendaWords{
	"en": {
		programme: "Programme", time: "Time", session: "Session", room: "Room",
		speakers: "Speakers: ", mandatory: "mandatory", noSessions: "The programme has no sessions yet.",
		day: "Day %d", page: "Page %d of %d",
		types: map[store.SessionType]string{store.Plenary: "Plenary", store.Panel: "Panel", store.WorkingGroup: "Working group",
			store.FieldVisit: "Field visit", store.Break: "Break", store.OtherSession: "Other"},
	},
	"fr": {
		programme: "Programme", time: "Horaire", session: "Séance", room: "Salle",
		speakers: "Intervenants\u00a0: ", mandatory: "obligatoire", noSessions: "Le programme ne comporte encore aucune séance.",
		day: "Jour %d", page: "Page %d sur %d",
		types: map[store.SessionType]string{store.Plenary: "Plénière", store.Panel: "Table ronde", store.WorkingGroup: "Groupe de travail",
			store.FieldVisit: "Visite de terrain", store.Break: "Pause", store.OtherSession: "Autre"},
	},
	"es": {
		programme: "Programa", time: "Horario", session: "Sesión", room: "Sala",
		speakers: "Ponentes: ", mandatory: "obligatoria", noSessions: "El programa aún no tiene sesiones.",
		day: "Día %d", page: "Página %d de %d",
		types: map[store.SessionType]string{store.Plenary: "Plenaria", store.Panel: "Panel", store.WorkingGroup: "Grupo de trabajo",
			store.FieldVisit: "Visita de campo", store.Break: "Pausa", store.OtherSession: "Otra"},
	},
	"ar": {
		programme: "البرنامج", time: "الوقت", session: "الجلسة", room: "القاعة",
		speakers: "المتحدثون: ", mandatory: "إلزامية", noSessions: "لا يتضمن البرنامج أي جلسة بعد.",
		day: "اليوم %d", page: "صفحة %d من %d",
		types: map[store.SessionType]string{store.Plenary: "جلسة عامة", store.Panel: "حلقة نقاش", store.WorkingGroup: "مجموعة عمل",
			store.FieldVisit: "زيارة ميدانية", store.Break: "استراحة", store.OtherSession: "أخرى"},
	},
	"ru": {
		programme: "Программа", time: "Время", session: "Заседание", room: "Зал",
		speakers: "Докладчики: ", mandatory: "обязательно", noSessions: "В программе пока нет заседаний.",
		day: "День %d", page: "Страница %d из %d",
		types: map[store.SessionType]string{store.Plenary: "Пленарное заседание", store.Panel: "Панельная дискуссия",
			store.WorkingGroup: "Рабочая группа", store.FieldVisit: "Выездное мероприятие", store.Break: "Перерыв", store.OtherSession: "Другое"},
	},
	"zh": {
		programme: "日程安排", time: "时间", session: "会议", room: "会议室",
		speakers: "发言人：", mandatory: "必须参加", noSessions: "日程中尚无会议。",
		day: "第%d天", page: "第%d页，共%d页",
		types: map[store.SessionType]string{store.Plenary: "全体会议", store.Panel: "小组讨论", store.WorkingGroup: "工作组",
			store.FieldVisit: "实地考察", store.Break: "休息", store.OtherSession: "其他"},
	},
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
	lang = store.PrintLanguage(lang)
	a := agendaWording[lang]
	head := fmt.Sprintf(a.day, n)
	if date.IsZero() {
		return head
	}
	return head + " – " + store.WeekdayDate(lang, date)
}
