package middleware

import (
	"strconv"
	"strings"

	"github.com/dlclark/regexp2"
	sitter "github.com/smacker/go-tree-sitter"
)

// identityCalls are calls that read the caller's identity and return
// nothing (null, undefined, an empty field) for an anonymous request, by
// the conventions of Auth.js, NextAuth v4, Clerk, Supabase, better-auth,
// iron-session, Auth0, jose and the Next.js authentication guide.
//
// NOTE: these are recognized by name. A project function with one of these
// names that returns a truthy value for anonymous callers would be taken
// for a working check.
var identityCalls = map[string]bool{
	"auth": true, "getToken": true, "getServerSession": true, "getSession": true,
	"getUser": true, "getClaims": true, "getSessionCookie": true, "getIronSession": true,
	"currentUser": true, "getCurrentUser": true, "decrypt": true, "verifySession": true,
	"validateRequest": true, "jwtVerify": true, "verifyIdToken": true,
	"verifySessionCookie": true, "getTokens": true,
}

// throwingVerifiers reject a missing or invalid token by throwing, so an
// anonymous request never gets past the call: jose's jwtVerify and
// firebase-admin's verifyIdToken and verifySessionCookie.
var throwingVerifiers = map[string]bool{
	"jwtVerify": true, "verifyIdToken": true, "verifySessionCookie": true,
}

// rejectingCalls return or throw a response that keeps the request from
// the route: next/navigation's throwing helpers and Clerk's sign-in
// redirects.
var rejectingCalls = map[string]bool{
	"redirect": true, "permanentRedirect": true, "notFound": true,
	"unauthorized": true, "forbidden": true,
	"redirectToSignIn": true, "redirectToSignUp": true,
}

// evalCondition evaluates a boolean expression for an anonymous request,
// for which every identity value is missing.
func (w *walker) evalCondition(n *sitter.Node, sc *scope) condition {
	n = unwrap(n)
	if n == nil {
		return unknownCondition()
	}
	switch n.Type() {
	case "true":
		return condition{allPaths(), noPaths()}
	case "false":
		return condition{noPaths(), allPaths()}
	case "unary_expression":
		if w.operator(n) == "!" {
			return w.evalCondition(n.ChildByFieldName("argument"), sc).negate()
		}
		return unknownCondition()
	case "binary_expression":
		return w.evalBinary(n, sc)
	case "identifier":
		if b, ok := w.lookup(w.mod.text(n), sc); ok {
			switch b.kind {
			case bindCondition:
				return b.cond
			case bindIdentity:
				return condition{noPaths(), allPaths()}
			}
		}
		return unknownCondition()
	case "member_expression":
		if rules, ok := sc.routeMembers[strings.ReplaceAll(w.mod.text(n), "?.", ".")]; ok {
			return pathCondition(rules)
		}
	case "call_expression":
		if _, name := callee(w.mod, n); name == "Boolean" {
			if args := arguments(n); len(args) == 1 {
				return w.evalCondition(args[0], sc)
			}
		}
		if cond, ok := w.pathCall(n, sc); ok {
			return cond
		}
	}
	if w.isIdentity(n, sc) {
		return condition{noPaths(), allPaths()}
	}
	return unknownCondition()
}

func (w *walker) operator(n *sitter.Node) string {
	return w.mod.text(n.ChildByFieldName("operator"))
}

func (w *walker) evalBinary(n *sitter.Node, sc *scope) condition {
	left, right := n.ChildByFieldName("left"), n.ChildByFieldName("right")
	switch op := w.operator(n); op {
	case "&&":
		a, b := w.evalCondition(left, sc), w.evalCondition(right, sc)
		return condition{a.onTrue.intersect(b.onTrue), a.onFalse.union(b.onFalse)}
	case "||":
		a, b := w.evalCondition(left, sc), w.evalCondition(right, sc)
		return condition{a.onTrue.union(b.onTrue), a.onFalse.intersect(b.onFalse)}
	case "===", "==", "!==", "!=":
		cond := w.evalEquality(unwrap(left), unwrap(right), sc)
		if op == "!==" || op == "!=" {
			return cond.negate()
		}
		return cond
	}
	return unknownCondition()
}

