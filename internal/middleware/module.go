package middleware

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/javascript"
	"github.com/smacker/go-tree-sitter/typescript/tsx"
	"github.com/smacker/go-tree-sitter/typescript/typescript"
)

// module is one parsed source file with its top-level names.
type module struct {
	path string
	src  []byte
	root *sitter.Node
	// decls maps each top-level const, let, var or function name to the
	// node that defines it: the initializer, or the function declaration.
	decls map[string]*sitter.Node
	// imports maps each imported local name to where it comes from.
	imports map[string]importRef
}

// importRef is the origin of an imported name.
type importRef struct {
	source string // module specifier as written, such as "next-auth/middleware"
	name   string // exported name, "default" for a default import
}

func languageFor(path string) (*sitter.Language, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".ts", ".mts", ".cts":
		return typescript.GetLanguage(), nil
	case ".tsx":
		return tsx.GetLanguage(), nil
	case ".js", ".mjs", ".cjs", ".jsx":
		return javascript.GetLanguage(), nil
	}
	return nil, fmt.Errorf("%s: unsupported source extension; expected .ts, .tsx, .js, .jsx, .mjs, .mts, .cjs or .cts", path)
}

func parseModule(path string, src []byte) (*module, error) {
	lang, err := languageFor(path)
	if err != nil {
		return nil, err
	}
	parser := sitter.NewParser()
	defer parser.Close()
	parser.SetLanguage(lang)
	tree, err := parser.ParseCtx(context.Background(), nil, src)
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}

	mod := &module{
		path:    path,
		src:     src,
		root:    tree.RootNode(),
		decls:   map[string]*sitter.Node{},
		imports: map[string]importRef{},
	}
	for _, stmt := range namedChildren(mod.root) {
		mod.index(stmt)
	}
	return mod, nil
}

func (mod *module) text(n *sitter.Node) string {
	if n == nil {
		return ""
	}
	return n.Content(mod.src)
}

// index records the names one top-level statement defines.
func (mod *module) index(stmt *sitter.Node) {
	switch stmt.Type() {
	case "export_statement":
		if decl := stmt.ChildByFieldName("declaration"); decl != nil {
			mod.index(decl)
		}
	case "lexical_declaration", "variable_declaration":
		for _, d := range namedChildren(stmt) {
			if d.Type() != "variable_declarator" {
				continue
			}
			name := d.ChildByFieldName("name")
			value := d.ChildByFieldName("value")
			if name != nil && name.Type() == "identifier" && value != nil {
				mod.decls[mod.text(name)] = value
			}
		}
	case "function_declaration", "generator_function_declaration":
		if name := stmt.ChildByFieldName("name"); name != nil {
			mod.decls[mod.text(name)] = stmt
		}
	case "import_statement":
		mod.indexImport(stmt)
	}
}

func (mod *module) indexImport(stmt *sitter.Node) {
	source, ok := stringValue(stmt.ChildByFieldName("source"), mod.src)
	if !ok {
		return
	}
	for _, clause := range namedChildren(stmt) {
		if clause.Type() != "import_clause" {
			continue
		}
		for _, part := range namedChildren(clause) {
			switch part.Type() {
			case "identifier":
				mod.imports[mod.text(part)] = importRef{source: source, name: "default"}
			case "namespace_import":
				if id := firstNamed(part); id != nil {
					mod.imports[mod.text(id)] = importRef{source: source, name: "*"}
				}
			case "named_imports":
				for _, spec := range namedChildren(part) {
					name := spec.ChildByFieldName("name")
					local := spec.ChildByFieldName("alias")
					if local == nil {
						local = name
					}
					if name != nil {
						mod.imports[mod.text(local)] = importRef{source: source, name: importedName(mod, name)}
					}
				}
			}
		}
	}
}

// importedName reads an import or export specifier's name, which may be a
// string literal (`import { "a-b" as c }`).
func importedName(mod *module, n *sitter.Node) string {
	if s, ok := stringValue(n, mod.src); ok {
		return s
	}
	return mod.text(n)
}

// exported returns the node an export name refers to: an expression, a
// function declaration, or, for a re-export, the importRef it forwards.
// The second result is false when the module does not export the name.
func (mod *module) exported(name string) (*sitter.Node, *importRef, bool) {
	for _, stmt := range namedChildren(mod.root) {
		if stmt.Type() != "export_statement" {
			continue
		}
		if node, ref, ok := mod.exportedBy(stmt, name); ok {
			return node, ref, true
		}
	}
	return nil, nil, false
}

