package pdf

// evalLearnWords are the fixed texts of the evaluation report (and of the
// evaluation's figures the statistics and series reports carry) and of
// the learning report, in one language; the tables' own words come from
// report.Word.
type evalLearnWords struct {
	// The evaluation report.
	evTitle, evKicker, evFoot  string
	evForms                    string // "forms (%s of %d who attended)": the response rate, those who attended
	satisfied, relevant        string
	recommend, knowledge       string
	evNote                     string
	otherQuestions, bestFirst  string
	noComments                 string
	yesNoCounts, choiceCount   string // "yes %d, no %d (%s yes)"; "choice %d: %d"
	mean, agree, notApplicable string // the legend over the bars; notApplicable: "+%d n/a", under the figures
	form                       string // "form %d"
	seriesHeading, seriesNote  string // the series report's evaluation
	hlHeading, hlRate, hlNote  string // the statistics report's headline; hlRate: "response rate (%d forms, %d attended)"
	hlSatisfied, hlRelevant    string
	// The learning report.
	lrTitle, lrKicker, tookBoth string
	meanPre, meanPost, meanNorm string
	improved, passed, lrNote    string // passed: "passed (%s or more)"
	noQuestions, noAnswers      string
	before, after, change       string // the questions table's headings
	prePost                     string // " (pre- and post-test)", after "Learning by group"
}

