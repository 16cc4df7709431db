package probe

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/actionguard/actionguard/internal/nextbuild"
)

// Outcome is the class of the server's response to one action call. From
// outside, a guard that throws and an input check that throws look the
// same, so no outcome claims that the caller was rejected.
type Outcome string

const (
	// Completed: status 200 with an RSC payload that carries no error, so
	// the action returned normally.
	Completed Outcome = "completed"
	// Redirected: the action redirected (an x-action-redirect header, or a
	// 3xx status with a Location), for example to a sign-in page.
	Redirected Outcome = "redirected"
	// Threw: status 5xx, or an RSC payload with an error row.
	Threw Outcome = "threw"
	// UnknownAction: the server does not know the action ID (status 404 or
	// Next.js's "action not found" response), so the build and the server
	// disagree.
	UnknownAction Outcome = "unknown-action"
	// UnexpectedResponse: any other response, such as a 401 or 403 from a
	// proxy or middleware, or an HTML page when the server ignored the
	// Next-Action header.
	UnexpectedResponse Outcome = "unexpected-response"
	// Error: the request failed before a response arrived (connection
	// refused, timeout).
	Error Outcome = "error"
)

// Default limits, used when Options leaves a field zero.
const (
	DefaultTimeout  = 10 * time.Second
	DefaultMaxBody  = 1 << 20
	connectTimeout  = 5 * time.Second
	defaultPagePath = "/"
)

// Options tunes Run. The zero value is ready to use.
type Options struct {
	// Timeout bounds each request, from connecting to reading the body.
	// Zero means DefaultTimeout.
	Timeout time.Duration
	// MaxBody is the number of response body bytes read to classify a
	// response; the rest is discarded. Zero means DefaultMaxBody.
	MaxBody int64
	// Transport sends the requests. Nil means a transport that uses no
	// proxy, because a proxy would carry loopback requests off the machine.
	Transport http.RoundTripper
}

// Result is the outcome of calling one action once.
type Result struct {
	Action nextbuild.Action `json:"action"`
	// Path is the URL path that the request was sent to.
	Path    string  `json:"path"`
	Outcome Outcome `json:"outcome"`
	// Status is the HTTP status code, or 0 when Outcome is Error.
	Status int `json:"status,omitempty"`
	// Location is the redirect target when Outcome is Redirected.
	Location string `json:"location,omitempty"`
	// Detail explains an Error, UnknownAction or UnexpectedResponse
	// outcome in a few words.
	Detail string `json:"detail,omitempty"`
}

// Run calls each action once, in order, as an anonymous caller: a POST
// with the Next-Action header and an empty argument list to one of the
// action's pages under target, with no cookies and without following
// redirects. Actions whose ID appeared earlier in the list are skipped.
//
// Run does not check target; pass it through CheckTarget first. It
// returns one Result per distinct ID. The error is non-nil only when ctx
// ends, and then the results cover the actions called before that.
func Run(ctx context.Context, target *url.URL, actions []nextbuild.Action, opts Options) ([]Result, error) {
	opts = opts.withDefaults()
	client := &http.Client{
		Transport: opts.Transport,
		// No Jar, so no cookie from one response reaches the next request.
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
		Timeout: opts.Timeout,
	}
	defer client.CloseIdleConnections()

	var results []Result
	seen := make(map[string]bool)
	for _, action := range actions {
		if seen[action.ID] {
			continue
		}
		seen[action.ID] = true

		if err := ctx.Err(); err != nil {
			return results, fmt.Errorf("probe stopped before action %s: %w", action.ID, err)
		}
		results = append(results, call(ctx, client, target, action, opts.MaxBody))
	}
	return results, nil
}