func (mod *module) exportedBy(stmt *sitter.Node, name string) (*sitter.Node, *importRef, bool) {
	isDefault := false
	for i := range int(stmt.ChildCount()) {
		if c := stmt.Child(i); c != nil && c.Type() == "default" {
			isDefault = true
		}
	}

	if decl := stmt.ChildByFieldName("declaration"); decl != nil {
		if isDefault && name == "default" {
			return decl, nil, true
		}
		if isDefault {
			return nil, nil, false
		}
		if node := declares(mod, decl, name); node != nil {
			return node, nil, true
		}
		return nil, nil, false
	}
	if value := stmt.ChildByFieldName("value"); value != nil {
		if isDefault && name == "default" {
			return value, nil, true
		}
		return nil, nil, false
	}

	source, hasSource := stringValue(stmt.ChildByFieldName("source"), mod.src)
	for _, clause := range namedChildren(stmt) {
		if clause.Type() != "export_clause" {
			continue
		}
		for _, spec := range namedChildren(clause) {
			local := spec.ChildByFieldName("name")
			alias := spec.ChildByFieldName("alias")
			if local == nil {
				continue
			}
			exportedAs := importedName(mod, local)
			if alias != nil {
				exportedAs = importedName(mod, alias)
			}
			if exportedAs != name {
				continue
			}
			localName := importedName(mod, local)
			if hasSource {
				return nil, &importRef{source: source, name: localName}, true
			}
			if ref, ok := mod.imports[localName]; ok {
				return nil, &ref, true
			}
			if node, ok := mod.decls[localName]; ok {
				return node, nil, true
			}
			return nil, nil, false
		}
	}
	return nil, nil, false
}

// declares returns the node that an exported declaration gives name.
func declares(mod *module, decl *sitter.Node, name string) *sitter.Node {
	switch decl.Type() {
	case "function_declaration", "generator_function_declaration":
		if mod.text(decl.ChildByFieldName("name")) == name {
			return decl
		}
	case "lexical_declaration", "variable_declaration":
		for _, d := range namedChildren(decl) {
			if d.Type() == "variable_declarator" && mod.text(d.ChildByFieldName("name")) == name {
				return d.ChildByFieldName("value")
			}
		}
	}
	return nil
}

// readMatchers reads config.matcher. The note is non-empty when the
// matcher exists but cannot be read statically, or is invalid.
func readMatchers(mod *module) ([]Matcher, string) {
	config, ref, ok := mod.exported("config")
	if !ok {
		return nil, ""
	}
	if ref != nil || config == nil {
		return nil, "config is re-exported from another module; Next.js reads only a literal config in the middleware file"
	}
	props, ok := objectProps(config, mod.src)
	if !ok {
		return nil, fmt.Sprintf("config is not an object literal (%s)", shorten(mod.text(config)))
	}
	value, ok := props["matcher"]
	if !ok {
		return nil, ""
	}

	value = stripExpr(value)
	var elements []*sitter.Node
	if value != nil && value.Type() == "array" {
		elements = namedChildren(value)
	} else {
		elements = []*sitter.Node{value}
	}

	var matchers []Matcher
	for _, el := range elements {
		matcher, note := readMatcher(mod, el)
		if note != "" {
			return nil, note
		}
		matchers = append(matchers, matcher)
	}
	for i := range matchers {
		if _, err := matchers[i].regexp(); err != nil {
			return nil, err.Error()
		}
	}
	return matchers, ""
}

func readMatcher(mod *module, n *sitter.Node) (Matcher, string) {
	if s, ok := stringValue(n, mod.src); ok {
		return Matcher{Source: s, compiled: &compiledMatcher{}}, ""
	}
	props, ok := objectProps(n, mod.src)
	if !ok {
		return Matcher{}, fmt.Sprintf("config.matcher entry %s is not a literal string or object; Next.js needs values it can read at build time", shorten(mod.text(n)))
	}

	matcher := Matcher{compiled: &compiledMatcher{}}
	source, ok := stringValue(props["source"], mod.src)
	if !ok {
		return Matcher{}, fmt.Sprintf("config.matcher object %s has no literal source", shorten(mod.text(n)))
	}
	matcher.Source = source

	for key, list := range map[string]*[]Condition{"has": &matcher.Has, "missing": &matcher.Missing} {
		value, present := props[key]
		if !present {
			continue
		}
		conds, ok := readConditions(mod, value)
		if !ok {
			return Matcher{}, fmt.Sprintf("config.matcher %q has a %s list that is not literal", source, key)
		}
		*list = conds
	}
	if locale, present := props["locale"]; present {
		matcher.LocaleFalse = mod.text(stripExpr(locale)) == "false"
	}
	return matcher, ""
}

func readConditions(mod *module, n *sitter.Node) ([]Condition, bool) {
	n = stripExpr(n)
	if n == nil || n.Type() != "array" {
		return nil, false
	}
	var conds []Condition
	for _, el := range namedChildren(n) {
		props, ok := objectProps(el, mod.src)
		if !ok {
			return nil, false
		}
		var cond Condition
		for key, field := range map[string]*string{"type": &cond.Type, "key": &cond.Key, "value": &cond.Value} {
			value, present := props[key]
			if !present {
				continue
			}
			s, ok := stringValue(value, mod.src)
			if !ok {
				return nil, false
			}
			*field = s
		}
		conds = append(conds, cond)
	}
	return conds, true
}

// shorten keeps source excerpts in messages to one short line.
func shorten(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 60 {
		return s[:57] + "..."
	}
	return s
}
