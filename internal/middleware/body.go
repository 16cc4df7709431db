package middleware

import (
	"fmt"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"
)

// body is the result of analyzeBody for the middleware function.
type body struct {
	authenticates bool
	// leaked over-approximates the paths on which an anonymous request
	// leaves the middleware without being rejected.
	leaked pathSet
	note   string
}

// handlerExports are the export names Next.js takes the middleware
// function from: `middleware` (before Next.js 16), `proxy` (Next.js 16) or
// the default export.
var handlerExports = []string{"middleware", "proxy", "default"}

// analyzeBody finds the exported middleware function and walks it.
func analyzeBody(mod *module) body {
	result := &bodyResult{visited: map[string]bool{}}
	w := newWalker(mod, result, 0)

	var leaked pathSet
	found := false
	for _, name := range handlerExports {
		node, ref, ok := mod.exported(name)
		if !ok {
			continue
		}
		found = true
		if ref != nil {
			leaked = w.importedHandler(*ref, name)
		} else {
			leaked = w.handler(node, name, 0)
		}
		break
	}
	if !found {
		result.note = "the file exports no middleware, proxy or default function, so Next.js does not load it"
		leaked = allPaths()
	}

	if !result.authenticates && result.note == "" && len(result.unfollowed) > 0 {
		result.note = fmt.Sprintf("the middleware delegates to %s, which was not followed (path aliases are not resolved)",
			strings.Join(result.unfollowed, ", "))
	}
	return body{authenticates: result.authenticates, leaked: leaked, note: result.note}
}

func (w *walker) unresolved(format string, args ...any) pathSet {
	if w.result.note == "" {
		w.result.note = fmt.Sprintf(format, args...)
	}
	return allPaths()
}

// start is the flow at the top of the middleware: any path, nothing known.
func start() flow { return flow{at: allPaths()} }

// handler walks the value exported as the middleware and returns the paths
// it leaks to anonymous requests.
func (w *walker) handler(node *sitter.Node, exportName string, hops int) pathSet {
	node = unwrap(node)
	if node == nil {
		return w.unresolved("the %s export has no value", exportName)
	}
	if hops > maxDelegation {
		return w.unresolved("the %s export is an alias chain too long to follow", exportName)
	}
	if isFunction(node) {
		return w.walkFunction(node, start(), newScope(nil))
	}

	switch node.Type() {
	case "identifier":
		name := w.mod.text(node)
		if value, ok := w.mod.decls[name]; ok {
			return w.handler(value, exportName, hops+1)
		}
		if ref, ok := w.mod.imports[name]; ok {
			return w.importedHandler(ref, exportName)
		}
		return w.unresolved("the %s export %s is not defined in the file", exportName, name)
	case "member_expression":
		if w.mod.text(node.ChildByFieldName("property")) == "auth" {
			return w.bareNextAuth(exportName)
		}
	case "call_expression":
		return w.wrapper(node, exportName)
	}
	return w.unresolved("the %s export %s is not a function this package can read", exportName, shorten(w.mod.text(node)))
}

// importedHandler handles a middleware that is imported or re-exported.
func (w *walker) importedHandler(ref importRef, exportName string) pathSet {
	switch {
	case ref.source == "next-auth/middleware" && (ref.name == "default" || ref.name == "withAuth"):
		// `export { default } from "next-auth/middleware"` is withAuth with
		// its defaults: every matched path needs a token.
		w.result.authenticates = true
		return nextAuthPages(nil, w.mod)
	case ref.name == "auth":
		return w.bareNextAuth(exportName)
	}

	target, err := w.importModule(ref.source)
	if err != nil || target == nil {
		return w.unresolved("the %s export comes from %q, which was not followed", exportName, ref.source)
	}
	node, next, ok := target.exported(ref.name)
	if !ok {
		return w.unresolved("%s does not export %s", target.path, ref.name)
	}
	if w.depth >= maxDelegation {
		return w.unresolved("the %s export is re-exported through too many modules to follow", exportName)
	}
	inner := newWalker(target, w.result, w.depth+1)
	if next != nil {
		return inner.importedHandler(*next, exportName)
	}
	return inner.handler(node, exportName, 0)
}

// bareNextAuth handles Auth.js v5's `export { auth as middleware }`. It
// rejects only through the authorized callback of the Auth.js config, in
// another file, so the result stays unknown.
func (w *walker) bareNextAuth(exportName string) pathSet {
	return w.unresolved("the %s export is Auth.js auth used bare; it rejects requests only through callbacks.authorized in the Auth.js config, which is not read", exportName)
}

