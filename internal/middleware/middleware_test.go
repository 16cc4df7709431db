package middleware

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// fixtureCase describes what Find must read from one app under testdata.
type fixtureCase struct {
	app            string
	file           string // expected middleware file, relative to the app
	authenticates  bool
	unresolved     string // a substring of Unresolved; "" means it must be empty
	matcherUnknown bool
	matchers       []string
	public         []string
	protected      []string
	runs           map[string]bool
	gates          map[string]bool
}

var fixtureCases = []fixtureCase{
	{
		app:           "cookie-nomatcher",
		file:          "middleware.ts",
		authenticates: true,
		public:        []string{"/login(.*)"},
		runs:          map[string]bool{"/": true, "/api/leads": true, "/_next/static/x.js": true},
		gates: map[string]bool{
			"/": true, "/dashboard": true, "/api/leads": true, "/_next/static/x.js": true,
			"/login": false, "/login/reset": false,
		},
	},
	{
		app:           "string-matcher",
		file:          "middleware.ts",
		authenticates: true,
		matchers:      []string{"/dashboard/:path*"},
		runs: map[string]bool{
			"/dashboard": true, "/dashboard/a/b": true, "/dashboard/": true,
			"/_next/data/build-1/dashboard.json": true,
			"/":                                  false, "/login": false, "/api/leads": false, "/dashboards": false,
		},
		gates: map[string]bool{"/dashboard": true, "/dashboard/a/b": true, "/": false, "/api/leads": false},
	},
	{
		app:           "array-nextauth",
		file:          "middleware.ts",
		authenticates: true,
		matchers:      []string{"/dashboard/:path*", "/api/:path*", "/login"},
		public:        []string{"/login"},
		runs:          map[string]bool{"/dashboard": true, "/api/leads": true, "/login": true, "/": false},
		gates:         map[string]bool{"/dashboard": true, "/api/leads": true, "/login": false, "/": false},
	},
	{
		app:           "object-has-missing",
		file:          "middleware.ts",
		authenticates: true,
		matchers: []string{
			"/((?!_next/static|_next/image|login).*)",
			"/admin/:path*",
			"/settings/:path*",
		},
		runs: map[string]bool{"/": true, "/admin/users": true, "/settings": true, "/login": false, "/_next/static/x.js": false},
		// The first two matchers carry has or missing conditions, so a
		// request can skip the middleware on their paths: only /settings,
		// which an unconditional matcher selects, is gated.
		gates: map[string]bool{"/": false, "/dashboard": false, "/admin/users": false, "/settings": true, "/login": false},
	},
	{
		app:           "lookahead-api",
		file:          "middleware.ts",
		authenticates: true,
		matchers:      []string{"/((?!api|_next/static|_next/image|favicon.ico).*)"},
		runs: map[string]bool{
			"/": true, "/dashboard": true, "/login": true,
			"/api/leads": false, "/_next/static/x.js": false, "/favicon.ico": false,
		},
		gates: map[string]bool{"/": true, "/dashboard": true, "/api/leads": false, "/_next/static/x.js": false},
	},
	{
		app:           "clerk-protected",
		file:          "src/middleware.ts",
		authenticates: true,
		matchers: []string{
			"/((?!_next|[^?]*\\.(?:html?|css|js(?!on)|jpe?g|webp|png|gif|svg|ttf|woff2?|ico|csv|docx?|xlsx?|zip|webmanifest)).*)",
			"/(api|trpc)(.*)",
		},
		protected: []string{"/dashboard(.*)", "/settings(.*)"},
		runs:      map[string]bool{"/": true, "/dashboard": true, "/api/leads": true, "/_next/static/x.js": false},
		gates: map[string]bool{
			"/dashboard": true, "/dashboard/billing": true, "/settings": true,
			"/": false, "/login": false, "/api/leads": false,
		},
	},
	{
		app:           "public-list-proxy",
		file:          "proxy.ts",
		authenticates: true,
		public:        []string{"/login(.*)", "/signup(.*)", "/api/public(.*)"},
		runs:          map[string]bool{"/": true, "/api/leads": true},
		gates: map[string]bool{
			"/": true, "/dashboard": true, "/api/leads": true,
			"/login": false, "/signup/confirm": false, "/api/public/ping": false,
		},
	},
	{
		app:           "early-next",
		file:          "middleware.ts",
		authenticates: true,
		public:        []string{"/api/webhooks(.*)", "/", "/pricing", "/^\\/blog\\//"},
		gates: map[string]bool{
			"/dashboard": true, "/api/leads": true, "/pricing/x": true,
			"/": false, "/pricing": false, "/api/webhooks/stripe": false, "/blog/post": false,
		},
	},
	{
		app:            "nonliteral",
		file:           "middleware.ts",
		authenticates:  true,
		unresolved:     "not a literal",
		matcherUnknown: true,
		runs:           map[string]bool{"/dashboard": false, "/": false},
		gates:          map[string]bool{"/dashboard": false, "/": false, "/api/leads": false},
	},
	{
		app:           "nextauth-default",
		file:          "middleware.ts",
		authenticates: true,
		matchers:      []string{"/dashboard/:path*", "/account"},
		public:        []string{"/api/auth/signin", "/api/auth/error"},
		gates:         map[string]bool{"/dashboard": true, "/account": true, "/": false, "/api/leads": false},
	},
	{
		app:        "nextauth-bare",
		file:       "middleware.ts",
		unresolved: "callbacks.authorized",
		runs:       map[string]bool{"/": true},
		gates:      map[string]bool{"/": false, "/dashboard": false},
	},
	{
		app:           "supabase-inline",
		file:          "middleware.ts",
		authenticates: true,
		matchers:      []string{"/((?!_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|jpg|jpeg|gif|webp)$).*)"},
		public:        []string{"/login(.*)", "/auth(.*)"},
		runs:          map[string]bool{"/": true, "/logo.png": false, "/_next/image": false},
		gates:         map[string]bool{"/": true, "/api/leads": true, "/login": false, "/auth/callback": false},
	},
	{
		app:           "supabase-delegate",
		file:          "middleware.ts",
		authenticates: true,
		protected:     []string{"/private(.*)"},
		gates:         map[string]bool{"/private/notes": true, "/": false, "/dashboard": false},
	},
	{
		app:   "clerk-nohandler",
		file:  "middleware.ts",
		runs:  map[string]bool{"/": true},
		gates: map[string]bool{"/": false, "/dashboard": false},
	},
	{
		app:           "src-fallback",
		file:          "src/middleware.js",
		authenticates: true,
		matchers:      []string{"/app/:id(\\d+)"},
		runs:          map[string]bool{"/app/42": true, "/app/abc": false, "/app/42/x": false},
		gates:         map[string]bool{"/app/42": true, "/app/abc": false},
	},
	{
		app:           "clerk-public",
		file:          "middleware.ts",
		authenticates: true,
		public:        []string{"/", "/sign-in(.*)", "/^\\/api\\/webhooks/"},
		gates: map[string]bool{
			"/dashboard": true, "/api/leads": true,
			"/": false, "/sign-in/factor-one": false, "/api/webhooks/clerk": false,
		},
	},
	{
		app:           "withauth-callback",
		file:          "middleware.ts",
		authenticates: true,
		protected:     []string{"/admin(.*)"},
		gates:         map[string]bool{"/admin": true, "/admin/users": true, "/": false, "/dashboard": false, "/login": false},
	},
	{
		app:           "method-bypass",
		file:          "middleware.ts",
		authenticates: true,
		public:        []string{"/(.*)"},
		gates:         map[string]bool{"/": false, "/dashboard": false},
	},
	{
		app:           "jwt-try",
		file:          "middleware.ts",
		authenticates: true,
		matchers:      []string{"/app/:path*"},
		gates:         map[string]bool{"/app": true, "/app/settings": true, "/": false},
	},
	{
		app:           "nextauth-set",
		file:          "middleware.ts",
		authenticates: true,
		matchers:      []string{"/((?!api|_next/static|_next/image|favicon.ico).*)"},
		public:        []string{"/", "/login"},
		gates:         map[string]bool{"/webinars": true, "/webinars/1": true, "/": false, "/login": false, "/api/leads": false},
	},
	{
		// The callback admits everyone and the handler lets anonymous
		// visitors of the auth pages through.
		app:      "withauth-authpages",
		file:     "middleware.ts",
		matchers: []string{"/projects/:path*", "/settings/:path*", "/login", "/register"},
		// The handler's check makes Authenticates true.
		authenticates: true,
		public:        []string{"/login(.*)", "/register(.*)", "/api/auth/signin", "/api/auth/error"},
		gates: map[string]bool{
			"/projects": true, "/settings/billing": true,
			"/login": false, "/register": false,
		},
	},
	{
		// The callback rejects anonymous requests before the handler runs,
		// so only the configured sign-in page passes.
		app:           "withauth-token-authpages",
		file:          "middleware.ts",
		authenticates: true,
		matchers:      []string{"/projects/:path*", "/login", "/register"},
		public:        []string{"/login", "/api/auth/error"},
		gates:         map[string]bool{"/projects": true, "/register": true, "/login": false},
	},
	{
		app:        "withauth-imported-callback",
		file:       "middleware.ts",
		unresolved: "authorized",
		gates:      map[string]bool{"/": false, "/dashboard": false},
	},
	{
		app:           "subpath-gate",
		file:          "middleware.ts",
		authenticates: true,
		matchers:      []string{"/((?!api|_next/static|_next/image|favicon.ico).*)"},
		protected:     []string{"/dashboard(.*)"},
		gates:         map[string]bool{"/dashboard": true, "/dashboard/team": true, "/": false, "/sign-in": false, "/pricing": false},
	},
	{
		app:           "clerk-authmiddleware",
		file:          "middleware.ts",
		authenticates: true,
		matchers:      []string{"/((?!.+\\.[\\w]+$|_next).*)", "/", "/(api|trpc)(.*)"},
		public:        []string{"/", "/pricing", "/api/webhooks(.*)"},
		gates: map[string]bool{
			"/dashboard": true, "/api/leads": true,
			"/": false, "/pricing": false, "/api/webhooks/clerk": false,
		},
	},
	{
		// afterAuth replaces the default redirect and rejects nobody.
		app:   "clerk-afterauth",
		file:  "middleware.ts",
		gates: map[string]bool{"/": false, "/dashboard": false, "/home": false},
	},
	{
		app:           "clerk-afterauth-redirect",
		file:          "middleware.ts",
		authenticates: true,
		public:        []string{"/", "/api/webhooks(.*)"},
		gates:         map[string]bool{"/dashboard": true, "/": false, "/api/webhooks/clerk": false},
	},
	{
		app:   "login-redirect",
		file:  "middleware.ts",
		gates: map[string]bool{"/": false, "/login": false, "/dashboard": false},
	},
}

