package analysis

import (
	"github.com/actionguard/actionguard/internal/parse"

	"github.com/actionguard/actionguard/internal/module"
)

// walker walks one function body, or one top-level expression.
type walker struct {
	a   *Analyzer
	rec *recorder
	mod *module.Module
	env *scope
	// paramsAsInput binds parameters to caller input instead of vParam;
	// summaries use vParam so that callback invocations can be recorded.
	paramsAsInput bool
	// args are the values a call passes, by parameter position. A plain
	// parameter whose argument is known is bound to it, so a callback
	// passed in runs where the function calls it.
	args []value
	// returns collects the state and value of each normal return.
	returns []returned
	// tryGuards is the number of guards recorded when the innermost try
	// block started.
	tryGuards int
}

type returned struct {
	st state
	v  value
	// nullFields lists the properties set to null or undefined when the
	// return statement returns an object literal ({ user: null }).
	nullFields []string
	object     bool
}

func (w *walker) text(n *parse.Node) string { return w.mod.File.Text(n) }

// walkFunction walks fn's body from st and returns the join of the states
// at its normal returns (dead when it never returns normally).
func (w *walker) walkFunction(fn *parse.Node, st state) state {
	w.bindParams(fn)
	body := fn.ChildByFieldName("body")
	if body == nil {
		return st
	}
	if body.Type() != "statement_block" {
		v, out := w.eval(body, st, false)
		w.ret(out, v)
	} else {
		w.hoist(body)
		out := w.block(body, st)
		if !out.dead {
			w.ret(out, value{kind: vNull})
		}
	}
	end := state{dead: true}
	for _, r := range w.returns {
		end = join(end, r.st)
	}
	return end
}

func (w *walker) ret(st state, v value) {
	if st.dead {
		return
	}
	w.returns = append(w.returns, returned{st: st, v: v})
}

func (w *walker) bindParams(fn *parse.Node) {
	params := fn.ChildByFieldName("parameters")
	if params == nil {
		if p := fn.ChildByFieldName("parameter"); p != nil {
			w.bindParam(p, 0)
		}
		return
	}
	index := 0
	for i := 0; i < int(params.NamedChildCount()); i++ {
		p := params.NamedChild(i)
		if p.Type() == "comment" {
			continue
		}
		w.bindParam(p, index)
		index++
	}
}

func (w *walker) bindParam(p *parse.Node, index int) {
	if v, ok := w.argFor(p, index); ok {
		for _, b := range module.PatternBindings(w.mod.File, p, nil) {
			if len(b.Path) == 0 {
				w.env.vars[b.Name] = v
				return
			}
		}
	}
	for _, b := range module.PatternBindings(w.mod.File, p, nil) {
		key := itoa(index)
		for _, step := range b.Path {
			key += "." + step
		}
		if w.paramsAsInput {
			w.env.vars[b.Name] = value{kind: vSym, sym: "?#" + b.Name, name: b.Name, callerID: callerIDOf(b.Name)}
		} else {
			w.env.vars[b.Name] = value{kind: vParam, param: key, name: b.Name}
		}
	}
	if p.Type() == "identifier" {
		name := w.text(p)
		if w.paramsAsInput {
			w.env.vars[name] = value{kind: vSym, sym: "?#" + name, name: name}
		} else {
			w.env.vars[name] = value{kind: vParam, param: itoa(index), name: name}
		}
	}
}

