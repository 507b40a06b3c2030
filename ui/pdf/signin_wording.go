package pdf

// signInWords are the fixed texts of the sign-in sheet in one language.
type signInWords struct {
	docTitle, kicker        string // "Sign-in sheet", "SIGN-IN SHEET"
	date, time, room, venue string // the labels of the header fields
	number, code, name      string // the column headings
	organisation, signature string
	noParticipants          string
	page                    string // "Page %d of %d"
}

// signInWording holds the sign-in sheet's texts by language
// (store.CertificateLanguages); each has every text (TestPrintWording).
var signInWording = map[string]signInWords{
	"en": {docTitle: "Sign-in sheet", kicker: "SIGN-IN SHEET", date: "DATE", time: "TIME", room: "ROOM", venue: "VENUE",
		number: "No.", code: "Code", name: "Name", organisation: "Organisation", signature: "Signature",
		noParticipants: "No participants are registered for this session.", page: "Page %d of %d"},
	"fr": {docTitle: "Feuille d’émargement", kicker: "FEUILLE D’ÉMARGEMENT", date: "DATE", time: "HORAIRE", room: "SALLE", venue: "LIEU",
		number: "Nº", code: "Code", name: "Nom", organisation: "Organisation", signature: "Signature",
		noParticipants: "Aucun participant n’est inscrit à cette séance.", page: "Page %d sur %d"},
	"es": {docTitle: "Registro de asistencia", kicker: "REGISTRO DE ASISTENCIA", date: "FECHA", time: "HORARIO", room: "SALA", venue: "LUGAR",
		number: "N.º", code: "Código", name: "Nombre", organisation: "Organización", signature: "Firma",
		noParticipants: "No hay participantes inscritos en esta sesión.", page: "Página %d de %d"},
	"ar": {docTitle: "سجل الحضور", kicker: "سجل الحضور", date: "التاريخ", time: "الوقت", room: "القاعة", venue: "المكان",
		number: "الرقم", code: "الرمز", name: "الاسم", organisation: "المنظمة", signature: "التوقيع",
		noParticipants: "لا يوجد مشاركون مسجلون في هذه الجلسة.", page: "صفحة %d من %d"},
	"ru": {docTitle: "Лист регистрации", kicker: "ЛИСТ РЕГИСТРАЦИИ", date: "ДАТА", time: "ВРЕМЯ", room: "ЗАЛ", venue: "МЕСТО",
		number: "№", code: "Код", name: "Имя", organisation: "Организация", signature: "Подпись",
		noParticipants: "На это заседание пока никто не зарегистрирован.", page: "Страница %d из %d"},
	"zh": {docTitle: "签到表", kicker: "签到表", date: "日期", time: "时间", room: "会议室", venue: "地点",
		number: "序号", code: "代码", name: "姓名", organisation: "单位", signature: "签名",
		noParticipants: "本场会议尚无登记的学员。", page: "第%d页，共%d页"},
}

// badgeWords are the fixed texts of the badges in one language; the role
// bands use the roles of the certificate wording (roleWords), by gender.
type badgeWords struct {
	docTitle string // "Badges"
}

// badgeWording holds the badges' texts by language.
var badgeWording = map[string]badgeWords{
	"en": {docTitle: "Badges"},
	"fr": {docTitle: "Badges"},
	"es": {docTitle: "Gafetes"},
	"ar": {docTitle: "شارات"},
	"ru": {docTitle: "Бейджи"},
	"zh": {docTitle: "胸牌"},
}