// evalEquality evaluates left === right for an anonymous request.
func (w *walker) evalEquality(left, right *sitter.Node, sc *scope) condition {
	if left == nil || right == nil {
		return unknownCondition()
	}
	for _, pair := range [][2]*sitter.Node{{left, right}, {right, left}} {
		a, b := pair[0], pair[1]
		if w.isPathname(a, sc) {
			if s, ok := w.stringOf(b, sc); ok {
				return pathCondition([]pathRule{{kind: ruleExact, value: s}})
			}
		}
		// typeof identity === "undefined"
		if a.Type() == "unary_expression" && w.operator(a) == "typeof" && w.isIdentity(a.ChildByFieldName("argument"), sc) {
			if s, ok := w.stringOf(b, sc); ok && s == "undefined" {
				return condition{allPaths(), noPaths()}
			}
		}
		if w.isIdentity(a, sc) && !w.isIdentity(b, sc) {
			// A missing identity equals null and undefined, and nothing
			// else. The strict null check is counted as equal too: which
			// nullish value a library returns is not modelled.
			if isNullish(w.mod, b) {
				return condition{allPaths(), noPaths()}
			}
			return condition{noPaths(), allPaths()}
		}
	}
	return unknownCondition()
}

func isNullish(mod *module, n *sitter.Node) bool {
	switch n.Type() {
	case "null", "undefined":
		return true
	case "identifier":
		return mod.text(n) == "undefined"
	}
	return false
}

// pathCall evaluates a call that tests the request pathname.
func (w *walker) pathCall(call *sitter.Node, sc *scope) (condition, bool) {
	fn, name := callee(w.mod, call)
	args := arguments(call)
	if fn == nil {
		return condition{}, false
	}

	if fn.Type() == "identifier" {
		// isPublicRoute(req), from createRouteMatcher
		if b, ok := w.lookup(name, sc); ok && b.kind == bindRouteMatcher {
			return pathCondition(b.rules), true
		}
		return condition{}, false
	}

	object := unwrap(fn.ChildByFieldName("object"))
	switch name {
	case "startsWith", "endsWith", "includes":
		if w.isPathname(object, sc) && len(args) >= 1 {
			s, ok := w.stringOf(args[0], sc)
			if !ok {
				return condition{}, false
			}
			kind := map[string]ruleKind{"startsWith": rulePrefix, "endsWith": ruleSuffix, "includes": ruleContains}[name]
			return pathCondition([]pathRule{{kind: kind, value: s}}), true
		}
		fallthrough
	case "has":
		// list.includes(pathname), or set.has(pathname) on new Set([...]).
		if (name == "includes" || name == "has") && len(args) == 1 && w.isPathname(args[0], sc) {
			list, ok := w.listOf(object, sc)
			if !ok {
				return condition{}, false
			}
			rules := make([]pathRule, 0, len(list))
			for _, s := range list {
				rules = append(rules, pathRule{kind: ruleExact, value: s})
			}
			return pathCondition(rules), true
		}
	case "some", "every", "find":
		return w.listPredicate(name, object, args, sc)
	case "test", "exec":
		if len(args) == 1 && w.isPathname(args[0], sc) {
			if rules, ok := w.regexpOf(object, sc); ok {
				return pathCondition(rules), true
			}
		}
	case "match":
		if len(args) == 1 && w.isPathname(object, sc) {
			if rules, ok := w.regexpOf(args[0], sc); ok {
				return pathCondition(rules), true
			}
		}
	}
	return condition{}, false
}

// listPredicate evaluates list.some(fn), list.every(fn) or list.find(fn)
// over a list of string literals, by evaluating fn's body once for each
// element.
func (w *walker) listPredicate(method string, object *sitter.Node, args []*sitter.Node, sc *scope) (condition, bool) {
	if len(args) != 1 || !isFunction(unwrap(args[0])) {
		return condition{}, false
	}
	list, ok := w.listOf(object, sc)
	if !ok {
		return condition{}, false
	}
	fn := unwrap(args[0])
	param := paramName(w.mod, fn, 0)
	body := fn.ChildByFieldName("body")
	if param == "" || body == nil {
		return condition{}, false
	}
	if body.Type() == "statement_block" {
		stmts := namedChildren(body)
		if len(stmts) != 1 || stmts[0].Type() != "return_statement" {
			return condition{}, false
		}
		body = firstNamed(stmts[0])
	}

	every := method == "every"
	result := condition{noPaths(), allPaths()}
	if every {
		result = condition{allPaths(), noPaths()}
	}
	for _, element := range list {
		inner := newScope(sc)
		inner.vars[param] = binding{kind: bindString, str: element}
		c := w.evalCondition(body, inner)
		if every {
			result = condition{result.onTrue.intersect(c.onTrue), result.onFalse.union(c.onFalse)}
		} else {
			result = condition{result.onTrue.union(c.onTrue), result.onFalse.intersect(c.onFalse)}
		}
	}
	return result, true
}

