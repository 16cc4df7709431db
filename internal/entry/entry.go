// Package entry finds the server-side entry points of a module: Server
// Actions (exports of "use server" files and functions whose body starts
// with "use server"), route handlers (HTTP method exports of app/**/route.*)
// and API routes (the default export of pages/api/**).
package entry

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/actionguard/actionguard/internal/analysis"
	"github.com/actionguard/actionguard/internal/module"
	"github.com/actionguard/actionguard/internal/parse"
	"github.com/actionguard/actionguard/internal/report"
)

// Entry is one entry point.
type Entry struct {
	Kind string // report.Kind*
	// Name is the export name, or for an inline action
	// "<enclosing function>.<name>" or "<enclosing function>.$N".
	Name string
	// ID is "<path relative to the app root>#<name>".
	ID string
	// Module holds the entry's location; Target may live elsewhere when the
	// entry is a re-export.
	Module   *module.Module
	Position parse.Position
	Target   analysis.Target
	// Inline is the "// actionguard: public -- reason" comment directly
	// above the entry, if any.
	Inline *InlineComment
	// Unresolved explains a re-exported entry whose code could not be found.
	Unresolved string
}

// InlineComment is an inline policy comment.
type InlineComment struct {
	Text string
	Line int
}

var (
	routeFile = regexp.MustCompile(`^(src/)?app/(.*/)?route\.(ts|tsx|js|jsx|mjs|cjs|mts|cts)$`)
	apiFile   = regexp.MustCompile(`^(src/)?pages/api/.*\.(ts|tsx|js|jsx|mjs|cjs|mts|cts)$`)
)

// HTTPMethods are the route handler exports Next.js serves.
var HTTPMethods = []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}

// MayHoldEntries reports whether a file can hold an entry point, from its
// app-relative path and its bytes. It lets a scan skip parsing most files.
func MayHoldEntries(rel string, src []byte) bool {
	if routeFile.MatchString(rel) || apiFile.MatchString(rel) {
		return true
	}
	s := string(src)
	return strings.Contains(s, "use server")
}

// Find returns the entries of m, whose path relative to the app root is rel.
func Find(prog *module.Program, m *module.Module, rel string) []Entry {
	var out []Entry
	exported := map[nodeKey]bool{}

	switch {
	case m.UseServer:
		for _, name := range prog.ExportNames(m) {
			if e, ok := exportEntry(prog, m, rel, name, report.KindServerAction); ok {
				out = append(out, e)
				if e.Target.Node != nil {
					exported[key(e.Target.Node)] = true
				}
			}
		}
	case routeFile.MatchString(rel):
		for _, name := range prog.ExportNames(m) {
			if !isHTTPMethod(name) {
				continue
			}
			if e, ok := exportEntry(prog, m, rel, name, report.KindRouteHandler); ok {
				out = append(out, e)
			}
		}
	case apiFile.MatchString(rel):
		if e, ok := exportEntry(prog, m, rel, "default", report.KindAPIRoute); ok {
			out = append(out, e)
		}
	}

	out = append(out, inlineActions(m, rel, exported)...)
	return out
}

type nodeKey struct{ start, end uint32 }

func key(n *parse.Node) nodeKey { return nodeKey{n.StartByte(), n.EndByte()} }

func isHTTPMethod(name string) bool {
	for _, m := range HTTPMethods {
		if m == name {
			return true
		}
	}
	return false
}

// exportEntry builds the entry for one export of m, following re-exports to
// the code they name.
func exportEntry(prog *module.Program, m *module.Module, rel, name, kind string) (Entry, bool) {
	e := Entry{Kind: kind, Name: name, ID: rel + "#" + name, Module: m}
	exp, local := m.Exports[name]
	if local {
		if exp.TypeOnly {
			return Entry{}, false
		}
		e.Position = parse.PositionOf(exp.Node)
	} else {
		// Brought in by export * from "...": the star statement is the location.
		for _, star := range m.StarExports {
			e.Position = parse.PositionOf(star.Node)
			break
		}
	}

	sym := prog.ResolveExport(m, name)
	switch {
	case sym.Decl != nil:
		d := sym.Decl
		switch {
		case module.IsFunction(d.Node):
			e.Target = analysis.Target{Module: sym.Module, Node: d.Node}
		case d.Init != nil:
			if !callable(d.Init) {
				return Entry{}, false
			}
			e.Target = analysis.Target{Module: sym.Module, Node: d.Init, Path: d.Path}
		default:
			return Entry{}, false
		}
	case sym.Value != nil:
		e.Target = analysis.Target{Module: sym.Module, Node: sym.Value}
	case sym.External != "":
		e.Unresolved = fmt.Sprintf("%s re-exports %s from a package", name, sym.External)
	default:
		e.Unresolved = sym.Reason
	}
	e.Inline = inlineComment(m.File, e.Position.Line)
	return e, true
}

