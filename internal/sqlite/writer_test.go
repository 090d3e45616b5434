package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/strikewatch/strikewatch/internal/report"
	"github.com/strikewatch/strikewatch/internal/store"
)

// TestCloneClaim checks that cloneClaim copies every pointer, slice and
// map of a fully filled claim, so that a claim added to a new field of
// report.Claim is either copied or caught here.
func TestCloneClaim(t *testing.T) {
	var c report.Claim
	fill(reflect.ValueOf(&c).Elem())
	d := cloneClaim(c)
	if !reflect.DeepEqual(c, d) {
		t.Fatalf("clone differs:\n%+v\n%+v", c, d)
	}
	for _, p := range shared(reflect.ValueOf(c), reflect.ValueOf(d), "Claim") {
		t.Errorf("%s is shared between a claim and its clone", p)
	}
}

// fill sets every field reachable from v to a non-zero value.
func fill(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem())
	case reflect.Struct:
		for i := range v.NumField() {
			fill(v.Field(i))
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(v.Index(i))
		}
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		fill(k)
		fill(e)
		m.SetMapIndex(k, e)
		v.Set(m)
	case reflect.String:
		v.SetString("x")
	case reflect.Int, reflect.Int64:
		v.SetInt(7)
	case reflect.Float64:
		v.SetFloat(0.5)
	case reflect.Bool:
		v.SetBool(true)
	}
}

// shared lists the paths at which a and b hold the same pointer, slice
// array or map.
func shared(a, b reflect.Value, path string) []string {
	var out []string
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() {
			return nil
		}
		if a.Pointer() == b.Pointer() {
			out = append(out, path)
		}
		out = append(out, shared(a.Elem(), b.Elem(), path+".*")...)
	case reflect.Struct:
		for i := range a.NumField() {
			out = append(out, shared(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name)...)
		}
	case reflect.Slice:
		if a.Len() == 0 {
			return nil
		}
		if unsafe.Pointer(a.Pointer()) == unsafe.Pointer(b.Pointer()) {
			out = append(out, path)
		}
		for i := range a.Len() {
			out = append(out, shared(a.Index(i), b.Index(i), path+"[]")...)
		}
	case reflect.Map:
		if a.Len() == 0 {
			return nil
		}
		if a.Pointer() == b.Pointer() {
			out = append(out, path)
		}
		keys := map[string]reflect.Value{}
		for _, k := range b.MapKeys() {
			keys[k.String()] = k
		}
		for _, k := range a.MapKeys() {
			out = append(out, shared(k, keys[k.String()], path+"[key]")...)
			out = append(out, shared(a.MapIndex(k), b.MapIndex(k), path+"[k]")...)
		}
	case reflect.String:
		if a.Len() > 0 && unsafe.StringData(a.String()) == unsafe.StringData(b.String()) {
			out = append(out, path)
		}
	}
	return out
}

// TestCacheFollowsOtherWriters checks that what one handle cached is
// dropped when another connection (here a second handle on the same file,
// as another process would be) commits: both handles then cluster the
// same stream as one handle alone.
func TestCacheFollowsOtherWriters(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "two.db")
	a, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	one := openTemp(t)
	const n = 300
	for i := range n {
		ex := variedExtraction(i)
		w := a
		if i%3 == 2 {
			w = b
		}
		got, err := w.AddExtraction(ctx, ex, store.Source{})
		if err != nil {
			t.Fatal(err)
		}
		want, err := one.AddExtraction(ctx, ex, store.Source{})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("report %d: two handles give\n%+v\none gives\n%+v", i, got, want)
		}
	}
	sameEvents(t, a, one)
}

// TestCacheAfterFailedAdd checks that a report whose transaction fails
// leaves nothing in the caches: the row ids it used are taken again by the
// next report.
func TestCacheAfterFailedAdd(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	one := openTemp(t)
	for i := range 200 {
		ex := variedExtraction(i)
		if i%7 == 3 {
			// Cancelled halfway: the claims are inserted and cached, then
			// the transaction is rolled back.
			bad := ex
			bad.Report.ID = "failed-" + ex.Report.ID
			cctx, cancel := context.WithCancel(ctx)
			db.wr.mu.Lock()
			tx, err := db.wr.begin(cctx)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := addExtraction(cctx, tx, bad, store.Source{}); err != nil {
				t.Fatal(err)
			}
			cancel()
			tx.rollback()
			db.wr.mu.Unlock()
		}
		got, err := db.AddExtraction(ctx, ex, store.Source{})
		if err != nil {
			t.Fatal(err)
		}
		want, err := one.AddExtraction(ctx, ex, store.Source{})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("report %d: after a failed add\n%+v\nwant\n%+v", i, got, want)
		}
	}
	sameEvents(t, db, one)
}

// sameEvents compares the stored event documents of two stores.
func sameEvents(t *testing.T, a, b *DB) {
	t.Helper()
	docs := func(db *DB) []string {
		rows, err := db.r.Query(`SELECT doc FROM events ORDER BY id`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			out = append(out, s)
		}
		return out
	}
	da, db := docs(a), docs(b)
	if len(da) == 0 || !reflect.DeepEqual(da, db) {
		t.Errorf("stored events differ: %d and %d", len(da), len(db))
	}
}

// TestStoryListsFollowAdds checks that the story lists kept up to date
// claim by claim equal the lists read from the database, and that their
// union is the set a single query over all the claims selects.
func TestStoryListsFollowAdds(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	for i := range 600 {
		if _, err := db.AddExtraction(ctx, variedExtraction(i), store.Source{}); err != nil {
			t.Fatal(err)
		}
	}
	var parts []string
	for _, l := range storyListSpecs() {
		where, order := l.sql()
		parts = append(parts, fmt.Sprintf(`SELECT rid FROM (SELECT rid FROM claims WHERE story_rid = :story AND %s ORDER BY %s LIMIT %d)`, where, order, l.n))
	}
	union := `SELECT rid FROM claims WHERE rid IN (` + strings.Join(parts, " UNION ") + `) ORDER BY rid`

	db.wr.mu.Lock()
	defer db.wr.mu.Unlock()
	tx, err := db.wr.begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.rollback()
	checked := 0
	for e := db.wr.stories.ll.Front(); e != nil; e = e.Next() {
		c := e.Value.(*lruEntry[string, cachedStory]).v
		fresh, err := loadStoryLists(ctx, tx, c.rid)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(c.lists, fresh) {
			t.Errorf("story %d: lists kept\n%v\nread\n%v", c.rid, c.lists, fresh)
		}
		want, err := appendRIDs(nil)(tx.QueryContext(ctx, union, sql.Named("story", c.rid)))
		if err != nil {
			t.Fatal(err)
		}
		if got := c.lists.rids(); !slices.Equal(got, want) {
			t.Errorf("story %d: rids %v, one query selects %v", c.rid, got, want)
		}
		checked++
	}
	if checked < 20 {
		t.Errorf("only %d stories cached", checked)
	}
}