// isPathname reports whether n is the request pathname: a `.pathname`
// member (req.nextUrl.pathname, new URL(req.url).pathname) or a name bound
// to one.
func (w *walker) isPathname(n *sitter.Node, sc *scope) bool {
	n = unwrap(n)
	if n == nil {
		return false
	}
	switch n.Type() {
	case "identifier":
		b, ok := w.lookup(w.mod.text(n), sc)
		return ok && b.kind == bindPathname
	case "member_expression":
		return w.mod.text(n.ChildByFieldName("property")) == "pathname"
	}
	return false
}

// isIdentity reports whether n holds the caller's identity, which is
// missing for anonymous requests.
func (w *walker) isIdentity(n *sitter.Node, sc *scope) bool {
	n = unwrap(n)
	if n == nil {
		return false
	}
	switch n.Type() {
	case "identifier":
		b, ok := w.lookup(w.mod.text(n), sc)
		return ok && b.kind == bindIdentity
	case "member_expression", "subscript_expression":
		if n.Type() == "member_expression" && sc.isIdentityPath(w.mod.text(n)) {
			return true
		}
		return w.isIdentity(n.ChildByFieldName("object"), sc)
	case "call_expression":
		return w.isIdentitySource(n, sc)
	}
	return false
}

// isIdentitySource reports whether a call reads the identity: one of
// identityCalls, Clerk's auth(), or a cookie or Authorization header read.
func (w *walker) isIdentitySource(call *sitter.Node, sc *scope) bool {
	fn, name := callee(w.mod, call)
	if fn == nil {
		return false
	}
	if identityCalls[name] || (sc.authParam != "" && fn.Type() == "identifier" && name == sc.authParam) {
		return true
	}
	if fn.Type() != "member_expression" {
		return false
	}
	object := unwrap(fn.ChildByFieldName("object"))
	objectText := strings.ReplaceAll(w.mod.text(object), "?.", ".")
	isCookies := strings.HasSuffix(objectText, "cookies") || strings.HasSuffix(objectText, "cookies()")
	if (name == "get" || name == "has") && isCookies {
		// NOTE: cookie presence is taken as identity, as the middleware
		// intends; the cookie's value is not verified by this test.
		return true
	}
	if name == "get" && strings.HasSuffix(objectText, "headers") {
		args := arguments(call)
		if len(args) == 1 {
			header, ok := w.stringOf(args[0], sc)
			return ok && strings.EqualFold(header, "authorization")
		}
	}
	return false
}

// mentionsIdentity reports whether any part of n reads the identity.
func (w *walker) mentionsIdentity(n *sitter.Node, sc *scope) bool {
	if n == nil {
		return false
	}
	if w.isIdentity(n, sc) {
		return true
	}
	if n.Type() == "identifier" {
		if b, ok := w.lookup(w.mod.text(n), sc); ok && b.kind == bindCondition && b.fromIdentity {
			return true // a boolean derived from the identity
		}
	}
	for _, c := range namedChildren(n) {
		if isFunction(c) {
			continue
		}
		if w.mentionsIdentity(c, sc) {
			return true
		}
	}
	return false
}

// stringOf returns a string's value: a literal, a bound string, a
// concatenation or template of those.
func (w *walker) stringOf(n *sitter.Node, sc *scope) (string, bool) {
	n = unwrap(n)
	if n == nil {
		return "", false
	}
	if s, ok := stringValue(n, w.mod.src); ok {
		return s, true
	}
	switch n.Type() {
	case "identifier":
		if b, ok := w.lookup(w.mod.text(n), sc); ok && b.kind == bindString {
			return b.str, true
		}
	case "binary_expression":
		if w.operator(n) != "+" {
			return "", false
		}
		a, okA := w.stringOf(n.ChildByFieldName("left"), sc)
		b, okB := w.stringOf(n.ChildByFieldName("right"), sc)
		return a + b, okA && okB
	case "template_string":
		var b strings.Builder
		for _, c := range namedChildren(n) {
			switch c.Type() {
			case "string_fragment":
				b.WriteString(w.mod.text(c))
			case "escape_sequence":
				b.WriteString(decodeEscape(w.mod.text(c)))
			case "template_substitution":
				s, ok := w.stringOf(firstNamed(c), sc)
				if !ok {
					return "", false
				}
				b.WriteString(s)
			}
		}
		return b.String(), true
	}
	return "", false
}

