package middleware

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Middleware is the static reading of an app's middleware file: where it
// runs and which anonymous requests it rejects.
type Middleware struct {
	// File is the absolute path of the middleware.* or proxy.* file.
	File string
	// Matchers is config.matcher. Empty means the middleware runs for every
	// request path, unless MatcherUnknown is set.
	Matchers []Matcher
	// MatcherUnknown is set when config.matcher exists but is not a literal
	// Next.js can read at build time, or is invalid. Runs is then false for
	// every path, because nothing may be assumed to pass through it.
	MatcherUnknown bool
	// Authenticates is set when the body establishes identity and rejects
	// the request (redirect, rewrite, 401/403 response, Clerk's
	// auth.protect()) when it is missing, for at least some paths.
	Authenticates bool
	// PublicPaths are the paths the body lets an anonymous request through
	// on, written as path-to-regexp patterns: "/login" is an exact path and
	// "/blog(.*)" a startsWith("/blog") prefix. Empty when every path that
	// passes the check is in ProtectedPaths' complement instead.
	PublicPaths []string
	// ProtectedPaths, when not empty, are the only paths the check applies to
	// (a Clerk createRouteMatcher list of protected routes, or a check under
	// `if (pathname.startsWith(...))`); every other path passes through.
	ProtectedPaths []string
	// Unresolved is the reason the matcher or the body could not be read
	// statically. Gates is false for every path while it is not empty.
	Unresolved string

	// leaked over-approximates the paths on which an anonymous request can
	// leave the middleware without being rejected.
	leaked pathSet
}

// Runs reports whether config.matcher selects the request path. It ignores
// the has and missing conditions of object matchers, because those depend
// on headers, cookies and the query, not on the path: a path the matcher
// selects may still skip the middleware for some requests. An unreadable
// matcher selects nothing.
func (m *Middleware) Runs(path string) bool {
	if m.MatcherUnknown {
		return false
	}
	if len(m.Matchers) == 0 {
		return true
	}
	for i := range m.Matchers {
		if m.Matchers[i].matches(path) {
			return true
		}
	}
	return false
}

// Gates reports whether an anonymous request for path is rejected by the
// middleware: it runs for the path, its body authenticates, and the path is
// not one the body lets through. It is false whenever Unresolved is set, and
// for a path whose matcher has has or missing conditions, since a request
// can avoid those.
func (m *Middleware) Gates(path string) bool {
	if m.Unresolved != "" || !m.Authenticates || !m.Runs(path) {
		return false
	}
	if m.conditional(path) {
		return false
	}
	return !m.leaked.contains(path)
}

// conditional reports whether every matcher that selects path also has
// has or missing conditions, so a request can skip the middleware.
func (m *Middleware) conditional(path string) bool {
	if len(m.Matchers) == 0 {
		return false
	}
	for i := range m.Matchers {
		matcher := &m.Matchers[i]
		if matcher.matches(path) && len(matcher.Has) == 0 && len(matcher.Missing) == 0 {
			return false
		}
	}
	return true
}

