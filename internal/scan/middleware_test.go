package scan

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/actionguard/actionguard/internal/middleware"
	"github.com/actionguard/actionguard/internal/report"
)

// scanFrom scans path with report paths relative to workDir.
func scanFrom(t *testing.T, workDir, path string) *Result {
	t.Helper()
	abs, err := filepath.Abs(workDir)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(Options{Paths: []string{filepath.Join(abs, path)}, WorkDir: abs, Version: "test"})
	if err != nil {
		t.Fatalf("scan %s: %v", path, err)
	}
	return res
}

func appNamed(t *testing.T, r *report.Report, name string) report.App {
	t.Helper()
	for _, app := range r.Apps {
		if app.Name == name {
			return app
		}
	}
	t.Fatalf("no app named %s in the report", name)
	return report.App{}
}

func findingMessage(app report.App, entry, rule string) string {
	for _, f := range app.Findings {
		if f.Entry == entry && f.Rule == rule {
			return f.Message
		}
	}
	return ""
}

func TestMiddlewareReportFleet(t *testing.T) {
	res := scanFrom(t, "../..", "examples/fleet")

	leads := appNamed(t, res.Report, "lead-importer")
	if leads.Middleware == nil {
		t.Fatal("lead-importer: no middleware in the report")
	}
	if got, want := leads.Middleware.File, "examples/fleet/lead-importer/middleware.ts"; got != want {
		t.Errorf("lead-importer middleware file = %q, want %q", got, want)
	}
	if !leads.Middleware.Authenticates {
		t.Error("lead-importer middleware: authenticates = false, want true")
	}
	wantMatchers := []string{"/((?!api|_next/static|_next/image|favicon.ico).*)"}
	if !slices.Equal(leads.Middleware.Matchers, wantMatchers) {
		t.Errorf("lead-importer matchers = %q, want %q", leads.Middleware.Matchers, wantMatchers)
	}
	wantThrough := []string{"/api/auth/[...all]", "/api/cron/sync", "/api/leads/import", "/login"}
	if !slices.Equal(leads.Middleware.PassThrough, wantThrough) {
		t.Errorf("lead-importer passThrough = %q, want %q", leads.Middleware.PassThrough, wantThrough)
	}
	msg := findingMessage(leads, "app/api/leads/import/route.ts#POST", "missing-auth")
	if !strings.HasSuffix(msg, " The middleware matcher does not cover /api/leads/import.") {
		t.Errorf("import route message = %q, want it to say the matcher does not cover the route", msg)
	}
	msg = findingMessage(leads, "app/leads/page.tsx#LeadsPage.$1", "auth-not-enforced")
	if !strings.HasSuffix(msg, " Middleware (middleware.ts) does not protect it: an action can be invoked by a POST to any page path, and /login is let through.") {
		t.Errorf("inline action message = %q, want the middleware sentence", msg)
	}

	webinars := appNamed(t, res.Report, "webinar-dashboard")
	if webinars.Middleware == nil {
		t.Fatal("webinar-dashboard: no middleware in the report")
	}
	wantThrough = []string{"/", "/api/auth/[...nextauth]", "/login"}
	if !slices.Equal(webinars.Middleware.PassThrough, wantThrough) {
		t.Errorf("webinar-dashboard passThrough = %q, want %q", webinars.Middleware.PassThrough, wantThrough)
	}
	summary := report.MiddlewareSummary(webinars.Middleware)
	if !strings.Contains(summary, "it lets through /, /api/auth/[...nextauth], /login.") {
		t.Errorf("webinar-dashboard summary = %q, want it to name the paths it lets through", summary)
	}
}

func TestMiddlewareAbsent(t *testing.T) {
	res := scanFrom(t, ".", "testdata/routes")
	app := appNamed(t, res.Report, "routes")
	if app.Middleware != nil {
		t.Errorf("middleware = %+v, want nil for an app without one", app.Middleware)
	}
	if msg := findingMessage(app, "app/api/reads/route.ts#GET", "missing-auth"); strings.Contains(msg, "iddleware") {
		t.Errorf("message %q mentions middleware in an app without one", msg)
	}
}

func TestMiddlewareBothFilesWarns(t *testing.T) {
	res := scanFrom(t, ".", "testdata/middleware-both")
	app := appNamed(t, res.Report, "middleware-both")
	if app.Middleware != nil {
		t.Errorf("middleware = %+v, want nil when both files are present", app.Middleware)
	}
	found := slices.ContainsFunc(res.Warnings, func(w string) bool {
		return strings.Contains(w, "middleware") && strings.Contains(w, "proxy")
	})
	if !found {
		t.Errorf("warnings = %q, want one naming both middleware files", res.Warnings)
	}
}

