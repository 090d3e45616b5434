package pgmigrate

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/strikewatch/strikewatch/internal/postgres/pgtest"
)

func TestLoad(t *testing.T) {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	cases := []struct {
		name    string
		files   fstest.MapFS
		want    []int
		wantErr bool
	}{
		{"in order", fstest.MapFS{"m/0002_b.sql": file("B"), "m/0001_a.sql": file("A")}, []int{1, 2}, false},
		{"gap", fstest.MapFS{"m/0001_a.sql": file("A"), "m/0003_c.sql": file("C")}, nil, true},
		{"no number", fstest.MapFS{"m/init.sql": file("A")}, nil, true},
		{"zero", fstest.MapFS{"m/0000_a.sql": file("A")}, nil, true},
		{"not sql", fstest.MapFS{"m/0001_a.txt": file("A")}, nil, true},
		{"twice one number", fstest.MapFS{"m/0001_a.sql": file("A"), "m/01_b.sql": file("B")}, nil, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ms, err := Load(tc.files, "m")
			if tc.wantErr {
				if err == nil {
					t.Errorf("Load = %v, want an error", ms)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []int
			for _, m := range ms {
				got = append(got, m.Version)
			}
			if len(got) != len(tc.want) || got[0] != tc.want[0] || got[len(got)-1] != tc.want[len(tc.want)-1] {
				t.Errorf("versions %v, want %v", got, tc.want)
			}
		})
	}
}

// TestApply runs a good step, then a failing one: the failure leaves the
// version and the tables as they were, and components number separately.
func TestApply(t *testing.T) {
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, pgtest.Schema(t))
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	good := []Migration{{1, "0001_a.sql", "CREATE TABLE a (x int); CREATE TABLE b (y int);"}}
	for range 2 { // the second run applies nothing
		if err := Apply(ctx, pool, "one", good, nil); err != nil {
			t.Fatalf("Apply: %v", err)
		}
	}
	bad := append(good, Migration{2, "0002_b.sql", "CREATE TABLE c (z int); SELECT no_such_function();"})
	if err := Apply(ctx, pool, "one", bad, nil); err == nil {
		t.Fatal("Apply of a failing migration succeeded")
	}
	if v, err := Version(ctx, pool, "one"); err != nil || v != 1 {
		t.Errorf("version after a failed step = %d, %v; want 1", v, err)
	}
	var c *string
	if err := pool.QueryRow(ctx, `SELECT to_regclass('c')::text`).Scan(&c); err != nil || c != nil {
		t.Errorf("table of the failed step exists (%v, %v)", c, err)
	}
	if err := Apply(ctx, pool, "two", []Migration{{1, "0001_x.sql", "CREATE TABLE x (x int);"}}, nil); err != nil {
		t.Fatalf("second component: %v", err)
	}
	if v, err := Version(ctx, pool, "two"); err != nil || v != 1 {
		t.Errorf("second component version = %d, %v; want 1", v, err)
	}
}
