// Package module extracts the facts the analysis needs from one parsed
// source file: its directives, imports, exports and top-level declarations.
// A Program loads modules on demand, once each, and resolves imports between
// them.
package module

import (
	"strings"

	"github.com/actionguard/actionguard/internal/parse"
)

// Module is the facts of one source file.
type Module struct {
	File *parse.File
	// UseServer and UseClient report a file-level directive in the
	// directive prologue (the string statements that open the file).
	UseServer bool
	UseClient bool
	// Imports maps each local name to the binding it imports.
	Imports map[string]Import
	// Exports maps each export name to what it exports. Star re-exports are
	// in StarExports, because their names are known only after resolution.
	Exports     map[string]Export
	ExportOrder []string
	StarExports []StarExport
	// Decls maps each top-level binding name to its declaration.
	Decls map[string]Decl
	// SideEffectImports lists specifiers imported only for their effects
	// (import "server-only").
	SideEffectImports []string
}

// Import is one imported binding.
type Import struct {
	Specifier string
	// Name is the imported name, "default" for a default import, or "*" for
	// a namespace import.
	Name string
	Node *parse.Node
}

// Export is one named export.
type Export struct {
	// Local is the name of the exported top-level binding, when the export
	// names one.
	Local string
	// Value is the exported expression or declaration when the export has no
	// binding of its own (export default async () => {}).
	Value *parse.Node
	// From and Name describe a re-export: export { Name as X } from "From".
	From string
	Name string
	// Node is where the export is written, the location of its entry.
	Node *parse.Node
	// TypeOnly marks exports that vanish at compile time.
	TypeOnly bool
}

// StarExport is export * from "Specifier", or export * as Name from it.
type StarExport struct {
	Specifier string
	As        string
	Node      *parse.Node
}

// Decl is one top-level binding.
type Decl struct {
	Name string
	// Node is the function or class declaration, or the variable declarator.
	Node *parse.Node
	// Init is the initializer of a variable declarator, else nil.
	Init *parse.Node
	// Path is the destructuring path from Init to this binding:
	// const { auth } = NextAuth(c) gives ["auth"].
	Path []string
}

// Extract reads the facts of a parsed file.
func Extract(f *parse.File) *Module {
	m := &Module{
		File:    f,
		Imports: map[string]Import{},
		Exports: map[string]Export{},
		Decls:   map[string]Decl{},
	}
	directives := Directives(f, f.Root)
	for _, d := range directives {
		switch d {
		case "use server":
			m.UseServer = true
		case "use client":
			m.UseClient = true
		}
	}
	root := f.Root
	for i := 0; i < int(root.NamedChildCount()); i++ {
		m.statement(root.NamedChild(i))
	}
	return m
}

// Directives returns the directive prologue of a program or statement block:
// the string literal statements before any other statement. Comments do not
// end the prologue.
func Directives(f *parse.File, block *parse.Node) []string {
	var out []string
	for i := 0; i < int(block.NamedChildCount()); i++ {
		s := block.NamedChild(i)
		switch s.Type() {
		case "comment", "hash_bang_line":
			continue
		case "expression_statement":
			if s.NamedChildCount() == 1 && s.NamedChild(0).Type() == "string" {
				out = append(out, Unquote(f.Text(s.NamedChild(0))))
				continue
			}
		}
		break
	}
	return out
}

// Unquote strips the quotes of a string literal's source text.
func Unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'' || s[0] == '`') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}

func (m *Module) statement(s *parse.Node) {
	f := m.File
	switch s.Type() {
	case "import_statement":
		m.importStatement(s)
	case "export_statement":
		m.exportStatement(s)
	case "function_declaration", "generator_function_declaration", "class_declaration", "abstract_class_declaration":
		if name := s.ChildByFieldName("name"); name != nil {
			m.Decls[f.Text(name)] = Decl{Name: f.Text(name), Node: s}
		}
	case "lexical_declaration", "variable_declaration":
		m.variableDeclaration(s)
	case "ambient_declaration":
		// declare const x: T has no runtime value.
	}
}

