package pdf

import (
	"cmp"
	"strings"

	"github.com/workshopdesk/workshopdesk/store"
)

// quizWords are the fixed texts of answer sheets in one language.
type quizWords struct {
	pre, post, check       string // the kicker of each kind of test
	name, badge            string
	instructions           string
	trueWord, falseWord    string
	one, several, short    string // how to answer each kind
	number                 string
	booklet, grid, page    string // page: "Page %d of %d"
	gridNote, continuation string
}

var quizWording = map[string]quizWords{
	"en": {pre: "PRE-TEST", post: "POST-TEST", check: "QUICK CHECK", name: "Name", badge: "Badge code",
		instructions: "Answer every question you can. Mark your answers with a cross (X) in the box.",
		trueWord:     "True", falseWord: "False", one: "Tick one answer.", several: "Tick every right answer.",
		short: "Write your answer on the line.", number: "Write a number.", booklet: "QUESTION BOOKLET",
		grid: "ANSWER GRID", page: "Page %d of %d", gridNote: "Answer on this grid; the questions are in the booklet.", continuation: "continued"},
	"fr": {pre: "TEST PRÉALABLE", post: "TEST FINAL", check: "QUIZ DE SÉANCE", name: "Nom", badge: "Code du badge",
		instructions: "Répondez à toutes les questions que vous pouvez. Marquez vos réponses d'une croix (X) dans la case.",
		trueWord:     "Vrai", falseWord: "Faux", one: "Cochez une réponse.", several: "Cochez toutes les bonnes réponses.",
		short: "Écrivez votre réponse sur la ligne.", number: "Écrivez un nombre.", booklet: "LIVRET DE QUESTIONS",
		grid: "GRILLE DE RÉPONSES", page: "Page %d sur %d", gridNote: "Répondez sur cette grille ; les questions sont dans le livret.", continuation: "suite"},
	"es": {pre: "PRUEBA INICIAL", post: "PRUEBA FINAL", check: "PREGUNTAS DE LA SESIÓN", name: "Nombre", badge: "Código del gafete",
		instructions: "Responda todas las preguntas que pueda. Marque sus respuestas con una cruz (X) en la casilla.",
		trueWord:     "Verdadero", falseWord: "Falso", one: "Marque una respuesta.", several: "Marque todas las respuestas correctas.",
		short: "Escriba su respuesta en la línea.", number: "Escriba un número.", booklet: "CUADERNILLO DE PREGUNTAS",
		grid: "HOJA DE RESPUESTAS", page: "Página %d de %d", gridNote: "Responda en esta hoja; las preguntas están en el cuadernillo.", continuation: "continuación"},
	"ar": {pre: "الاختبار القبلي", post: "الاختبار البعدي", check: "اختبار قصير", name: "الاسم", badge: "رمز الشارة",
		instructions: "أجب عن كل سؤال تستطيع الإجابة عنه. ضع علامة (X) في المربع.",
		trueWord:     "صح", falseWord: "خطأ", one: "اختر إجابة واحدة.", several: "اختر كل الإجابات الصحيحة.",
		short: "اكتب إجابتك على السطر.", number: "اكتب رقمًا.", booklet: "كراسة الأسئلة",
		grid: "ورقة الإجابة", page: "الصفحة %d من %d", gridNote: "أجب على هذه الورقة؛ الأسئلة في الكراسة.", continuation: "تابع"},
	"ru": {pre: "ВХОДНОЙ ТЕСТ", post: "ИТОГОВЫЙ ТЕСТ", check: "МИНИ-ТЕСТ", name: "Имя", badge: "Код бейджа",
		instructions: "Ответьте на все вопросы, на которые можете. Отмечайте ответы крестиком (X) в клетке.",
		trueWord:     "Верно", falseWord: "Неверно", one: "Отметьте один ответ.", several: "Отметьте все верные ответы.",
		short: "Напишите ответ на строке.", number: "Напишите число.", booklet: "ВОПРОСЫ",
		grid: "БЛАНК ОТВЕТОВ", page: "Страница %d из %d", gridNote: "Отвечайте на этом бланке; вопросы — в брошюре.", continuation: "продолжение"},
	"zh": {pre: "课前测试", post: "课后测试", check: "随堂测验", name: "姓名", badge: "胸牌编号",
		instructions: "请尽量回答所有问题。请在方框内画叉（X）作答。",
		trueWord:     "对", falseWord: "错", one: "请选一个答案。", several: "请选出所有正确答案。",
		short: "请在横线上写出答案。", number: "请写一个数字。", booklet: "试题册",
		grid: "答题卡", page: "第 %d 页，共 %d 页", gridNote: "请在本答题卡上作答；试题见试题册。", continuation: "续"},
}

// sheetLanguage is the language of a participant's sheet: their
// certificate language, else the workshop's certificate language, else its
// working language, else English.
func sheetLanguage(w *store.Workshop, p *store.Participant) string {
	lang := strings.ToLower(cmp.Or(p.CertificateLanguage, w.Certificate.Language, w.Language, "en"))
	if _, ok := quizWording[lang]; !ok {
		return "en"
	}
	return lang
}

func (q quizWords) kicker(k store.QuizKind) string {
	switch k {
	case store.PreTest:
		return q.pre
	case store.PostTest:
		return q.post
	}
	return q.check
}