func TestFindFixtures(t *testing.T) {
	for _, tc := range fixtureCases {
		t.Run(tc.app, func(t *testing.T) {
			appDir := filepath.Join("testdata", tc.app)
			m, err := Find(appDir)
			if err != nil {
				t.Fatalf("Find(%s): %v", appDir, err)
			}
			if m == nil {
				t.Fatalf("Find(%s) found no middleware", appDir)
			}

			wantFile, _ := filepath.Abs(filepath.Join(appDir, tc.file))
			if m.File != wantFile {
				t.Errorf("File = %s, want %s", m.File, wantFile)
			}
			if m.Authenticates != tc.authenticates {
				t.Errorf("Authenticates = %v, want %v", m.Authenticates, tc.authenticates)
			}
			if tc.unresolved == "" && m.Unresolved != "" {
				t.Errorf("Unresolved = %q, want empty", m.Unresolved)
			}
			if tc.unresolved != "" && !strings.Contains(m.Unresolved, tc.unresolved) {
				t.Errorf("Unresolved = %q, want it to contain %q", m.Unresolved, tc.unresolved)
			}
			if m.MatcherUnknown != tc.matcherUnknown {
				t.Errorf("MatcherUnknown = %v, want %v", m.MatcherUnknown, tc.matcherUnknown)
			}

			var sources []string
			for _, matcher := range m.Matchers {
				sources = append(sources, matcher.Source)
			}
			if !slices.Equal(sources, tc.matchers) {
				t.Errorf("matcher sources = %q, want %q", sources, tc.matchers)
			}
			if !slices.Equal(m.PublicPaths, tc.public) {
				t.Errorf("PublicPaths = %q, want %q", m.PublicPaths, tc.public)
			}
			if !slices.Equal(m.ProtectedPaths, tc.protected) {
				t.Errorf("ProtectedPaths = %q, want %q", m.ProtectedPaths, tc.protected)
			}

			for path, want := range tc.runs {
				if got := m.Runs(path); got != want {
					t.Errorf("Runs(%q) = %v, want %v", path, got, want)
				}
			}
			for path, want := range tc.gates {
				if got := m.Gates(path); got != want {
					t.Errorf("Gates(%q) = %v, want %v", path, got, want)
				}
			}
		})
	}
}

