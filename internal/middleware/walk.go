package middleware

import (
	sitter "github.com/smacker/go-tree-sitter"
)

// flow is the state of an anonymous request at one point of a middleware
// body.
type flow struct {
	// at over-approximates the paths on which an anonymous request can
	// reach this point.
	at pathSet
	// identityTested is set when every way here passed a branch whose
	// condition reads the identity, so a rejection here is an auth check.
	identityTested bool
}

func (f flow) live() bool { return !f.at.isEmpty() }

func deadFlow() flow { return flow{at: noPaths()} }

func mergeFlows(a, b flow) flow {
	switch {
	case !a.live():
		return b
	case !b.live():
		return a
	}
	return flow{at: a.at.union(b.at), identityTested: a.identityTested && b.identityTested}
}

// walker follows a middleware body through one module. Delegation to a
// function in another module starts a walker for that module that shares
// the result.
type walker struct {
	mod    *module
	result *bodyResult
	depth  int
	// booleanReturns is set while walking a next-auth withAuth authorized
	// callback, whose return value decides instead of a response.
	booleanReturns bool
	// moduleVars caches the bindings of top-level names, computed on use.
	moduleVars map[string]binding
}

// bodyResult collects what the walkers find.
type bodyResult struct {
	authenticates bool
	note          string
	// unfollowed lists delegations to project code that could not be
	// located; they only matter when no check was found elsewhere.
	unfollowed []string
	visited    map[string]bool
}

func newWalker(mod *module, result *bodyResult, depth int) *walker {
	return &walker{mod: mod, result: result, depth: depth, moduleVars: map[string]binding{}}
}

// walkFunction walks a function's body starting from in and returns the
// paths on which an anonymous request may leave it without a rejection.
// Falling off the end of a middleware counts as letting the request
// through, as NextResponse.next() does.
func (w *walker) walkFunction(fn *sitter.Node, in flow, sc *scope) pathSet {
	body := fn.ChildByFieldName("body")
	if body == nil || !in.live() {
		return noPaths()
	}
	if body.Type() != "statement_block" {
		return w.walkReturn(body, in, sc)
	}
	leaked, out := w.walkStatements(namedChildren(body), in, newScope(sc))
	if w.booleanReturns {
		// An authorized callback that returns nothing returns undefined,
		// which rejects.
		return leaked
	}
	return leaked.union(out.at)
}

func (w *walker) walkStatements(stmts []*sitter.Node, in flow, sc *scope) (pathSet, flow) {
	leaked := noPaths()
	cur := in
	for _, stmt := range stmts {
		if !cur.live() {
			break
		}
		l, out := w.walkStatement(stmt, cur, sc)
		leaked = leaked.union(l)
		cur = out
	}
	return leaked, cur
}

// walkStatement returns the paths leaked inside stmt and the flow that
// continues after it.
func (w *walker) walkStatement(stmt *sitter.Node, in flow, sc *scope) (pathSet, flow) {
	if !in.live() {
		return noPaths(), in
	}
	switch stmt.Type() {
	case "statement_block":
		return w.walkStatements(namedChildren(stmt), in, newScope(sc))
	case "if_statement":
		return w.walkIf(stmt, in, sc)
	case "return_statement":
		return w.walkReturn(firstNamed(stmt), in, sc), deadFlow()
	case "throw_statement":
		// A throw makes the request fail, so it does not reach the route.
		w.rejected(in)
		return noPaths(), deadFlow()
	case "expression_statement":
		if w.terminates(firstNamed(stmt), sc) {
			w.rejected(in)
			return noPaths(), deadFlow()
		}
		return noPaths(), in
	case "lexical_declaration", "variable_declaration":
		stops := false
		for _, d := range namedChildren(stmt) {
			if d.Type() == "variable_declarator" {
				w.bindDeclarator(d, sc)
				stops = stops || w.verifies(d.ChildByFieldName("value"))
			}
		}
		if stops {
			w.result.authenticates = true
			return noPaths(), deadFlow()
		}
		return noPaths(), in
	case "function_declaration":
		if name := stmt.ChildByFieldName("name"); name != nil {
			sc.vars[w.mod.text(name)] = binding{kind: bindFunction, fn: stmt}
		}
		return noPaths(), in
	case "try_statement":
		return w.walkTry(stmt, in, sc)
	case "for_statement", "for_in_statement", "while_statement", "do_statement":
		// The body may run any number of times; its leaks count, and the
		// request may go on after it on any path it reached.
		leaked, _ := w.walkStatement(stmt.ChildByFieldName("body"), in, newScope(sc))
		return leaked, in
	case "switch_statement":
		return w.walkSwitch(stmt, in, sc)
	}
	return noPaths(), in
}

func (w *walker) walkIf(stmt *sitter.Node, in flow, sc *scope) (pathSet, flow) {
	condNode := stmt.ChildByFieldName("condition")
	cond := w.evalCondition(condNode, sc)
	tested := in.identityTested || w.mentionsIdentity(condNode, sc)

	thenIn := flow{at: in.at.intersect(cond.onTrue), identityTested: tested}
	leakedThen, outThen := w.walkStatement(stmt.ChildByFieldName("consequence"), thenIn, sc)

	elseIn := flow{at: in.at.intersect(cond.onFalse), identityTested: tested}
	leakedElse, outElse := noPaths(), elseIn
	if alt := stmt.ChildByFieldName("alternative"); alt != nil {
		// The alternative is an else_clause around the statement.
		if inner := firstNamed(alt); inner != nil && alt.Type() == "else_clause" {
			alt = inner
		}
		leakedElse, outElse = w.walkStatement(alt, elseIn, sc)
	}

	out := mergeFlows(outThen, outElse)
	if outThen.live() && outElse.live() {
		// Both branches continue, so the code that follows runs whatever
		// the identity test in the condition decided.
		out.identityTested = in.identityTested
	}
	return leakedThen.union(leakedElse), out
}

