package analysis

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/actionguard/actionguard/internal/module"
	"github.com/actionguard/actionguard/internal/parse"
)

// Analyzer analyzes the entries of one app. Summaries of project functions
// and values of top-level declarations are computed once and shared by all
// entries; an Analyzer is safe for concurrent use.
type Analyzer struct {
	prog   *module.Program
	appDir string
	guards []string

	mu        sync.Mutex
	summaries map[nodeKey]*summary
	decls     map[nodeKey]value
}

// New returns an Analyzer over prog for the app at appDir. authGuards names
// the functions the policy declares fail-closed authentication guards: a bare
// "name", "module#name" with the module written as imported, or
// "path/to/file.ts#name" with the file relative to the app root.
func New(prog *module.Program, appDir string, authGuards []string) *Analyzer {
	return &Analyzer{
		prog:      prog,
		appDir:    appDir,
		guards:    authGuards,
		summaries: map[nodeKey]*summary{},
		decls:     map[nodeKey]value{},
	}
}

// nodeKey identifies a syntax node across goroutines; tree-sitter node
// pointers are not stable.
type nodeKey struct {
	file       string
	start, end uint32
	name       string
}

func keyOf(m *module.Module, n *parse.Node, name string) nodeKey {
	return nodeKey{file: m.File.Path, start: n.StartByte(), end: n.EndByte(), name: name}
}

// effect is one side effect reached during an analysis.
type effect struct {
	class    string
	category string
	what     string
	file     string
	line     int
	// level is the knowledge about the caller when the effect ran.
	level        Level
	identityRead bool
	why          string
	seq          int
	// roles is the authorization known when the effect ran.
	roles string
	// checked is the state's checked parameter keys when the effect ran.
	checked string
}

type guardEvent struct {
	seq  int
	name string
}

// maxDepth bounds nested summaries and inline walks; deeper calls are
// treated as unknown.
const maxDepth = 48

// recorder collects the events of one analysis.
type recorder struct {
	effects []effect
	guards  []guardEvent
	seq     int
	// callbacks maps parameter keys of the summarized function to the
	// join of the states in which they are invoked.
	callbacks map[string]state
	// tainted marks results that depend on a cycle cut, which must not be
	// memoized because they depend on where the analysis started.
	tainted bool
	// active holds the summaries being computed on this call chain.
	active map[nodeKey]bool
	depth  int
	// unverifiedCalls records calls that look like guards but could not be
	// proven, with the reason.
	unverifiedCalls []string
	// machine marks an analysis that met a machine-to-machine check (a
	// webhook signature, a shared secret), after which the request body
	// is the verified sender's rather than a user's choice.
	machine bool
	// entry marks the analysis of an entry point, where caller-supplied
	// identifiers are tracked; compared holds those the code compared with
	// something, and callerIDs the uses found unchecked.
	entry     bool
	compared  map[string]bool
	callerIDs []CallerID
	// failOpen records configuration checks that open when the setting is
	// empty or unset.
	failOpen []FailOpen
}

func newRecorder(parent *recorder) *recorder {
	r := &recorder{callbacks: map[string]state{}, active: map[nodeKey]bool{}}
	if parent != nil {
		r.active = parent.active
		r.depth = parent.depth + 1
	}
	return r
}

func (r *recorder) next() int {
	r.seq++
	return r.seq
}

// scope is a function's local bindings, chained to the enclosing function's.
type scope struct {
	parent *scope
	vars   map[string]value
}

func newScope(parent *scope) *scope {
	return &scope{parent: parent, vars: map[string]value{}}
}

func (s *scope) lookup(name string) (value, bool) {
	for sc := s; sc != nil; sc = sc.parent {
		if v, ok := sc.vars[name]; ok {
			return v, true
		}
	}
	return value{}, false
}

// moduleValue returns the value of a top-level name of m.
func (a *Analyzer) moduleValue(m *module.Module, name string, rec *recorder) value {
	if d, ok := m.Decls[name]; ok {
		return a.declValue(m, &d, rec)
	}
	if _, ok := m.Imports[name]; !ok {
		return value{kind: vSym, sym: "global#" + name, name: name}
	}
	return a.symbolValue(a.prog.ResolveName(m, name), name, rec)
}

func (a *Analyzer) symbolValue(s module.Symbol, name string, rec *recorder) value {
	switch {
	case s.External != "":
		return value{kind: vSym, sym: normalizeSym(s.External), name: name}
	case s.Decl != nil:
		return a.declValue(s.Module, s.Decl, rec)
	case s.Value != nil:
		if module.IsFunction(s.Value) || s.Value.Type() == "class_declaration" {
			return value{kind: vFunc, fn: &funcRef{mod: s.Module, node: s.Value, name: name}, name: name}
		}
		return a.exprValue(s.Module, s.Value, name, rec)
	case s.Namespace != nil:
		return value{kind: vUnknown, name: name, fn: &funcRef{mod: s.Namespace, name: name}}
	}
	if name == "PrismaClient" {
		// Prisma clients generated to a custom output path are often not
		// on disk when the scan runs; the class name is the client's.
		return value{kind: vSym, sym: "@prisma/client#PrismaClient", name: name}
	}
	return value{kind: vUnknown, name: name, why: s.Reason, sym: "unresolved"}
}