// argFor returns the known argument for the parameter p at index. Rest
// parameters and arguments of unknown value keep the default binding.
func (w *walker) argFor(p *parse.Node, index int) (value, bool) {
	if index >= len(w.args) || p.Type() == "rest_pattern" {
		return value{}, false
	}
	if pattern := p.ChildByFieldName("pattern"); pattern != nil && pattern.Type() == "rest_pattern" {
		return value{}, false
	}
	v := w.args[index]
	if v.kind == vUnknown || v.kind == vNull {
		return value{}, false
	}
	return v, true
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// hoist binds the function declarations of a block before it runs, as
// JavaScript does.
func (w *walker) hoist(block *parse.Node) {
	for i := 0; i < int(block.NamedChildCount()); i++ {
		s := block.NamedChild(i)
		if s.Type() == "function_declaration" {
			if name := s.ChildByFieldName("name"); name != nil {
				w.env.vars[w.text(name)] = value{kind: vFunc, fn: &funcRef{mod: w.mod, node: s, env: w.env, name: w.text(name)}, name: w.text(name)}
			}
		}
	}
}

func (w *walker) block(b *parse.Node, st state) state {
	for i := 0; i < int(b.NamedChildCount()); i++ {
		if st.dead {
			return st
		}
		st = w.stmt(b.NamedChild(i), st)
	}
	return st
}

func (w *walker) stmt(n *parse.Node, st state) state {
	if st.dead {
		return st
	}
	switch n.Type() {
	case "statement_block":
		w.hoist(n)
		return w.block(n, st)
	case "expression_statement":
		_, st = w.eval(n.NamedChild(0), st, false)
		return st
	case "lexical_declaration", "variable_declaration":
		return w.declaration(n, st)
	case "if_statement":
		w.checkAllowlistGate(n)
		t, f := w.cond(n.ChildByFieldName("condition"), st)
		t = w.stmt(n.ChildByFieldName("consequence"), t)
		if alt := n.ChildByFieldName("alternative"); alt != nil {
			f = w.stmt(alt, f)
		}
		return join(t, f)
	case "else_clause":
		if n.NamedChildCount() > 0 {
			return w.stmt(n.NamedChild(0), st)
		}
		return st
	case "return_statement":
		v := value{kind: vNull}
		if n.NamedChildCount() > 0 && w.isBooleanExpr(n.NamedChild(0)) {
			// return !!session?.user and return user.role === "admin" tell
			// callers whether the caller is signed in or holds a role, so
			// their checks of the result count.
			t, f := w.cond(n.NamedChild(0), st)
			v = value{kind: vUnknown}
			if !t.dead && (t.level > st.level || t.roles != st.roles) {
				v = value{kind: vBool, level: t.level, roles: t.roles, why: t.why}
			}
			st = join(t, f)
		} else if n.NamedChildCount() > 0 {
			v, st = w.eval(n.NamedChild(0), st, false)
			if v.kind == vPending {
				// An async function's returned promise is awaited by its caller.
				st = w.applyGuard(st, v)
				v = value{}
			}
		}
		w.ret(st, v)
		if n.NamedChildCount() > 0 && len(w.returns) > 0 && !st.dead {
			w.returns[len(w.returns)-1].object, w.returns[len(w.returns)-1].nullFields = w.objectNulls(n.NamedChild(0))
		}
		return state{dead: true}
	case "throw_statement":
		if n.NamedChildCount() > 0 {
			_, st = w.eval(n.NamedChild(0), st, false)
		}
		return state{dead: true}
	case "try_statement":
		return w.try(n, st)
	case "for_statement":
		if init := n.ChildByFieldName("initializer"); init != nil {
			st = w.stmt(init, st)
		}
		loop := st
		if c := n.ChildByFieldName("condition"); c != nil {
			loop, _ = w.cond(c, st)
		}
		after := w.stmt(n.ChildByFieldName("body"), loop)
		return join(st, after)
	case "for_in_statement":
		_, st = w.eval(n.ChildByFieldName("right"), st, false)
		after := w.stmt(n.ChildByFieldName("body"), st)
		return join(st, after)
	case "while_statement":
		loop, exit := w.cond(n.ChildByFieldName("condition"), st)
		after := w.stmt(n.ChildByFieldName("body"), loop)
		return join(exit, after)
	case "do_statement":
		after := w.stmt(n.ChildByFieldName("body"), st)
		return join(st, after)
	case "switch_statement":
		return w.switchStatement(n, st)
	case "labeled_statement":
		if body := n.ChildByFieldName("body"); body != nil {
			return w.stmt(body, st)
		}
		return st
	case "function_declaration", "class_declaration", "comment", "empty_statement",
		"break_statement", "continue_statement", "import_statement", "type_alias_declaration",
		"interface_declaration", "enum_declaration", "debugger_statement":
		return st
	}
	// Anything else is walked as the expressions it contains.
	for i := 0; i < int(n.NamedChildCount()); i++ {
		_, st = w.eval(n.NamedChild(i), st, false)
	}
	return st
}

func (w *walker) declaration(n *parse.Node, st state) state {
	for i := 0; i < int(n.NamedChildCount()); i++ {
		d := n.NamedChild(i)
		if d.Type() != "variable_declarator" {
			continue
		}
		v := value{kind: vNull}
		if init := d.ChildByFieldName("value"); init != nil {
			v, st = w.eval(init, st, false)
		}
		st = w.bind(d.ChildByFieldName("name"), v, st)
	}
	return st
}

// bind assigns v to a binding pattern. Binding an identity marks the path:
// from here on, an effect without a check is auth-not-enforced.
func (w *walker) bind(pattern *parse.Node, v value, st state) state {
	if pattern == nil {
		return st
	}
	if v.kind == vIdentity {
		st.identityRead = true
	}
	if pattern.Type() == "identifier" {
		if v.name == "" || v.kind == vUnknown {
			v.name = w.text(pattern)
		}
		w.env.vars[w.text(pattern)] = v
		return st
	}
	for _, b := range module.PatternBindings(w.mod.File, pattern, nil) {
		bv := v
		for _, step := range b.Path {
			bv = member(bv, step)
		}
		if b.Rest {
			bv = value{kind: vUnknown}
		}
		if bv.kind == vUnknown || bv.name == "" {
			bv.name = b.Name
		}
		if bv.kind == vUnknown && v.kind == vSym {
			bv = value{kind: vSym, sym: "?#" + b.Name, name: b.Name}
		}
		if fromInput(v) && len(b.Path) > 0 && callerIDOf(b.Path[len(b.Path)-1]) != "" {
			// const { userId } = await req.json(): an identifier the
			// caller chose.
			bv.callerID = b.Path[len(b.Path)-1]
		}
		w.env.vars[b.Name] = bv
	}
	return st
}

func (w *walker) try(n *parse.Node, st state) state {
	start := st
	guardsBefore := len(w.rec.guards)
	w.tryGuards = len(w.rec.guards)
	out := w.stmt(n.ChildByFieldName("body"), st)
	if handler := n.ChildByFieldName("handler"); handler != nil {
		// Any call in the try block may have thrown before a guard in it
		// ran, so the catch block starts from the state the try started
		// with. A catch that completes normally makes the join weak.
		entered := state{level: start.level, identityRead: start.identityRead, why: start.why, roles: start.roles}
		if !out.dead && out.level > start.level {
			// The try block authenticates, so the catch block is where a
			// failed check goes: the identity was sought but not enforced.
			entered.identityRead = true
		}
		if out.dead {
			entered.identityRead = entered.identityRead || w.hasGuardSince(start)
		}
		caught := w.stmt(handler.ChildByFieldName("body"), entered)
		out = join(out, caught)
	}
	if fin := n.ChildByFieldName("finalizer"); fin != nil {
		body := fin.ChildByFieldName("body")
		if body == nil && fin.NamedChildCount() > 0 {
			body = fin.NamedChild(0)
		}
		if body != nil {
			// The finally block also runs after a throw in the try block,
			// for instance a guard's rejection, so its effects run for a
			// caller the guard turned away. A return in it replaces the
			// throw with a normal return, which the walk records.
			thrown := state{level: start.level, identityRead: start.identityRead || len(w.rec.guards) > guardsBefore, why: start.why, roles: start.roles}
			w.stmt(body, thrown)
			if out.dead {
				return out
			}
			out = w.stmt(body, out)
		}
	}
	return out
}

func (w *walker) switchStatement(n *parse.Node, st state) state {
	_, st = w.eval(n.ChildByFieldName("value"), st, false)
	body := n.ChildByFieldName("body")
	if body == nil {
		return st
	}
	out := state{dead: true}
	hasDefault := false
	prev := state{dead: true}
	for i := 0; i < int(body.NamedChildCount()); i++ {
		c := body.NamedChild(i)
		if c.Type() != "switch_case" && c.Type() != "switch_default" {
			continue
		}
		if c.Type() == "switch_default" {
			hasDefault = true
		}
		cs := join(st, prev)
		ends := false
		for j := 0; j < int(c.NamedChildCount()); j++ {
			s := c.NamedChild(j)
			if c.Type() == "switch_case" && j == 0 {
				continue // the case value
			}
			if s.Type() == "break_statement" {
				ends = true
				break
			}
			cs = w.stmt(s, cs)
		}
		if ends || cs.dead {
			out = join(out, cs)
			prev = state{dead: true}
		} else {
			prev = cs
		}
	}
	out = join(out, prev)
	if !hasDefault {
		out = join(out, st)
	}
	return out
}

// objectNulls reports whether expr is an object literal, and which of its
// properties are literally null or undefined.
func (w *walker) objectNulls(expr *parse.Node) (bool, []string) {
	for expr.Type() == "parenthesized_expression" || expr.Type() == "as_expression" || expr.Type() == "satisfies_expression" {
		expr = expr.NamedChild(0)
	}
	if expr.Type() != "object" {
		return false, nil
	}
	var nulls []string
	for i := 0; i < int(expr.NamedChildCount()); i++ {
		p := expr.NamedChild(i)
		if p.Type() != "pair" {
			continue
		}
		v := p.ChildByFieldName("value")
		if v != nil && (v.Type() == "null" || v.Type() == "undefined" || w.text(v) == "undefined") {
			nulls = append(nulls, module.Unquote(w.text(p.ChildByFieldName("key"))))
		}
	}
	return true, nulls
}

// hasGuardSince reports whether a guard ran since the current try block
// started.
func (w *walker) hasGuardSince(state) bool {
	return len(w.rec.guards) > w.tryGuards
}

// isBooleanExpr reports an expression whose value is a test: a negation, a
// comparison, a logical operator, or a list membership call.
func (w *walker) isBooleanExpr(n *parse.Node) bool {
	for n != nil && n.Type() == "parenthesized_expression" {
		n = n.NamedChild(0)
	}
	if n == nil {
		return false
	}
	switch n.Type() {
	case "unary_expression":
		return operator(w, n) == "!"
	case "binary_expression":
		switch operator(w, n) {
		case "===", "!==", "==", "!=":
			return true
		case "&&", "||":
			// session && session.user is the user, not a test.
			return w.isBooleanExpr(n.ChildByFieldName("left")) && w.isBooleanExpr(n.ChildByFieldName("right"))
		}
	case "call_expression":
		_, ok := w.roleCall(n)
		return ok
	}
	return false
}
