package middleware

import (
	"strings"

	sitter "github.com/smacker/go-tree-sitter"
)

// bindingKind is the walker's classification of a name's value.
type bindingKind int

const (
	bindUnknown      bindingKind = iota
	bindIdentity                 // the caller's identity, missing for anonymous requests
	bindPathname                 // the request pathname
	bindCondition                // a boolean whose value for anonymous requests depends on the path
	bindList                     // an array of string literals
	bindString                   // a string literal
	bindRouteMatcher             // a createRouteMatcher(...) result
	bindRegexp                   // a regular expression literal
	bindRejection                // a response that rejects the request
	bindFunction                 // a function the middleware may delegate to
)

type binding struct {
	kind bindingKind
	cond condition // bindCondition
	// fromIdentity marks a condition computed from the identity, such as
	// `const isLoggedIn = !!req.auth`.
	fromIdentity bool
	list         []string   // bindList
	str          string     // bindString
	rules        []pathRule // bindRouteMatcher, bindRegexp
	fn           *sitter.Node
}

// condition is the possible outcome of a boolean expression for an
// anonymous request. onTrue over-approximates the paths where it may be true, and
// onFalse the paths where it may be false.
type condition struct {
	onTrue, onFalse pathSet
}

func unknownCondition() condition { return condition{allPaths(), allPaths()} }

func (c condition) isUnknown() bool {
	full := func(s pathSet) bool { return s.all && len(s.exclude) == 0 }
	return full(c.onTrue) && full(c.onFalse)
}

func (c condition) negate() condition { return condition{c.onFalse, c.onTrue} }

func pathCondition(rules []pathRule) condition {
	set := rulesSet(rules)
	return condition{set, set.complement()}
}

// scope holds the bindings of one function body, chained to its parent.
type scope struct {
	parent *scope
	vars   map[string]binding
	// identityPaths are member paths such as "req.auth" that hold the
	// identity, as next-auth's auth() wrapper sets on its request.
	identityPaths []string
	// authParam is the name of the auth parameter of a Clerk
	// clerkMiddleware handler, whose auth() and auth.protect() are calls
	// into Clerk.
	authParam string
	// routeMembers maps member paths such as "auth.isPublicRoute" to the
	// routes on which they are true, as Clerk's authMiddleware sets them.
	routeMembers map[string][]pathRule
}

func newScope(parent *scope) *scope {
	sc := &scope{parent: parent, vars: map[string]binding{}}
	if parent != nil {
		sc.identityPaths = parent.identityPaths
		sc.authParam = parent.authParam
		sc.routeMembers = parent.routeMembers
	}
	return sc
}

func (sc *scope) lookup(name string) (binding, bool) {
	for s := sc; s != nil; s = s.parent {
		if b, ok := s.vars[name]; ok {
			return b, true
		}
	}
	return binding{}, false
}

func (sc *scope) isIdentityPath(text string) bool {
	text = strings.ReplaceAll(text, "?.", ".")
	for _, p := range sc.identityPaths {
		if text == p || strings.HasPrefix(text, p+".") {
			return true
		}
	}
	return false
}

// unwrap removes wrappers that do not change what a value is for the
// walker: the ones stripExpr removes, plus `await`.
func unwrap(n *sitter.Node) *sitter.Node {
	for {
		n = stripExpr(n)
		if n == nil || n.Type() != "await_expression" {
			return n
		}
		n = firstNamed(n)
	}
}

// callee returns the function node of a call and its last name: "redirect"
// for NextResponse.redirect(...), "auth" for auth().
func callee(mod *module, call *sitter.Node) (*sitter.Node, string) {
	fn := unwrap(call.ChildByFieldName("function"))
	if fn == nil {
		return nil, ""
	}
	switch fn.Type() {
	case "identifier":
		return fn, mod.text(fn)
	case "member_expression":
		return fn, mod.text(fn.ChildByFieldName("property"))
	}
	return fn, ""
}

func arguments(call *sitter.Node) []*sitter.Node {
	return namedChildren(call.ChildByFieldName("arguments"))
}

func isFunction(n *sitter.Node) bool {
	if n == nil {
		return false
	}
	switch n.Type() {
	case "arrow_function", "function_expression", "function", "function_declaration", "method_definition":
		return true
	}
	return false
}

// params lists a function's parameter patterns.
func params(fn *sitter.Node) []*sitter.Node {
	if p := fn.ChildByFieldName("parameter"); p != nil {
		return []*sitter.Node{p} // arrow function with one bare parameter
	}
	var out []*sitter.Node
	for _, p := range namedChildren(fn.ChildByFieldName("parameters")) {
		if pattern := p.ChildByFieldName("pattern"); pattern != nil {
			p = pattern // TypeScript required_parameter or optional_parameter
		}
		out = append(out, p)
	}
	return out
}

func paramName(mod *module, fn *sitter.Node, i int) string {
	ps := params(fn)
	if i >= len(ps) || ps[i].Type() != "identifier" {
		return ""
	}
	return mod.text(ps[i])
}
