package module

import (
	"fmt"
	"sort"
	"sync"

	"github.com/actionguard/actionguard/internal/parse"
)

// Target is the destination of an import specifier.
type Target struct {
	// Path is the absolute source file, for project and workspace modules.
	Path string
	// Package is the specifier of an npm package or Node.js built-in, for
	// modules outside the project ("next-auth", "@clerk/nextjs/server").
	Package string
	// Reason explains why the specifier could not be resolved, when neither
	// Path nor Package is set.
	Reason string
}

// Resolver maps an import specifier, written in fromFile, to a Target.
// It must be safe for concurrent use.
type Resolver interface {
	Resolve(fromFile, specifier string) Target
}

// Program loads the modules of one app on demand. Each file is read and
// parsed at most once, however many goroutines ask for it.
type Program struct {
	resolver Resolver

	mu    sync.Mutex
	cells map[string]*cell
}

type cell struct {
	once sync.Once
	mod  *Module
	err  error
}

// NewProgram returns a Program that resolves imports with r.
func NewProgram(r Resolver) *Program {
	return &Program{resolver: r, cells: map[string]*cell{}}
}

// Load returns the module at the absolute path, parsing it on first use.
// A file with syntax errors still loads; its File.SyntaxError is set.
func (p *Program) Load(path string) (*Module, error) {
	p.mu.Lock()
	c := p.cells[path]
	if c == nil {
		c = &cell{}
		p.cells[path] = c
	}
	p.mu.Unlock()

	c.once.Do(func() {
		f, err := parse.ReadFile(path)
		if err != nil {
			c.err = err
			return
		}
		c.mod = Extract(f)
	})
	return c.mod, c.err
}

// Loaded returns the modules loaded so far, sorted by path.
func (p *Program) Loaded() []*Module {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []*Module
	for _, c := range p.cells {
		if c.mod != nil {
			out = append(out, c.mod)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].File.Path < out[j].File.Path })
	return out
}

// Resolve maps an import specifier written in m.
func (p *Program) Resolve(m *Module, specifier string) Target {
	return p.resolver.Resolve(m.File.Path, specifier)
}

// Symbol is what a name refers to after following imports and re-exports.
// Exactly one of Decl, Value, External, Namespace or Reason is set.
type Symbol struct {
	// Module is the module that declares Decl or holds Value.
	Module *Module
	Decl   *Decl
	// Value is an exported expression with no binding (export default f()).
	Value *parse.Node
	// External names a binding of an npm package as "specifier#name", with
	// "default" and "*" as names for default and namespace imports.
	External string
	// Namespace is the module of import * as ns.
	Namespace *Module
	// Reason explains why the name could not be followed.
	Reason string
}

// maxHops bounds chains of re-exports, which a cycle could make endless.
const maxHops = 32

// ResolveName follows a top-level name of m to its declaration.
func (p *Program) ResolveName(m *Module, name string) Symbol {
	return p.resolveName(m, name, 0)
}

func (p *Program) resolveName(m *Module, name string, hops int) Symbol {
	if d, ok := m.Decls[name]; ok {
		return Symbol{Module: m, Decl: &d}
	}
	imp, ok := m.Imports[name]
	if !ok {
		return Symbol{Reason: fmt.Sprintf("%s is not declared or imported in %s", name, m.File.Path)}
	}
	return p.resolveImport(m, imp.Specifier, imp.Name, hops+1)
}

// ResolveExport follows the export called name of m.
func (p *Program) ResolveExport(m *Module, name string) Symbol {
	return p.resolveExport(m, name, 0, map[*Module]bool{})
}

func (p *Program) resolveImport(from *Module, specifier, name string, hops int) Symbol {
	if hops > maxHops {
		return Symbol{Reason: fmt.Sprintf("import chain for %q is too long or cyclic", specifier)}
	}
	t := p.Resolve(from, specifier)
	switch {
	case t.Package != "":
		return Symbol{External: t.Package + "#" + name}
	case t.Path == "":
		return Symbol{Reason: t.Reason}
	}
	target, err := p.Load(t.Path)
	if err != nil {
		return Symbol{Reason: err.Error()}
	}
	if name == "*" {
		return Symbol{Namespace: target}
	}
	return p.resolveExport(target, name, hops, map[*Module]bool{})
}

func (p *Program) resolveExport(m *Module, name string, hops int, seen map[*Module]bool) Symbol {
	if hops > maxHops || seen[m] {
		return Symbol{Reason: fmt.Sprintf("export %s of %s is part of a re-export cycle", name, m.File.Path)}
	}
	seen[m] = true
	if e, ok := m.Exports[name]; ok {
		switch {
		case e.From != "":
			return p.resolveImport(m, e.From, e.Name, hops+1)
		case e.Local != "":
			return p.resolveName(m, e.Local, hops+1)
		default:
			return Symbol{Module: m, Value: e.Value}
		}
	}
	if name == "default" {
		return Symbol{Reason: fmt.Sprintf("%s has no default export", m.File.Path)}
	}
	for _, star := range m.StarExports {
		t := p.Resolve(m, star.Specifier)
		if t.Path == "" {
			continue
		}
		target, err := p.Load(t.Path)
		if err != nil {
			continue
		}
		if s := p.resolveExport(target, name, hops+1, seen); s.Reason == "" {
			return s
		}
	}
	return Symbol{Reason: fmt.Sprintf("%s does not export %s", m.File.Path, name)}
}

// ExportNames lists every export of m, including those that star re-exports
// bring in, in source order.
func (p *Program) ExportNames(m *Module) []string {
	seen := map[string]bool{}
	var out []string
	p.exportNames(m, seen, map[*Module]bool{}, &out)
	return out
}

func (p *Program) exportNames(m *Module, seen map[string]bool, visited map[*Module]bool, out *[]string) {
	if visited[m] {
		return
	}
	visited[m] = true
	for _, name := range m.ExportOrder {
		if !seen[name] {
			seen[name] = true
			*out = append(*out, name)
		}
	}
	for _, star := range m.StarExports {
		t := p.Resolve(m, star.Specifier)
		if t.Path == "" {
			continue
		}
		if target, err := p.Load(t.Path); err == nil {
			var inner []string
			p.exportNames(target, seen, visited, &inner)
			for _, name := range inner {
				if name != "default" {
					*out = append(*out, name)
				}
			}
		}
	}
}
