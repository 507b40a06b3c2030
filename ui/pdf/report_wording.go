package pdf

import (
	"fmt"
	"strings"

	"github.com/workshopdesk/workshopdesk/store"
)

// reportWords are the fixed texts of the attendance, statistics and
// series reports in one language. The tables' own headings and words come
// from package store/report (report.Localize); dates, numbers and counts
// from store's locale functions.
type reportWords struct {
	page, continued string // "Page %d of %d", " (continued)"

	// The attendance report.
	attTitle, attKicker, asOf, footAsOf string // asOf: "As of %s (%s)"; footAsOf: "attendance as of %s"
	participants, eligible, eligibleApp string // eligibleApp: "eligible (%d for appreciation)"
	onTrack, atRisk, notEligible        string
	sessionsNoBreaks                    string
	present, late, excused, or          string // the statuses counted, joined by or
	sessionsNote                        string // "%s": the statuses counted
	participantsNote                    string // "%s": the rule (rule)
	noSessions, noParticipants          string
	// rule: "at least %s of %s; late %s, excused %s; mandatory sessions
	// %s; late after %d min", with the words that fill it.
	rule                           string
	ofSessions, ofHours            string
	counts, notCounts, req, notReq string

	// The statistics report.
	statsTitle, statsKicker, rounding string
	registered, attendedOf, women     string // attendedOf: "attended (%s of registered)"
	countries, statsNote              string

	// The series report.
	seriesTitle, seriesKicker, allWorkshops, allYears string
	workshopForms                                     []string // "workshop", "workshops" (store.Count)
	workshops, registrations, persons, delivered      string
	programmeHours, certificates, seriesNote          string
	noWorkshop                                        string
}