func (o Options) withDefaults() Options {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBody <= 0 {
		o.MaxBody = DefaultMaxBody
	}
	if o.Transport == nil {
		o.Transport = &http.Transport{
			Proxy:                 nil,
			DialContext:           (&net.Dialer{Timeout: connectTimeout}).DialContext,
			TLSHandshakeTimeout:   connectTimeout,
			ResponseHeaderTimeout: o.Timeout,
			MaxIdleConns:          1,
		}
	}
	return o
}

// choosePage returns a static page of the action, else "/". Next.js hands
// an action posted to a page that does not own it to one that does, so any
// page works, and a static one avoids guessing dynamic segment values.
func choosePage(action nextbuild.Action) string {
	for _, page := range action.Pages {
		if !strings.Contains(page, "[") {
			return page
		}
	}
	return defaultPagePath
}

func call(ctx context.Context, client *http.Client, target *url.URL, action nextbuild.Action, maxBody int64) Result {
	page := choosePage(action)
	result := Result{Action: action, Path: page}

	endpoint := *target
	endpoint.Path = strings.TrimSuffix(target.Path, "/") + page
	endpoint.RawPath = ""
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint.String(), strings.NewReader("[]"))
	if err != nil {
		result.Outcome = Error
		result.Detail = fmt.Sprintf("build request for %s: %v", endpoint.String(), err)
		return result
	}
	req.Header.Set("Next-Action", action.ID)
	req.Header.Set("Accept", "text/x-component")
	req.Header.Set("Content-Type", "text/plain;charset=UTF-8")

	resp, err := client.Do(req)
	if err != nil {
		result.Outcome = Error
		result.Detail = err.Error()
		return result
	}
	defer resp.Body.Close()

	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	result.Status = resp.StatusCode
	if err != nil {
		result.Outcome = Error
		result.Detail = fmt.Sprintf("read response body: %v", err)
		return result
	}
	classify(&result, resp, body)
	return result
}

// errorRow matches an RSC payload row that carries a thrown error, such as
// `1:E{"digest":"2243558926"}`.
var errorRow = regexp.MustCompile(`^[0-9a-fA-F]+:E\{`)

// classify sets Outcome, Location and Detail from the response. The
// markers were observed with Next.js 16.5.0: a redirect is a 200 with
// "x-action-redirect: /login;push", a throw is a 500 with an E row, and an
// unknown ID is a 409 with "x-nextjs-action-not-found: 1".
func classify(result *Result, resp *http.Response, body []byte) {
	status := resp.StatusCode

	if resp.Header.Get("x-nextjs-action-not-found") != "" || status == http.StatusNotFound ||
		bytes.Contains(body, []byte("Failed to find Server Action")) {
		result.Outcome = UnknownAction
		result.Detail = fmt.Sprintf("status %d: the server has no action with this ID", status)
		return
	}

	if redirect := resp.Header.Get("x-action-redirect"); redirect != "" {
		// The header value is "<location>;<push|replace>".
		location, _, _ := strings.Cut(redirect, ";")
		result.Outcome = Redirected
		result.Location = location
		return
	}
	if status >= 300 && status < 400 && resp.Header.Get("Location") != "" {
		result.Outcome = Redirected
		result.Location = resp.Header.Get("Location")
		return
	}

	if status >= 500 {
		result.Outcome = Threw
		return
	}

	isRSC := strings.HasPrefix(resp.Header.Get("Content-Type"), "text/x-component")
	if status == http.StatusOK && isRSC {
		if hasErrorRow(body) {
			result.Outcome = Threw
			return
		}
		result.Outcome = Completed
		return
	}

	result.Outcome = UnexpectedResponse
	result.Detail = fmt.Sprintf("status %d with content type %q", status, resp.Header.Get("Content-Type"))
}

func hasErrorRow(body []byte) bool {
	scanner := bufio.NewScanner(bytes.NewReader(body))
	scanner.Buffer(make([]byte, 0, 64*1024), len(body)+1)
	for scanner.Scan() {
		if errorRow.Match(scanner.Bytes()) {
			return true
		}
	}
	return false
}
