// Package probe calls the server actions of a running Next.js app the way
// an anonymous browser would, and reports how the server responded to each.
//
// It takes the actions read from a build (package nextbuild) and a target
// URL, and gives one Result per action. Calling an action runs its body
// when nothing stops it, so point it only at a server you own and whose
// data may change.
package probe

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strings"
	"time"
)

// localhostTimeout bounds the look-up of "localhost", the only name that
// CheckTarget resolves. The address normally comes from the hosts file.
const localhostTimeout = 2 * time.Second

// resolver looks up "localhost"; tests replace it to prove that no other
// name is looked up.
var resolver = net.DefaultResolver

// CheckTarget parses rawURL as the base URL of the app to probe and
// returns it. Unless allowRemote is set, the host must be a loopback
// address (127.0.0.0/8, ::1) or "localhost" that resolves only to
// loopback addresses. Every other name is rejected without a DNS look-up.
// The URL must use http or https and carry no query or fragment. Its
// path, if any, is the prefix put before each page path (a basePath).
func CheckTarget(rawURL string, allowRemote bool) (*url.URL, error) {
	target, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("target %q is not a valid URL: %w", rawURL, err)
	}
	if target.Scheme != "http" && target.Scheme != "https" {
		return nil, fmt.Errorf("target %q must start with http:// or https://", rawURL)
	}
	if target.Hostname() == "" {
		return nil, fmt.Errorf("target %q has no host; give one such as http://127.0.0.1:3000", rawURL)
	}
	if target.RawQuery != "" || target.Fragment != "" {
		return nil, fmt.Errorf("target %q must not have a query or fragment; give only the scheme, host, port and base path", rawURL)
	}
	if target.User != nil {
		return nil, fmt.Errorf("target %q must not carry a user name or password", rawURL)
	}

	if !allowRemote {
		if err := checkLoopback(target.Hostname()); err != nil {
			return nil, fmt.Errorf("target %q: %w", rawURL, err)
		}
	}
	return target, nil
}

// checkLoopback returns an error unless host is a loopback IP address or
// "localhost" resolving to loopback addresses only.
func checkLoopback(host string) error {
	const advice = "probe only a server on this machine, or allow remote targets explicitly"

	if addr, err := netip.ParseAddr(host); err == nil {
		if !addr.Unmap().IsLoopback() {
			return fmt.Errorf("host %s is not a loopback address; %s", host, advice)
		}
		return nil
	}

	if !strings.EqualFold(host, "localhost") {
		return fmt.Errorf("host %s is a name other than localhost and is not resolved; %s", host, advice)
	}
	ctx, cancel := context.WithTimeout(context.Background(), localhostTimeout)
	defer cancel()
	addrs, err := resolver.LookupNetIP(ctx, "ip", host)
	if err != nil {
		return fmt.Errorf("resolve localhost: %w", err)
	}
	if len(addrs) == 0 {
		return fmt.Errorf("localhost resolves to no address; use 127.0.0.1 instead")
	}
	for _, addr := range addrs {
		if !addr.Unmap().IsLoopback() {
			return fmt.Errorf("localhost resolves to %s, which is not a loopback address; use 127.0.0.1 instead", addr)
		}
	}
	return nil
}
