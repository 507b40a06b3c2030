package report

import (
	"slices"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/sheet"
)

// The tables of this package are built in English; Localize puts their
// names, headings and the cells that hold a fixed word (yes/no, Total,
// session types, roles, genders, organisation types, missing values) in
// one of the printed languages, for CSV, XLSX and PDF alike, and the UN
// regions too (wording_regions.go). Countries (named by ui/pdf), titles
// and names stay as they are; the reasons are worded by Reason.

// words translates the fixed texts of the tables, keyed by the English.
// Every language has every key (TestWordingComplete).
var words = map[string]map[string]string{
	"fr": {
		"Date": "Date", "Start": "Début", "End": "Fin", "Session": "Séance", "Type": "Type",
		"Present": "Présents", "Late": "En retard", "Excused": "Excusés", "Absent": "Absents",
		"Not applicable": "Non concernés", "Pending": "En attente", "Expected": "Attendus", "% of expected": "% des attendus",
		"Family name": "Nom de famille", "Given names": "Prénoms", "Native name": "Nom en écriture originale",
		"Organisation": "Organisation", "Country": "Pays", "Role": "Rôle", "Sessions attended": "Séances suivies",
		"Sessions applicable": "Séances applicables", "Hours attended": "Heures suivies", "Attendance %": "% de présence",
		"Eligible": "Admissible", "Reason": "Motif", "Gender": "Genre", "Region": "Région", "Sub-region": "Sous-région",
		"Organisation type": "Type d’organisation", "Registered": "Inscrits", "Registered %": "Inscrits %",
		"Attended": "Présents", "Attended %": "Présents %", "Persons": "Personnes", "Persons %": "Personnes %",
		"Total": "Total", "Measure": "Mesure", "Value": "Valeur", "Series": "Série", "Year": "Année",
		"Workshops": "Ateliers", "Registrations": "Inscriptions", "Distinct persons": "Personnes distinctes",
		"Sessions": "Séances", "Programme hours": "Heures de programme", "Certificates issued": "Attestations délivrées",
		"Code": "Code", "Title": "Titre", "City": "Ville", "Participants": "Participants", "Hours": "Heures",
		"Certificates": "Attestations", "Day": "Jour", "Speakers": "Intervenants", "Room": "Salle", "Mandatory": "Obligatoire",
		"All series": "Toutes les séries", "All years": "Toutes les années", "yes": "oui", "no": "non",
		"Plenary": "Plénière", "Panel": "Table ronde", "Working group": "Groupe de travail", "Field visit": "Visite de terrain",
		"Break": "Pause", "Other": "Autre", "Participant": "Participant", "Speaker": "Intervenant", "Facilitator": "Animateur",
		"Observer": "Observateur", "Organiser": "Organisateur", "Female": "Femme", "Male": "Homme",
		"Prefer not to say": "Préfère ne pas répondre", "Not given": "Non renseigné", "Unknown country": "Pays inconnu",
		"Government": "Gouvernement", "International organisation": "Organisation internationale",
		"Civil society": "Société civile", "Academia": "Milieu universitaire", "Private sector": "Secteur privé", "Media": "Médias",
		"Agenda": "Programme", "Summary": "Synthèse", "By gender": "Par genre", "By country": "Par pays",
		"By region": "Par région", "By sub-region": "Par sous-région", "By organisation type": "Par type d’organisation",
		"By role": "Par rôle", "Gender × org type": "Genre × type d’organisation",
		"Gender × org type (registered)": "Genre × type d’organisation (inscrits)",
		"Gender × org type (attended)":   "Genre × type d’organisation (présents)",
	},
	"es": {
		"Date": "Fecha", "Start": "Inicio", "End": "Fin", "Session": "Sesión", "Type": "Tipo",
		"Present": "Presentes", "Late": "Con retraso", "Excused": "Justificados", "Absent": "Ausentes",
		"Not applicable": "No aplica", "Pending": "Pendientes", "Expected": "Esperados", "% of expected": "% de los esperados",
		"Family name": "Apellidos", "Given names": "Nombres", "Native name": "Nombre en escritura original",
		"Organisation": "Organización", "Country": "País", "Role": "Rol", "Sessions attended": "Sesiones asistidas",
		"Sessions applicable": "Sesiones aplicables", "Hours attended": "Horas asistidas", "Attendance %": "% de asistencia",
		"Eligible": "Cumple requisitos", "Reason": "Motivo", "Gender": "Género", "Region": "Región", "Sub-region": "Subregión",
		"Organisation type": "Tipo de organización", "Registered": "Inscritos", "Registered %": "Inscritos %",
		"Attended": "Asistentes", "Attended %": "Asistentes %", "Persons": "Personas", "Persons %": "Personas %",
		"Total": "Total", "Measure": "Indicador", "Value": "Valor", "Series": "Serie", "Year": "Año",
		"Workshops": "Talleres", "Registrations": "Inscripciones", "Distinct persons": "Personas distintas",
		"Sessions": "Sesiones", "Programme hours": "Horas del programa", "Certificates issued": "Certificados emitidos",
		"Code": "Código", "Title": "Título", "City": "Ciudad", "Participants": "Participantes", "Hours": "Horas",
		"Certificates": "Certificados", "Day": "Día", "Speakers": "Ponentes", "Room": "Sala", "Mandatory": "Obligatoria",
		"All series": "Todas las series", "All years": "Todos los años", "yes": "sí", "no": "no",
		"Plenary": "Plenaria", "Panel": "Panel", "Working group": "Grupo de trabajo", "Field visit": "Visita de campo",
		"Break": "Pausa", "Other": "Otro", "Participant": "Participante", "Speaker": "Ponente", "Facilitator": "Facilitador",
		"Observer": "Observador", "Organiser": "Organizador", "Female": "Mujer", "Male": "Hombre",
		"Prefer not to say": "Prefiere no decirlo", "Not given": "No indicado", "Unknown country": "País desconocido",
		"Government": "Gobierno", "International organisation": "Organización internacional",
		"Civil society": "Sociedad civil", "Academia": "Academia", "Private sector": "Sector privado", "Media": "Medios de comunicación",
		"Agenda": "Programa", "Summary": "Resumen", "By gender": "Por género", "By country": "Por país",
		"By region": "Por región", "By sub-region": "Por subregión", "By organisation type": "Por tipo de organización",
		"By role": "Por rol", "Gender × org type": "Género × tipo de organización",
		"Gender × org type (registered)": "Género × tipo de organización (inscritos)",
		"Gender × org type (attended)":   "Género × tipo de organización (asistentes)",
	},
	"ar": {
		"Date": "التاريخ", "Start": "البداية", "End": "النهاية", "Session": "الجلسة", "Type": "النوع",
		"Present": "حاضر", "Late": "متأخر", "Excused": "معذور", "Absent": "غائب",
		"Not applicable": "لا ينطبق", "Pending": "قيد الانتظار", "Expected": "المتوقع", "% of expected": "% من المتوقع",
		"Family name": "اسم العائلة", "Given names": "الاسم الأول", "Native name": "الاسم بالكتابة الأصلية",
		"Organisation": "المنظمة", "Country": "البلد", "Role": "الدور", "Sessions attended": "الجلسات المحضورة",
		"Sessions applicable": "الجلسات المعنية", "Hours attended": "ساعات الحضور", "Attendance %": "% الحضور",
		"Eligible": "مؤهل", "Reason": "السبب", "Gender": "الجنس", "Region": "المنطقة", "Sub-region": "المنطقة الفرعية",
		"Organisation type": "نوع المنظمة", "Registered": "المسجلون", "Registered %": "المسجلون %",
		"Attended": "الحاضرون", "Attended %": "الحاضرون %", "Persons": "الأشخاص", "Persons %": "الأشخاص %",
		"Total": "المجموع", "Measure": "المؤشر", "Value": "القيمة", "Series": "السلسلة", "Year": "السنة",
		"Workshops": "حلقات العمل", "Registrations": "التسجيلات", "Distinct persons": "الأشخاص المختلفون",
		"Sessions": "الجلسات", "Programme hours": "ساعات البرنامج", "Certificates issued": "الشهادات الصادرة",
		"Code": "الرمز", "Title": "العنوان", "City": "المدينة", "Participants": "المشاركون", "Hours": "الساعات",
		"Certificates": "الشهادات", "Day": "اليوم", "Speakers": "المتحدثون", "Room": "القاعة", "Mandatory": "إلزامية",
		"All series": "جميع السلاسل", "All years": "جميع السنوات", "yes": "نعم", "no": "لا",
		"Plenary": "جلسة عامة", "Panel": "حلقة نقاش", "Working group": "مجموعة عمل", "Field visit": "زيارة ميدانية",
		"Break": "استراحة", "Other": "أخرى", "Participant": "مشارك", "Speaker": "متحدث", "Facilitator": "ميسّر",
		"Observer": "مراقب", "Organiser": "منظّم", "Female": "أنثى", "Male": "ذكر",
		"Prefer not to say": "يفضل عدم الإفصاح", "Not given": "غير مذكور", "Unknown country": "بلد غير معروف",
		"Government": "حكومة", "International organisation": "منظمة دولية",
		"Civil society": "المجتمع المدني", "Academia": "الأوساط الأكاديمية", "Private sector": "القطاع الخاص", "Media": "وسائل الإعلام",
		"Agenda": "البرنامج", "Summary": "ملخص", "By gender": "حسب الجنس", "By country": "حسب البلد",
		"By region": "حسب المنطقة", "By sub-region": "حسب المنطقة الفرعية", "By organisation type": "حسب نوع المنظمة",
		"By role": "حسب الدور", "Gender × org type": "الجنس × نوع المنظمة",
		"Gender × org type (registered)": "الجنس × نوع المنظمة (المسجلون)",
		"Gender × org type (attended)":   "الجنس × نوع المنظمة (الحاضرون)",
	},
	"ru": {
		"Date": "Дата", "Start": "Начало", "End": "Конец", "Session": "Заседание", "Type": "Тип",
		"Present": "Присутствовали", "Late": "Опоздали", "Excused": "По уважительной причине", "Absent": "Отсутствовали",
		"Not applicable": "Не относится", "Pending": "Ожидается", "Expected": "Ожидалось", "% of expected": "% от ожидаемых",
		"Family name": "Фамилия", "Given names": "Имя", "Native name": "Имя в оригинальном написании",
		"Organisation": "Организация", "Country": "Страна", "Role": "Роль", "Sessions attended": "Посещено заседаний",
		"Sessions applicable": "Заседаний к посещению", "Hours attended": "Часов посещено", "Attendance %": "% посещаемости",
		"Eligible": "Имеет право", "Reason": "Причина", "Gender": "Пол", "Region": "Регион", "Sub-region": "Субрегион",
		"Organisation type": "Тип организации", "Registered": "Зарегистрировано", "Registered %": "Зарегистрировано %",
		"Attended": "Присутствовало", "Attended %": "Присутствовало %", "Persons": "Человек", "Persons %": "Человек %",
		"Total": "Итого", "Measure": "Показатель", "Value": "Значение", "Series": "Серия", "Year": "Год",
		"Workshops": "Семинары", "Registrations": "Регистрации", "Distinct persons": "Уникальные участники",
		"Sessions": "Заседания", "Programme hours": "Часы программы", "Certificates issued": "Выдано сертификатов",
		"Code": "Код", "Title": "Название", "City": "Город", "Participants": "Участники", "Hours": "Часы",
		"Certificates": "Сертификаты", "Day": "День", "Speakers": "Докладчики", "Room": "Зал", "Mandatory": "Обязательно",
		"All series": "Все серии", "All years": "Все годы", "yes": "да", "no": "нет",
		"Plenary": "Пленарное заседание", "Panel": "Панельная дискуссия", "Working group": "Рабочая группа",
		"Field visit": "Выездное мероприятие", "Break": "Перерыв", "Other": "Другое", "Participant": "Участник",
		"Speaker": "Спикер", "Facilitator": "Модератор", "Observer": "Наблюдатель", "Organiser": "Организатор",
		"Female": "Женщины", "Male": "Мужчины", "Prefer not to say": "Предпочли не указывать", "Not given": "Не указано",
		"Unknown country": "Неизвестная страна", "Government": "Государственные органы",
		"International organisation": "Международная организация", "Civil society": "Гражданское общество",
		"Academia": "Научные круги", "Private sector": "Частный сектор", "Media": "СМИ",
		"Agenda": "Программа", "Summary": "Сводка", "By gender": "По полу", "By country": "По странам",
		"By region": "По регионам", "By sub-region": "По субрегионам", "By organisation type": "По типу организации",
		"By role": "По ролям", "Gender × org type": "Пол × тип организации",
		"Gender × org type (registered)": "Пол × тип организации (зарегистрированные)",
		"Gender × org type (attended)":   "Пол × тип организации (присутствовавшие)",
	},
	"zh": {
		"Date": "日期", "Start": "开始", "End": "结束", "Session": "会议", "Type": "类型",
		"Present": "出席", "Late": "迟到", "Excused": "请假", "Absent": "缺席",
		"Not applicable": "不适用", "Pending": "待定", "Expected": "应到", "% of expected": "占应到人数%",
		"Family name": "姓", "Given names": "名", "Native name": "原文姓名",
		"Organisation": "单位", "Country": "国家", "Role": "角色", "Sessions attended": "出席场次",
		"Sessions applicable": "应出席场次", "Hours attended": "出席时数", "Attendance %": "出席率%",
		"Eligible": "符合条件", "Reason": "原因", "Gender": "性别", "Region": "区域", "Sub-region": "次区域",
		"Organisation type": "单位类型", "Registered": "注册人数", "Registered %": "注册人数%",
		"Attended": "出席人数", "Attended %": "出席人数%", "Persons": "人数", "Persons %": "人数%",
		"Total": "合计", "Measure": "指标", "Value": "数值", "Series": "系列", "Year": "年份",
		"Workshops": "研讨会", "Registrations": "注册", "Distinct persons": "不重复人数",
		"Sessions": "会议场次", "Programme hours": "课程时数", "Certificates issued": "已颁发证书",
		"Code": "代码", "Title": "标题", "City": "城市", "Participants": "学员", "Hours": "时数",
		"Certificates": "证书", "Day": "天", "Speakers": "发言人", "Room": "会议室", "Mandatory": "必须参加",
		"All series": "所有系列", "All years": "所有年份", "yes": "是", "no": "否",
		"Plenary": "全体会议", "Panel": "小组讨论", "Working group": "工作组", "Field visit": "实地考察",
		"Break": "休息", "Other": "其他", "Participant": "学员", "Speaker": "主讲嘉宾", "Facilitator": "主持人",
		"Observer": "观察员", "Organiser": "组织者", "Female": "女", "Male": "男",
		"Prefer not to say": "不愿透露", "Not given": "未填写", "Unknown country": "未知国家",
		"Government": "政府", "International organisation": "国际组织", "Civil society": "民间社会",
		"Academia": "学术界", "Private sector": "私营部门", "Media": "媒体",
		"Agenda": "日程安排", "Summary": "摘要", "By gender": "按性别", "By country": "按国家",
		"By region": "按区域", "By sub-region": "按次区域", "By organisation type": "按单位类型",
		"By role": "按角色", "Gender × org type": "性别 × 单位类型",
		"Gender × org type (registered)": "性别 × 单位类型（注册）",
		"Gender × org type (attended)":   "性别 × 单位类型（出席）",
	},
}

