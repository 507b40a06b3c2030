package web

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/workshopdesk/workshopdesk/store"
)

// browserPhone starts a headless Chromium of its own (own cookies) with a
// 390 × 844 phone screen.
func browserPhone(t *testing.T, exe string) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe), chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("headless", true), chromedp.Flag("no-sandbox", true), chromedp.Flag("disable-gpu", true),
		chromedp.Flag("no-first-run", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile)); err != nil {
		t.Fatalf("phone screen: %v", err)
	}
	return ctx
}

// screenshotDir is where the phone-sized screenshots go: the folder named
// by WORKSHOPDESK_SCREENSHOTS, else a temporary one.
func screenshotDir(t *testing.T) string {
	if dir := os.Getenv("WORKSHOPDESK_SCREENSHOTS"); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	return t.TempDir()
}

// step runs actions, each step within 20 seconds; on failure it shows
// where the browser is and what it shows.
func step(t *testing.T, ctx context.Context, name string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(sctx, actions...); err != nil {
		loc, _ := chromedp.Run(ctx, chromedp.Location())
		html, _ := chromedp.Run(ctx, chromedp.OuterHTML(chromedp.CSS("main")))
		t.Fatalf("%s: %v\nat %s:\n%s", name, err, loc, html)
	}
}

func shoot(t *testing.T, ctx context.Context, dir, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	path := filepath.Join(dir, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s", path)
}

// TestRoomInChromium fills in a test and an evaluation through the served
// pages in headless Chromium on a phone-sized screen, in English and in
// Arabic (right to left): each answer is saved as it is chosen (the
// page's script says "saved" and the data file holds it), the answers are
// handed in, the score shows after closing, and the evaluation is sent.
func TestRoomInChromium(t *testing.T) {
	exe := chromiumPath(t)
	d := newRoomData(t, 2, 5)
	dir := screenshotDir(t)
	test := d.open(t, true, true)
	for i, lang := range []string{"en", "ar"} {
		ctx := browserPhone(t, exe)
		err := chromedp.Do(ctx,
			chromedp.Navigate(test.JoinURL()+"&lang="+lang),
			chromedp.WaitVisible(chromedp.ID("badge")),
			chromedp.SendKeys(chromedp.ID("badge"), d.badges[i]))
		if err != nil {
			t.Fatalf("%s: landing: %v", lang, err)
		}
		shoot(t, ctx, dir, "test-1-landing-"+lang)
		step(t, ctx, lang+": sign in", chromedp.Click(chromedp.ID("start")), chromedp.WaitVisible(chromedp.ID("name")))
		step(t, ctx, lang+": question 1", chromedp.Click(chromedp.CSS(`label[for="q1-0"]`)), chromedp.WaitVisible(chromedp.CSS("#q1 .st.ok")))
		step(t, ctx, lang+": question 2", chromedp.Click(chromedp.CSS(`label[for="q2-1"]`)), chromedp.WaitVisible(chromedp.CSS("#q2 .st.ok")))
		step(t, ctx, lang+": question 3", chromedp.Click(chromedp.CSS(`label[for="q3-0"]`)), chromedp.Click(chromedp.CSS(`label[for="q3-1"]`)))
		step(t, ctx, lang+": question 4", chromedp.SendKeys(chromedp.ID("q4-a"), "global forum"),
			chromedp.Click(chromedp.CSS("#q4 button.save")), chromedp.WaitVisible(chromedp.CSS("#q4 .st.ok")))
		step(t, ctx, lang+": question 5", chromedp.SendKeys(chromedp.ID("q5-a"), "1990"),
			chromedp.Click(chromedp.CSS("#q5 button.save")), chromedp.WaitVisible(chromedp.CSS("#q5 .st.ok")))
		// The last click on question 3 may still be on its way.
		deadline := time.Now().Add(10 * time.Second)
		want := "T B AB global forum 1990"
		var got string
		for time.Now().Before(deadline) {
			sheet, _, _ := d.st.Sheet(d.pre.ID, d.ps[i].ID)
			if got = strings.Join(sheet.Aligned(d.pre.QuestionIDs), " "); got == want {
				break
			}
			time.Sleep(50 * time.Millisecond)
		}
		if got != want {
			t.Errorf("%s: the data file holds %q, want %q", lang, got, want)
		}
		saved, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#q5 .st")))
		if err != nil || !strings.Contains(saved, roomWording[lang]["saved"]) {
			t.Errorf("%s: question 5 says %q (%v)", lang, saved, err)
		}
		dirAttr, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS("html"), "dir"))
		if err != nil || (lang == "ar") != (dirAttr.Value == "rtl") {
			t.Errorf("%s: dir %q", lang, dirAttr.Value)
		}
		shoot(t, ctx, dir, "test-2-answers-"+lang)
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("submit")), chromedp.WaitVisible(chromedp.ID("submitted"))); err != nil {
			t.Fatalf("%s: hand in: %v", lang, err)
		}
	}
	test.Finish()
	ctx := browserPhone(t, exe)
	err := chromedp.Do(ctx, chromedp.Navigate(test.JoinURL()+"&lang=ar"), chromedp.WaitVisible(chromedp.ID("badge")),
		chromedp.SendKeys(chromedp.ID("badge"), d.badges[1]), chromedp.Click(chromedp.ID("start")), chromedp.WaitVisible(chromedp.ID("score")))
	if err != nil {
		t.Fatalf("results: %v", err)
	}
	if score, _ := chromedp.Run(ctx, chromedp.Text(chromedp.ID("score"))); !strings.Contains(score, "5") {
		t.Errorf("score %q", score)
	}
	shoot(t, ctx, dir, "test-3-results-ar")
	test.Close()

	// The evaluation, in English and Arabic.
	eval := d.open(t, false, false)
	for _, lang := range []string{"en", "ar"} {
		ctx := browserPhone(t, exe)
		err := chromedp.Do(ctx,
			chromedp.Navigate(eval.JoinURL()+"&lang="+lang),
			chromedp.WaitVisible(chromedp.ID("room")),
			chromedp.Click(chromedp.ID("start")),
			chromedp.WaitVisible(chromedp.ID("send")),
			chromedp.Click(chromedp.CSS(`label[for="i1-4"]`)),
			chromedp.Click(chromedp.CSS(`label[for="i2-5"]`)),
			chromedp.SendKeys(chromedp.ID("i12"), "More exercises, please <3"))
		if err != nil {
			t.Fatalf("%s: evaluation: %v", lang, err)
		}
		shoot(t, ctx, dir, "eval-1-form-"+lang)
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("send")), chromedp.WaitVisible(chromedp.ID("message"))); err != nil {
			t.Fatalf("%s: send: %v", lang, err)
		}
		msg, _ := chromedp.Run(ctx, chromedp.Text(chromedp.ID("message")))
		if msg != roomWording[lang]["eval_sent"] {
			t.Errorf("%s: after sending: %q", lang, msg)
		}
		shoot(t, ctx, dir, "eval-2-sent-"+lang)
	}
	_, list, err := d.st.Evaluation(d.w.ID)
	if err != nil || len(list) != 2 {
		t.Fatalf("evaluations recorded: %d, %v", len(list), err)
	}
	for _, r := range list {
		a, _ := r.Answer(store.EvalKeySatisfaction)
		b, _ := r.Answer(store.EvalKeyRelevance)
		if a.Value != 5 || !b.NA {
			t.Errorf("form %d (%s): %+v %+v", r.Form, r.Language, a, b)
		}
	}
}

