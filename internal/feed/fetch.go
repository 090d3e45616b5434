package feed

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Defaults for FetchOptions fields left zero.
const (
	DefaultConnectTimeout = 10 * time.Second
	DefaultTimeout        = 30 * time.Second
	DefaultMaxBytes       = 10 << 20
	maxRedirects          = 5
)

// ErrRefused means the URL resolves to an address that may not be fetched
// (loopback, private, link-local, unspecified, multicast or reserved).
var ErrRefused = errors.New("refused: address is loopback, private, link-local or otherwise not public (use --allow-private to allow)")

// ErrTooLarge means the response body is over the size limit.
var ErrTooLarge = errors.New("response body over the size limit")

// Resolver looks host names up; *net.Resolver satisfies it.
type Resolver interface {
	LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error)
}

// FetchOptions configures a Fetcher; zero values take the defaults.
type FetchOptions struct {
	UserAgent      string        // e.g. "strikewatch/1.0 (+https://github.com/strikewatch/strikewatch)"
	ConnectTimeout time.Duration // per TCP connect
	Timeout        time.Duration // whole request, body included
	MaxBytes       int64         // body size limit
	AllowPrivate   bool          // allow loopback/private/link-local targets (tests, intranets)
	Resolver       Resolver      // nil: net.DefaultResolver
}

// Fetcher GETs URLs with the limits of its options. It is safe for
// concurrent use.
type Fetcher struct {
	opts   FetchOptions
	client *http.Client
}

