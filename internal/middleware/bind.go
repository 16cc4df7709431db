package middleware

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"
)

// lookup finds a name in the function scopes, then among the module's
// top-level declarations, whose bindings are computed on first use.
func (w *walker) lookup(name string, sc *scope) (binding, bool) {
	if b, ok := sc.lookup(name); ok {
		return b, true
	}
	if b, ok := w.moduleVars[name]; ok {
		return b, b.kind != bindUnknown
	}
	value, ok := w.mod.decls[name]
	if !ok {
		return binding{}, false
	}
	// Seeding the cache cuts cycles such as `const a = b; const b = a`.
	w.moduleVars[name] = binding{}
	b := w.bindingOf(value, newScope(nil))
	w.moduleVars[name] = b
	return b, b.kind != bindUnknown
}

// bindDeclarator records what a `const x = value` declaration binds.
func (w *walker) bindDeclarator(d *sitter.Node, sc *scope) {
	name := d.ChildByFieldName("name")
	value := d.ChildByFieldName("value")
	if name == nil {
		return
	}
	switch name.Type() {
	case "identifier":
		if value == nil {
			sc.vars[w.mod.text(name)] = binding{}
			return
		}
		sc.vars[w.mod.text(name)] = w.bindingOf(value, sc)
	case "object_pattern":
		w.bindPattern(name, value, sc)
	}
}

// bindPattern binds the names of a destructuring pattern. Every name taken
// from an identity (`const { data: { user } } = await supabase.auth.getUser()`)
// is an identity, except the error field; a `pathname` field is the
// pathname.
func (w *walker) bindPattern(pattern, value *sitter.Node, sc *scope) {
	fromIdentity := value != nil && w.isIdentity(value, sc)
	for _, c := range namedChildren(pattern) {
		var key string
		var target *sitter.Node
		switch c.Type() {
		case "shorthand_property_identifier_pattern":
			key = w.mod.text(c)
		case "pair_pattern":
			key, _ = propertyName(c.ChildByFieldName("key"), w.mod.src)
			target = c.ChildByFieldName("value")
		case "object_assignment_pattern":
			left := c.ChildByFieldName("left")
			key = w.mod.text(left)
		default:
			continue
		}

		if target != nil && target.Type() == "object_pattern" {
			if fromIdentity {
				w.bindPattern(target, value, sc)
			}
			continue
		}
		local := key
		if target != nil {
			local = w.mod.text(target)
		}
		switch {
		case fromIdentity && key != "error" && key != "err":
			sc.vars[local] = binding{kind: bindIdentity}
		case key == "pathname":
			sc.vars[local] = binding{kind: bindPathname}
		default:
			sc.vars[local] = binding{}
		}
	}
}

// bindingOf classifies a value a name is bound to.
func (w *walker) bindingOf(value *sitter.Node, sc *scope) binding {
	value = unwrap(value)
	if value == nil {
		return binding{}
	}
	if isFunction(value) {
		return binding{kind: bindFunction, fn: value}
	}
	if w.isIdentity(value, sc) {
		return binding{kind: bindIdentity}
	}
	if w.isPathname(value, sc) {
		return binding{kind: bindPathname}
	}
	if s, ok := w.stringOf(value, sc); ok {
		return binding{kind: bindString, str: s}
	}
	if list, ok := w.listOf(value, sc); ok {
		return binding{kind: bindList, list: list}
	}
	if rules, ok := w.regexpOf(value, sc); ok {
		return binding{kind: bindRegexp, rules: rules}
	}
	if value.Type() == "call_expression" {
		if _, name := callee(w.mod, value); name == "createRouteMatcher" {
			return w.routeMatcher(value, sc)
		}
	}
	if w.isRejection(value, sc) {
		return binding{kind: bindRejection}
	}
	if cond := w.evalCondition(value, sc); !cond.isUnknown() {
		return binding{kind: bindCondition, cond: cond, fromIdentity: w.mentionsIdentity(value, sc)}
	}
	if w.mentionsIdentity(value, sc) {
		// `session?.user ?? null` and the like: still missing when the
		// identity is.
		return binding{kind: bindIdentity}
	}
	return binding{}
}

// routeMatcher reads Clerk's createRouteMatcher(list). The entries are
// path-to-regexp patterns or regular expressions, tested against the
// pathname. A list it cannot read leaves the matcher unknown.
func (w *walker) routeMatcher(call *sitter.Node, sc *scope) binding {
	args := arguments(call)
	if len(args) != 1 {
		return binding{}
	}
	return w.routeList(args[0], sc)
}

