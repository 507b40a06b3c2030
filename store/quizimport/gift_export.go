package quizimport

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/workshopdesk/workshopdesk/store"
)

// giftEscaper escapes the characters GIFT gives a meaning to.
var giftEscaper = strings.NewReplacer(`\`, `\\`, `~`, `\~`, `=`, `\=`, `#`, `\#`, `{`, `\{`, `}`, `\}`, `:`, `\:`)

func esc(s string) string { return giftEscaper.Replace(s) }

// WriteGIFT writes questions as a Moodle GIFT file, in order, with their
// categories, titles, feedback and (as a "// source:" comment) sources.
// Translations are not part of GIFT and are left out.
func WriteGIFT(w io.Writer, questions []store.Question) error {
	var b strings.Builder
	category := ""
	for i, q := range questions {
		if q.Category != category {
			fmt.Fprintf(&b, "$CATEGORY: %s\n\n", q.Category)
			category = q.Category
		}
		fmt.Fprintf(&b, "// question %d\n", i+1)
		if q.Source != "" {
			fmt.Fprintf(&b, "// source: %s\n", strings.ReplaceAll(q.Source, "\n", " "))
		}
		if q.Title != "" {
			fmt.Fprintf(&b, "::%s::", esc(q.Title))
		}
		b.WriteString(esc(q.Text))
		b.WriteString(" {")
		b.WriteString(giftBody(&q))
		if q.Feedback != "" {
			b.WriteString("####" + esc(q.Feedback))
		}
		b.WriteString("}")
		if q.After != "" {
			b.WriteString(" " + esc(q.After))
		}
		b.WriteString("\n\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func weight(w float64) string { return strconv.FormatFloat(w, 'f', -1, 64) }

func feedback(fb string) string {
	if fb == "" {
		return ""
	}
	return "#" + esc(fb)
}

func giftBody(q *store.Question) string {
	var b strings.Builder
	switch q.Kind {
	case store.TrueFalse:
		right := q.TrueFalseAnswer()
		ri, wi := 0, 1
		word := "TRUE"
		if !right {
			ri, wi, word = 1, 0, "FALSE"
		}
		b.WriteString(word)
		if fr, fw := q.Options[ri].Feedback, q.Options[wi].Feedback; fr != "" || fw != "" {
			b.WriteString("#" + esc(fw) + "#" + esc(fr))
		}
	case store.MultipleChoice, store.MultipleAnswer:
		one := q.Kind == store.MultipleChoice
		for _, o := range q.Options {
			b.WriteString("\n\t")
			switch {
			case one && o.Weight == 100:
				b.WriteString("=")
			case o.Weight == 0:
				b.WriteString("~")
			default:
				b.WriteString("~%" + weight(o.Weight) + "%")
			}
			b.WriteString(esc(o.Text) + feedback(o.Feedback))
		}
		b.WriteString("\n")
	case store.ShortAnswer:
		for _, o := range q.Options {
			b.WriteString("=")
			if o.Weight != 100 {
				b.WriteString("%" + weight(o.Weight) + "%")
			}
			b.WriteString(esc(o.Text) + feedback(o.Feedback) + " ")
		}
	case store.Numeric:
		b.WriteString("#")
		if len(q.Options) == 1 && q.Options[0].Weight == 100 && q.Options[0].Feedback == "" {
			b.WriteString(numeric(q.Options[0]))
			break
		}
		for _, o := range q.Options {
			b.WriteString("=")
			if o.Weight != 100 {
				b.WriteString("%" + weight(o.Weight) + "%")
			}
			b.WriteString(numeric(o) + feedback(o.Feedback) + " ")
		}
	}
	return b.String()
}

func numeric(o store.Option) string {
	if o.Tolerance == 0 {
		return o.Text
	}
	return o.Text + ":" + weight(o.Tolerance)
}