// NewFetcher returns a Fetcher whose every connection goes through an
// address check.
func NewFetcher(o FetchOptions) *Fetcher {
	if o.ConnectTimeout <= 0 {
		o.ConnectTimeout = DefaultConnectTimeout
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.Resolver == nil {
		o.Resolver = net.DefaultResolver
	}
	f := &Fetcher{opts: o}
	tr := &http.Transport{
		// No proxy from the environment: a proxy would do the dialing and
		// the address check would see only the proxy.
		Proxy:                 nil,
		DialContext:           f.dialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          16,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   o.ConnectTimeout,
		ResponseHeaderTimeout: o.Timeout,
	}
	f.client = &http.Client{
		Transport: tr,
		Timeout:   o.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= maxRedirects {
				return fmt.Errorf("stopped after %d redirects", maxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to unsupported scheme %q", req.URL.Scheme)
			}
			return nil
		},
	}
	return f
}

// Request is one GET, with the validators of an earlier response for a
// conditional request.
type Request struct {
	URL          string
	ETag         string
	LastModified string
}

// Response is a successful fetch. NotModified is set (and Body empty) when
// the server answered 304 to a conditional request.
type Response struct {
	URL          string // final URL after redirects
	Body         []byte
	ETag         string
	LastModified string
	NotModified  bool
}

// StatusError is a non-2xx, non-304 answer.
type StatusError struct {
	URL        string
	Code       int
	RetryAfter time.Duration // from a Retry-After header, 0 when none
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("%s: HTTP %d %s", e.URL, e.Code, http.StatusText(e.Code))
}

// Get fetches r.URL, sending If-None-Match / If-Modified-Since when r carries
// validators.
func (f *Fetcher) Get(ctx context.Context, r Request) (Response, error) {
	u, err := url.Parse(r.URL)
	if err != nil {
		return Response{}, fmt.Errorf("bad feed URL %q: %w", r.URL, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return Response{}, fmt.Errorf("bad feed URL %q: scheme must be http or https", r.URL)
	}
	if u.Host == "" {
		return Response{}, fmt.Errorf("bad feed URL %q: no host", r.URL)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return Response{}, fmt.Errorf("bad feed URL %q: %w", r.URL, err)
	}
	if f.opts.UserAgent != "" {
		req.Header.Set("User-Agent", f.opts.UserAgent)
	}
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.5, */*;q=0.1")
	if r.ETag != "" {
		req.Header.Set("If-None-Match", r.ETag)
	}
	if r.LastModified != "" {
		req.Header.Set("If-Modified-Since", r.LastModified)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return Response{}, fmt.Errorf("get %s: %w", r.URL, err)
	}
	defer resp.Body.Close()
	out := Response{
		URL:          resp.Request.URL.String(),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		out.NotModified = true
		// Keep the validators we sent when a 304 omits them.
		if out.ETag == "" {
			out.ETag = r.ETag
		}
		if out.LastModified == "" {
			out.LastModified = r.LastModified
		}
		return out, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // lets the connection be reused
		return Response{}, &StatusError{URL: r.URL, Code: resp.StatusCode, RetryAfter: retryAfter(resp.Header.Get("Retry-After"), time.Now())}
	}
	if resp.ContentLength > f.opts.MaxBytes {
		return Response{}, fmt.Errorf("get %s: %w (%d > %d bytes)", r.URL, ErrTooLarge, resp.ContentLength, f.opts.MaxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.opts.MaxBytes+1))
	if err != nil {
		return Response{}, fmt.Errorf("read %s: %w", r.URL, err)
	}
	if int64(len(body)) > f.opts.MaxBytes {
		return Response{}, fmt.Errorf("get %s: %w (%d bytes)", r.URL, ErrTooLarge, f.opts.MaxBytes)
	}
	out.Body = body
	return out, nil
}

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s > 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// dialContext resolves the host, refuses the whole name if any of its
// addresses is not allowed, then dials the checked addresses themselves, so
// a second lookup (DNS rebinding) cannot swap in another address.
func (f *Fetcher) dialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	host, portStr, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	port, err := strconv.ParseUint(portStr, 10, 16)
	if err != nil {
		return nil, fmt.Errorf("bad port %q", portStr)
	}
	var ips []netip.Addr
	if ip, err := netip.ParseAddr(host); err == nil {
		ips = []netip.Addr{ip}
	} else {
		ips, err = f.opts.Resolver.LookupNetIP(ctx, "ip", host)
		if err != nil {
			return nil, err
		}
		if len(ips) == 0 {
			return nil, fmt.Errorf("lookup %s: no addresses", host)
		}
	}
	if !f.opts.AllowPrivate {
		for _, ip := range ips {
			if !Public(ip) {
				return nil, fmt.Errorf("%s (%s): %w", host, ip, ErrRefused)
			}
		}
	}
	d := &net.Dialer{Timeout: f.opts.ConnectTimeout, KeepAlive: 30 * time.Second, Control: f.control}
	var firstErr error
	for _, ip := range ips {
		c, err := d.DialContext(ctx, network, netip.AddrPortFrom(ip.Unmap(), uint16(port)).String())
		if err == nil {
			return c, nil
		}
		if firstErr == nil {
			firstErr = err
		}
		if ctx.Err() != nil {
			break
		}
	}
	return nil, firstErr
}

// control checks the socket address actually connected to: a second line of
// defence should any path reach the dialer with an unchecked address.
func (f *Fetcher) control(_, address string, _ syscall.RawConn) error {
	if f.opts.AllowPrivate {
		return nil
	}
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("dial %s: %w", address, ErrRefused)
	}
	if !Public(ap.Addr()) {
		return fmt.Errorf("dial %s: %w", address, ErrRefused)
	}
	return nil
}

// nonPublic lists special-purpose ranges that net/netip's predicates do not
// cover (RFC 6890 and successors).
var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("192.0.2.0/24"),    // TEST-NET-1
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("198.51.100.0/24"), // TEST-NET-2
	netip.MustParsePrefix("203.0.113.0/24"),  // TEST-NET-3
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, broadcast
	netip.MustParsePrefix("64:ff9b::/96"),    // NAT64: may embed a private IPv4
	netip.MustParsePrefix("64:ff9b:1::/48"),  // local-use NAT64
	netip.MustParsePrefix("100::/64"),        // discard
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
	netip.MustParsePrefix("2002::/16"),       // 6to4: may embed a private IPv4
}

// Public reports whether ip is a public unicast address that a fetch may go
// to. IPv4-mapped IPv6 addresses are judged as the IPv4 address they carry.
func Public(ip netip.Addr) bool {
	ip = ip.Unmap()
	if !ip.IsValid() || ip.IsUnspecified() || ip.IsLoopback() || ip.IsPrivate() ||
		ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() ||
		ip.IsMulticast() {
		return false
	}
	if ip.Zone() != "" {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}