// reportWording holds the reports' texts by language
// (store.CertificateLanguages); each has every text (TestPrintWording).
var reportWording = map[string]reportWords{
	"en": {
		page: "Page %d of %d", continued: " (continued)",
		attTitle: "Attendance report", attKicker: "ATTENDANCE REPORT", asOf: "As of %s (%s)", footAsOf: "attendance as of %s",
		participants: "participants", eligible: "eligible for a certificate", eligibleApp: "eligible (%d for appreciation)",
		onTrack: "on track", atRisk: "at risk", notEligible: "not eligible", sessionsNoBreaks: "sessions (breaks left out)",
		present: "present", late: "late", excused: "excused", or: " or ",
		sessionsNote:     "%% of expected: %s, of the participants the session applies to. Absent includes the unmarked once a session is over; pending are the unmarked before its end; not applicable, those who joined after it began.",
		participantsNote: "Rule: %s. Attendance %% is of the sessions (or hours) decided so far; eligible is the certificate decision, including appreciation certificates for speakers, facilitators and organisers and decisions taken by hand.",
		noSessions:       "The agenda has no sessions yet.", noParticipants: "No participants are registered.",
		rule:       "at least %s of %s; late %s, excused %s; mandatory sessions %s; late after %d min",
		ofSessions: "sessions", ofHours: "hours", counts: "counts", notCounts: "does not count", req: "required", notReq: "not required",
		statsTitle: "Participation statistics", statsKicker: "PARTICIPATION STATISTICS",
		rounding:   "Percentages may not add up to 100 because of rounding.",
		registered: "registered", attendedOf: "attended (%s of registered)", women: "women among the registered", countries: "countries",
		statsNote: "Registered: everyone registered for the workshop. Attended: those marked present or late at one or more sessions that applied to them. " +
			"Each percentage is of its group's total. Missing answers are counted as “Not given”, never left out.",
		seriesTitle: "Series report", seriesKicker: "SERIES REPORT", allWorkshops: "All workshops", allYears: "All years",
		workshopForms: []string{"workshop", "workshops"}, workshops: "workshops", registrations: "registrations",
		persons: "distinct persons", delivered: "sessions delivered", programmeHours: "programme hours", certificates: "certificates issued",
		seriesNote: "A person registered at several workshops counts once among the distinct persons (same email, or same name and organisation), with the latest details they gave.",
		noWorkshop: "No workshop matches.",
	},
	"fr": {
		page: "Page %d sur %d", continued: " (suite)",
		attTitle: "Rapport de présence", attKicker: "RAPPORT DE PRÉSENCE", asOf: "Au %s (%s)", footAsOf: "présence au %s",
		participants: "participants", eligible: "admissibles à une attestation", eligibleApp: "admissibles (%d de reconnaissance)",
		onTrack: "en bonne voie", atRisk: "à risque", notEligible: "non admissibles", sessionsNoBreaks: "séances (hors pauses)",
		present: "présents", late: "en retard", excused: "excusés", or: " ou ",
		sessionsNote:     "%% des attendus : %s, parmi les participants concernés par la séance. Les absents comprennent les non pointés une fois la séance terminée ; en attente : les non pointés avant la fin ; non concernés : les personnes arrivées après son début.",
		participantsNote: "Règle : %s. Le %% de présence porte sur les séances (ou les heures) déjà décidées ; « admissible » est la décision pour l’attestation, y compris les certificats de reconnaissance des intervenants, animateurs et organisateurs et les décisions prises à la main.",
		noSessions:       "Le programme ne comporte encore aucune séance.", noParticipants: "Aucun participant n’est inscrit.",
		rule:       "au moins %s des %s ; le retard %s, l’absence excusée %s ; séances obligatoires %s ; retard au-delà de %d min",
		ofSessions: "séances", ofHours: "heures", counts: "compte", notCounts: "ne compte pas", req: "exigées", notReq: "non exigées",
		statsTitle: "Statistiques de participation", statsKicker: "STATISTIQUES DE PARTICIPATION",
		rounding:   "Les pourcentages étant arrondis, leur somme peut différer de 100.",
		registered: "inscrits", attendedOf: "présents (%s des inscrits)", women: "de femmes parmi les inscrits", countries: "pays",
		statsNote: "Inscrits : toutes les personnes inscrites à l’atelier. Présents : les personnes pointées présentes ou en retard à au moins une séance qui les concernait. " +
			"Chaque pourcentage porte sur le total de son groupe. Les réponses manquantes sont comptées comme « Non renseigné », jamais écartées.",
		seriesTitle: "Rapport de série", seriesKicker: "RAPPORT DE SÉRIE", allWorkshops: "Tous les ateliers", allYears: "Toutes les années",
		workshopForms: []string{"atelier", "ateliers"}, workshops: "ateliers", registrations: "inscriptions",
		persons: "personnes distinctes", delivered: "séances tenues", programmeHours: "heures de programme", certificates: "attestations délivrées",
		seriesNote: "Une personne inscrite à plusieurs ateliers compte une seule fois parmi les personnes distinctes (même courriel, ou mêmes nom et organisation), avec les dernières informations fournies.",
		noWorkshop: "Aucun atelier ne correspond.",
	},
	"es": {
		page: "Página %d de %d", continued: " (continuación)",
		attTitle: "Informe de asistencia", attKicker: "INFORME DE ASISTENCIA", asOf: "Al %s (%s)", footAsOf: "asistencia al %s",
		participants: "participantes", eligible: "con derecho a certificado", eligibleApp: "con derecho (%d de reconocimiento)",
		onTrack: "en buen camino", atRisk: "en riesgo", notEligible: "sin derecho", sessionsNoBreaks: "sesiones (sin pausas)",
		present: "presentes", late: "con retraso", excused: "justificados", or: " o ",
		sessionsNote:     "%% de los esperados: %s, entre los participantes a los que corresponde la sesión. Ausentes incluye a quienes no se marcó una vez terminada la sesión; pendientes, a quienes no se marcó antes del final; no aplica, a quienes se incorporaron después del inicio.",
		participantsNote: "Regla: %s. El %% de asistencia se calcula sobre las sesiones (u horas) ya decididas; «cumple requisitos» es la decisión sobre el certificado, incluidos los certificados de reconocimiento de ponentes, facilitadores y organizadores y las decisiones tomadas a mano.",
		noSessions:       "El programa aún no tiene sesiones.", noParticipants: "No hay participantes inscritos.",
		rule:       "al menos %s de las %s; retraso %s, ausencia justificada %s; sesiones obligatorias %s; retraso después de %d min",
		ofSessions: "sesiones", ofHours: "horas", counts: "cuenta", notCounts: "no cuenta", req: "exigidas", notReq: "no exigidas",
		statsTitle: "Estadísticas de participación", statsKicker: "ESTADÍSTICAS DE PARTICIPACIÓN",
		rounding:   "Por el redondeo, los porcentajes pueden no sumar 100.",
		registered: "inscritos", attendedOf: "asistentes (%s de los inscritos)", women: "mujeres entre los inscritos", countries: "países",
		statsNote: "Inscritos: todas las personas inscritas en el taller. Asistentes: quienes se marcaron presentes o con retraso en al menos una sesión que les correspondía. " +
			"Cada porcentaje se calcula sobre el total de su grupo. Las respuestas que faltan se cuentan como «No indicado», nunca se omiten.",
		seriesTitle: "Informe de la serie", seriesKicker: "INFORME DE LA SERIE", allWorkshops: "Todos los talleres", allYears: "Todos los años",
		workshopForms: []string{"taller", "talleres"}, workshops: "talleres", registrations: "inscripciones",
		persons: "personas distintas", delivered: "sesiones realizadas", programmeHours: "horas del programa", certificates: "certificados emitidos",
		seriesNote: "Una persona inscrita en varios talleres cuenta una sola vez entre las personas distintas (mismo correo, o mismos nombre y organización), con los últimos datos que dio.",
		noWorkshop: "Ningún taller coincide.",
	},
	"ar": {
		page: "صفحة %d من %d", continued: " (تابع)",
		attTitle: "تقرير الحضور", attKicker: "تقرير الحضور", asOf: "حتى %s (%s)", footAsOf: "الحضور حتى %s",
		participants: "مشاركون", eligible: "مؤهلون للحصول على شهادة", eligibleApp: "مؤهلون (%d شهادة تقدير)",
		onTrack: "على المسار الصحيح", atRisk: "معرضون للخطر", notEligible: "غير مؤهلين", sessionsNoBreaks: "جلسات (دون الاستراحات)",
		present: "الحاضرون", late: "المتأخرون", excused: "المعذورون", or: " أو ",
		sessionsNote:     "%% من المتوقع: %s، من بين المشاركين المعنيين بالجلسة. يشمل الغائبون غير المسجلين بعد انتهاء الجلسة؛ قيد الانتظار: غير المسجلين قبل نهايتها؛ لا ينطبق: من انضموا بعد بدايتها.",
		participantsNote: "القاعدة: %s. تُحسب نسبة الحضور من الجلسات (أو الساعات) المحسومة حتى الآن؛ «مؤهل» هو قرار الشهادة، بما في ذلك شهادات التقدير للمتحدثين والميسّرين والمنظّمين والقرارات المتخذة يدويًا.",
		noSessions:       "لا يتضمن البرنامج أي جلسة بعد.", noParticipants: "لا يوجد مشاركون مسجلون.",
		rule:       "%s على الأقل من %s؛ التأخر %s، الغياب بعذر %s؛ الجلسات الإلزامية %s؛ التأخر بعد %d دقيقة",
		ofSessions: "الجلسات", ofHours: "الساعات", counts: "يُحتسب", notCounts: "لا يُحتسب", req: "مطلوبة", notReq: "غير مطلوبة",
		statsTitle: "إحصاءات المشاركة", statsKicker: "إحصاءات المشاركة",
		rounding:   "قد لا يبلغ مجموع النسب المئوية 100 بسبب التقريب.",
		registered: "مسجلون", attendedOf: "حاضرون (%s من المسجلين)", women: "نساء من بين المسجلين", countries: "بلدان",
		statsNote:   "المسجلون: كل من سجل في حلقة العمل. الحاضرون: من سُجل حضورهم أو تأخرهم في جلسة واحدة على الأقل تعنيهم. تُحسب كل نسبة مئوية من مجموع فئتها. تُحتسب الإجابات الناقصة «غير مذكور» ولا تُستبعد أبدًا.",
		seriesTitle: "تقرير السلسلة", seriesKicker: "تقرير السلسلة", allWorkshops: "جميع حلقات العمل", allYears: "جميع السنوات",
		workshopForms: []string{"حلقة عمل", "حلقات عمل", "حلقة عمل"}, workshops: "حلقات العمل", registrations: "التسجيلات",
		persons: "أشخاص مختلفون", delivered: "جلسات منعقدة", programmeHours: "ساعات البرنامج", certificates: "شهادات صادرة",
		seriesNote: "يُحتسب الشخص المسجل في عدة حلقات عمل مرة واحدة بين الأشخاص المختلفين (البريد الإلكتروني نفسه، أو الاسم والمنظمة نفسهما)، بآخر بيانات قدمها.",
		noWorkshop: "لا توجد حلقة عمل مطابقة.",
	},
	"ru": {
		page: "Страница %d из %d", continued: " (продолжение)",
		attTitle: "Отчёт о посещаемости", attKicker: "ОТЧЁТ О ПОСЕЩАЕМОСТИ", asOf: "На %s (%s)", footAsOf: "посещаемость на %s",
		participants: "участников", eligible: "имеют право на сертификат", eligibleApp: "имеют право (%d благодарственных)",
		onTrack: "идут по плану", atRisk: "под угрозой", notEligible: "не имеют права", sessionsNoBreaks: "заседаний (без перерывов)",
		present: "присутствовавшие", late: "опоздавшие", excused: "отсутствовавшие по уважительной причине", or: " или ",
		sessionsNote:     "%% от ожидаемых: %s, среди участников, к которым относится заседание. Отсутствующие включают неотмеченных после окончания заседания; ожидается — неотмеченные до его окончания; не относится — присоединившиеся после его начала.",
		participantsNote: "Правило: %s. %% посещаемости считается от уже решённых заседаний (или часов); «имеет право» — решение о сертификате, включая благодарственные сертификаты спикеров, модераторов и организаторов и решения, принятые вручную.",
		noSessions:       "В программе пока нет заседаний.", noParticipants: "Зарегистрированных участников нет.",
		rule:       "не менее %s %s; опоздание %s, уважительная причина %s; обязательные заседания %s; опоздание после %d мин",
		ofSessions: "заседаний", ofHours: "часов", counts: "засчитывается", notCounts: "не засчитывается", req: "обязательны", notReq: "не обязательны",
		statsTitle: "Статистика участия", statsKicker: "СТАТИСТИКА УЧАСТИЯ",
		rounding:   "Из-за округления сумма процентов может отличаться от 100.",
		registered: "зарегистрировано", attendedOf: "присутствовало (%s от зарегистрированных)", women: "женщин среди зарегистрированных", countries: "стран",
		statsNote: "Зарегистрировано: все, кто зарегистрировался на семинар. Присутствовало: отмеченные как присутствующие или опоздавшие хотя бы на одном относящемся к ним заседании. " +
			"Каждый процент считается от итога своей группы. Отсутствующие ответы учитываются как «Не указано» и никогда не опускаются.",
		seriesTitle: "Отчёт по серии", seriesKicker: "ОТЧЁТ ПО СЕРИИ", allWorkshops: "Все семинары", allYears: "Все годы",
		workshopForms: []string{"семинар", "семинара", "семинаров"}, workshops: "семинаров", registrations: "регистраций",
		persons: "уникальных участников", delivered: "проведено заседаний", programmeHours: "часов программы", certificates: "выдано сертификатов",
		seriesNote: "Человек, зарегистрированный на нескольких семинарах, учитывается среди уникальных участников один раз (тот же адрес электронной почты или те же имя и организация), с последними указанными им данными.",
		noWorkshop: "Подходящих семинаров нет.",
	},
	"zh": {
		page: "第%d页，共%d页", continued: "（续）",
		attTitle: "出勤报告", attKicker: "出勤报告", asOf: "截至%s（%s）", footAsOf: "出勤截至%s",
		participants: "名学员", eligible: "符合证书条件", eligibleApp: "符合条件（其中%d份感谢证书）",
		onTrack: "进展正常", atRisk: "存在风险", notEligible: "不符合条件", sessionsNoBreaks: "场会议（不含休息）",
		present: "出席", late: "迟到", excused: "请假", or: "或",
		sessionsNote:     "占应到人数%%：%s的人数占该场会议适用学员的比例。缺席包括会议结束后仍未登记者；待定为会议结束前未登记者；不适用为会议开始后才加入者。",
		participantsNote: "规则：%s。出席率按目前已确定的会议场次（或时数）计算；“符合条件”为证书决定，包括发言人、主持人和组织者的感谢证书以及人工作出的决定。",
		noSessions:       "日程中尚无会议。", noParticipants: "尚无登记的学员。",
		rule:       "至少%s的%s；迟到%s，请假%s；必须参加的会议%s；超过%d分钟为迟到",
		ofSessions: "会议场次", ofHours: "时数", counts: "计入", notCounts: "不计入", req: "必须出席", notReq: "不要求",
		statsTitle: "参与情况统计", statsKicker: "参与情况统计",
		rounding:   "由于四舍五入，百分比之和可能不等于100。",
		registered: "注册人数", attendedOf: "出席人数（占注册人数%s）", women: "注册人员中的女性比例", countries: "个国家",
		statsNote:   "注册：所有注册参加研讨会的人员。出席：在至少一场适用会议中被登记为出席或迟到的人员。每个百分比按其所属组的合计计算。缺失的回答计为“未填写”，不会被排除。",
		seriesTitle: "系列报告", seriesKicker: "系列报告", allWorkshops: "所有研讨会", allYears: "所有年份",
		workshopForms: []string{"场研讨会"}, workshops: "场研讨会", registrations: "人次注册",
		persons: "不重复人数", delivered: "已举办会议场次", programmeHours: "课程时数", certificates: "已颁发证书",
		seriesNote: "在多场研讨会注册的人员在不重复人数中只计一次（电子邮件相同，或姓名和单位相同），采用其最近提供的信息。",
		noWorkshop: "没有符合条件的研讨会。",
	},
}

