package sqlite

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/strikewatch/strikewatch/internal/report"
)

// A story is rebuilt from a bounded set of its claims: the union of a few
// short lists, each the first n of the story's claims that pass a test, in
// an order (see storyLists). Claims never change and never leave a story,
// so the lists are kept up to date by inserting each new claim where it
// sorts, instead of being selected again on every add.

// storyMember is a claim in a story list, with what lists sort it by.
type storyMember struct {
	rid     int64
	dateKey string
}

// storyListSpec is one list: the claims that pass where, the first n in
// order.
type storyListSpec struct {
	stage report.Stage // the claims of one stage; "" for the lists below
	dated bool         // stage lists: date_key set (else unset)
	// consent lists the latest statements of host consent, recent the
	// newest claims; both false for stage lists.
	consent, recent bool
	n               int
}

// storyListSpecs are the lists, in a fixed order.
func storyListSpecs() []storyListSpec {
	var specs []storyListSpec
	for _, s := range report.Stages {
		n := storyPerStage
		if s.Rank() == 0 {
			n = storyDenials
		}
		specs = append(specs, storyListSpec{stage: s, dated: true, n: n}, storyListSpec{stage: s, n: n})
	}
	return append(specs, storyListSpec{consent: true, n: storyConsent}, storyListSpec{recent: true, n: storyRecent})
}

// sql returns the list's condition (on claims, besides the story) and order.
func (l storyListSpec) sql() (where, order string) {
	switch {
	case l.consent:
		return `host_consent <> ''`, `date_key DESC, rid DESC`
	case l.recent:
		return `1`, `rid DESC`
	}
	where = fmt.Sprintf(`stage = '%s' AND certainty IN ('asserted', 'hedged', '')
		AND NOT EXISTS (SELECT 1 FROM reports r2 WHERE r2.rid = claims.report_rid AND r2.copy_of IS NOT NULL)`, l.stage)
	if l.dated {
		return where + ` AND date_key > ''`, `date_key, rid`
	}
	return where + ` AND date_key = ''`, `rid`
}

// admits is the list's condition for a claim, as sql states it.
func (l storyListSpec) admits(c report.Claim, dateKey string, copy bool) bool {
	switch {
	case l.consent:
		return c.HostConsent != ""
	case l.recent:
		return true
	}
	switch c.Certainty {
	case report.Asserted, report.Hedged, "":
	default:
		return false
	}
	return c.Stage == l.stage && !copy && (dateKey != "") == l.dated
}

// compare orders two members as sql's order does.
func (l storyListSpec) compare(a, b storyMember) int {
	switch {
	case l.consent:
		return cmp.Or(cmp.Compare(b.dateKey, a.dateKey), cmp.Compare(b.rid, a.rid))
	case l.recent:
		return cmp.Compare(b.rid, a.rid)
	case l.dated:
		return cmp.Or(cmp.Compare(a.dateKey, b.dateKey), cmp.Compare(a.rid, b.rid))
	}
	return cmp.Compare(a.rid, b.rid)
}

// storyLists holds a story's lists, in storyListSpecs order.
type storyLists [][]storyMember

// loadStoryLists reads a story's lists from the database.
func loadStoryLists(ctx context.Context, tx *wtx, storyRID int64) (storyLists, error) {
	specs := storyListSpecs()
	lists := make(storyLists, len(specs))
	for i, l := range specs {
		where, order := l.sql()
		rows, err := tx.QueryContext(ctx, `SELECT rid, date_key FROM claims WHERE story_rid = ? AND `+where+
			` ORDER BY `+order+fmt.Sprintf(` LIMIT %d`, l.n), storyRID)
		if err != nil {
			return nil, fmt.Errorf("story lists: %w", err)
		}
		for rows.Next() {
			var m storyMember
			if err := rows.Scan(&m.rid, &m.dateKey); err != nil {
				rows.Close()
				return nil, fmt.Errorf("story lists: %w", err)
			}
			lists[i] = append(lists[i], m)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("story lists: %w", err)
		}
	}
	return lists, nil
}

// add puts a claim new to the story into each list it belongs to.
func (ls storyLists) add(c report.Claim, m storyMember, copy bool) {
	for i, l := range storyListSpecs() {
		if !l.admits(c, m.dateKey, copy) {
			continue
		}
		at, _ := slices.BinarySearchFunc(ls[i], m, l.compare)
		if at >= l.n {
			continue
		}
		ls[i] = slices.Insert(ls[i], at, m)
		if len(ls[i]) > l.n {
			ls[i] = ls[i][:l.n]
		}
	}
}

// rids is the union of the lists, in rid order.
func (ls storyLists) rids() []int64 {
	var out []int64
	for _, l := range ls {
		for _, m := range l {
			out = append(out, m.rid)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
