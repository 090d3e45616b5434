package feed

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestPublic(t *testing.T) {
	tests := []struct {
		ip   string
		want bool
	}{
		{"8.8.8.8", true},
		{"93.184.216.34", true},
		{"2606:4700:4700::1111", true},
		{"127.0.0.1", false},
		{"127.8.9.10", false},
		{"::1", false},
		{"10.1.2.3", false},
		{"172.16.0.1", false},
		{"172.31.255.255", false},
		{"192.168.1.1", false},
		{"169.254.169.254", false},
		{"fe80::1", false},
		{"fc00::1", false},
		{"fd12:3456::1", false},
		{"0.0.0.0", false},
		{"::", false},
		{"100.64.0.1", false},
		{"224.0.0.1", false},
		{"ff02::1", false},
		{"255.255.255.255", false},
		{"::ffff:127.0.0.1", false},
		{"::ffff:10.0.0.1", false},
		{"::ffff:8.8.8.8", true},
		{"64:ff9b::a00:1", false},
		{"2002:a00:1::1", false},
	}
	for _, tc := range tests {
		t.Run(tc.ip, func(t *testing.T) {
			if got := Public(netip.MustParseAddr(tc.ip)); got != tc.want {
				t.Errorf("Public(%s) = %v, want %v", tc.ip, got, tc.want)
			}
		})
	}
}

// fakeResolver answers every lookup with fixed addresses.
type fakeResolver struct{ addrs []netip.Addr }

func (r fakeResolver) LookupNetIP(context.Context, string, string) ([]netip.Addr, error) {
	return r.addrs, nil
}

func serve(t *testing.T, h http.HandlerFunc) *httptest.Server {
	t.Helper()
	s := httptest.NewServer(h)
	t.Cleanup(s.Close)
	return s
}

func TestGetRefusesPrivate(t *testing.T) {
	var hits atomic.Int32
	s := serve(t, func(w http.ResponseWriter, r *http.Request) { hits.Add(1); w.Write([]byte("<rss/>")) })
	u, _ := url.Parse(s.URL)
	_, port, _ := net.SplitHostPort(u.Host)
	tests := []struct {
		name     string
		url      string
		resolver Resolver
	}{
		{"loopback literal", s.URL, nil},
		{"localhost name", "http://localhost:" + port + "/", nil},
		{"name resolving to loopback", "http://feeds.example.com:" + port + "/",
			fakeResolver{[]netip.Addr{netip.MustParseAddr("127.0.0.1")}}},
		// One bad address refuses the whole name: a round-robin answer must
		// not let an attacker win on the second try.
		{"name resolving to public and private", "http://feeds.example.com:" + port + "/",
			fakeResolver{[]netip.Addr{netip.MustParseAddr("93.184.216.34"), netip.MustParseAddr("127.0.0.1")}}},
		{"metadata address", "http://169.254.169.254/latest/meta-data/", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := NewFetcher(FetchOptions{Resolver: tc.resolver, Timeout: 2 * time.Second})
			_, err := f.Get(t.Context(), Request{URL: tc.url})
			if !errors.Is(err, ErrRefused) {
				t.Fatalf("got %v, want ErrRefused", err)
			}
		})
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("server got %d requests, want 0", n)
	}
}

func TestGetRefusesRedirectToPrivate(t *testing.T) {
	target := serve(t, func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("secret")) })
	// The first hop is reached through a fake public name; the redirect
	// points at a loopback literal and must be refused at dial time.
	first := serve(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target.URL+"/x", http.StatusFound)
	})
	u, _ := url.Parse(first.URL)
	_, port, _ := net.SplitHostPort(u.Host)
	f := NewFetcher(FetchOptions{Resolver: fakeResolver{[]netip.Addr{netip.MustParseAddr("127.0.0.1")}}, AllowPrivate: false})
	_, err := f.Get(t.Context(), Request{URL: "http://public.example:" + port + "/"})
	if !errors.Is(err, ErrRefused) {
		t.Fatalf("got %v, want ErrRefused", err)
	}
}

func TestGetDialsCheckedAddress(t *testing.T) {
	var host atomic.Value
	s := serve(t, func(w http.ResponseWriter, r *http.Request) {
		host.Store(r.Host)
		w.Write([]byte("ok"))
	})
	u, _ := url.Parse(s.URL)
	_, port, _ := net.SplitHostPort(u.Host)
	f := NewFetcher(FetchOptions{AllowPrivate: true, Resolver: fakeResolver{[]netip.Addr{netip.MustParseAddr("127.0.0.1")}}})
	resp, err := f.Get(t.Context(), Request{URL: "http://feeds.example.com:" + port + "/"})
	if err != nil {
		t.Fatal(err)
	}
	if string(resp.Body) != "ok" {
		t.Errorf("got body %q, want ok", resp.Body)
	}
	// The connection went to the checked IP; the request still names the host.
	if h, _ := host.Load().(string); h != "feeds.example.com:"+port {
		t.Errorf("got Host %q, want feeds.example.com:%s", h, port)
	}
}

