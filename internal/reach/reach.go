// Package reach decides, for each export of a "use server" module, whether
// a build of the app gives it an action ID, which makes it callable by any
// visitor of the site.
//
// It walks the import graph of an app from its route files and tags each
// module with the layers it is compiled in: server (server components,
// route handlers and the code they import), client ("use client" modules,
// pages of the Pages Router, and everything they import), and action (the
// code of a "use server" module that only client code imports, and what it
// imports). The rule for exports of a "use server" module:
//
//   - A server-layer import of the module gives every export an action ID,
//     even exports that nothing calls.
//   - A client-layer import gives IDs only to the exports that client code
//     names, under Turbopack, the default `next build` bundler since
//     Next.js 16. Webpack builds give IDs to all exports as soon as client
//     code references one, and so does every Next.js 14 build, whose whole
//     module's IDs reach the browser (Options.PerModule).
//   - Imports from the action layer give no ID: the export is called only
//     on the server.
//
// The Turbopack rules, including the action layer, were measured with
// `next build` of Next.js 16.5.0 on testdata/nextapp. The webpack rule is
// the one that fixture records for `next build --webpack`. The Next.js 14
// rule, and treating middleware as the action layer, follow how those
// versions bundle and were not measured.
//
// An export with an ID is reported "client". One that no build compiles,
// in a module something imports, is "server", and one in a module that
// nothing imports is "none". Whenever an import that could lead to client
// or server code cannot be followed, every export is "client", because a
// guess must never hide a callable action.
package reach

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/actionguard/actionguard/internal/module"
	"github.com/actionguard/actionguard/internal/parse"
	"github.com/actionguard/actionguard/internal/report"
)

// Layer is the bundle a module is compiled into.
type Layer int

const (
	// Server is the React Server Components graph: server components,
	// layouts, route handlers and what they import.
	Server Layer = iota
	// Client is browser code: "use client" modules and what they import.
	Client
	// Action is server code that builds do not scan for action references:
	// the body of a "use server" module reached only from client code, and
	// middleware.
	Action
)

func (l Layer) String() string {
	switch l {
	case Server:
		return "server"
	case Client:
		return "client"
	}
	return "action"
}

// Root is a file the framework loads by itself, where the walk starts.
type Root struct {
	Path  string
	Layer Layer
}

// Options tunes how references become action IDs.
type Options struct {
	// PerModule gives every export of a "use server" module an ID as soon
	// as client code references one of them. It is the rule of webpack
	// builds and of Next.js 14 and earlier.
	PerModule bool
}

// Graph is the result of walking one app's imports.
type Graph struct {
	prog *module.Program
	opts Options
	// modules is keyed by file path, the key module.Program caches by.
	modules map[string]*facts
	// incomplete lists why the walk may have missed client or server code.
	incomplete []string
}

// facts is what the walk learned about one module.
type facts struct {
	// imported is set when any walked module imports this one.
	imported bool
	// serverImported is set when a server-layer module imports it.
	serverImported bool
	// clientAll is set when client code takes the whole module (a
	// namespace import, export *, a dynamic import).
	clientAll  bool
	clientRefs map[string]bool
}

type visit struct {
	m     *module.Module
	layer Layer
}

// Build walks the imports of prog from roots.
func Build(prog *module.Program, roots []Root, opts Options) *Graph {
	g := &Graph{prog: prog, opts: opts, modules: map[string]*facts{}}
	seen := map[visit]bool{}
	var queue []visit

	enqueue := func(m *module.Module, layer Layer) {
		if m.UseClient {
			layer = Client
		}
		v := visit{m, layer}
		if !seen[v] {
			seen[v] = true
			queue = append(queue, v)
		}
	}
	for _, r := range roots {
		m, err := prog.Load(r.Path)
		if err != nil {
			g.fail(r.Layer, fmt.Sprintf("%s could not be read: %v", r.Path, err))
			continue
		}
		enqueue(m, r.Layer)
	}

	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, imp := range imports(v.m) {
			if imp.reason != "" {
				g.fail(v.layer, imp.reason)
				continue
			}
			if target, layer, ok := g.reference(v.m, imp, v.layer); ok {
				enqueue(target, layer)
			}
		}
		if v.m.File.TopLevelError() {
			p := v.m.File.SyntaxError
			g.fail(v.layer, fmt.Sprintf("%s has a syntax error at line %d, so its imports may be incomplete", v.m.File.Path, p.Line))
		}
	}
	sort.Strings(g.incomplete)
	return g
}