// callable reports whether an initializer can produce a function: literals
// such as export const revalidate = 60 cannot.
func callable(n *parse.Node) bool {
	switch n.Type() {
	case "number", "string", "template_string", "true", "false", "null", "undefined", "array", "regex":
		return false
	case "object":
		return false
	}
	return true
}

// inlineActions finds functions whose body starts with "use server",
// skipping those already found as exports.
func inlineActions(m *module.Module, rel string, exported map[nodeKey]bool) []Entry {
	var out []Entry
	anonymous := map[string]int{}
	var visit func(n *parse.Node)
	visit = func(n *parse.Node) {
		if module.IsFunction(n) {
			if body := n.ChildByFieldName("body"); body != nil && body.Type() == "statement_block" && hasUseServer(m.File, body) && !exported[key(n)] {
				name := inlineName(m.File, n, anonymous)
				pos := parse.PositionOf(n)
				if owner := exportStatementOf(n); owner != nil {
					pos = parse.PositionOf(owner)
				}
				out = append(out, Entry{
					Kind:     report.KindServerAction,
					Name:     name,
					ID:       rel + "#" + name,
					Module:   m,
					Position: pos,
					Target:   analysis.Target{Module: m, Node: n},
					Inline:   inlineComment(m.File, pos.Line),
				})
			}
		}
		for i := 0; i < int(n.NamedChildCount()); i++ {
			visit(n.NamedChild(i))
		}
	}
	visit(m.File.Root)
	return out
}

func hasUseServer(f *parse.File, body *parse.Node) bool {
	for _, d := range module.Directives(f, body) {
		if d == "use server" {
			return true
		}
	}
	return false
}

// exportStatementOf returns the export statement that declares n directly,
// so that an exported inline action is located at its export line.
func exportStatementOf(n *parse.Node) *parse.Node {
	p := n.Parent()
	for p != nil && (p.Type() == "variable_declarator" || p.Type() == "lexical_declaration") {
		p = p.Parent()
	}
	if p != nil && p.Type() == "export_statement" {
		return p
	}
	return nil
}

// inlineName names an inline action: its own name, prefixed by the nearest
// enclosing named function, or "$N" for the Nth anonymous one there.
func inlineName(f *parse.File, n *parse.Node, anonymous map[string]int) string {
	own := functionName(f, n)
	enclosing := ""
	for p := n.Parent(); p != nil; p = p.Parent() {
		if module.IsFunction(p) {
			if name := functionName(f, p); name != "" {
				enclosing = name
				break
			}
		}
	}
	if own == "" {
		anonymous[enclosing]++
		own = fmt.Sprintf("$%d", anonymous[enclosing])
	}
	if enclosing == "" {
		return own
	}
	return enclosing + "." + own
}

func functionName(f *parse.File, n *parse.Node) string {
	if name := n.ChildByFieldName("name"); name != nil {
		return f.Text(name)
	}
	p := n.Parent()
	if p == nil {
		return ""
	}
	switch p.Type() {
	case "variable_declarator":
		if name := p.ChildByFieldName("name"); name != nil && name.Type() == "identifier" {
			return f.Text(name)
		}
	case "export_statement":
		return "default"
	case "pair":
		if k := p.ChildByFieldName("key"); k != nil {
			return module.Unquote(f.Text(k))
		}
	}
	return ""
}

// inlineComment returns the comment on the line directly above line, if it
// is an actionguard comment.
func inlineComment(f *parse.File, line int) *InlineComment {
	if line <= 1 {
		return nil
	}
	lines := strings.Split(string(f.Src), "\n")
	if line-2 >= len(lines) {
		return nil
	}
	text := strings.TrimSpace(lines[line-2])
	if !strings.HasPrefix(text, "//") && !strings.HasPrefix(text, "/*") {
		return nil
	}
	if !strings.Contains(text, "actionguard:") {
		return nil
	}
	return &InlineComment{Text: text, Line: line - 1}
}