// wrapper handles a middleware built by a library call.
func (w *walker) wrapper(call *sitter.Node, exportName string) pathSet {
	fn, name := callee(w.mod, call)
	args := arguments(call)
	var handler *sitter.Node
	for _, a := range args {
		if isFunction(unwrap(a)) {
			handler = unwrap(a)
			break
		}
	}

	switch name {
	case "auth":
		// Auth.js v5 `auth((req) => ...)` passes the session to the handler
		// as req.auth. The authorized callback may reject too, and ignoring
		// it can only count fewer rejections.
		if handler == nil {
			return w.bareNextAuth(exportName)
		}
		sc := newScope(nil)
		if p := paramName(w.mod, handler, 0); p != "" {
			sc.identityPaths = []string{p + ".auth"}
		}
		return w.walkFunction(handler, start(), sc)
	case "withAuth":
		if ref, ok := w.mod.imports[w.mod.text(fn)]; ok && ref.source == "next-auth/middleware" {
			return w.withAuth(args, handler)
		}
	case "clerkMiddleware":
		if handler == nil {
			// Since Clerk v5 every route is public unless the handler calls
			// auth.protect() or redirects.
			return allPaths()
		}
		sc := newScope(nil)
		sc.authParam = paramName(w.mod, handler, 0)
		return w.walkFunction(handler, start(), sc)
	case "authMiddleware":
		return w.clerkAuthMiddleware(args)
	}
	return w.unresolved("the %s export is built by %s(...), which this package does not model", exportName, shorten(w.mod.text(fn)))
}

// withAuth handles NextAuth v4 `withAuth(handler?, options?)`. Its sign-in
// and error pages pass before anything else runs. For other paths the
// authorized callback (default: a token is present) decides first, and the
// handler runs only for the requests it admits.
func (w *walker) withAuth(args []*sitter.Node, handler *sitter.Node) pathSet {
	var options map[string]*sitter.Node
	for _, a := range args {
		if isFunction(unwrap(a)) {
			continue
		}
		props, ok := w.objectLiteral(a)
		if !ok {
			return w.unresolved("the withAuth options %s are not an object literal", shorten(w.mod.text(a)))
		}
		options = props
	}

	admitted := noPaths()
	authorized, ok := w.authorizedCallback(options)
	switch {
	case !ok:
		return w.unresolved("the withAuth callbacks.authorized is not a function in the file, so which requests it admits is unknown")
	case authorized == nil:
		w.result.authenticates = true
	default:
		sc := newScope(nil)
		switch p := params(authorized); {
		case len(p) > 0 && p[0].Type() == "identifier":
			sc.identityPaths = []string{w.mod.text(p[0]) + ".token"}
		case len(p) > 0 && p[0].Type() == "object_pattern":
			w.bindTokenPattern(p[0], sc)
		}
		callback := &walker{mod: w.mod, result: w.result, depth: w.depth, booleanReturns: true, moduleVars: w.moduleVars}
		admitted = callback.walkFunction(authorized, start(), sc)
	}

	pages := nextAuthPages(options, w.mod)
	if handler == nil {
		return pages.union(admitted)
	}
	sc := newScope(nil)
	if p := paramName(w.mod, handler, 0); p != "" {
		sc.identityPaths = []string{p + ".nextauth.token"}
	}
	return w.walkFunction(handler, flow{at: admitted}, sc).union(pages)
}

// objectLiteral reads an object literal, or a top-level name bound to one.
func (w *walker) objectLiteral(n *sitter.Node) (map[string]*sitter.Node, bool) {
	if n = unwrap(n); n != nil && n.Type() == "identifier" {
		n = w.mod.decls[w.mod.text(n)]
	}
	return objectProps(n, w.mod.src)
}

// authorizedCallback returns the function of options.callbacks.authorized,
// nil when there is none. The second result is false when the callback is
// present but not a function literal, method or top-level function of the
// file.
func (w *walker) authorizedCallback(options map[string]*sitter.Node) (*sitter.Node, bool) {
	value, present := options["callbacks"]
	if !present {
		return nil, true
	}
	callbacks, ok := w.objectLiteral(value)
	if !ok {
		return nil, false
	}
	value = callbacks["authorized"]
	if value == nil {
		return nil, true
	}
	if value.Type() == "shorthand_property_identifier" || unwrap(value).Type() == "identifier" {
		if decl, ok := w.mod.decls[w.mod.text(value)]; ok {
			value = decl
		}
	}
	if fn := unwrap(value); isFunction(fn) {
		return fn, true
	}
	return nil, false
}