func (m *Module) importStatement(s *parse.Node) {
	f := m.File
	source := s.ChildByFieldName("source")
	if source == nil {
		return
	}
	spec := Unquote(f.Text(source))
	clause := childOfType(s, "import_clause")
	if clause == nil {
		m.SideEffectImports = append(m.SideEffectImports, spec)
		return
	}
	if isTypeOnly(f, s) {
		return
	}
	for i := 0; i < int(clause.NamedChildCount()); i++ {
		c := clause.NamedChild(i)
		switch c.Type() {
		case "identifier":
			m.Imports[f.Text(c)] = Import{Specifier: spec, Name: "default", Node: c}
		case "namespace_import":
			if id := childOfType(c, "identifier"); id != nil {
				m.Imports[f.Text(id)] = Import{Specifier: spec, Name: "*", Node: c}
			}
		case "named_imports":
			for j := 0; j < int(c.NamedChildCount()); j++ {
				is := c.NamedChild(j)
				if is.Type() != "import_specifier" || isTypeOnly(f, is) {
					continue
				}
				name := f.Text(is.ChildByFieldName("name"))
				local := name
				if alias := is.ChildByFieldName("alias"); alias != nil {
					local = f.Text(alias)
				}
				m.Imports[local] = Import{Specifier: spec, Name: Unquote(name), Node: is}
			}
		}
	}
}

// isTypeOnly reports an import or export written with the type keyword,
// which TypeScript erases.
func isTypeOnly(f *parse.File, n *parse.Node) bool {
	for i := 0; i < int(n.ChildCount()); i++ {
		c := n.Child(i)
		if c.Type() == "type" || (!c.IsNamed() && f.Text(c) == "type") {
			return true
		}
		if c.IsNamed() && c.Type() != "type" {
			// Only the keyword right after import/export counts.
			if c.Type() != "comment" {
				break
			}
		}
	}
	return false
}

func (m *Module) addExport(name string, e Export) {
	if _, seen := m.Exports[name]; !seen {
		m.ExportOrder = append(m.ExportOrder, name)
	}
	m.Exports[name] = e
}

func (m *Module) exportStatement(s *parse.Node) {
	f := m.File
	if isTypeOnly(f, s) {
		return
	}
	source := s.ChildByFieldName("source")
	isDefault := false
	for i := 0; i < int(s.ChildCount()); i++ {
		if c := s.Child(i); !c.IsNamed() && c.Type() == "default" {
			isDefault = true
		}
	}

	if decl := s.ChildByFieldName("declaration"); decl != nil {
		switch decl.Type() {
		case "function_declaration", "generator_function_declaration", "class_declaration", "abstract_class_declaration":
			name := decl.ChildByFieldName("name")
			if name == nil {
				m.addExport("default", Export{Value: decl, Node: s})
				return
			}
			m.Decls[f.Text(name)] = Decl{Name: f.Text(name), Node: decl}
			exportName := f.Text(name)
			if isDefault {
				exportName = "default"
			}
			m.addExport(exportName, Export{Local: f.Text(name), Node: s})
		case "lexical_declaration", "variable_declaration":
			for _, d := range m.variableDeclaration(decl) {
				m.addExport(d, Export{Local: d, Node: s})
			}
		case "interface_declaration", "type_alias_declaration", "enum_declaration", "ambient_declaration", "module", "internal_module":
			// Types and ambient declarations are not runtime values.
		default:
			m.addExport("default", Export{Value: decl, Node: s})
		}
		return
	}

	if value := s.ChildByFieldName("value"); value != nil && isDefault {
		if value.Type() == "identifier" {
			m.addExport("default", Export{Local: f.Text(value), Node: s})
		} else {
			m.addExport("default", Export{Value: value, Node: s})
		}
		return
	}

	if clause := childOfType(s, "export_clause"); clause != nil {
		for i := 0; i < int(clause.NamedChildCount()); i++ {
			es := clause.NamedChild(i)
			if es.Type() != "export_specifier" || isTypeOnly(f, es) {
				continue
			}
			name := Unquote(f.Text(es.ChildByFieldName("name")))
			exported := name
			if alias := es.ChildByFieldName("alias"); alias != nil {
				exported = Unquote(f.Text(alias))
			}
			if source != nil {
				m.addExport(exported, Export{From: Unquote(f.Text(source)), Name: name, Node: s})
			} else {
				m.addExport(exported, Export{Local: name, Node: s})
			}
		}
		return
	}

	if source != nil {
		star := StarExport{Specifier: Unquote(f.Text(source)), Node: s}
		if ns := childOfType(s, "namespace_export"); ns != nil {
			if id := ns.NamedChild(0); id != nil {
				star.As = Unquote(f.Text(id))
				m.addExport(star.As, Export{From: star.Specifier, Name: "*", Node: s})
				return
			}
		}
		m.StarExports = append(m.StarExports, star)
	}
}