// ruleText describes an attendance rule in lang, as store.EffectiveRule's
// String does in English.
func ruleText(lang string, e store.EffectiveRule) string {
	w := reportWording[lang]
	pick := func(b bool, y, n string) string {
		if b {
			return y
		}
		return n
	}
	basis := pick(e.Basis == store.BasisHours, w.ofHours, w.ofSessions)
	return fmt.Sprintf(w.rule, store.Percent(lang, float64(e.MinPercent)), basis,
		pick(e.LateCounts, w.counts, w.notCounts), pick(e.ExcusedCounts, w.counts, w.notCounts),
		pick(e.MandatoryRequired, w.req, w.notReq), e.LateAfterMinutes)
}

// periodText writes the days a workshop spans in lang, briefly: "8–9 March
// 2027", "8–9 mars 2027", "8–9 de marzo de 2027", "2027年3月8日–9日"; across
// months or years, both dates in full.
func periodText(lang string, start, end store.Date) string {
	if start.IsZero() {
		return ""
	}
	if end.IsZero() || end.Before(start) {
		end = start
	}
	switch {
	case start == end:
		return store.LongDate(lang, start)
	case start.Year == end.Year && start.Month == end.Month:
		if lang == "zh" {
			return store.LongDate(lang, start) + "–" + fmt.Sprintf("%d日", end.Day)
		}
		first := fmt.Sprint(start.Day)
		if lang == "fr" && start.Day == 1 {
			first = "1er"
		}
		return first + "–" + strings.TrimPrefix(store.LongDate(lang, end), "1er")
	}
	return store.LongDate(lang, start) + " – " + store.LongDate(lang, end)
}
