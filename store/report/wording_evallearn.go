package report

import "strings"

// evalLearnWords are the fixed texts of the evaluation and learning
// tables (table names, headings, figure labels, item kinds), keyed by the
// English as words is, and read by Word alike. Every language has every
// key (TestWordingComplete).
var evalLearnWords = map[string]map[string]string{
	"fr": {
		EvalSummaryTable: "Évaluation", EvalItemsTable: "Questions", EvalSessionsTable: "Notes des séances", EvalCommentsTable: "Commentaires",
		EvalSeriesTable: "Évaluation par atelier", "Figure": "Indicateur", "No.": "N°", "Item": "Question", "Kind": "Type de réponse",
		"Answered": "Réponses", "Mean": "Moyenne", "Median": "Médiane", "Agree %": "% d’accord", "Rank": "Rang", "Question": "Question",
		"Form": "Formulaire", "Language": "Langue", "Comment": "Commentaire", "Forms": "Formulaires",
		"Participants who attended": "Participants présents", "Response rate %": "Taux de réponse %",
		"Knowledge before (mean of 1–5)": "Connaissances avant (moyenne sur 1–5)", "Knowledge after (mean of 1–5)": "Connaissances après (moyenne sur 1–5)",
		"Agreement 1–5": "Accord 1–5", "Rating 1–5": "Note 1–5", "Yes/no": "Oui/non", "One choice": "Choix unique",
		"Several choices": "Choix multiples", "Text": "Texte libre",
		LearningSummaryTable: "Synthèse de l’apprentissage", LearningParticipantsTable: "Scores par participant",
		LearningQuestionsTable: "Bonnes réponses par question", LearningDistributionTable: "Répartition des scores",
		LearningGroupsTable: "Apprentissage par groupe", "Badge code": "Code du badge", "Pre-test (%)": "Test initial (%)",
		"Post-test (%)": "Test final (%)", "Gain (points)": "Progression (points)", "Normalised gain": "Gain normalisé", "Passed": "Réussi",
		"Right before (%)": "Bonnes réponses avant (%)", "Right after (%)": "Bonnes réponses après (%)", "Change (points)": "Écart (points)",
		"Score": "Score", "Pre-test": "Test initial", "Post-test": "Test final", "Breakdown": "Ventilation", "Group": "Groupe",
		"Paired": "Appariés", "Mean pre (%)": "Moyenne avant (%)", "Mean post (%)": "Moyenne après (%)", "Mean gain (points)": "Progression moyenne (points)",
		"Took the pre-test": "Ont passé le test initial", "Took the post-test": "Ont passé le test final", "Took both (paired)": "Ont passé les deux (appariés)",
		"Mean pre-test score (%)": "Score moyen au test initial (%)", "Mean post-test score (%)": "Score moyen au test final (%)",
		"Mean normalised gain (Hake)": "Gain normalisé moyen (Hake)", "Improved (% of paired)": "En progrès (% des appariés)",
		"Pass mark (%)": "Seuil de réussite (%)", "Passed the post-test (% of takers)": "Réussite au test final (% des candidats)",
		" mean": " moyenne", " agree %": " % d’accord",
	},
	"es": {
		EvalSummaryTable: "Evaluación", EvalItemsTable: "Preguntas", EvalSessionsTable: "Valoración de las sesiones", EvalCommentsTable: "Comentarios",
		EvalSeriesTable: "Evaluación por taller", "Figure": "Indicador", "No.": "N.º", "Item": "Pregunta", "Kind": "Tipo de respuesta",
		"Answered": "Respuestas", "Mean": "Media", "Median": "Mediana", "Agree %": "% de acuerdo", "Rank": "Puesto", "Question": "Pregunta",
		"Form": "Formulario", "Language": "Idioma", "Comment": "Comentario", "Forms": "Formularios",
		"Participants who attended": "Participantes asistentes", "Response rate %": "Tasa de respuesta %",
		"Knowledge before (mean of 1–5)": "Conocimientos antes (media de 1–5)", "Knowledge after (mean of 1–5)": "Conocimientos después (media de 1–5)",
		"Agreement 1–5": "Acuerdo 1–5", "Rating 1–5": "Valoración 1–5", "Yes/no": "Sí/no", "One choice": "Opción única",
		"Several choices": "Opción múltiple", "Text": "Texto libre",
		LearningSummaryTable: "Resumen del aprendizaje", LearningParticipantsTable: "Puntuaciones por participante",
		LearningQuestionsTable: "Respuestas correctas por pregunta", LearningDistributionTable: "Distribución de las puntuaciones",
		LearningGroupsTable: "Aprendizaje por grupo", "Badge code": "Código del gafete", "Pre-test (%)": "Prueba inicial (%)",
		"Post-test (%)": "Prueba final (%)", "Gain (points)": "Avance (puntos)", "Normalised gain": "Ganancia normalizada", "Passed": "Aprobó",
		"Right before (%)": "Correctas antes (%)", "Right after (%)": "Correctas después (%)", "Change (points)": "Variación (puntos)",
		"Score": "Puntuación", "Pre-test": "Prueba inicial", "Post-test": "Prueba final", "Breakdown": "Desglose", "Group": "Grupo",
		"Paired": "Emparejados", "Mean pre (%)": "Media antes (%)", "Mean post (%)": "Media después (%)", "Mean gain (points)": "Avance medio (puntos)",
		"Took the pre-test": "Hicieron la prueba inicial", "Took the post-test": "Hicieron la prueba final", "Took both (paired)": "Hicieron ambas (emparejados)",
		"Mean pre-test score (%)": "Puntuación media en la prueba inicial (%)", "Mean post-test score (%)": "Puntuación media en la prueba final (%)",
		"Mean normalised gain (Hake)": "Ganancia normalizada media (Hake)", "Improved (% of paired)": "Mejoraron (% de los emparejados)",
		"Pass mark (%)": "Nota mínima de aprobación (%)", "Passed the post-test (% of takers)": "Aprobaron la prueba final (% de quienes la hicieron)",
		" mean": " media", " agree %": " % de acuerdo",
	},
	"ar": {
		EvalSummaryTable: "التقييم", EvalItemsTable: "البنود", EvalSessionsTable: "تقييم الجلسات", EvalCommentsTable: "التعليقات",
		EvalSeriesTable: "التقييم حسب حلقة العمل", "Figure": "المؤشر", "No.": "الرقم", "Item": "البند", "Kind": "نوع الإجابة",
		"Answered": "الإجابات", "Mean": "المتوسط", "Median": "الوسيط", "Agree %": "% الموافقة", "Rank": "الترتيب", "Question": "السؤال",
		"Form": "الاستمارة", "Language": "اللغة", "Comment": "التعليق", "Forms": "الاستمارات",
		"Participants who attended": "المشاركون الحاضرون", "Response rate %": "معدل الاستجابة %",
		"Knowledge before (mean of 1–5)": "المعرفة قبل (متوسط 1–5)", "Knowledge after (mean of 1–5)": "المعرفة بعد (متوسط 1–5)",
		"Agreement 1–5": "الموافقة 1–5", "Rating 1–5": "التقدير 1–5", "Yes/no": "نعم/لا", "One choice": "اختيار واحد",
		"Several choices": "اختيارات متعددة", "Text": "نص حر",
		LearningSummaryTable: "ملخص التعلم", LearningParticipantsTable: "الدرجات حسب المشارك",
		LearningQuestionsTable: "الإجابات الصحيحة حسب السؤال", LearningDistributionTable: "توزيع الدرجات",
		LearningGroupsTable: "التعلم حسب الفئة", "Badge code": "رمز الشارة", "Pre-test (%)": "الاختبار القبلي (%)",
		"Post-test (%)": "الاختبار البعدي (%)", "Gain (points)": "التحسن (نقاط)", "Normalised gain": "المكسب المعياري", "Passed": "ناجح",
		"Right before (%)": "صحيح قبل (%)", "Right after (%)": "صحيح بعد (%)", "Change (points)": "التغير (نقاط)",
		"Score": "الدرجة", "Pre-test": "الاختبار القبلي", "Post-test": "الاختبار البعدي", "Breakdown": "التصنيف", "Group": "الفئة",
		"Paired": "المقترنون", "Mean pre (%)": "المتوسط قبل (%)", "Mean post (%)": "المتوسط بعد (%)", "Mean gain (points)": "متوسط التحسن (نقاط)",
		"Took the pre-test": "أجروا الاختبار القبلي", "Took the post-test": "أجروا الاختبار البعدي", "Took both (paired)": "أجروا الاختبارين (مقترنون)",
		"Mean pre-test score (%)": "متوسط درجة الاختبار القبلي (%)", "Mean post-test score (%)": "متوسط درجة الاختبار البعدي (%)",
		"Mean normalised gain (Hake)": "متوسط المكسب المعياري (هيك)", "Improved (% of paired)": "تحسنوا (% من المقترنين)",
		"Pass mark (%)": "درجة النجاح (%)", "Passed the post-test (% of takers)": "نجحوا في الاختبار البعدي (% ممن أجروه)",
		" mean": " المتوسط", " agree %": " % الموافقة",
	},
	"ru": {
		EvalSummaryTable: "Оценка", EvalItemsTable: "Вопросы", EvalSessionsTable: "Оценки заседаний", EvalCommentsTable: "Комментарии",
		EvalSeriesTable: "Оценка по семинарам", "Figure": "Показатель", "No.": "№", "Item": "Вопрос", "Kind": "Тип ответа",
		"Answered": "Ответили", "Mean": "Среднее", "Median": "Медиана", "Agree %": "% согласных", "Rank": "Место", "Question": "Вопрос",
		"Form": "Анкета", "Language": "Язык", "Comment": "Комментарий", "Forms": "Анкеты",
		"Participants who attended": "Присутствовавшие участники", "Response rate %": "Доля ответивших %",
		"Knowledge before (mean of 1–5)": "Знания до (среднее по 1–5)", "Knowledge after (mean of 1–5)": "Знания после (среднее по 1–5)",
		"Agreement 1–5": "Согласие 1–5", "Rating 1–5": "Оценка 1–5", "Yes/no": "Да/нет", "One choice": "Один вариант",
		"Several choices": "Несколько вариантов", "Text": "Свободный текст",
		LearningSummaryTable: "Итоги обучения", LearningParticipantsTable: "Баллы по участникам",
		LearningQuestionsTable: "Верные ответы по вопросам", LearningDistributionTable: "Распределение баллов",
		LearningGroupsTable: "Обучение по группам", "Badge code": "Код бейджа", "Pre-test (%)": "Входной тест (%)",
		"Post-test (%)": "Итоговый тест (%)", "Gain (points)": "Прирост (пункты)", "Normalised gain": "Нормированный прирост", "Passed": "Сдал",
		"Right before (%)": "Верно до (%)", "Right after (%)": "Верно после (%)", "Change (points)": "Изменение (пункты)",
		"Score": "Балл", "Pre-test": "Входной тест", "Post-test": "Итоговый тест", "Breakdown": "Разбивка", "Group": "Группа",
		"Paired": "Парные", "Mean pre (%)": "Среднее до (%)", "Mean post (%)": "Среднее после (%)", "Mean gain (points)": "Средний прирост (пункты)",
		"Took the pre-test": "Прошли входной тест", "Took the post-test": "Прошли итоговый тест", "Took both (paired)": "Прошли оба (парные)",
		"Mean pre-test score (%)": "Средний балл входного теста (%)", "Mean post-test score (%)": "Средний балл итогового теста (%)",
		"Mean normalised gain (Hake)": "Средний нормированный прирост (Хейк)", "Improved (% of paired)": "Улучшили результат (% парных)",
		"Pass mark (%)": "Проходной балл (%)", "Passed the post-test (% of takers)": "Сдали итоговый тест (% прошедших)",
		" mean": " среднее", " agree %": " % согласных",
	},
	"zh": {
		EvalSummaryTable: "评估", EvalItemsTable: "评估项目", EvalSessionsTable: "会议评分", EvalCommentsTable: "意见",
		EvalSeriesTable: "各研讨会评估", "Figure": "指标", "No.": "序号", "Item": "项目", "Kind": "回答类型",
		"Answered": "回答人数", "Mean": "平均分", "Median": "中位数", "Agree %": "同意率%", "Rank": "排名", "Question": "问题",
		"Form": "问卷", "Language": "语言", "Comment": "意见", "Forms": "问卷数",
		"Participants who attended": "出席学员", "Response rate %": "回收率%",
		"Knowledge before (mean of 1–5)": "培训前知识（1–5平均分）", "Knowledge after (mean of 1–5)": "培训后知识（1–5平均分）",
		"Agreement 1–5": "同意程度 1–5", "Rating 1–5": "评分 1–5", "Yes/no": "是/否", "One choice": "单选",
		"Several choices": "多选", "Text": "自由文本",
		LearningSummaryTable: "学习成效摘要", LearningParticipantsTable: "各学员得分",
		LearningQuestionsTable: "各题正确率", LearningDistributionTable: "得分分布",
		LearningGroupsTable: "各群体学习成效", "Badge code": "胸卡代码", "Pre-test (%)": "前测（%）",
		"Post-test (%)": "后测（%）", "Gain (points)": "提高（分）", "Normalised gain": "标准化增益", "Passed": "通过",
		"Right before (%)": "前测正确率（%）", "Right after (%)": "后测正确率（%）", "Change (points)": "变化（分）",
		"Score": "得分", "Pre-test": "前测", "Post-test": "后测", "Breakdown": "分类", "Group": "群体",
		"Paired": "配对人数", "Mean pre (%)": "前测平均（%）", "Mean post (%)": "后测平均（%）", "Mean gain (points)": "平均提高（分）",
		"Took the pre-test": "参加前测", "Took the post-test": "参加后测", "Took both (paired)": "两次均参加（配对）",
		"Mean pre-test score (%)": "前测平均得分（%）", "Mean post-test score (%)": "后测平均得分（%）",
		"Mean normalised gain (Hake)": "平均标准化增益（Hake）", "Improved (% of paired)": "成绩提高（占配对人数%）",
		"Pass mark (%)": "及格线（%）", "Passed the post-test (% of takers)": "通过后测（占参加人数%）",
		" mean": " 平均分", " agree %": " 同意率%",
	},
}

// seriesSuffixes end the headings of the evaluation series table: a
// workshop's name, then what its column holds.
var seriesSuffixes = []string{" mean", " agree %"}

// heading returns a table heading in lang: a fixed text, or a workshop's
// name followed by one of seriesSuffixes, the suffix in lang.
func heading(lang, h string) string {
	if w := Word(lang, h); w != h {
		return w
	}
	for _, s := range seriesSuffixes {
		if name, ok := strings.CutSuffix(h, s); ok {
			return name + Word(lang, s)
		}
	}
	return h
}