func TestFindNoMiddleware(t *testing.T) {
	m, err := Find(filepath.Join("testdata", "none"))
	if err != nil {
		t.Fatalf("Find: %v", err)
	}
	if m != nil {
		t.Errorf("Find returned %s, want nil for an app without middleware", m.File)
	}
}

func TestFindBothFilesFails(t *testing.T) {
	_, err := Find(filepath.Join("testdata", "both-files"))
	if err == nil {
		t.Fatal("Find returned no error for an app with middleware.ts and proxy.ts")
	}
	for _, name := range []string{"middleware.ts", "proxy.ts"} {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("error %q does not name %s", err, name)
		}
	}
}

func TestSamplePassThroughSorted(t *testing.T) {
	m, err := Find(filepath.Join("testdata", "lookahead-api"))
	if err != nil {
		t.Fatalf("Find: %v", err)
	}
	got := m.SamplePassThrough([]string{"/dashboard", "/api/x", "/", "/_next/static/x.js", "/api/x"})
	want := []string{"/_next/static/x.js", "/api/x"}
	if !slices.Equal(got, want) {
		t.Errorf("SamplePassThrough = %q, want %q", got, want)
	}
}

func TestMatcherRootDataRequest(t *testing.T) {
	m := &Middleware{Matchers: []Matcher{{Source: "/"}}}
	for path, want := range map[string]bool{
		"/":                              true,
		"/index":                         true,
		"/_next/data/build-1/index.json": true,
		"/about":                         false,
	} {
		if got := m.Runs(path); got != want {
			t.Errorf("Runs(%q) with matcher \"/\" = %v, want %v", path, got, want)
		}
	}
}

func TestInvalidMatcherSource(t *testing.T) {
	for _, source := range []string{"dashboard", "/api/*", "/x(", "/y\\"} {
		if _, err := compileSource(source); err == nil {
			t.Errorf("compileSource(%q) returned no error", source)
		}
	}
}