// listOf returns the strings of an array literal or a name bound to one,
// including spreads of such lists.
func (w *walker) listOf(n *sitter.Node, sc *scope) ([]string, bool) {
	n = unwrap(n)
	if n == nil {
		return nil, false
	}
	switch n.Type() {
	case "identifier":
		if b, ok := w.lookup(w.mod.text(n), sc); ok && b.kind == bindList {
			return b.list, true
		}
	case "new_expression":
		// new Set([...]) holds the same strings as its array.
		constructor := n.ChildByFieldName("constructor")
		args := n.ChildByFieldName("arguments")
		if constructor == nil || w.mod.text(constructor) != "Set" || args == nil {
			return nil, false
		}
		if elements := namedChildren(args); len(elements) == 1 {
			return w.listOf(elements[0], sc)
		}
	case "array":
		var out []string
		for _, el := range namedChildren(n) {
			if el.Type() == "spread_element" {
				inner, ok := w.listOf(firstNamed(el), sc)
				if !ok {
					return nil, false
				}
				out = append(out, inner...)
				continue
			}
			s, ok := w.stringOf(el, sc)
			if !ok {
				return nil, false
			}
			out = append(out, s)
		}
		return out, true
	}
	return nil, false
}

// regexpOf compiles a regular expression literal, or returns a bound one.
func (w *walker) regexpOf(n *sitter.Node, sc *scope) ([]pathRule, bool) {
	n = unwrap(n)
	if n == nil {
		return nil, false
	}
	switch n.Type() {
	case "identifier":
		if b, ok := w.lookup(w.mod.text(n), sc); ok && b.kind == bindRegexp {
			return b.rules, true
		}
	case "regex":
		pattern := w.mod.text(n.ChildByFieldName("pattern"))
		flags := w.mod.text(n.ChildByFieldName("flags"))
		options := regexp2.RegexOptions(regexp2.ECMAScript)
		if strings.Contains(flags, "i") {
			options |= regexp2.IgnoreCase
		}
		re, err := regexp2.Compile(pattern, options)
		if err != nil {
			// ECMAScript mode lacks some constructs that JavaScript has
			// since ES2018, such as lookbehind; the default mode has them.
			re, err = regexp2.Compile(pattern, options&^regexp2.ECMAScript)
		}
		if err != nil {
			return nil, false
		}
		return []pathRule{{kind: ruleRegexp, value: pattern, re: re}}, true
	}
	return nil, false
}

// isRejection reports whether a returned value keeps the request from the
// route: a redirect or rewrite, a 4xx or 5xx response, or a call from
// rejectingCalls.
func (w *walker) isRejection(n *sitter.Node, sc *scope) bool {
	n = unwrap(n)
	if n == nil {
		return false
	}
	switch n.Type() {
	case "identifier":
		b, ok := w.lookup(w.mod.text(n), sc)
		return ok && b.kind == bindRejection
	case "call_expression":
		fn, name := callee(w.mod, n)
		if rejectingCalls[name] {
			return true
		}
		if fn == nil || fn.Type() != "member_expression" {
			return false
		}
		owner := w.mod.text(unwrap(fn.ChildByFieldName("object")))
		if owner != "NextResponse" && owner != "Response" {
			return false
		}
		switch name {
		case "redirect", "rewrite":
			return true
		case "json":
			return errorStatus(w.mod, arguments(n), 1)
		}
	case "new_expression":
		constructor := w.mod.text(n.ChildByFieldName("constructor"))
		if constructor == "NextResponse" || constructor == "Response" {
			return errorStatus(w.mod, arguments(n), 1)
		}
	}
	return false
}

// errorStatus reports whether args[i] is an options object with a literal
// status of 400 or more.
func errorStatus(mod *module, args []*sitter.Node, i int) bool {
	if i >= len(args) {
		return false
	}
	props, ok := objectProps(args[i], mod.src)
	if !ok || props["status"] == nil {
		return false
	}
	status, err := strconv.Atoi(mod.text(stripExpr(props["status"])))
	return err == nil && status >= 400
}
