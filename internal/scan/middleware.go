package scan

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/actionguard/actionguard/internal/discover"
	"github.com/actionguard/actionguard/internal/middleware"
	"github.com/actionguard/actionguard/internal/report"
)

// appMiddleware is an app's middleware with the sampled paths it lets
// through, shared by the report and the finding messages.
type appMiddleware struct {
	mw *middleware.Middleware
	// rel is the middleware file relative to the app root, as messages name it.
	rel string
	// passThrough are the sampled request paths, in route form, that an
	// anonymous request reaches without being rejected.
	passThrough []string
}

// readMiddleware reads the app's middleware and samples the paths it lets
// through. It returns nil when the app has none, and a warning when the
// middleware cannot be used (both middleware and proxy files, or a read
// error).
func readMiddleware(app discover.App, entries []analyzed) (*appMiddleware, string) {
	mw, err := middleware.Find(app.Dir)
	if err != nil {
		return nil, fmt.Sprintf("middleware not checked: %v", err)
	}
	if mw == nil {
		return nil, ""
	}
	am := &appMiddleware{mw: mw, rel: filepath.ToSlash(mustRel(app.Dir, mw.File))}

	// Samples are concrete request paths; routes maps each back to the route
	// as written, so that "/api/users/[id]" is reported rather than
	// "/api/users/id".
	routes := map[string]string{}
	add := func(route string) {
		if _, seen := routes[samplePath(route)]; !seen {
			routes[samplePath(route)] = route
		}
	}
	// The home and sign-in pages are sampled only where the app has them,
	// so that a message never names a path the app does not serve.
	pages := pageRoutes(app)
	for _, p := range []string{"/", "/login", "/sign-in"} {
		if slices.Contains(pages, p) {
			add(p)
		}
	}
	// The paths the body tests by name are where its decision changes, so
	// each one the app serves is sampled: an auth page the body lets
	// through shows up in the summary.
	for _, p := range mw.NamedPaths() {
		if slices.Contains(pages, p) {
			add(p)
		}
	}
	for _, a := range entries {
		if route, ok := requestRoute(a.rel); ok && a.e.Kind != report.KindServerAction {
			add(route)
		}
	}
	for _, page := range samplePages(app) {
		add(page)
	}
	samples := make([]string, 0, len(routes))
	for s := range routes {
		samples = append(samples, s)
	}
	for _, s := range mw.SamplePassThrough(samples) {
		am.passThrough = append(am.passThrough, routes[s])
	}
	slices.Sort(am.passThrough)
	return am, ""
}

// summary returns the report's middleware object.
func (am *appMiddleware) summary(workDir string) *report.Middleware {
	out := &report.Middleware{
		File:          relPath(workDir, am.mw.File),
		Matchers:      []string{},
		Authenticates: am.mw.Authenticates,
		PassThrough:   append([]string{}, am.passThrough...),
		Unresolved:    am.mw.Unresolved,
	}
	if am.mw.Unresolved == "" && am.mw.Authenticates {
		out.PublicPaths = slices.Clone(am.mw.PublicPaths)
		out.ProtectedPaths = slices.Clone(am.mw.ProtectedPaths)
	}
	for _, m := range am.mw.Matchers {
		out.Matchers = append(out.Matchers, m.Source)
	}
	return out
}

// gap returns one sentence saying why the middleware does not protect an
// entry, or "" when it has nothing to add. A Server Action can be invoked
// by a POST to any page path, so middleware protects it only if it rejects
// anonymous requests on every path. A route handler is served on its own
// path only.
func (am *appMiddleware) gap(a analyzed) string {
	if am == nil {
		return ""
	}
	switch {
	case am.mw.Unresolved != "":
		return fmt.Sprintf("Middleware (%s) could not be read statically, so it is not counted as protecting it.", am.rel)
	case !am.mw.Authenticates:
		return fmt.Sprintf("Middleware (%s) rejects no request for a missing session, so it does not protect it.", am.rel)
	}

	if a.e.Kind == report.KindServerAction {
		if len(am.passThrough) == 0 {
			return ""
		}
		page := pickPassThrough(am.passThrough)
		if page == "" {
			return fmt.Sprintf("Middleware (%s) is not counted as protecting it: an action can be invoked by a POST to any page path, and middleware can be skipped.", am.rel)
		}
		return fmt.Sprintf("Middleware (%s) does not protect it: an action can be invoked by a POST to any page path, and %s is let through.", am.rel, page)
	}

	route, ok := requestRoute(a.rel)
	if !ok {
		return ""
	}
	sample := samplePath(route)
	switch {
	case !am.mw.Runs(sample):
		return fmt.Sprintf("The middleware matcher does not cover %s.", route)
	case !am.mw.Gates(sample):
		return fmt.Sprintf("Middleware (%s) runs on %s but lets anonymous requests through.", am.rel, route)
	}
	return fmt.Sprintf("Middleware (%s) rejects anonymous requests to %s, but the handler does not check the caller itself.", am.rel, route)
}