// noScript turns JavaScript off in the page, as some phones have it.
func noScript(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
	_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
	return chromedp.Void{}, err
}

// TestRoomInChromiumWithoutJavaScript: with scripts off, each question's
// Save button saves its answer, the page comes back at that question
// saying "saved", and the answers are in the data file; the answers can
// be handed in.
func TestRoomInChromiumWithoutJavaScript(t *testing.T) {
	exe := chromiumPath(t)
	d := newRoomData(t, 1, 5)
	dir := screenshotDir(t)
	r := d.open(t, true, false)
	ctx := browserPhone(t, exe)
	step(t, ctx, "scripts off", noScript)
	step(t, ctx, "sign in", chromedp.Navigate(r.JoinURL()+"&lang=fr"), chromedp.WaitVisible(chromedp.ID("badge")),
		chromedp.SendKeys(chromedp.ID("badge"), d.badges[0]), chromedp.Click(chromedp.ID("start")), chromedp.WaitVisible(chromedp.ID("name")))
	step(t, ctx, "question 1", chromedp.Click(chromedp.CSS(`label[for="q1-1"]`)), chromedp.Click(chromedp.CSS("#q1 button.save")),
		chromedp.WaitVisible(chromedp.CSS("#q1 .st.ok")))
	step(t, ctx, "question 4", chromedp.SendKeys(chromedp.ID("q4-a"), "GFMD"), chromedp.Click(chromedp.CSS("#q4 button.save")),
		chromedp.WaitVisible(chromedp.CSS("#q4 .st.ok")))
	if loc, _ := chromedp.Run(ctx, chromedp.Location()); !strings.HasSuffix(loc, "/test?saved=4#q4") {
		t.Errorf("after saving question 4 the page is %s", loc)
	}
	sheet, _, _ := d.st.Sheet(d.pre.ID, d.ps[0].ID)
	if got := strings.Join(sheet.Aligned(d.pre.QuestionIDs), " "); got != "F   GFMD " {
		t.Errorf("the data file holds %q", got)
	}
	shoot(t, ctx, dir, "test-nojs-fr")
	step(t, ctx, "hand in", chromedp.Click(chromedp.ID("submit")), chromedp.WaitVisible(chromedp.ID("submitted")))
}