// fail records a gap in the walk. A gap in the action layer can only hide
// a call that gets no ID, so it does not make the graph incomplete.
func (g *Graph) fail(layer Layer, reason string) {
	if layer == Action {
		return
	}
	g.incomplete = append(g.incomplete, reason)
}

// reference records that a module in layer imports name from the module
// that imp names, and returns that module with the layer its code runs in.
func (g *Graph) reference(from *module.Module, imp importRef, layer Layer) (*module.Module, Layer, bool) {
	t := g.prog.Resolve(from, imp.specifier)
	if t.Path == "" {
		if t.Package == "" {
			g.fail(layer, fmt.Sprintf("%s: import %q could not be resolved: %s", from.File.Path, imp.specifier, t.Reason))
		}
		// NOTE: actions defined inside npm packages are not tracked.
		return nil, 0, false
	}
	target, err := g.prog.Load(t.Path)
	if err != nil {
		g.fail(layer, fmt.Sprintf("%s could not be read: %v", t.Path, err))
		return nil, 0, false
	}

	f := g.facts(target)
	f.imported = true
	if !target.UseServer {
		return target, layer, true
	}
	switch layer {
	case Server:
		f.serverImported = true
		return target, Server, true
	case Client:
		switch imp.name {
		case "":
		case "*":
			f.clientAll = true
		default:
			f.clientRefs[imp.name] = true
		}
	}
	return target, Action, true
}

func (g *Graph) facts(m *module.Module) *facts {
	f := g.modules[m.File.Path]
	if f == nil {
		f = &facts{clientRefs: map[string]bool{}}
		g.modules[m.File.Path] = f
	}
	return f
}

// Incomplete lists why the walk may have missed client or server code. When
// it is not empty, every export is reported as client-reachable.
func (g *Graph) Incomplete() []string { return g.incomplete }

// Export returns the reachability of the export called name of m, a "use
// server" module: report.ReachClient, ReachServer or ReachNone.
func (g *Graph) Export(m *module.Module, name string) string {
	if len(g.incomplete) > 0 {
		return report.ReachClient
	}
	f := g.modules[m.File.Path]
	switch {
	case f == nil || !f.imported:
		return report.ReachNone
	case f.serverImported, f.clientAll, f.clientRefs[name]:
		return report.ReachClient
	case g.opts.PerModule && len(f.clientRefs) > 0:
		return report.ReachClient
	}
	return report.ReachServer
}

// importRef is one module that a module loads. name is the imported
// binding, "*" for the whole module, or "" for an import run only for its
// effects. reason is set instead when the specifier is computed at run time.
type importRef struct {
	specifier string
	name      string
	reason    string
}

// imports lists the static imports, re-exports and dynamic imports of m.
func imports(m *module.Module) []importRef {
	var out []importRef
	for _, imp := range m.Imports {
		out = append(out, importRef{specifier: imp.Specifier, name: imp.Name})
	}
	for _, e := range m.Exports {
		if e.From != "" && !e.TypeOnly {
			out = append(out, importRef{specifier: e.From, name: e.Name})
		}
	}
	for _, star := range m.StarExports {
		out = append(out, importRef{specifier: star.Specifier, name: "*"})
	}
	for _, spec := range m.SideEffectImports {
		out = append(out, importRef{specifier: spec})
	}
	out = append(out, dynamicImports(m.File)...)
	// Map order is random; a fixed order keeps the walk, and the order of
	// Incomplete, deterministic.
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.specifier != b.specifier {
			return a.specifier < b.specifier
		}
		if a.name != b.name {
			return a.name < b.name
		}
		return a.reason < b.reason
	})
	return out
}

// dynamicImports finds import("x") and require("x") calls. Their result is
// the whole module, so each counts as a namespace import.
func dynamicImports(f *parse.File) []importRef {
	var out []importRef
	var walk func(n *parse.Node)
	walk = func(n *parse.Node) {
		if n.Type() == "call_expression" {
			if ref, ok := dynamicImport(f, n); ok {
				out = append(out, ref)
			}
		}
		for i := 0; i < int(n.NamedChildCount()); i++ {
			walk(n.NamedChild(i))
		}
	}
	walk(f.Root)
	return out
}