// pickPassThrough names the most telling page path an anonymous request
// gets through: a sign-in page first, since nearly every middleware exempts
// one, then any other page. It returns "" when only paths under /api pass,
// because a POST there reaches the route handler rather than an action.
func pickPassThrough(paths []string) string {
	for _, p := range []string{"/login", "/sign-in", "/"} {
		if slices.Contains(paths, p) {
			return p
		}
	}
	for _, p := range paths {
		if p != "/api" && !strings.HasPrefix(p, "/api/") {
			return p
		}
	}
	return ""
}

var (
	appRouteFile  = regexp.MustCompile(`^(?:src/)?app/(?:(.*)/)?(?:route|page)\.(?:ts|tsx|js|jsx|mjs|cjs|mts|cts)$`)
	pagesFile     = regexp.MustCompile(`^(?:src/)?pages/(.*)\.(?:ts|tsx|js|jsx|mjs|cjs|mts|cts)$`)
	indexSuffix   = regexp.MustCompile(`(^|/)index$`)
	optionalCatch = regexp.MustCompile(`^\[\[\.\.\..+\]\]$`)
)

// requestRoute returns the route a file under app/ (route.* or page.*) or
// pages/ serves, such as "/api/leads/[id]", with route groups "(name)" and
// parallel-route slots "@name" removed.
func requestRoute(rel string) (string, bool) {
	var path string
	if m := appRouteFile.FindStringSubmatch(rel); m != nil {
		path = m[1]
	} else if m := pagesFile.FindStringSubmatch(rel); m != nil {
		path = indexSuffix.ReplaceAllString(m[1], "")
	} else {
		return "", false
	}

	var segments []string
	for _, seg := range strings.Split(path, "/") {
		switch {
		case seg == "":
			continue
		case strings.HasPrefix(seg, "(") && strings.HasSuffix(seg, ")"), strings.HasPrefix(seg, "@"):
			continue
		case strings.HasPrefix(seg, "_") && strings.HasPrefix(rel, "pages/"):
			// _app, _document and _error are not routes.
			return "", false
		}
		segments = append(segments, seg)
	}
	return "/" + strings.Join(segments, "/"), true
}

// samplePath turns a route into a request path the matcher can be tested
// on: "[id]" and "[...slug]" become their parameter name, and an optional
// catch-all "[[...slug]]" is dropped.
func samplePath(route string) string {
	var segments []string
	for _, seg := range strings.Split(route, "/") {
		switch {
		case optionalCatch.MatchString(seg):
			continue
		case strings.HasPrefix(seg, "[") && strings.HasSuffix(seg, "]"):
			seg = strings.TrimPrefix(strings.Trim(seg, "[]"), "...")
		}
		if seg != "" {
			segments = append(segments, seg)
		}
	}
	return "/" + strings.Join(segments, "/")
}

// pageRoutes returns the request routes of the app's pages, sorted.
func pageRoutes(app discover.App) []string {
	var pages []string
	for _, f := range app.Files {
		rel := filepath.ToSlash(mustRel(app.Dir, f))
		if !strings.Contains(rel, "/page.") && !strings.HasPrefix(strings.TrimPrefix(rel, "src/"), "pages/") {
			continue
		}
		if strings.Contains(rel, "pages/api/") {
			continue
		}
		if route, ok := requestRoute(rel); ok && !slices.Contains(pages, route) {
			pages = append(pages, route)
		}
	}
	slices.Sort(pages)
	return pages
}

// samplePages returns up to two page routes of the app other than "/" and
// the sign-in pages, in sorted order, so that the summary shows whether
// ordinary pages are gated.
func samplePages(app discover.App) []string {
	var pages []string
	for _, f := range app.Files {
		rel := filepath.ToSlash(mustRel(app.Dir, f))
		if !strings.Contains(rel, "/page.") && !strings.HasPrefix(strings.TrimPrefix(rel, "src/"), "pages/") {
			continue
		}
		if strings.Contains(rel, "pages/api/") {
			continue
		}
		route, ok := requestRoute(rel)
		if !ok || route == "/" || route == "/login" || route == "/sign-in" || slices.Contains(pages, route) {
			continue
		}
		pages = append(pages, route)
	}
	slices.Sort(pages)
	if len(pages) > 2 {
		pages = pages[:2]
	}
	return pages
}
