package probe

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"
)

func TestCheckTargetLoopbackOnly(t *testing.T) {
	dials := withCountingResolver(t)

	cases := []struct {
		rawURL string
		ok     bool
	}{
		{"http://127.0.0.1:3000", true},
		{"http://127.1.2.3", true},
		{"https://127.0.0.1:8443/base", true},
		{"http://[::1]:3000", true},
		{"http://[::ffff:127.0.0.1]:3000", true},
		{"http://localhost:3000", true},
		{"http://LOCALHOST:3000/", true},
		{"http://10.0.0.5:3000", false},
		{"http://192.168.1.10", false},
		{"http://172.16.0.1", false},
		{"http://0.0.0.0:3000", false},
		{"http://8.8.8.8", false},
		{"http://[2001:db8::1]:3000", false},
		{"http://example.com", false},
		{"http://localhost.example.com", false},
		{"http://127.0.0.1.nip.io", false},
		{"http://2130706433", false},
		{"ftp://127.0.0.1", false},
		{"127.0.0.1:3000", false},
		{"http://127.0.0.1:3000/?x=1", false},
		{"http://user:pw@127.0.0.1:3000", false},
		{"http://", false},
	}
	for _, tc := range cases {
		target, err := CheckTarget(tc.rawURL, false)
		if tc.ok && err != nil {
			t.Errorf("CheckTarget(%q) = %v, want accepted", tc.rawURL, err)
		}
		if tc.ok && err == nil && target == nil {
			t.Errorf("CheckTarget(%q) accepted it but returned a nil URL", tc.rawURL)
		}
		if !tc.ok && err == nil {
			t.Errorf("CheckTarget(%q) accepted it, want rejected", tc.rawURL)
		}
	}

	if *dials != 0 {
		t.Errorf("CheckTarget sent %d DNS queries, want none", *dials)
	}
}

func TestCheckTargetAllowRemote(t *testing.T) {
	dials := withCountingResolver(t)

	for _, rawURL := range []string{"http://10.0.0.5:3000", "https://example.com/app"} {
		target, err := CheckTarget(rawURL, true)
		if err != nil {
			t.Errorf("CheckTarget(%q, allowRemote) = %v, want accepted", rawURL, err)
			continue
		}
		if target.String() != rawURL {
			t.Errorf("CheckTarget(%q, allowRemote) returned %q", rawURL, target)
		}
	}
	if _, err := CheckTarget("ftp://example.com", true); err == nil {
		t.Error("CheckTarget accepted an ftp URL with allowRemote")
	}
	if *dials != 0 {
		t.Errorf("CheckTarget sent %d DNS queries, want none", *dials)
	}
}

func TestCheckTargetErrorNamesURL(t *testing.T) {
	withCountingResolver(t)

	_, err := CheckTarget("http://192.168.1.10:3000", false)
	if err == nil {
		t.Fatal("CheckTarget accepted a private address")
	}
	if !strings.Contains(err.Error(), "http://192.168.1.10:3000") {
		t.Errorf("error %q does not name the URL", err)
	}
	if !strings.Contains(err.Error(), "not a loopback address") {
		t.Errorf("error %q does not say why", err)
	}
}

// withCountingResolver replaces the resolver with one that answers from
// the hosts file and fails, counting the attempt, whenever it would send a
// DNS query. It returns the counter.
func withCountingResolver(t *testing.T) *int {
	t.Helper()
	dials := new(int)
	saved := resolver
	resolver = &net.Resolver{
		PreferGo: true,
		Dial: func(ctx context.Context, network, address string) (net.Conn, error) {
			*dials++
			return nil, errors.New("DNS disabled in this test")
		},
	}
	t.Cleanup(func() { resolver = saved })
	return dials
}
