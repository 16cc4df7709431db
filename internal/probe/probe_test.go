package probe

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/actionguard/actionguard/internal/nextbuild"
)

// fakeNext imitates the responses of `next start` (Next.js 16.5.0) to a
// server action call, one per action ID, and records every request.
type fakeNext struct {
	mu       sync.Mutex
	requests []*http.Request
	bodies   []string
}

func (f *fakeNext) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	f.requests = append(f.requests, r)
	f.bodies = append(f.bodies, string(body))
	f.mu.Unlock()

	const okRow = `0:{"a":"$@1","q":"","i":false,"b":"build-id"}` + "\n"
	rsc := func(status int, payload string) {
		w.Header().Set("Content-Type", "text/x-component")
		w.WriteHeader(status)
		io.WriteString(w, payload)
	}

	switch r.Header.Get("Next-Action") {
	case "completes":
		// A session cookie from the server must not come back in a later
		// request.
		http.SetCookie(w, &http.Cookie{Name: "session", Value: "set-by-server"})
		rsc(http.StatusOK, okRow+`1:{"created":true}`+"\n")
	case "action-redirect":
		w.Header().Set("x-action-redirect", "/login;push")
		rsc(http.StatusOK, `1:"$Sreact.fragment"`+"\n")
	case "see-other":
		w.Header().Set("Location", "/signin")
		w.WriteHeader(http.StatusSeeOther)
	case "throws":
		rsc(http.StatusInternalServerError, okRow+`1:E{"digest":"2243558926"}`+"\n")
	case "error-row-200":
		rsc(http.StatusOK, okRow+`1:E{"digest":"17"}`+"\n")
	case "unknown":
		w.Header().Set("x-nextjs-action-not-found", "1")
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(http.StatusConflict)
		io.WriteString(w, "Server Action unavailable.")
	case "not-found-404":
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, "Failed to find Server Action \"x\". This request might be from an older or newer deployment.")
	case "forbidden":
		w.WriteHeader(http.StatusForbidden)
	case "html":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, "<!DOCTYPE html><html></html>")
	case "slow":
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
		rsc(http.StatusOK, okRow)
	default:
		http.Error(w, "unexpected action", http.StatusTeapot)
	}
}

func startFake(t *testing.T) (*fakeNext, *url.URL) {
	t.Helper()
	fake := &fakeNext{}
	server := httptest.NewServer(fake)
	t.Cleanup(server.Close)
	target, err := CheckTarget(server.URL, false)
	if err != nil {
		t.Fatalf("CheckTarget(%q): %v", server.URL, err)
	}
	return fake, target
}

func TestRunClassifiesResponses(t *testing.T) {
	_, target := startFake(t)

	cases := []struct {
		id       string
		outcome  Outcome
		status   int
		location string
	}{
		{"completes", Completed, 200, ""},
		{"action-redirect", Redirected, 200, "/login"},
		{"see-other", Redirected, 303, "/signin"},
		{"throws", Threw, 500, ""},
		{"error-row-200", Threw, 200, ""},
		{"unknown", UnknownAction, 409, ""},
		{"not-found-404", UnknownAction, 404, ""},
		{"forbidden", UnexpectedResponse, 403, ""},
		{"html", UnexpectedResponse, 200, ""},
	}
	var actions []nextbuild.Action
	for _, tc := range cases {
		actions = append(actions, nextbuild.Action{ID: tc.id, Pages: []string{"/notes"}})
	}

	results, err := Run(context.Background(), target, actions, Options{})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if len(results) != len(cases) {
		t.Fatalf("Run returned %d results, want %d", len(results), len(cases))
	}
	for i, tc := range cases {
		got := results[i]
		if got.Action.ID != tc.id {
			t.Errorf("result %d is for %q, want %q", i, got.Action.ID, tc.id)
		}
		if got.Outcome != tc.outcome {
			t.Errorf("%s: outcome %q, want %q (detail %q)", tc.id, got.Outcome, tc.outcome, got.Detail)
		}
		if got.Status != tc.status {
			t.Errorf("%s: status %d, want %d", tc.id, got.Status, tc.status)
		}
		if got.Location != tc.location {
			t.Errorf("%s: location %q, want %q", tc.id, got.Location, tc.location)
		}
	}
}