// routeList reads a list of routes as createRouteMatcher takes it: one
// entry, or an array of path-to-regexp patterns and regular expressions.
func (w *walker) routeList(arg *sitter.Node, sc *scope) binding {
	arg = unwrap(arg)
	if arg == nil {
		return binding{}
	}
	elements := []*sitter.Node{arg}
	if arg.Type() == "array" {
		elements = namedChildren(arg)
	} else if arg.Type() == "identifier" {
		if list, ok := w.listOf(arg, sc); ok {
			return w.patternRules(list)
		}
		if value, ok := w.mod.decls[w.mod.text(arg)]; ok && unwrap(value).Type() == "array" {
			elements = namedChildren(unwrap(value))
		}
	}

	var rules []pathRule
	for _, el := range elements {
		if s, ok := w.stringOf(el, sc); ok {
			b := w.patternRules([]string{s})
			if b.kind == bindUnknown {
				return b
			}
			rules = append(rules, b.rules...)
			continue
		}
		re, ok := w.regexpOf(el, sc)
		if !ok {
			return binding{}
		}
		rules = append(rules, re...)
	}
	return binding{kind: bindRouteMatcher, rules: rules}
}

func (w *walker) patternRules(patterns []string) binding {
	var rules []pathRule
	for _, p := range patterns {
		re, err := compilePathPattern(p)
		if err != nil {
			return binding{}
		}
		rules = append(rules, pathRule{kind: rulePattern, value: p, re: re})
	}
	return binding{kind: bindRouteMatcher, rules: rules}
}

// maxDelegation bounds how deep the walker follows `return f(req)` into
// project functions.
const maxDelegation = 4

// delegate follows `return f(req)` into f when f is a function of this
// module or of a module imported by relative path, and returns the paths
// f leaks. The second result is false when f could not be followed.
func (w *walker) delegate(call *sitter.Node, in flow, sc *scope) (pathSet, bool) {
	fn, name := callee(w.mod, call)
	if fn == nil || fn.Type() != "identifier" || w.depth >= maxDelegation {
		return pathSet{}, false
	}
	if b, ok := sc.lookup(name); ok {
		if b.kind != bindFunction {
			return pathSet{}, false
		}
		return w.walkDelegate(w, b.fn, name, in), true
	}
	if value, ok := w.mod.decls[name]; ok {
		value = unwrap(value)
		if !isFunction(value) {
			return pathSet{}, false
		}
		return w.walkDelegate(w, value, name, in), true
	}
	ref, ok := w.mod.imports[name]
	if !ok {
		return pathSet{}, false
	}
	target, err := w.importModule(ref.source)
	if err != nil || target == nil {
		if isProjectSpecifier(ref.source) {
			w.result.unfollowed = append(w.result.unfollowed, fmt.Sprintf("%s from %q", name, ref.source))
		}
		return pathSet{}, false
	}
	node, _, ok := target.exported(ref.name)
	node = unwrap(node)
	if !ok || !isFunction(node) {
		return pathSet{}, false
	}
	return w.walkDelegate(newWalker(target, w.result, w.depth), node, ref.name, in), true
}

func (w *walker) walkDelegate(into *walker, fn *sitter.Node, name string, in flow) pathSet {
	key := fmt.Sprintf("%s#%s@%d", into.mod.path, name, fn.StartByte())
	if w.result.visited[key] {
		return in.at // recursion: assume the request gets through
	}
	w.result.visited[key] = true
	defer delete(w.result.visited, key)

	inner := &walker{mod: into.mod, result: w.result, depth: w.depth + 1, moduleVars: into.moduleVars}
	return inner.walkFunction(fn, in, newScope(nil))
}

// isProjectSpecifier reports whether an import specifier points into the
// project rather than at a package: relative, or a common path alias.
func isProjectSpecifier(spec string) bool {
	return strings.HasPrefix(spec, ".") || strings.HasPrefix(spec, "@/") ||
		strings.HasPrefix(spec, "~/") || strings.HasPrefix(spec, "#")
}

// importModule parses the module a relative specifier names, probing the
// extensions and index files TypeScript probes. It returns nil and no
// error for a specifier that is not relative.
//
// NOTE: path aliases from tsconfig.json ("@/…") are not resolved.
func (w *walker) importModule(spec string) (*module, error) {
	if !strings.HasPrefix(spec, ".") {
		return nil, nil
	}
	base := filepath.Join(filepath.Dir(w.mod.path), filepath.FromSlash(spec))
	candidates := []string{base}
	for _, ext := range []string{".ts", ".tsx", ".js", ".jsx", ".mjs", ".mts", ".cjs", ".cts"} {
		candidates = append(candidates, base+ext, filepath.Join(base, "index"+ext))
	}
	for _, path := range candidates {
		info, err := os.Stat(path)
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		if _, err := languageFor(path); err != nil {
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		return parseModule(path, src)
	}
	return nil, fmt.Errorf("%q: no file found from %s", spec, w.mod.path)
}
