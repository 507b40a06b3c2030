package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/workshopdesk/workshopdesk/store"
)

// reasonWords are the phrases of an eligibility reason in one language,
// as store's rules word it in English ("7 of 9 sessions so far, 78% <
// 80%; 2 sessions to come").
type reasonWords struct {
	share, soFar, toCome, nothingYet, atMost, missed, noneApplies string
	sessions, hours                                               []string // noun forms after "of" (store.PluralIndex)
	// toComeSessions and toComeHours are the forms in toCome where they
	// differ (Russian: the genitive after "из", the counting forms after
	// "ещё").
	toComeSessions, toComeHours        []string
	apprNotYet, appr, granted, refused string
}

// reasonWording holds the reasons' phrases by language; English is as
// store words it (TestReasonInEnglishIsStores holds it to that).
var reasonWording = map[string]reasonWords{
	"en": {share: "%s of %s", soFar: " so far", toCome: "%s to come", nothingYet: "nothing recorded yet", atMost: "at most %s",
		missed: "missed mandatory: %s", noneApplies: "no counted session applies",
		sessions: []string{"session", "sessions"}, hours: []string{"hour", "hours"},
		apprNotYet: "%s: certificate of appreciation once a session has been held (none yet)",
		appr:       "%s: certificate of appreciation whatever the attendance (%s)",
		granted:    "granted by hand: %s (%s)", refused: "refused by hand: %s (%s)"},
	"fr": {share: "%s sur %s", soFar: " à ce jour", toCome: "%s à venir", nothingYet: "rien d’enregistré pour l’instant", atMost: "au plus %s",
		missed: "séances obligatoires manquées\u00a0: %s", noneApplies: "aucune séance comptée ne s’applique",
		sessions: []string{"séance", "séances"}, hours: []string{"heure", "heures"},
		apprNotYet: "%s\u00a0: certificat de reconnaissance dès qu’une séance aura eu lieu (aucune encore)",
		appr:       "%s\u00a0: certificat de reconnaissance quelle que soit la présence (%s)",
		granted:    "accordée à la main\u00a0: %s (%s)", refused: "refusée à la main\u00a0: %s (%s)"},
	"es": {share: "%s de %s", soFar: " hasta ahora", toCome: "%s por celebrarse", nothingYet: "nada registrado aún", atMost: "como máximo %s",
		missed: "sesiones obligatorias perdidas: %s", noneApplies: "no corresponde ninguna sesión computable",
		sessions: []string{"sesión", "sesiones"}, hours: []string{"hora", "horas"},
		apprNotYet: "%s: certificado de reconocimiento en cuanto se celebre una sesión (ninguna aún)",
		appr:       "%s: certificado de reconocimiento independientemente de la asistencia (%s)",
		granted:    "concedido a mano: %s (%s)", refused: "denegado a mano: %s (%s)"},
	"ar": {share: "%s من %s", soFar: " حتى الآن", toCome: "%s متبقية", nothingYet: "لم يُسجَّل شيء بعد", atMost: "%s على الأكثر",
		missed: "فاتته جلسات إلزامية: %s", noneApplies: "لا تنطبق أي جلسة محتسبة",
		sessions: []string{"جلسة", "جلسات", "جلسة"}, hours: []string{"ساعة", "ساعات", "ساعة"},
		apprNotYet: "%s: شهادة تقدير بمجرد انعقاد جلسة (لم تنعقد أي جلسة بعد)",
		appr:       "%s: شهادة تقدير بغض النظر عن الحضور (%s)",
		granted:    "مُنحت يدويًا: %s (%s)", refused: "رُفضت يدويًا: %s (%s)"},
	"ru": {share: "%s из %s", soFar: " на данный момент", toCome: "впереди ещё %s", nothingYet: "пока ничего не отмечено", atMost: "не более %s",
		missed: "пропущены обязательные: %s", noneApplies: "ни одно засчитываемое заседание не относится к участнику",
		sessions: []string{"заседания", "заседаний", "заседаний"}, hours: []string{"часа", "часов", "часов"},
		toComeSessions: []string{"заседание", "заседания", "заседаний"}, toComeHours: []string{"час", "часа", "часов"},
		apprNotYet: "%s: благодарственный сертификат после проведения первого заседания (пока ни одного)",
		appr:       "%s: благодарственный сертификат независимо от посещаемости (%s)",
		granted:    "предоставлено вручную: %s (%s)", refused: "отказано вручную: %s (%s)"},
	"zh": {share: "%s/%s", soFar: "（目前）", toCome: "尚余%s", nothingYet: "尚无记录", atMost: "最多%s",
		missed: "缺席必须参加的会议：%s", noneApplies: "没有适用的计入会议",
		sessions: []string{"场会议"}, hours: []string{"小时"},
		apprNotYet: "%s：举行首场会议后颁发感谢证书（尚未举行）",
		appr:       "%s：无论出勤情况均颁发感谢证书（%s）",
		granted:    "人工批准：%s（%s）", refused: "人工拒绝：%s（%s）"},
}