func TestRunSendsAnonymousActionCall(t *testing.T) {
	fake, target := startFake(t)
	base, err := url.Parse(target.String() + "/base/")
	if err != nil {
		t.Fatal(err)
	}
	actions := []nextbuild.Action{
		{ID: "completes", Pages: []string{"/posts/[id]", "/notes"}},
		{ID: "see-other", Pages: nil},
		{ID: "completes", Pages: []string{"/other"}},
		{ID: "completes", Pages: []string{"/notes"}},
	}

	results, err := Run(context.Background(), base, actions, Options{})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}

	if len(results) != 2 {
		t.Fatalf("Run returned %d results for 2 distinct IDs, want 2", len(results))
	}
	if len(fake.requests) != 2 {
		t.Fatalf("server got %d requests, want 2 (one per ID, redirects not followed)", len(fake.requests))
	}
	wantPaths := []string{"/base/notes", "/base/"}
	for i, r := range fake.requests {
		if r.Method != http.MethodPost {
			t.Errorf("request %d method %s, want POST", i, r.Method)
		}
		if r.URL.Path != wantPaths[i] {
			t.Errorf("request %d path %q, want %q", i, r.URL.Path, wantPaths[i])
		}
		if got := r.Header.Get("Next-Action"); got != actions[i].ID {
			t.Errorf("request %d Next-Action %q, want %q", i, got, actions[i].ID)
		}
		if got := r.Header.Get("Accept"); got != "text/x-component" {
			t.Errorf("request %d Accept %q", i, got)
		}
		if got := r.Header.Get("Content-Type"); got != "text/plain;charset=UTF-8" {
			t.Errorf("request %d Content-Type %q", i, got)
		}
		if got := r.Header.Get("Cookie"); got != "" {
			t.Errorf("request %d sent cookies %q, want none", i, got)
		}
		if fake.bodies[i] != "[]" {
			t.Errorf("request %d body %q, want []", i, fake.bodies[i])
		}
	}
	if results[0].Path != "/notes" {
		t.Errorf("result path %q, want the static page /notes", results[0].Path)
	}
}

func TestRunTimeoutIsError(t *testing.T) {
	_, target := startFake(t)
	actions := []nextbuild.Action{{ID: "slow", Pages: []string{"/"}}}

	start := time.Now()
	results, err := Run(context.Background(), target, actions, Options{Timeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if elapsed := time.Since(start); elapsed > time.Second {
		t.Errorf("Run took %v with a 100ms timeout", elapsed)
	}
	if len(results) != 1 || results[0].Outcome != Error {
		t.Fatalf("results = %+v, want one %q outcome", results, Error)
	}
	if results[0].Detail == "" {
		t.Error("error outcome has no detail")
	}
}

func TestRunConnectionRefusedIsError(t *testing.T) {
	server := httptest.NewServer(http.NotFoundHandler())
	target, err := CheckTarget(server.URL, false)
	if err != nil {
		t.Fatal(err)
	}
	server.Close()

	results, err := Run(context.Background(), target, []nextbuild.Action{{ID: "a"}}, Options{})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if len(results) != 1 || results[0].Outcome != Error {
		t.Errorf("results = %+v, want one %q outcome", results, Error)
	}
}

func TestRunStopsWhenContextEnds(t *testing.T) {
	fake, target := startFake(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()

	results, err := Run(ctx, target, []nextbuild.Action{{ID: "completes"}, {ID: "throws"}}, Options{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Run error = %v, want context.Canceled", err)
	}
	if len(results) != 0 {
		t.Errorf("Run returned %d results after cancel, want 0", len(results))
	}
	if len(fake.requests) != 0 {
		t.Errorf("server got %d requests after cancel, want 0", len(fake.requests))
	}
}