func (w *walker) walkTry(stmt *sitter.Node, in flow, sc *scope) (pathSet, flow) {
	body := stmt.ChildByFieldName("body")
	leaked, out := w.walkStatement(body, in, sc)

	if handler := stmt.ChildByFieldName("handler"); handler != nil {
		// Any call in the try block may throw, so the catch block starts
		// from the try's own state. A throw from a verifier such as
		// jwtVerify is how anonymous requests get there.
		catchIn := flow{at: in.at, identityTested: in.identityTested || w.mentionsIdentity(body, sc)}
		leakedCatch, outCatch := w.walkStatement(handler.ChildByFieldName("body"), catchIn, newScope(sc))
		leaked = leaked.union(leakedCatch)
		out = mergeFlows(out, outCatch)
	}
	if finalizer := stmt.ChildByFieldName("finalizer"); finalizer != nil {
		// NOTE: a return in finally overrides the try's outcome; it is
		// counted as a leak on every path that reaches the try.
		if block := finalizer.ChildByFieldName("body"); block != nil {
			leakedFinally, _ := w.walkStatement(block, in, newScope(sc))
			leaked = leaked.union(leakedFinally)
		}
	}
	return leaked, out
}

func (w *walker) walkSwitch(stmt *sitter.Node, in flow, sc *scope) (pathSet, flow) {
	// Cases are walked from the switch's own state, because the walker
	// does not evaluate the case values.
	leaked := noPaths()
	out := in
	for _, c := range namedChildren(stmt.ChildByFieldName("body")) {
		var stmts []*sitter.Node
		for i, child := range namedChildren(c) {
			if i == 0 && c.Type() == "switch_case" {
				continue // the case value
			}
			stmts = append(stmts, child)
		}
		l, o := w.walkStatements(stmts, in, newScope(sc))
		leaked = leaked.union(l)
		out = mergeFlows(out, o)
	}
	return leaked, out
}

// walkReturn returns the paths on which returning value lets an anonymous
// request through.
func (w *walker) walkReturn(value *sitter.Node, in flow, sc *scope) pathSet {
	if !in.live() {
		return noPaths()
	}
	value = unwrap(value)
	if value == nil {
		if w.booleanReturns {
			return noPaths()
		}
		return in.at
	}

	if value.Type() == "ternary_expression" {
		condNode := value.ChildByFieldName("condition")
		cond := w.evalCondition(condNode, sc)
		tested := in.identityTested || w.mentionsIdentity(condNode, sc)
		yes := w.walkReturn(value.ChildByFieldName("consequence"), flow{at: in.at.intersect(cond.onTrue), identityTested: tested}, sc)
		no := w.walkReturn(value.ChildByFieldName("alternative"), flow{at: in.at.intersect(cond.onFalse), identityTested: tested}, sc)
		return yes.union(no)
	}

	if w.booleanReturns {
		cond := w.evalCondition(value, sc)
		if !in.at.intersect(cond.onFalse).isEmpty() && (in.identityTested || w.mentionsIdentity(value, sc)) {
			w.result.authenticates = true
		}
		return in.at.intersect(cond.onTrue)
	}

	if w.isRejection(value, sc) {
		w.rejected(in)
		return noPaths()
	}
	if value.Type() == "call_expression" {
		if leaked, ok := w.delegate(value, in, sc); ok {
			return leaked
		}
	}
	return in.at
}

// rejected records a rejection reached by an anonymous request. It counts
// as an authentication check only after an identity test.
func (w *walker) rejected(in flow) {
	if in.live() && in.identityTested {
		w.result.authenticates = true
	}
}

// terminates reports whether an expression statement stops an anonymous
// request: Clerk's auth.protect(), or a next/navigation call that throws.
// It records the check for auth.protect(), which tests identity itself.
func (w *walker) terminates(expr *sitter.Node, sc *scope) bool {
	expr = unwrap(expr)
	if expr == nil || expr.Type() != "call_expression" {
		return false
	}
	if w.verifies(expr) {
		w.result.authenticates = true
		return true
	}
	fn, name := callee(w.mod, expr)
	if name == "protect" && fn.Type() == "member_expression" && w.isClerkAuth(fn.ChildByFieldName("object"), sc) {
		w.result.authenticates = true
		return true
	}
	switch name {
	case "redirect", "permanentRedirect", "notFound", "unauthorized", "forbidden":
		return fn.Type() == "identifier"
	}
	return false
}

// isClerkAuth reports whether n is Clerk's auth handle in a
// clerkMiddleware handler: the auth parameter, or the result of calling it.
func (w *walker) isClerkAuth(n *sitter.Node, sc *scope) bool {
	n = unwrap(n)
	if n == nil || sc.authParam == "" {
		return false
	}
	switch n.Type() {
	case "identifier":
		return w.mod.text(n) == sc.authParam
	case "call_expression":
		fn, _ := callee(w.mod, n)
		return fn != nil && fn.Type() == "identifier" && w.mod.text(fn) == sc.authParam
	}
	return false
}

// verifies reports whether value calls one of throwingVerifiers.
func (w *walker) verifies(value *sitter.Node) bool {
	value = unwrap(value)
	if value == nil || value.Type() != "call_expression" {
		return false
	}
	_, name := callee(w.mod, value)
	return throwingVerifiers[name]
}
