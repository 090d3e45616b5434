package web

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// findChromium returns a Chromium binary, or "" when none is installed.
func findChromium() string {
	if p := os.Getenv("STRIKEWATCH_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browserLog collects what the page did that a test must look at.
type browserLog struct {
	mu         sync.Mutex
	dialogs    []string
	exceptions []string
	console    []string
}

func (b *browserLog) add(dst *[]string, s string) {
	b.mu.Lock()
	*dst = append(*dst, s)
	b.mu.Unlock()
}

func (b *browserLog) snapshot() (dialogs, exceptions, console []string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.dialogs...), append([]string(nil), b.exceptions...), append([]string(nil), b.console...)
}

// browser is a headless Chromium tab with what the tests need of it.
type browser struct {
	ctx   context.Context
	log   *browserLog
	shots string
}

// newBrowser starts Chromium for a test (skipping when none is installed)
// and stops it when the test ends.
func newBrowser(t *testing.T) *browser {
	t.Helper()
	bin := findChromium()
	if bin == "" {
		t.Skip("no Chromium found (install Debian's chromium package, as .ci/run does); browser tests skipped")
	}
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.WindowSize(1280, 900),
		chromedp.UserDataDir(t.TempDir()),
	}
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(acancel)
	bctx, bcancel := chromedp.NewContext(actx)
	t.Cleanup(bcancel)

	bl := &browserLog{}
	err := chromedp.Listen(bctx, func(ev any) {
		switch ev := ev.(type) {
		case *page.EventJavascriptDialogOpening:
			bl.add(&bl.dialogs, ev.Message)
			// Listen's func must not call the browser; dismiss from elsewhere.
			go chromedp.Call(bctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		case *runtime.EventExceptionThrown:
			bl.add(&bl.exceptions, ev.ExceptionDetails.Text+" "+ev.ExceptionDetails.URL)
		case *runtime.EventConsoleAPICalled:
			var parts []string
			for _, a := range ev.Args {
				parts = append(parts, a.Description+string(a.Value))
			}
			bl.add(&bl.console, string(ev.Type)+": "+strings.Join(parts, " "))
		case *log.EventEntryAdded:
			bl.add(&bl.console, string(ev.Entry.Source)+": "+ev.Entry.Text)
		}
	})
	if err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	// A CSP violation fires securitypolicyviolation on the document; the
	// listener is installed through DevTools, so CSP does not block it.
	const watchCSP = `window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));`
	if _, err := chromedp.Call(bctx, log.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(bctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: watchCSP}); err != nil {
		t.Fatal(err)
	}
	b := &browser{ctx: bctx, log: bl, shots: t.ArtifactDir()}
	t.Cleanup(func() {
		_, exceptions, console := bl.snapshot()
		if len(exceptions) > 0 {
			t.Errorf("uncaught exceptions: %v", exceptions)
		}
		for _, c := range console {
			if strings.Contains(c, "Content Security Policy") || strings.Contains(c, "Refused to") {
				t.Errorf("CSP message in console: %s", c)
			}
		}
		t.Logf("screenshots in %s", b.shots)
	})
	return b
}

func (b *browser) shot(t *testing.T, name string) {
	t.Helper()
	buf, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100)) // 100 makes a PNG
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if err := os.WriteFile(filepath.Join(b.shots, name), buf, 0o644); err != nil {
		t.Fatal(err)
	}
}

