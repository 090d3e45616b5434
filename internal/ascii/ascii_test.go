package ascii

import "testing"

func TestAppendLower(t *testing.T) {
	tests := []struct {
		w, want string // want: what is appended
		ok      bool
	}{
		{"strike", "", true},
		{"Strike", "strike", true},
		{"CJNG", "cjng", true},
		{"F-16", "f-16", true},
		{"", "", true},
		{"Perú", "", false},
		{"año", "", false},
	}
	for _, tc := range tests {
		buf, ok := AppendLower([]byte("x"), tc.w)
		if ok != tc.ok || string(buf) != "x"+tc.want {
			t.Errorf("AppendLower(x, %q) = %q, %v; want %q, %v", tc.w, buf, ok, "x"+tc.want, tc.ok)
		}
	}
}

func TestLower(t *testing.T) {
	for _, tc := range []struct{ s, want string }{
		{"", ""},
		{"strike", "strike"},
		{"U.S. Strike", "u.s. strike"},
		{"CULIACÁN, Sin.", "culiacÁn, sin."},
		{"Perú ÑANDÚ X", "perú ÑandÚ x"},
	} {
		if got := Lower(tc.s); got != tc.want {
			t.Errorf("Lower(%q) = %q, want %q", tc.s, got, tc.want)
		}
	}
}