// bindTokenPattern binds `token` in `({ req, token }) => ...` as the
// identity.
func (w *walker) bindTokenPattern(pattern *sitter.Node, sc *scope) {
	for _, c := range namedChildren(pattern) {
		if c.Type() == "shorthand_property_identifier_pattern" && w.mod.text(c) == "token" {
			sc.vars["token"] = binding{kind: bindIdentity}
		}
		if c.Type() == "pair_pattern" && w.mod.text(c.ChildByFieldName("key")) == "token" {
			sc.vars[w.mod.text(c.ChildByFieldName("value"))] = binding{kind: bindIdentity}
		}
	}
}

// nextAuthPages are the sign-in and error pages withAuth always lets
// through: options.pages.signIn and .error, by default /api/auth/signin and
// /api/auth/error (next-auth v4 next/middleware.ts).
//
// NOTE: withAuth also lets through every path under the NEXTAUTH_URL path
// (/api/auth by default), which comes from the environment and is not added.
func nextAuthPages(options map[string]*sitter.Node, mod *module) pathSet {
	signIn, errorPage := "/api/auth/signin", "/api/auth/error"
	if pages, ok := objectProps(options["pages"], mod.src); ok {
		if s, ok := stringValue(pages["signIn"], mod.src); ok {
			signIn = s
		}
		if s, ok := stringValue(pages["error"], mod.src); ok {
			errorPage = s
		}
	}
	return rulesSet([]pathRule{{kind: ruleExact, value: signIn}, {kind: ruleExact, value: errorPage}})
}

// clerkAuthMiddleware handles Clerk v4 `authMiddleware({ publicRoutes,
// ignoredRoutes, afterAuth })`. Without afterAuth it requires sign-in on
// every route that is neither public nor ignored. An afterAuth callback
// replaces that default redirect, so it is walked instead.
//
// NOTE: Clerk also lets its sign-in and sign-up URLs through, which come
// from environment variables and are not added here. A beforeAuth callback
// that returns false skips the check too, but beforeAuth is not read.
func (w *walker) clerkAuthMiddleware(args []*sitter.Node) pathSet {
	options := map[string]*sitter.Node{}
	if len(args) > 0 {
		props, ok := w.objectLiteral(args[0])
		if !ok {
			return w.unresolved("authMiddleware options are not an object literal")
		}
		options = props
	}

	var public []pathRule
	if value := options["publicRoutes"]; value != nil {
		b := w.routeList(value, newScope(nil))
		if b.kind != bindRouteMatcher {
			return w.unresolved("authMiddleware publicRoutes is not a literal list of routes")
		}
		public = b.rules
	}
	leaked := noPaths()
	if value := options["ignoredRoutes"]; value != nil {
		b := w.routeList(value, newScope(nil))
		if b.kind != bindRouteMatcher {
			return w.unresolved("authMiddleware ignoredRoutes is not a literal list of routes")
		}
		leaked = rulesSet(b.rules)
	}

	afterAuth, present := options["afterAuth"]
	if !present {
		w.result.authenticates = true
		return rulesSet(public).union(leaked)
	}
	if afterAuth.Type() == "shorthand_property_identifier" || unwrap(afterAuth).Type() == "identifier" {
		afterAuth = w.mod.decls[w.mod.text(afterAuth)]
	}
	fn := unwrap(afterAuth)
	if !isFunction(fn) {
		return w.unresolved("authMiddleware afterAuth is not a function in the file, so which requests it rejects is unknown")
	}

	// afterAuth(auth, req) receives Clerk's auth object: its userId,
	// sessionId and user are missing for anonymous requests, and
	// isPublicRoute is true on the public routes.
	sc := newScope(nil)
	if p := paramName(w.mod, fn, 0); p != "" {
		sc.identityPaths = []string{p + ".userId", p + ".sessionId", p + ".user"}
		sc.routeMembers = map[string][]pathRule{p + ".isPublicRoute": public}
	}
	return w.walkFunction(fn, start(), sc).union(leaked)
}
