package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCmd runs the CLI in-process.
func runCmd(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestExtractBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big := bytes.Repeat([]byte("A drone strike killed two people. "), (51<<20)/34)
	tests := []struct {
		name     string
		args     []string
		stdin    string
		wantCode int
		wantErr  string // substring of stderr
		wantOut  string // substring of stdout
	}{
		{"empty file", []string{"extract", write("empty.txt", nil)}, "", 1, "empty input", ""},
		{"binary file", []string{"extract", write("bin.dat", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3, 0, 0, 0})}, "", 1, "binary input", ""},
		{"50 MB file", []string{"extract", write("big.txt", big)}, "", 1, "limit", ""},
		{"missing file", []string{"extract", filepath.Join(dir, "nope.txt")}, "", 1, "no such file", ""},
		{"bad format flag", []string{"extract", "--format", "pdf", "-"}, "x", 2, "want text, html or auto", ""},
		{"bad published", []string{"extract", "--published", "25/01/2013", "-"}, "A drone strike killed two.", 1, "not YYYY-MM-DD", ""},
		{"invalid utf-8", []string{"extract", "-"}, "A drone strike killed \xff\xfe two people.", 0, "", "invalid UTF-8"},
		{"malformed html", []string{"extract", "--format", "html", "-"}, "<html><body><p>An air strike killed four militants.<div><p>Unclosed <b>tags", 0, "", "air strike"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCmd(t, tc.stdin, tc.args...)
			if code != tc.wantCode {
				t.Fatalf("exit code %d, want %d (stderr %q)", code, tc.wantCode, errs)
			}
			if tc.wantErr != "" && !strings.Contains(errs, tc.wantErr) {
				t.Errorf("stderr %q, want it to mention %q", errs, tc.wantErr)
			}
			if tc.wantOut != "" && !strings.Contains(out, tc.wantOut) {
				t.Errorf("stdout lacks %q:\n%s", tc.wantOut, out)
			}
		})
	}
}

func TestExtractJSONL(t *testing.T) {
	in := strings.Join([]string{
		`{"id": "a", "text": "A U.S. drone strike killed two people in Yemen.", "published": "2012-05-06"}`,
		`this is not json`,
		`{"id": 7, "url": "https://example.org/x"}`,
		`{"id": "b", "text": "Officials are weighing air strikes on the rebels."}`,
	}, "\n")
	code, out, errs := runCmd(t, in, "extract", "--jsonl")
	if code != 1 {
		t.Errorf("exit code %d, want 1 (some lines failed); stderr %q", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 {
		t.Fatalf("got %d output lines, want 4 (one per input line):\n%s", len(lines), out)
	}
	var objs []map[string]any
	for i, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("line %d is not JSON: %v", i+1, err)
		}
		objs = append(objs, m)
	}
	if objs[0]["id"] != "a" || objs[0]["report"] == nil {
		t.Errorf("line 1 = %v, want id a with a report", objs[0])
	}
	if objs[1]["error"] == nil || !strings.Contains(objs[1]["error"].(string), "line 2") {
		t.Errorf("line 2 = %v, want an error naming line 2", objs[1])
	}
	if objs[2]["id"] != float64(7) || !strings.Contains(objs[2]["error"].(string), "text") {
		t.Errorf("line 3 = %v, want id 7 and an error about the missing text", objs[2])
	}
	if objs[3]["id"] != "b" {
		t.Errorf("line 4 id = %v, want b (input order kept)", objs[3]["id"])
	}
	claims := objs[0]["claims"].([]any)
	if len(claims) == 0 || claims[0].(map[string]any)["stage"] != "conducted" {
		t.Errorf("line 1 claims = %v, want a conducted strike", claims)
	}
}