func (b *browser) eval(t *testing.T, expr string) any {
	t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[any](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

func (b *browser) count(t *testing.T, css string) int {
	t.Helper()
	n, _ := b.eval(t, "document.querySelectorAll("+strconv.Quote(css)+").length").(float64)
	return int(n)
}

func (b *browser) text(t *testing.T, expr string) string {
	t.Helper()
	s, _ := b.eval(t, expr).(string)
	return s
}

func (b *browser) do(t *testing.T, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

func (b *browser) noCSPViolations(t *testing.T) {
	t.Helper()
	if v, _ := b.eval(t, `window.__csp || []`).([]any); len(v) > 0 {
		t.Errorf("CSP violations: %v", v)
	}
}

// TestBrowser drives a real headless Chromium against the page served over
// a SQLite store holding the fixtures.
func TestBrowser(t *testing.T) {
	b := newBrowser(t)
	st := openStore(t)
	exs := seed(t, st)
	srv, err := New(Config{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	hs := httptest.NewServer(srv)
	defer hs.Close()
	bl := b.log
	do, shot, count, text, cspViolations := b.do, b.shot, b.count, b.text, b.noCSPViolations
	eval := b.eval

	conducted := eventOf(t, st, exs[2].Report.ID)
	xssID := exs[3].Report.ID

	t.Run("map and timeline", func(t *testing.T) {
		do(t, chromedp.Navigate(hs.URL+"/"),
			chromedp.WaitVisible(chromedp.CSS(`#map circle.marker`)),
			chromedp.WaitVisible(chromedp.CSS(`#timeline rect.bar`)))
		shot(t, "main.png")
		if n := count(t, "#map circle.marker"); n != 3 {
			t.Errorf("got %d markers, want 3 (one per located event)", n)
		}
		// 2012 to 2025 is too long for weekly bars: months, and the two
		// May 2012 strikes share one.
		if n := count(t, "#timeline rect.bar"); n != 3 {
			t.Errorf("got %d timeline bars, want 3", n)
		}
		if n := count(t, "#map path.country"); n < 100 {
			t.Errorf("got %d country outlines, want the world", n)
		}
		cspViolations(t)
	})

	t.Run("marker opens its event with evidence", func(t *testing.T) {
		do(t, chromedp.Click(chromedp.CSS(`#map circle.marker[data-event="`+conducted+`"]`)),
			chromedp.WaitVisible(chromedp.CSS(`.event-page .report-text mark.ev`)))
		shot(t, "event.png")
		if h1 := text(t, `document.querySelector('.event-page h1').textContent`); !strings.Contains(h1, "ISAF → Taliban") {
			t.Errorf("event heading %q, want the ISAF → Taliban strike", h1)
		}
		marked := text(t, `[...document.querySelectorAll('.event-page .report-text mark.ev')].map(m => m.textContent + '=' + m.title).join(' | ')`)
		for _, want := range []string{"struck=stage: conducted", "killing three=fatalities: 3", "Lashkar Gah, Helmand=location: Lashkar Gah"} {
			if !strings.Contains(marked, want) {
				t.Errorf("highlights %q lack %q", marked, want)
			}
		}
		cspViolations(t)
	})

	t.Run("report markup is shown as text", func(t *testing.T) {
		do(t, chromedp.Navigate(hs.URL+"/#/report/"+xssID),
			chromedp.WaitVisible(chromedp.CSS(`.report-page .report-text`)),
			chromedp.Sleep(300*time.Millisecond)) // give any injected handler the chance to fire
		shot(t, "report.png")
		if got := text(t, `document.querySelector('.report-page .report-text').textContent`); got != XSSText {
			t.Errorf("report text shown as %q, want it verbatim", got)
		}
		if h1 := text(t, `document.querySelector('.report-page h1').textContent`); h1 != "<b>Markup</b> in a title" {
			t.Errorf("title shown as %q, want the markup as text", h1)
		}
		for _, css := range []string{"#view-page script", "#view-page img", "#view-page h1 b"} {
			if n := count(t, css); n != 0 {
				t.Errorf("report text became %d %q elements", n, css)
			}
		}
		if title := text(t, `document.title`); title == "pwned" {
			t.Error("the onerror handler ran")
		}
		if d, _, _ := bl.snapshot(); len(d) > 0 {
			t.Errorf("dialogs opened: %v", d)
		}
		cspViolations(t)
	})

	t.Run("search", func(t *testing.T) {
		do(t, chromedp.Navigate(hs.URL+"/"),
			chromedp.WaitVisible(chromedp.CSS(`#search-q`)),
			chromedp.SendKeys(chromedp.CSS(`#search-q`), "directive"),
			chromedp.Click(chromedp.CSS(`#search-form button`)),
			chromedp.WaitVisible(chromedp.CSS(`.list-page .report-card`)))
		hits := count(t, ".list-page .report-card")
		first := text(t, `document.querySelector('.list-page .report-card h3').textContent`)
		if hits != 1 || first != "Directive reportedly clears force" {
			t.Errorf("search: got %d hits, first %q; want the one directive report", hits, first)
		}
	})

	t.Run("story ladder", func(t *testing.T) {
		story := storyOf(t, st, exs[0].Report.ID)
		do(t, chromedp.Navigate(hs.URL+"/#/story/"+story),
			chromedp.WaitVisible(chromedp.CSS(`.story-page svg.ladder circle.step`)))
		shot(t, "story.png")
		if n := count(t, ".story-page .steps li"); n != 2 {
			t.Errorf("got %d ladder steps, want 2 (discussed, authorized)", n)
		}
		if c := text(t, `document.querySelector('.story-page .consent').textContent`); c != "undecided" {
			t.Errorf("host consent %q, want undecided", c)
		}
		cspViolations(t)
	})

	t.Run("phone width", func(t *testing.T) {
		do(t, chromedp.EmulateViewport(390, 844),
			chromedp.Navigate(hs.URL+"/"),
			chromedp.WaitVisible(chromedp.CSS(`#map circle.marker`)))
		shot(t, "phone.png")
		// Nothing may be wider than the screen: no sideways scrolling.
		if w, _ := eval(t, `document.documentElement.scrollWidth`).(float64); w > 390 {
			t.Errorf("page is %v px wide on a 390 px screen", w)
		}
	})

}