// objectMember returns the value of property name of a top-level object
// literal: a method or function-valued property is a project function.
func (a *Analyzer) objectMember(obj *funcRef, name string, rec *recorder) value {
	f := obj.mod.File
	for i := 0; i < int(obj.node.NamedChildCount()); i++ {
		p := obj.node.NamedChild(i)
		switch p.Type() {
		case "method_definition":
			if key := p.ChildByFieldName("name"); key != nil && module.Unquote(f.Text(key)) == name {
				return value{kind: vFunc, fn: &funcRef{mod: obj.mod, node: p, name: obj.name + "." + name}, name: obj.name + "." + name}
			}
		case "pair":
			key := p.ChildByFieldName("key")
			v := p.ChildByFieldName("value")
			if key == nil || v == nil || module.Unquote(f.Text(key)) != name {
				continue
			}
			if module.IsFunction(v) {
				return value{kind: vFunc, fn: &funcRef{mod: obj.mod, node: v, name: obj.name + "." + name}, name: obj.name + "." + name}
			}
			return a.exprValue(obj.mod, v, obj.name+"."+name, rec)
		case "shorthand_property_identifier":
			if f.Text(p) == name {
				return a.moduleValue(obj.mod, name, rec)
			}
		}
	}
	return value{kind: vUnknown, name: obj.name + "." + name}
}

// normalizeSym maps "node:fs#x" to "fs#x".
func normalizeSym(sym string) string {
	return strings.TrimPrefix(sym, "node:")
}

// declValue returns the value of a top-level declaration, memoized.
func (a *Analyzer) declValue(m *module.Module, d *module.Decl, rec *recorder) value {
	if module.IsFunction(d.Node) {
		return value{kind: vFunc, fn: &funcRef{mod: m, node: d.Node, name: d.Name}, name: d.Name}
	}
	if d.Node.Type() == "class_declaration" || d.Init == nil {
		return value{kind: vUnknown, name: d.Name}
	}
	if d.Init.Type() == "object" && len(d.Path) == 0 {
		return value{kind: vObject, fn: &funcRef{mod: m, node: d.Init, name: d.Name}, name: d.Name}
	}
	if module.IsFunction(d.Init) && len(d.Path) == 0 {
		return value{kind: vFunc, fn: &funcRef{mod: m, node: d.Init, name: d.Name}, name: d.Name}
	}
	key := keyOf(m, d.Node, d.Name)
	a.mu.Lock()
	v, ok := a.decls[key]
	a.mu.Unlock()
	if ok {
		return v
	}
	if rec.active[key] || rec.depth > maxDepth {
		rec.tainted = true
		return value{kind: vUnknown, name: d.Name}
	}
	rec.active[key] = true
	inner := newRecorder(rec)
	v = a.exprValue(m, d.Init, d.Name, inner)
	delete(rec.active, key)
	for _, step := range d.Path {
		v = member(v, step)
	}
	v.name = d.Name
	if inner.tainted {
		rec.tainted = true
		return v
	}
	a.mu.Lock()
	a.decls[key] = v
	a.mu.Unlock()
	return v
}

// exprValue evaluates a top-level expression of m. Its effects happen at
// module load, not when an entry is called, so rec only tracks cycles.
func (a *Analyzer) exprValue(m *module.Module, expr *parse.Node, name string, rec *recorder) value {
	w := &walker{a: a, rec: rec, mod: m, env: newScope(nil)}
	v, _ := w.eval(expr, state{}, false)
	if v.name == "" {
		v.name = name
	}
	return v
}

// isPolicyGuardFunc reports whether the policy names a project function as
// a fail-closed authentication guard, by its bare name or by its file and
// name ("lib/auth.ts#requireUser").
func (a *Analyzer) isPolicyGuardFunc(f *funcRef) bool {
	if f == nil || f.name == "" || f.mod == nil {
		return false
	}
	rel, err := filepath.Rel(a.appDir, f.mod.File.Path)
	if err != nil {
		return false
	}
	rel = filepath.ToSlash(rel)
	for _, g := range a.guards {
		mod, name, ok := strings.Cut(g, "#")
		switch {
		case !ok && g == f.name:
			return true
		case ok && name == f.name && mod == rel:
			return true
		}
	}
	return false
}

// isPolicyGuard reports whether the policy names the called function as a
// fail-closed authentication guard.
func (a *Analyzer) isPolicyGuard(localName, sym string) bool {
	for _, g := range a.guards {
		if mod, name, ok := strings.Cut(g, "#"); ok {
			if sym != "" && symModule(sym) == mod && symName(sym) == name {
				return true
			}
			continue
		}
		if g == localName || (sym != "" && symName(sym) == g) {
			return true
		}
	}
	return false
}

func position(n *parse.Node) parse.Position { return parse.PositionOf(n) }

func describe(f *funcRef) string {
	if f == nil {
		return "function"
	}
	if f.name != "" {
		return f.name
	}
	p := position(f.node)
	return fmt.Sprintf("function at line %d", p.Line)
}

// Guard is a project function the analysis proved to be a fail-closed
// authentication guard.
type Guard struct {
	Name string
	File string // absolute path
	Line int
}

// InferredGuards lists the top-level project functions summarized so far
// whose every normal return leaves the caller authenticated, sorted by file
// and line. Call it after the entries were analyzed.
func (a *Analyzer) InferredGuards() []Guard {
	a.mu.Lock()
	defer a.mu.Unlock()
	var out []Guard
	for _, s := range a.summaries {
		if s.guard != Authenticated || s.neverReturns || s.name == "" {
			continue
		}
		out = append(out, Guard{Name: s.name, File: s.file, Line: s.line})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Line < out[j].Line
	})
	return out
}