// Reason words the reason of an eligibility row in lang, with the same
// figures as store's English reason (EligibilityRow.Reason, which it
// returns for English): the share attended against the rule's minimum,
// what is to come, the most reachable, the mandatory sessions missed, a
// certificate of appreciation, a decision taken by hand. sessions are
// those the statistics were computed on (for the titles of the missed
// mandatory sessions).
func Reason(lang string, r *store.EligibilityRow, rule store.EffectiveRule, sessions []store.Session) string {
	lang = store.PrintLanguage(lang)
	if lang == "en" {
		return r.Reason
	}
	return reasonIn(lang, r, rule, sessions)
}

// reasonIn builds the reason in lang from the figures; in English it is
// store's reason, word for word.
func reasonIn(lang string, r *store.EligibilityRow, rule store.EffectiveRule, sessions []store.Session) string {
	w := reasonWording[lang]
	reason := statsReason(lang, w, &r.Stats, rule, sessions)
	if r.Kind == store.KindAppreciation {
		role := Word(lang, RoleLabel(r.Role))
		if lang == "en" {
			role = store.Label(r.Role)
		}
		if r.RuleEligible {
			reason = fmt.Sprintf(w.appr, role, reason)
		} else {
			reason = fmt.Sprintf(w.apprNotYet, role)
		}
	}
	if o := r.Override; o != nil && !o.Deleted() {
		f := w.refused
		if o.Granted {
			f = w.granted
		}
		reason = fmt.Sprintf(f, o.Reason, reason)
	}
	return reason
}

// statsReason words a participant's standing against the rule, as
// store's judge does.
func statsReason(lang string, w reasonWords, p *store.ParticipantStats, rule store.EffectiveRule, sessions []store.Session) string {
	hours := rule.Basis == store.BasisHours
	att, app, pend := int64(p.Attended), int64(p.Applicable), int64(p.Pending)
	if hours {
		att, app, pend = int64(p.AttendedTime/time.Minute), int64(p.ApplicableTime/time.Minute), int64(p.PendingTime/time.Minute)
	}
	if app == 0 {
		return w.noneApplies
	}
	minPct := int64(rule.MinPercent)
	number := func(v int64) string {
		if hours {
			return store.Number(lang, store.RoundHours(float64(v)/60), 1)
		}
		return store.Number(lang, float64(v), 0)
	}
	amountIn := func(v int64, forms []string) string {
		n := int(v)
		if hours {
			n = int(store.RoundHours(float64(v) / 60))
			if v != 60 && n == 1 {
				n = 2 // "1.5 hours"
			}
		}
		form := forms[min(store.PluralIndex(lang, n), len(forms)-1)]
		if lang == "zh" {
			return number(v) + form
		}
		if lang == "en" {
			return number(v) + " " + form
		}
		return number(v) + "\u00a0" + form
	}
	amount := func(v int64) string {
		if hours {
			return amountIn(v, w.hours)
		}
		return amountIn(v, w.sessions)
	}
	toCome := func(v int64) string {
		forms := w.toComeSessions
		if hours {
			forms = w.toComeHours
		}
		if forms == nil {
			return fmt.Sprintf(w.toCome, amount(v))
		}
		return fmt.Sprintf(w.toCome, amountIn(v, forms))
	}
	percent := func(v string) string {
		if lang == "fr" || lang == "es" || lang == "ru" {
			return v + "\u00a0%"
		}
		return v + "%"
	}
	share := func(part, whole int64, note string) string {
		s := fmt.Sprintf(w.share, number(part), amount(whole)) + note + ", " + percent(sharePercent(lang, part, whole, minPct))
		cmp := " < "
		if part*100 >= minPct*whole {
			cmp = " >= "
			if lang != "en" {
				cmp = " ≥ "
			}
		}
		return s + cmp + percent(strconv.FormatInt(minPct, 10))
	}
	dec := app - pend
	missed := rule.MandatoryRequired && len(p.MissedMandatory) > 0
	unreachable := (att+pend)*100 < minPct*app
	var parts []string
	switch {
	case pend == 0:
		parts = append(parts, share(att, app, ""))
	case dec > 0:
		parts = append(parts, share(att, dec, w.soFar), toCome(pend))
	default:
		parts = append(parts, w.nothingYet, toCome(pend))
	}
	if pend > 0 && unreachable {
		parts = append(parts, fmt.Sprintf(w.atMost, share(att+pend, app, "")))
	}
	if missed {
		titles := make([]string, len(p.MissedMandatory))
		for i, si := range p.MissedMandatory {
			titles[i] = sessions[si].Title
		}
		parts = append(parts, fmt.Sprintf(w.missed, strings.Join(titles, ", ")))
	}
	sep := "; "
	if lang == "fr" {
		sep = "\u00a0; "
	} else if lang == "zh" {
		sep = "；"
	} else if lang == "ar" {
		sep = "؛ "
	}
	return strings.Join(parts, sep)
}

// sharePercent writes part/whole as a whole percentage, rounded, except
// that a share below the minimum never reads as reaching it (79.6, not
// 80), as store's rules write it.
func sharePercent(lang string, part, whole, minPct int64) string {
	if whole <= 0 {
		return "0"
	}
	pct := 100 * float64(part) / float64(whole)
	if r := math.Round(pct); part*100 < minPct*whole && int64(r) >= minPct {
		return store.Number(lang, math.Floor(pct*10)/10, 1)
	}
	return strconv.FormatInt(int64(math.Round(pct)), 10)
}