// variableDeclaration records the bindings of a const/let/var statement and
// returns their names in source order.
func (m *Module) variableDeclaration(s *parse.Node) []string {
	var names []string
	for i := 0; i < int(s.NamedChildCount()); i++ {
		d := s.NamedChild(i)
		if d.Type() != "variable_declarator" {
			continue
		}
		init := d.ChildByFieldName("value")
		for _, b := range PatternBindings(m.File, d.ChildByFieldName("name"), nil) {
			m.Decls[b.Name] = Decl{Name: b.Name, Node: d, Init: init, Path: b.Path}
			names = append(names, b.Name)
		}
	}
	return names
}

// Binding is one name bound by a destructuring pattern, with the property
// path that leads to it.
type Binding struct {
	Name string
	Path []string
	Node *parse.Node
	// Rest marks a ...rest element, which holds the remaining properties.
	Rest bool
}

// PatternBindings lists the names a binding pattern introduces. An array
// element's path step is its index.
func PatternBindings(f *parse.File, pattern *parse.Node, prefix []string) []Binding {
	if pattern == nil {
		return nil
	}
	with := func(step string) []string {
		p := make([]string, len(prefix), len(prefix)+1)
		copy(p, prefix)
		return append(p, step)
	}
	switch pattern.Type() {
	case "identifier", "shorthand_property_identifier_pattern":
		return []Binding{{Name: f.Text(pattern), Path: prefix, Node: pattern}}
	case "object_pattern":
		var out []Binding
		for i := 0; i < int(pattern.NamedChildCount()); i++ {
			p := pattern.NamedChild(i)
			switch p.Type() {
			case "shorthand_property_identifier_pattern":
				out = append(out, Binding{Name: f.Text(p), Path: with(f.Text(p)), Node: p})
			case "pair_pattern":
				key := Unquote(f.Text(p.ChildByFieldName("key")))
				out = append(out, PatternBindings(f, p.ChildByFieldName("value"), with(key))...)
			case "object_assignment_pattern":
				left := p.ChildByFieldName("left")
				if left != nil && left.Type() == "shorthand_property_identifier_pattern" {
					out = append(out, Binding{Name: f.Text(left), Path: with(f.Text(left)), Node: left})
				} else {
					out = append(out, PatternBindings(f, left, prefix)...)
				}
			case "rest_pattern":
				for _, b := range PatternBindings(f, p.NamedChild(0), prefix) {
					b.Rest = true
					out = append(out, b)
				}
			}
		}
		return out
	case "array_pattern":
		var out []Binding
		index := 0
		for i := 0; i < int(pattern.NamedChildCount()); i++ {
			p := pattern.NamedChild(i)
			if p.Type() == "comment" {
				continue
			}
			out = append(out, PatternBindings(f, p, with(itoa(index)))...)
			index++
		}
		return out
	case "assignment_pattern":
		return PatternBindings(f, pattern.ChildByFieldName("left"), prefix)
	case "rest_pattern":
		return PatternBindings(f, pattern.NamedChild(0), prefix)
	case "required_parameter", "optional_parameter":
		return PatternBindings(f, pattern.ChildByFieldName("pattern"), prefix)
	}
	return nil
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}

func childOfType(n *parse.Node, typ string) *parse.Node {
	for i := 0; i < int(n.NamedChildCount()); i++ {
		if c := n.NamedChild(i); c.Type() == typ {
			return c
		}
	}
	return nil
}

// IsFunction reports whether n is a function-valued node.
func IsFunction(n *parse.Node) bool {
	if n == nil {
		return false
	}
	switch n.Type() {
	case "function_declaration", "function_expression", "function", "arrow_function",
		"generator_function_declaration", "generator_function", "method_definition":
		return true
	}
	return false
}

// IsAsync reports whether a function node carries the async keyword.
func IsAsync(f *parse.File, n *parse.Node) bool {
	for i := 0; i < int(n.ChildCount()); i++ {
		c := n.Child(i)
		if !c.IsNamed() && c.Type() == "async" {
			return true
		}
		if c.Type() == "formal_parameters" || c.Type() == "statement_block" {
			break
		}
	}
	return strings.HasPrefix(f.Text(n), "async")
}