func TestRequestRoute(t *testing.T) {
	tests := []struct {
		rel, route, sample string
		ok                 bool
	}{
		{"app/api/leads/import/route.ts", "/api/leads/import", "/api/leads/import", true},
		{"src/app/(admin)/users/[id]/page.tsx", "/users/[id]", "/users/id", true},
		{"app/docs/[[...slug]]/page.mdx", "", "", false},
		{"app/docs/[[...slug]]/page.tsx", "/docs/[[...slug]]", "/docs", true},
		{"app/@modal/login/page.tsx", "/login", "/login", true},
		{"app/page.tsx", "/", "/", true},
		{"app/myroute.ts", "", "", false},
		{"pages/api/users/index.ts", "/api/users", "/api/users", true},
		{"pages/api/[...all].ts", "/api/[...all]", "/api/all", true},
		{"pages/reindex.tsx", "/reindex", "/reindex", true},
		{"pages/_app.tsx", "", "", false},
	}
	for _, tc := range tests {
		route, ok := requestRoute(tc.rel)
		if ok != tc.ok || route != tc.route {
			t.Errorf("requestRoute(%q) = %q, %v; want %q, %v", tc.rel, route, ok, tc.route, tc.ok)
			continue
		}
		if ok && samplePath(route) != tc.sample {
			t.Errorf("samplePath(%q) = %q, want %q", route, samplePath(route), tc.sample)
		}
	}
}

func TestMiddlewareAuthPagesLetThrough(t *testing.T) {
	res := scanFrom(t, ".", "../middleware/testdata/withauth-authpages")
	app := appNamed(t, res.Report, "withauth-authpages")
	if app.Middleware == nil {
		t.Fatal("no middleware in the report")
	}
	// /register sorts after the two ordinary pages sampled, so it appears
	// only because the middleware tests it by name.
	wantThrough := []string{"/", "/about", "/blog", "/login", "/register"}
	if !slices.Equal(app.Middleware.PassThrough, wantThrough) {
		t.Errorf("passThrough = %q, want %q", app.Middleware.PassThrough, wantThrough)
	}
	summary := report.MiddlewareSummary(app.Middleware)
	if !strings.Contains(summary, "except those matching /login(.*), /register(.*)") {
		t.Errorf("summary = %q, want it to name the auth pages as exceptions", summary)
	}
}

func TestMiddlewareSubpathGateSummary(t *testing.T) {
	res := scanFrom(t, ".", "../middleware/testdata/subpath-gate")
	app := appNamed(t, res.Report, "subpath-gate")
	if app.Middleware == nil {
		t.Fatal("no middleware in the report")
	}
	wantThrough := []string{"/", "/pricing", "/sign-in"}
	if !slices.Equal(app.Middleware.PassThrough, wantThrough) {
		t.Errorf("passThrough = %q, want %q", app.Middleware.PassThrough, wantThrough)
	}
	summary := report.MiddlewareSummary(app.Middleware)
	if !strings.Contains(summary, "authenticates only requests matching /dashboard(.*)") {
		t.Errorf("summary = %q, want it to say only /dashboard(.*) is authenticated", summary)
	}
	if strings.Contains(summary, "authenticates requests matching /((?!api") {
		t.Errorf("summary = %q, want no claim that the whole matcher is authenticated", summary)
	}
}

func TestMiddlewareClerkSummaries(t *testing.T) {
	tests := []struct{ app, want string }{
		// clerkMiddleware() without a handler makes every route public.
		{"clerk-nohandler", "rejects no request for a missing session, so it gates no path"},
		// Clerk v4 authMiddleware redirects everywhere but the public routes.
		{"clerk-authmiddleware", "except those matching /, /pricing, /api/webhooks(.*)"},
	}
	for _, tc := range tests {
		mw, err := middleware.Find(filepath.Join("..", "middleware", "testdata", tc.app))
		if err != nil || mw == nil {
			t.Fatalf("%s: Find = %v, %v", tc.app, mw, err)
		}
		am := &appMiddleware{mw: mw}
		summary := report.MiddlewareSummary(am.summary("."))
		if !strings.Contains(summary, tc.want) {
			t.Errorf("%s: summary = %q, want it to contain %q", tc.app, summary, tc.want)
		}
	}
}

func TestPickPassThroughPagesOnly(t *testing.T) {
	tests := []struct {
		paths []string
		want  string
	}{
		{[]string{"/", "/login", "/api/x"}, "/login"},
		{[]string{"/api/notes", "/dashboard"}, "/dashboard"},
		{[]string{"/api/notes", "/api"}, ""},
	}
	for _, tt := range tests {
		if got := pickPassThrough(tt.paths); got != tt.want {
			t.Errorf("pickPassThrough(%v) = %q, want %q", tt.paths, got, tt.want)
		}
	}
}