// SamplePassThrough returns the candidate paths (for example "/", "/login",
// "/api/x") that the middleware does not gate, sorted and without
// duplicates. Any of them is a path through which a Server Action can be
// invoked without passing the middleware's check.
func (m *Middleware) SamplePassThrough(candidates []string) []string {
	var out []string
	for _, path := range candidates {
		if !m.Gates(path) {
			out = append(out, path)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// NamedPaths returns the fixed paths that the body's path tests name, such
// as "/login" for pathname.startsWith("/login"), sorted. They are where the
// body's decision changes, so they are the paths worth sampling.
func (m *Middleware) NamedPaths() []string {
	return m.leaked.literalPaths()
}

// fileExtensions are the extensions Next.js loads a middleware file with.
var fileExtensions = []string{".ts", ".js", ".mjs", ".mts", ".tsx", ".jsx"}

// Find locates and analyzes the middleware of the Next.js app at appDir.
// Next.js loads middleware.* (proxy.* since Next.js 16) only from the app
// root or from src/, beside app/ or pages/; a file anywhere else is ignored,
// and so is not found here. Find returns nil and no error when the app has
// no middleware. It returns an error when both a middleware and a proxy
// file are present, since Next.js fails the build then, or when a file
// cannot be read.
func Find(appDir string) (*Middleware, error) {
	root, err := filepath.Abs(appDir)
	if err != nil {
		return nil, fmt.Errorf("resolve app folder %q: %w", appDir, err)
	}

	dir, files, err := locate(root)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, nil
	}
	if len(files) > 1 {
		return nil, fmt.Errorf("found %s in %s: Next.js loads one middleware file and fails the build with both; keep one",
			strings.Join(files, " and "), dir)
	}
	return analyzeFile(filepath.Join(dir, files[0]))
}

// locate returns the folder Next.js loads middleware from and the
// middleware and proxy file names found there.
func locate(root string) (string, []string, error) {
	rootFiles, err := candidates(root)
	if err != nil {
		return "", nil, err
	}
	srcDir := filepath.Join(root, "src")
	srcFiles, err := candidates(srcDir)
	if err != nil {
		return "", nil, err
	}

	switch {
	case len(rootFiles) == 0:
		return srcDir, srcFiles, nil
	case len(srcFiles) == 0:
		return root, rootFiles, nil
	}
	// Files in both places: Next.js uses the folder that holds the router
	// (app/ or pages/), and src/ only when the root holds neither.
	if hasRouter(root) || !hasRouter(srcDir) {
		return root, rootFiles, nil
	}
	return srcDir, srcFiles, nil
}

func candidates(dir string) ([]string, error) {
	var found []string
	for _, base := range []string{"middleware", "proxy"} {
		for _, ext := range fileExtensions {
			name := base + ext
			info, err := os.Stat(filepath.Join(dir, name))
			switch {
			case errors.Is(err, fs.ErrNotExist):
				continue
			case err != nil:
				return nil, fmt.Errorf("check for middleware file: %w", err)
			case info.Mode().IsRegular():
				found = append(found, name)
			}
		}
	}
	return found, nil
}

func hasRouter(dir string) bool {
	for _, name := range []string{"app", "pages"} {
		if info, err := os.Stat(filepath.Join(dir, name)); err == nil && info.IsDir() {
			return true
		}
	}
	return false
}

// analyzeFile parses one middleware file and reads its config and body.
func analyzeFile(path string) (*Middleware, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read middleware file: %w", err)
	}
	mod, err := parseModule(path, src)
	if err != nil {
		return nil, err
	}

	m := &Middleware{File: path}
	var notes []string
	if mod.root.HasError() {
		notes = append(notes, "the file has syntax errors, so parts of it may be missing from the analysis")
	}

	matchers, note := readMatchers(mod)
	m.Matchers = matchers
	if note != "" {
		m.MatcherUnknown = true
		notes = append(notes, note)
	}

	body := analyzeBody(mod)
	m.Authenticates = body.authenticates
	m.leaked = body.leaked
	if body.note != "" {
		notes = append(notes, body.note)
	}
	if m.Authenticates {
		m.PublicPaths, m.ProtectedPaths = describeLeak(body.leaked)
	}
	m.Unresolved = strings.Join(notes, "; ")
	return m, nil
}

// describeLeak splits the pass-through set into the exported lists.
func describeLeak(leaked pathSet) (public, protected []string) {
	switch {
	case leaked.isEmpty():
		return nil, nil
	case leaked.all && len(leaked.exclude) == 0:
		return []string{"/(.*)"}, nil
	case leaked.all:
		return nil, ruleStrings(leaked.exclude)
	default:
		return ruleStrings(leaked.include), nil
	}
}