var plainTemplate = regexp.MustCompile("^`[^`$]*`$")

func dynamicImport(f *parse.File, call *parse.Node) (importRef, bool) {
	fn := call.ChildByFieldName("function")
	if fn == nil {
		return importRef{}, false
	}
	if fn.Type() != "import" && !(fn.Type() == "identifier" && f.Text(fn) == "require") {
		return importRef{}, false
	}
	args := call.ChildByFieldName("arguments")
	if args == nil || args.NamedChildCount() == 0 {
		return importRef{}, false
	}
	arg := args.NamedChild(0)
	text := f.Text(arg)
	if arg.Type() == "string" || (arg.Type() == "template_string" && plainTemplate.MatchString(text)) {
		return importRef{specifier: module.Unquote(text), name: "*"}, true
	}
	pos := parse.PositionOf(call)
	return importRef{reason: fmt.Sprintf("%s:%d: %s(...) takes a computed specifier, so the module it loads is unknown", f.Path, pos.Line, f.Text(fn))}, true
}

var (
	appRoot    = regexp.MustCompile(`^(src/)?app/(.*/)?(page|layout|template|default|loading|error|global-error|not-found|global-not-found|forbidden|unauthorized|route|opengraph-image|twitter-image|icon|apple-icon|sitemap|robots|manifest)\.(ts|tsx|js|jsx|mjs|cjs|mts|cts)$`)
	pagesAPI   = regexp.MustCompile(`^(src/)?pages/api/`)
	pagesDoc   = regexp.MustCompile(`^(src/)?pages/_document\.`)
	pagesFile  = regexp.MustCompile(`^(src/)?pages/.*\.(ts|tsx|js|jsx|mjs|cjs|mts|cts)$`)
	serverOnly = regexp.MustCompile(`^(src/)?(middleware|proxy|instrumentation)\.(ts|js|mjs|cjs|mts|cts)$`)
)

// RootLayer reports whether the file at rel, relative to the app root, is
// one that Next.js loads by itself, and in which layer.
func RootLayer(rel string) (Layer, bool) {
	switch {
	case appRoot.MatchString(rel):
		return Server, true
	case pagesAPI.MatchString(rel), pagesDoc.MatchString(rel):
		// API routes get no client bundle. Treating them as server
		// components is the cautious choice: a Pages Router build was not
		// measured.
		return Server, true
	case pagesFile.MatchString(rel):
		// Pages Router pages are rendered on the server and hydrated in the
		// browser, so what they import ships to the client.
		return Client, true
	case serverOnly.MatchString(rel):
		// Middleware and instrumentation run on the server, and builds
		// compile no actions for them.
		return Action, true
	}
	return Server, false
}

// OptionsFor returns the rule for an app built with Next.js at
// nextVersion (an exact version or a package.json range) by its build
// script. Per-export IDs need Turbopack: the default of `next build` since
// Next.js 16 (unless --webpack), and opt-in with --turbopack (or --turbo)
// on Next.js 15. An unknown version gets the per-module rule, which marks
// more exports reachable.
func OptionsFor(nextVersion, buildScript string) Options {
	major, ok := MinimumMajor(nextVersion)
	if !ok || major < 15 {
		return Options{PerModule: true}
	}
	turbopack := major >= 16
	if strings.Contains(buildScript, "--webpack") {
		turbopack = false
	}
	if strings.Contains(buildScript, "--turbo") {
		turbopack = true
	}
	return Options{PerModule: !turbopack}
}

var firstNumber = regexp.MustCompile(`[0-9]+`)

// MinimumMajor returns the major version of the lowest release that a
// version or range such as "15.2.1", "^14.2.0", ">=13 <16" or "14 || 15"
// admits. It reports false when the range has no lower bound ("<15",
// "latest", "*").
func MinimumMajor(version string) (int, bool) {
	lowest, found := 0, false
	for _, alternative := range strings.Split(version, "||") {
		alternative = strings.TrimSpace(alternative)
		if strings.HasPrefix(alternative, "<") {
			return 0, false
		}
		s := firstNumber.FindString(alternative)
		if s == "" {
			return 0, false
		}
		major, err := strconv.Atoi(s)
		if err != nil {
			return 0, false
		}
		if !found || major < lowest {
			lowest, found = major, true
		}
	}
	return lowest, found
}
