// Package report holds the scan report, the contract that users and scripts
// read, and renders it in each output format.
//
// The JSON field names and their meanings are fixed by the product contract;
// every renderer reads the same Report value, so the formats cannot disagree.
package report

// SchemaVersion is the version of the JSON report layout.
const SchemaVersion = 1

// Report is the result of one scan over one or more paths.
type Report struct {
	SchemaVersion int     `json:"schemaVersion"`
	Tool          Tool    `json:"tool"`
	Apps          []App   `json:"apps"`
	Summary       Summary `json:"summary"`
}

// Tool names the program that wrote the report.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// App is one Next.js application found under a scanned path.
type App struct {
	// Root is the app folder relative to the working directory, with forward
	// slashes ("." when the app is the working directory).
	Root string `json:"root"`
	// Name is the package.json name, else the folder name.
	Name string `json:"name"`
	// NextVersion is the installed next version from the lockfile when one is
	// present, else the package.json range, else "".
	NextVersion string `json:"nextVersion"`
	// Middleware is what the app's middleware.* or proxy.* file gates, or
	// nil when the app has none.
	Middleware *Middleware `json:"middleware,omitempty"`
	Entries    []Entry     `json:"entries"`
	Findings   []Finding   `json:"findings"`
}

// Middleware is the static reading of an app's middleware file.
type Middleware struct {
	// File is relative to the working directory, with forward slashes.
	File string `json:"file"`
	// Matchers are the config.matcher sources as written; empty means the
	// middleware runs on every request path.
	Matchers []string `json:"matchers"`
	// Authenticates is set when the middleware rejects requests without a
	// session on at least some paths.
	Authenticates bool `json:"authenticates"`
	// PassThrough lists sample request paths ("/", "/login", the app's own
	// route handler paths, a page or two) that an anonymous request reaches
	// without being rejected, sorted.
	PassThrough []string `json:"passThrough"`
	// PublicPaths are the paths, as path-to-regexp patterns such as
	// "/login(.*)", that the body lets anonymous requests through on.
	PublicPaths []string `json:"publicPaths,omitempty"`
	// ProtectedPaths, when not empty, are the only paths the body rejects
	// anonymous requests on; every other path passes through.
	ProtectedPaths []string `json:"protectedPaths,omitempty"`
	// Unresolved is why the matcher or the body could not be read
	// statically, in which case no path counts as gated.
	Unresolved string `json:"unresolved,omitempty"`
}

// Entry kinds.
const (
	KindServerAction = "server-action"
	KindRouteHandler = "route-handler"
	KindAPIRoute     = "api-route"
)

// Authentication statuses of an entry.
const (
	AuthAuthenticated = "authenticated"
	AuthPublic        = "public"
	AuthMissing       = "missing"
	AuthAfterEffect   = "after-effect"
	AuthNotEnforced   = "not-enforced"
	AuthUnverified    = "unverified"
)

// Authorization values other than a comma-separated list of roles.
const (
	AuthorizationNone        = "none"
	AuthorizationNotRequired = "not-required"
)

// Reachability of an entry from the browser.
const (
	ReachClient = "client"
	ReachServer = "server"
	ReachNone   = "none"
)

// Entry is one server-side entry point a browser can call.
type Entry struct {
	// ID is "<path relative to the app root>#<name>", the key the policy
	// file uses.
	ID   string `json:"id"`
	Kind string `json:"kind"`
	// File is relative to the working directory, with forward slashes.
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	Name   string `json:"name"`
	// Auth is one of the Auth* constants.
	Auth string `json:"auth"`
	// Authorization is AuthorizationNone, AuthorizationNotRequired, or the
	// comma-separated roles an authorization guard admits.
	Authorization string   `json:"authorization"`
	Reachable     string   `json:"reachable"`
	Effects       []Effect `json:"effects"`
	// Policy names the policy rule or inline comment that set the entry's
	// access, such as "app/admin/** (actionguard.json:9)", or is "" when
	// the default applies.
	Policy string `json:"policy,omitempty"`
}

// Effect classes.
const (
	EffectWrite   = "write"
	EffectRead    = "read"
	EffectUnknown = "unknown"
)

// Effect is a side effect an entry can reach.
type Effect struct {
	Class string `json:"class"`
	// What names the call, such as "db.insert" or "fetch".
	What string `json:"what"`
	File string `json:"file"`
	Line int    `json:"line"`
}

// Severities, highest first.
const (
	P0 = "P0"
	P1 = "P1"
	P2 = "P2"
	P3 = "P3"
)

// Finding is one rule violation.
type Finding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	// Entry is the entry ID, or "" for findings about a file, such as
	// parse-error.
	Entry   string `json:"entry"`
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
	Fix     string `json:"fix"`
	// Fingerprint is a stable hash of the rule, the app-relative file and the
	// entry name, so that baselines survive line moves.
	Fingerprint string `json:"fingerprint"`
}

// Summary counts what the report holds.
type Summary struct {
	Apps     int            `json:"apps"`
	Entries  int            `json:"entries"`
	Findings map[string]int `json:"findings"`
}