// Word returns the English fixed text s of a table in lang (as
// store.PrintLanguage reads it); s itself in English or when it is not
// one of the fixed texts.
func Word(lang, s string) string {
	lang = store.PrintLanguage(lang)
	if w, ok := words[lang][s]; ok {
		return w
	}
	if w, ok := regionWords[lang][s]; ok {
		return w
	}
	if w, ok := evalLearnWords[lang][s]; ok {
		return w
	}
	return s
}

// wordColumns are the headings of the columns whose cells hold fixed
// words; the first column of a breakdown or cross-table does too.
var wordColumns = []string{"Type", "Role", "Eligible", "Mandatory", "Measure", "Value", "Figure", "Kind", "Breakdown", "Group", "Score", "Passed", "Item"}

// wordCells tells which columns of t hold fixed words: those headed by
// one of wordColumns, and the first of a breakdown or cross-table.
func wordCells(t sheet.Table) []bool {
	cols := make([]bool, len(t.Header))
	layout := LayoutOf(t)
	for i, h := range t.Header {
		cols[i] = slices.Contains(wordColumns, h) || (i == 0 && (layout == LayoutBreakdown || layout == LayoutCross))
	}
	return cols
}

// LocalizeCells returns a copy of t with its headings and fixed words in
// lang; its name stays, as LayoutOf and CSVFiles read it. t is unchanged.
func LocalizeCells(t sheet.Table, lang string) sheet.Table {
	lang = store.PrintLanguage(lang)
	if lang == "en" {
		return t
	}
	out := sheet.Table{Name: t.Name, Header: make([]string, len(t.Header)), Rows: make([][]any, len(t.Rows))}
	for i, h := range t.Header {
		out.Header[i] = heading(lang, h)
	}
	cols := wordCells(t)
	for r, row := range t.Rows {
		out.Rows[r] = slices.Clone(row)
		for i, c := range row {
			if s, ok := c.(string); ok && i < len(cols) && cols[i] {
				out.Rows[r][i] = Word(lang, s)
			}
		}
	}
	return out
}

// sheetWords are the names of the sheets whose name in words is longer
// than Excel's 31 characters.
var sheetWords = map[string]map[string]string{
	"fr": {CrossRegisteredTable: "Genre × type d’org. (inscrits)", CrossAttendedTable: "Genre × type d’org. (présents)"},
	"es": {CrossRegisteredTable: "Género × tipo org. (inscritos)", CrossAttendedTable: "Género × tipo org. (asistentes)",
		LearningQuestionsTable: "Correctas por pregunta", LearningDistributionTable: "Distribución de puntuaciones"},
	"ru": {CrossRegisteredTable: "Пол × тип орг. (зарегистр.)", CrossAttendedTable: "Пол × тип орг. (присутств.)"},
}

// Localize returns t with its name, headings and fixed words in lang,
// for a spreadsheet; see LocalizeCells. The name fits an XLSX sheet's 31
// characters.
func Localize(t sheet.Table, lang string) sheet.Table {
	out := LocalizeCells(t, lang)
	out.Name = Word(lang, t.Name)
	if short, ok := sheetWords[store.PrintLanguage(lang)][t.Name]; ok {
		out.Name = short
	}
	return out
}