func TestGet(t *testing.T) {
	const etag = `"v1"`
	const lastMod = "Wed, 21 Oct 2015 07:28:00 GMT"
	var gotUA atomic.Value
	s := serve(t, func(w http.ResponseWriter, r *http.Request) {
		gotUA.Store(r.UserAgent())
		switch r.URL.Path {
		case "/feed":
			if r.Header.Get("If-None-Match") == etag || r.Header.Get("If-Modified-Since") == lastMod {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", etag)
			w.Header().Set("Last-Modified", lastMod)
			w.Write([]byte("<rss/>"))
		case "/big":
			w.Write([]byte(strings.Repeat("x", 2000)))
		case "/busy":
			w.Header().Set("Retry-After", "120")
			w.WriteHeader(http.StatusServiceUnavailable)
		case "/slow":
			select {
			case <-r.Context().Done():
			case <-time.After(2 * time.Second):
			}
		case "/redirect":
			http.Redirect(w, r, "/feed", http.StatusMovedPermanently)
		}
	})
	f := NewFetcher(FetchOptions{AllowPrivate: true, UserAgent: "strikewatch/test (+https://github.com/strikewatch/strikewatch)",
		MaxBytes: 1000, Timeout: 100 * time.Millisecond})
	ctx := t.Context()

	t.Run("plain get keeps validators", func(t *testing.T) {
		resp, err := f.Get(ctx, Request{URL: s.URL + "/feed"})
		if err != nil {
			t.Fatal(err)
		}
		if resp.NotModified || string(resp.Body) != "<rss/>" || resp.ETag != etag || resp.LastModified != lastMod {
			t.Errorf("got %+v, want body <rss/> with validators", resp)
		}
		if ua, _ := gotUA.Load().(string); !strings.HasPrefix(ua, "strikewatch/") {
			t.Errorf("got user agent %q, want strikewatch/…", ua)
		}
	})
	t.Run("conditional get by etag", func(t *testing.T) {
		resp, err := f.Get(ctx, Request{URL: s.URL + "/feed", ETag: etag})
		if err != nil {
			t.Fatal(err)
		}
		if !resp.NotModified || len(resp.Body) != 0 || resp.ETag != etag {
			t.Errorf("got %+v, want 304 with the etag kept", resp)
		}
	})
	t.Run("conditional get by date", func(t *testing.T) {
		resp, err := f.Get(ctx, Request{URL: s.URL + "/feed", LastModified: lastMod})
		if err != nil || !resp.NotModified {
			t.Errorf("got %+v, %v; want 304", resp, err)
		}
	})
	t.Run("redirect followed", func(t *testing.T) {
		resp, err := f.Get(ctx, Request{URL: s.URL + "/redirect"})
		if err != nil || !strings.HasSuffix(resp.URL, "/feed") {
			t.Errorf("got %+v, %v; want the final URL /feed", resp, err)
		}
	})
	t.Run("size limit", func(t *testing.T) {
		_, err := f.Get(ctx, Request{URL: s.URL + "/big"})
		if !errors.Is(err, ErrTooLarge) {
			t.Errorf("got %v, want ErrTooLarge", err)
		}
	})
	t.Run("status error with retry-after", func(t *testing.T) {
		_, err := f.Get(ctx, Request{URL: s.URL + "/busy"})
		var se *StatusError
		if !errors.As(err, &se) || se.Code != 503 || se.RetryAfter != 120*time.Second {
			t.Errorf("got %v, want a 503 StatusError with Retry-After 120s", err)
		}
	})
	t.Run("timeout", func(t *testing.T) {
		_, err := f.Get(ctx, Request{URL: s.URL + "/slow"})
		if err == nil {
			t.Fatal("got no error, want a timeout")
		}
		var ne net.Error
		if !errors.As(err, &ne) || !ne.Timeout() {
			t.Errorf("got %v, want a timeout error", err)
		}
	})
	t.Run("bad scheme", func(t *testing.T) {
		if _, err := f.Get(ctx, Request{URL: "file:///etc/passwd"}); err == nil {
			t.Error("got no error for file://, want one")
		}
	})
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		in   string
		want time.Duration
	}{
		{"empty", "", 0},
		{"seconds", "30", 30 * time.Second},
		{"http date", "Mon, 01 Jan 2024 00:01:00 GMT", time.Minute},
		{"past date", "Sun, 31 Dec 2023 00:00:00 GMT", 0},
		{"garbage", "soon", 0},
		{"negative", "-5", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := retryAfter(tc.in, now); got != tc.want {
				t.Errorf("retryAfter(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}