// evalLearnWording holds those texts by language
// (store.CertificateLanguages); each has every text (TestPrintWording).
var evalLearnWording = map[string]evalLearnWords{
	"en": {
		evTitle: "Evaluation", evKicker: "EVALUATION AND FEEDBACK",
		evFoot:  "anonymous answers; percentages of those who answered, “not applicable” left out",
		evForms: "forms (%s of %d who attended)", satisfied: "satisfied", relevant: "found it relevant",
		recommend: "would recommend it", knowledge: "knowledge before / after (1–5)",
		evNote:         "Agreeing: the top two boxes (agree and strongly agree, or 4 and 5 of 5). Each bar shows the answers from 1 (red) to 5 (green).",
		otherQuestions: "Other questions", bestFirst: "Sessions, best rated first", noComments: "No comments yet.",
		yesNoCounts: "yes %d, no %d (%s yes)", choiceCount: "choice %d: %d",
		mean: "mean", agree: "agree", notApplicable: "+%d n/a", form: "form %d",
		seriesHeading: "Participants' evaluation across the workshops",
		seriesNote:    "Mean of 1–5 and share agreeing (the top two boxes) of each item, by workshop; “not applicable” left out.",
		hlHeading:     "Participants' evaluation", hlRate: "response rate (%d forms, %d attended)",
		hlNote:      "Share agreeing or strongly agreeing, of those who answered; the evaluation report has every item.",
		hlSatisfied: "satisfied overall", hlRelevant: "found it relevant to their work",
		lrTitle: "Learning report", lrKicker: "LEARNING REPORT · PRE- AND POST-TEST", tookBoth: "took both tests",
		meanPre: "mean pre-test score", meanPost: "mean post-test score", meanNorm: "mean normalised gain",
		improved: "improved", passed: "passed (%s or more)",
		lrNote: "Paired figures are over the participants who took both tests. Normalised gain (Hake) = (post - pre) / (100 - pre), " +
			"averaged over those whose pre-test score was under 100%. Each question counts one point; partial credit counts towards the score but a question is “right” only with full credit.",
		noQuestions: "The tests have no questions yet.", noAnswers: "No answers are recorded yet.",
		before: "Before %", after: "After %", change: "Change", prePost: " (pre- and post-test)",
	},
	"fr": {
		evTitle: "Évaluation", evKicker: "ÉVALUATION ET COMMENTAIRES",
		evFoot:  "réponses anonymes ; pourcentages des personnes ayant répondu, hors « sans objet »",
		evForms: "formulaires (%s des %d présents)", satisfied: "satisfaits", relevant: "l’ont jugé pertinent",
		recommend: "le recommanderaient", knowledge: "connaissances avant / après (1–5)",
		evNote:         "D’accord : les deux réponses les plus favorables (d’accord et tout à fait d’accord, ou 4 et 5 sur 5). Chaque barre montre les réponses de 1 (rouge) à 5 (vert).",
		otherQuestions: "Autres questions", bestFirst: "Séances, les mieux notées d’abord", noComments: "Aucun commentaire pour l’instant.",
		yesNoCounts: "oui %d, non %d (%s de oui)", choiceCount: "choix %d : %d",
		mean: "moyenne", agree: "d’accord", notApplicable: "+%d sans objet", form: "formulaire %d",
		seriesHeading: "Évaluation des participants d’un atelier à l’autre",
		seriesNote:    "Moyenne sur 1–5 et part des personnes d’accord (les deux réponses les plus favorables) pour chaque question, par atelier ; hors « sans objet ».",
		hlHeading:     "Évaluation par les participants", hlRate: "taux de réponse (%d formulaires, %d présents)",
		hlNote:      "Part des personnes d’accord ou tout à fait d’accord, parmi celles qui ont répondu ; le rapport d’évaluation détaille chaque question.",
		hlSatisfied: "satisfaits dans l’ensemble", hlRelevant: "l’ont jugé pertinent pour leur travail",
		lrTitle: "Rapport d’apprentissage", lrKicker: "RAPPORT D’APPRENTISSAGE · TEST INITIAL ET TEST FINAL", tookBoth: "ont passé les deux tests",
		meanPre: "score moyen au test initial", meanPost: "score moyen au test final", meanNorm: "gain normalisé moyen",
		improved: "en progrès", passed: "réussite (%s ou plus)",
		lrNote: "Les chiffres appariés portent sur les participants qui ont passé les deux tests. Gain normalisé (Hake) = (final - initial) / (100 - initial), " +
			"en moyenne sur ceux dont le score initial était inférieur à 100 %. Chaque question vaut un point ; les réponses partiellement justes comptent dans le score, mais une question n’est « juste » qu’avec tous les points.",
		noQuestions: "Les tests ne comportent encore aucune question.", noAnswers: "Aucune réponse n’est encore enregistrée.",
		before: "Avant %", after: "Après %", change: "Écart", prePost: " (test initial et test final)",
	},
	"es": {
		evTitle: "Evaluación", evKicker: "EVALUACIÓN Y COMENTARIOS",
		evFoot:  "respuestas anónimas; porcentajes de quienes respondieron, sin contar «no aplica»",
		evForms: "formularios (%s de los %d asistentes)", satisfied: "satisfechos", relevant: "lo consideraron pertinente",
		recommend: "lo recomendarían", knowledge: "conocimientos antes / después (1–5)",
		evNote:         "De acuerdo: las dos respuestas más favorables (de acuerdo y totalmente de acuerdo, o 4 y 5 de 5). Cada barra muestra las respuestas de 1 (rojo) a 5 (verde).",
		otherQuestions: "Otras preguntas", bestFirst: "Sesiones, de la mejor valorada a la peor", noComments: "Todavía no hay comentarios.",
		yesNoCounts: "sí %d, no %d (%s de sí)", choiceCount: "opción %d: %d",
		mean: "media", agree: "de acuerdo", notApplicable: "+%d no aplica", form: "formulario %d",
		seriesHeading: "Evaluación de los participantes en los distintos talleres",
		seriesNote:    "Media de 1–5 y proporción de acuerdo (las dos respuestas más favorables) de cada pregunta, por taller; sin contar «no aplica».",
		hlHeading:     "Evaluación de los participantes", hlRate: "tasa de respuesta (%d formularios, %d asistentes)",
		hlNote:      "Proporción de quienes están de acuerdo o totalmente de acuerdo, entre quienes respondieron; el informe de evaluación detalla cada pregunta.",
		hlSatisfied: "satisfechos en general", hlRelevant: "lo consideraron pertinente para su trabajo",
		lrTitle: "Informe de aprendizaje", lrKicker: "INFORME DE APRENDIZAJE · PRUEBA INICIAL Y PRUEBA FINAL", tookBoth: "hicieron ambas pruebas",
		meanPre: "puntuación media inicial", meanPost: "puntuación media final", meanNorm: "ganancia normalizada media",
		improved: "mejoraron", passed: "aprobaron (%s o más)",
		lrNote: "Las cifras emparejadas se refieren a los participantes que hicieron ambas pruebas. Ganancia normalizada (Hake) = (final - inicial) / (100 - inicial), " +
			"promediada entre quienes obtuvieron menos de 100 % en la prueba inicial. Cada pregunta vale un punto; las respuestas parcialmente correctas suman a la puntuación, pero una pregunta solo es «correcta» con todos los puntos.",
		noQuestions: "Las pruebas aún no tienen preguntas.", noAnswers: "Aún no hay respuestas registradas.",
		before: "Antes %", after: "Después %", change: "Variación", prePost: " (prueba inicial y prueba final)",
	},
	"ar": {
		evTitle: "التقييم", evKicker: "التقييم والملاحظات",
		evFoot:  "إجابات مجهولة الهوية؛ النسب المئوية من المجيبين، باستثناء «لا ينطبق»",
		evForms: "استمارات (%s من %d حاضرًا)", satisfied: "راضون", relevant: "وجدوها ذات صلة",
		recommend: "سيوصون بها", knowledge: "المعرفة قبل / بعد (1–5)",
		evNote:         "الموافقة: أعلى إجابتين (أوافق وأوافق بشدة، أو 4 و5 من 5). يبين كل شريط الإجابات من 1 (أحمر) إلى 5 (أخضر).",
		otherQuestions: "أسئلة أخرى", bestFirst: "الجلسات، الأعلى تقييمًا أولًا", noComments: "لا توجد تعليقات بعد.",
		yesNoCounts: "نعم %d، لا %d (%s نعم)", choiceCount: "الخيار %d: %d",
		mean: "المتوسط", agree: "موافق", notApplicable: "+%d لا ينطبق", form: "استمارة %d",
		seriesHeading: "تقييم المشاركين عبر حلقات العمل",
		seriesNote:    "متوسط 1–5 ونسبة الموافقة (أعلى إجابتين) لكل بند، حسب حلقة العمل؛ باستثناء «لا ينطبق».",
		hlHeading:     "تقييم المشاركين", hlRate: "معدل الاستجابة (%d استمارة، %d حاضرًا)",
		hlNote:      "نسبة الموافقين أو الموافقين بشدة من المجيبين؛ يتضمن تقرير التقييم كل البنود.",
		hlSatisfied: "راضون عمومًا", hlRelevant: "وجدوها ذات صلة بعملهم",
		lrTitle: "تقرير التعلم", lrKicker: "تقرير التعلم · الاختبار القبلي والبعدي", tookBoth: "أجروا الاختبارين",
		meanPre: "متوسط درجة الاختبار القبلي", meanPost: "متوسط درجة الاختبار البعدي", meanNorm: "متوسط المكسب المعياري",
		improved: "تحسنوا", passed: "نجحوا (%s أو أكثر)",
		lrNote: "الأرقام المقترنة تخص المشاركين الذين أجروا الاختبارين. المكسب المعياري (هيك) = (البعدي - القبلي) / (100 - القبلي)، " +
			"بمتوسط على من كانت درجتهم القبلية أقل من 100%. لكل سؤال نقطة واحدة؛ تُحتسب الإجابة الصحيحة جزئيًا في الدرجة، لكن السؤال لا يُعد «صحيحًا» إلا بالدرجة الكاملة.",
		noQuestions: "لا تتضمن الاختبارات أي سؤال بعد.", noAnswers: "لم تُسجل أي إجابات بعد.",
		before: "قبل %", after: "بعد %", change: "التغير", prePost: " (الاختبار القبلي والبعدي)",
	},
	"ru": {
		evTitle: "Оценка", evKicker: "ОЦЕНКА И ОТЗЫВЫ",
		evFoot:  "анонимные ответы; проценты от ответивших, без «неприменимо»",
		evForms: "анкет (%s из %d присутствовавших)", satisfied: "удовлетворены", relevant: "сочли актуальным",
		recommend: "порекомендовали бы", knowledge: "знания до / после (1–5)",
		evNote:         "Согласие: два высших ответа (согласен и полностью согласен, или 4 и 5 из 5). Каждая полоса показывает ответы от 1 (красный) до 5 (зелёный).",
		otherQuestions: "Другие вопросы", bestFirst: "Заседания, от лучших оценок", noComments: "Комментариев пока нет.",
		yesNoCounts: "да %d, нет %d (%s да)", choiceCount: "вариант %d: %d",
		mean: "среднее", agree: "согласны", notApplicable: "+%d неприменимо", form: "анкета %d",
		seriesHeading: "Оценка участников по семинарам серии",
		seriesNote:    "Среднее по 1–5 и доля согласных (два высших ответа) по каждому вопросу и семинару; без «неприменимо».",
		hlHeading:     "Оценка участников", hlRate: "доля ответивших (%d анкет, %d присутствовали)",
		hlNote:      "Доля согласных или полностью согласных среди ответивших; в отчёте об оценке приведены все вопросы.",
		hlSatisfied: "в целом удовлетворены", hlRelevant: "сочли актуальным для своей работы",
		lrTitle: "Отчёт об обучении", lrKicker: "ОТЧЁТ ОБ ОБУЧЕНИИ · ВХОДНОЙ И ИТОГОВЫЙ ТЕСТЫ", tookBoth: "прошли оба теста",
		meanPre: "средний балл входного теста", meanPost: "средний балл итогового теста", meanNorm: "средний нормированный прирост",
		improved: "улучшили результат", passed: "сдали (%s и более)",
		lrNote: "Парные показатели — по участникам, прошедшим оба теста. Нормированный прирост (Хейк) = (итог - вход) / (100 - вход), " +
			"в среднем по тем, чей входной балл ниже 100%. Каждый вопрос стоит один балл; частично верные ответы учитываются в балле, но вопрос считается «верным» только при полном балле.",
		noQuestions: "В тестах пока нет вопросов.", noAnswers: "Ответов пока нет.",
		before: "До %", after: "После %", change: "Изменение", prePost: " (входной и итоговый тесты)",
	},
	"zh": {
		evTitle: "评估", evKicker: "评估与反馈",
		evFoot:  "匿名回答；百分比按回答人数计算，不含“不适用”",
		evForms: "份问卷（占%[2]d名出席者的%[1]s）", satisfied: "满意", relevant: "认为内容相关",
		recommend: "愿意推荐", knowledge: "培训前 / 后知识（1–5）",
		evNote:         "同意：最高两档（同意和非常同意，或5分制中的4分和5分）。每个条形显示1（红）到5（绿）的回答。",
		otherQuestions: "其他问题", bestFirst: "各场会议（按评分从高到低）", noComments: "尚无意见。",
		yesNoCounts: "是 %d，否 %d（是占%s）", choiceCount: "选项%d：%d",
		mean: "平均分", agree: "同意", notApplicable: "+%d 不适用", form: "问卷 %d",
		seriesHeading: "各研讨会学员评估比较",
		seriesNote:    "各研讨会每个项目的1–5平均分和同意率（最高两档）；不含“不适用”。",
		hlHeading:     "学员评估", hlRate: "回收率（%d份问卷，%d人出席）",
		hlNote:      "在回答者中同意或非常同意的比例；评估报告列出全部项目。",
		hlSatisfied: "总体满意", hlRelevant: "认为与其工作相关",
		lrTitle: "学习成效报告", lrKicker: "学习成效报告 · 前测与后测", tookBoth: "人参加两次测试",
		meanPre: "前测平均得分", meanPost: "后测平均得分", meanNorm: "平均标准化增益",
		improved: "成绩提高", passed: "通过（%s及以上）",
		lrNote: "配对数据以参加两次测试的学员为准。标准化增益（Hake）=（后测 - 前测）/（100 - 前测），" +
			"按前测得分低于100%的学员平均。每题一分；部分正确计入得分，但只有得满分的题目才算“正确”。",
		noQuestions: "测试中尚无题目。", noAnswers: "尚无答题记录。",
		before: "前测 %", after: "后测 %", change: "变化", prePost: "（前测与后测）",
	},
}
