package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/strikewatch/strikewatch/internal/ingest"
	"github.com/strikewatch/strikewatch/internal/jobs"
	"github.com/strikewatch/strikewatch/internal/postgres"
	"github.com/strikewatch/strikewatch/internal/postgres/pgtest"
	"github.com/strikewatch/strikewatch/internal/sqlite"
	"github.com/strikewatch/strikewatch/internal/store"
)

// eventCorpus writes n short strike reports as JSON Lines: three reports
// (other outlets, other words) of each strike, strikes a month apart so
// that no two are ever candidates for one event, and a few sentences of
// filler drawn at random so that no report is a near-duplicate of
// another. The events they make do not depend on the order reports are
// stored in, so any number of workers must give what one process gives.
func eventCorpus(t testing.TB, n int) string {
	t.Helper()
	places := []struct{ town, region, country, group string }{
		{"Marib", "Marib governorate", "Yemen", "al-Qaeda"}, {"Ataq", "Shabwa", "Yemen", "al-Qaeda"},
		{"Jilib", "Middle Juba", "Somalia", "al-Shabaab"}, {"Idlib", "Idlib province", "Syria", "Islamic State"},
		{"Lashkar Gah", "Helmand province", "Afghanistan", "Taliban"}, {"Mosul", "Nineveh", "Iraq", "Islamic State"},
	}
	outlets := []string{"Wire One", "Daily Two", "Radio Three"}
	// Three ways to tell one strike; the extractor reads the same actors,
	// place, date and toll from each.
	leads := []string{
		"A US drone struck %[1]s carrying suspected %[2]s militants near %[3]s in %[4]s on %[5]s, killing %[6]d people, local officials said.",
		"A U.S. drone strike hit %[1]s carrying %[2]s fighters near %[3]s in %[4]s on %[5]s, killing %[6]d people, a military spokesman told reporters.",
		"US forces launched an air strike on %[2]s militants in %[1]s near %[3]s in %[4]s on %[5]s, killing %[6]d people, according to residents reached by telephone.",
	}
	targets := []string{"a vehicle", "a compound", "a house", "a truck"}
	filler := strings.Fields(`the market reopened later that week and traders said prices of flour rice fuel and water had
		risen sharply since the road to the coast was closed farmers complained about the harvest schools stayed shut
		while teachers waited for salaries aid groups asked for access to families who had fled the fighting earlier
		in the season a local council met to discuss repairs to the bridge and the clinic that serves nearby villages`)
	base := time.Date(1990, 1, 5, 0, 0, 0, 0, time.UTC)
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for i := range n {
		ev, k := i/3, i%3
		p := places[ev%len(places)]
		day := base.AddDate(0, ev, ev%20)
		lead := fmt.Sprintf(leads[k], targets[ev%len(targets)], p.group, p.town, p.region, day.Format("January 2, 2006"), 2+ev%9)
		rng := rand.New(rand.NewPCG(uint64(i), 1))
		words := make([]string, 36)
		for w := range words {
			words[w] = filler[rng.IntN(len(filler))]
		}
		text := fmt.Sprintf("%s, %s (%s) — %s\n\nIn other news, %s.", strings.ToUpper(p.town), p.country, outlets[k], lead, strings.Join(words, " "))
		line := map[string]string{"id": fmt.Sprintf("gen-%d", i), "text": text, "outlet": outlets[k],
			"published": day.AddDate(0, 0, 1).Format(time.DateOnly)}
		if err := enc.Encode(line); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// startWorker starts a worker process, its log going to a buffer.
func startWorker(t testing.TB, bin, url string, extra ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	args := append([]string{"worker", "--db", url, "--exit-when-idle", "--poll", "100ms"}, extra...)
	cmd := exec.Command(bin, args...)
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &log
}

// run runs the binary and fails the test when it fails.
func runBin(t testing.TB, bin string, args ...string) string {
	t.Helper()
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("strikewatch %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func openQueueAt(t testing.TB, url string) (*jobs.Queue, *pgxpool.Pool) {
	t.Helper()
	pool, err := pgxpool.New(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	q, err := jobs.Open(context.Background(), pool, jobs.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return q, pool
}

func storeStats(t testing.TB, s store.Store) store.Stats {
	t.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// TestWorkersSurviveKill is issue 6's test: 5,000 queued reports, three
// worker processes, one killed with SIGKILL mid-run and a new one started;
// every report is processed exactly once and the database holds what a
// single-process SQLite ingest of the same reports holds.
func TestWorkersSurviveKill(t *testing.T) {
	if testing.Short() {
		t.Skip("runs 5,000 reports through worker processes: skipped under -short")
	}
	url := pgtest.Schema(t)
	const n = 5000
	bin := buildBin(t)
	corpus := eventCorpus(t, n)
	ctx := context.Background()

	// The reference: one process, SQLite.
	ref := filepath.Join(t.TempDir(), "ref.db")
	runBin(t, bin, "ingest", "--db", ref, corpus)
	refDB, err := sqlite.Open(ctx, ref, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := storeStats(t, refDB)
	refDB.Close()
	if want.Reports != n || want.Copies != 0 || want.Events != (n+2)/3 {
		t.Fatalf("reference ingest: %+v; want %d reports, no copies, %d events (the corpus is built for that)", want, n, (n+2)/3)
	}

	runBin(t, bin, "ingest", "--db", url, "--enqueue", corpus)
	q, _ := openQueueAt(t, url)
	if c, err := q.Counts(ctx); err != nil || c.Queued != n {
		t.Fatalf("queued %+v, %v; want %d", c, err, n)
	}

	// Short leases so that the killed worker's job comes back soon.
	lease := []string{"--lease", "3s", "--concurrency", "1"}
	var cmds []*exec.Cmd
	var logs []*bytes.Buffer
	for range 3 {
		c, l := startWorker(t, bin, url, lease...)
		cmds, logs = append(cmds, c), append(logs, l)
	}
	// Kill one once a fifth of the work is done: it is then mid-job.
	deadline := time.Now().Add(3 * time.Minute)
	for {
		c, err := q.Counts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if c.Done >= n/5 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("workers too slow: %+v", c)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err := cmds[0].Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmds[0].Wait()
	before, _ := q.Counts(ctx)
	t.Logf("killed worker 1 at %+v", before)
	c, l := startWorker(t, bin, url, lease...)
	cmds, logs = append(cmds, c), append(logs, l)
	for i, c := range cmds[1:] {
		done := make(chan error, 1)
		go func() { done <- c.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("worker %d: %v\n%s", i+2, err, logs[i+1])
			}
		case <-time.After(time.Until(deadline)):
			c.Process.Kill()
			t.Fatalf("worker %d still running at the deadline\n%s", i+2, logs[i+1])
		}
	}

	counts, err := q.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if counts != (jobs.Counts{Done: n}) {
		t.Errorf("jobs after the run: %+v, want all %d done", counts, n)
	}
	again, _ := q.List(ctx, jobs.Done, n)
	retried := 0
	for _, j := range again {
		if j.Attempts > 1 {
			retried++
		}
	}
	t.Logf("%d jobs ran more than once (the killed worker's)", retried)

	pg, err := postgres.Open(ctx, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	if got := storeStats(t, pg); got != want {
		t.Errorf("PostgreSQL after the workers: %+v; single-process SQLite: %+v", got, want)
	}
	// No report is stored twice and none has doubled claims: every claim
	// id is its report's id and a distinct index.
	var dup int
	if err := pg.Pool().QueryRow(ctx, `SELECT count(*) FROM (SELECT report_rid, idx FROM claims GROUP BY 1, 2 HAVING count(*) > 1) d`).Scan(&dup); err != nil || dup != 0 {
		t.Errorf("claims stored twice: %d (%v)", dup, err)
	}
}

// What a worker's closing log line says.
var (
	roundTripsRE = regexp.MustCompile(`db_round_trips_per_job=([0-9.]+)`)
	workerDoneRE = regexp.MustCompile(`msg="worker stopped" done=([0-9]+)`)
	workerTookRE = regexp.MustCompile(`msg="worker stopped" .* took=([0-9.a-zµ]+)`)
)

// buildBin builds strikewatch into a temporary folder.
func buildBin(tb testing.TB) string {
	tb.Helper()
	bin := filepath.Join(tb.TempDir(), "strikewatch")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		tb.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// BenchmarkWorkers measures end-to-end throughput (pipeline + store) of 1
// and 2 worker processes on one queue, and database round trips per
// report. Run once: go test -run XXX -bench Workers -benchtime 1x ./cmd/strikewatch
func BenchmarkWorkers(b *testing.B) {
	const benchReports = 1500
	pgtest.URL(b)
	bin := buildBin(b)
	corpus := eventCorpus(b, benchReports)
	for _, w := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", w), func(b *testing.B) {
			for b.Loop() {
				url := pgtest.Schema(b)
				runBin(b, bin, "ingest", "--db", url, "--enqueue", corpus)
				start := time.Now()
				var cmds []*exec.Cmd
				var logs []*bytes.Buffer
				for range w {
					c, l := startWorker(b, bin, url, "--concurrency", "1", "--poll", "50ms")
					cmds, logs = append(cmds, c), append(logs, l)
				}
				for i, c := range cmds {
					if err := c.Wait(); err != nil {
						b.Fatalf("worker: %v\n%s", err, logs[i])
					}
				}
				wall := time.Since(start)
				var trips, done float64
				var busy time.Duration // the longest worker run, start-up (loading the gazetteer) excluded
				for _, l := range logs {
					d, rt := lastFloat(workerDoneRE, l.String()), lastFloat(roundTripsRE, l.String())
					done += d
					trips += d * rt
					if m := workerTookRE.FindStringSubmatch(l.String()); m != nil {
						if t, err := time.ParseDuration(m[1]); err == nil {
							busy = max(busy, t)
						}
					}
				}
				if int(done) != benchReports || busy == 0 {
					b.Fatalf("workers did %v jobs in %v, want %d", done, busy, benchReports)
				}
				b.ReportMetric(float64(benchReports)/busy.Seconds(), "reports/s")
				b.ReportMetric(float64(benchReports)/wall.Seconds(), "reports/s_with_startup")
				b.ReportMetric(trips/done, "roundtrips/report")
			}
		})
	}
}

// lastFloat returns the number re captures in the last line of log that
// it matches (0 when none).
func lastFloat(re *regexp.Regexp, log string) float64 {
	var v float64
	sc := bufio.NewScanner(strings.NewReader(log))
	for sc.Scan() {
		if m := re.FindStringSubmatch(sc.Text()); m != nil {
			v, _ = strconv.ParseFloat(m[1], 64)
		}
	}
	return v
}

// TestWorkerDeadJobs runs a worker in-process over a good document and a
// binary one: the binary one goes dead at once (no retry can fix it),
// --list dead shows it by name, and --retry-dead queues it again.
func TestWorkerDeadJobs(t *testing.T) {
	url := pgtest.Schema(t)
	ctx := context.Background()
	q, _ := openQueueAt(t, url)
	var js []jobs.NewJob
	for _, d := range []ingest.Doc{
		{Name: "good.txt", Format: "text", Body: []byte("ATAQ, Yemen — A US drone struck a vehicle near Ataq on Tuesday, killing three people, officials said.")},
		{Name: "binary.bin", Format: "text", Body: []byte{0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7}},
	} {
		j, err := newExtractJob(d, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		js = append(js, j)
	}
	if n, err := q.Enqueue(ctx, js); err != nil || n != 2 {
		t.Fatalf("Enqueue = %d, %v", n, err)
	}
	cases := []struct {
		name     string
		args     []string
		code     int
		contains string
	}{
		{"work", []string{"--exit-when-idle", "--poll", "20ms"}, 0, ""},
		{"list dead", []string{"--list", "dead"}, 0, `"name":"binary.bin"`},
		{"list stuck", []string{"--list", "stuck"}, 0, ""},
		{"unknown state", []string{"--list", "lost"}, 2, ""},
		{"retry dead", []string{"--retry-dead"}, 0, "1 dead jobs queued again"},
		{"not postgres", []string{"--db", "x.db"}, 2, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var out, errs bytes.Buffer
			args := append([]string{"worker", "--db", url}, tc.args...)
			if code := run(ctx, args, nil, &out, &errs); code != tc.code {
				t.Fatalf("exit %d, want %d\n%s", code, tc.code, errs.String())
			}
			if !strings.Contains(out.String(), tc.contains) {
				t.Errorf("output %q does not contain %q", out.String(), tc.contains)
			}
		})
	}
	c, err := q.Counts(ctx)
	if err != nil || c != (jobs.Counts{Done: 1, Queued: 1}) {
		t.Errorf("counts = %+v, %v; want the good job done and the dead one queued again", c, err)
	}
	pg, err := postgres.Open(ctx, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	if st := storeStats(t, pg); st.Reports != 1 {
		t.Errorf("stats = %+v, want the one good report", st)
	}
}
