package analysis

import (
	"fmt"
	"strings"

	"github.com/actionguard/actionguard/internal/parse"
)

// cond evaluates a condition from st and returns the states on its true and
// false branches, refined by what each branch proves about the caller.
func (w *walker) cond(n *parse.Node, st state) (t, f state) {
	if n == nil || st.dead {
		return st, st
	}
	switch n.Type() {
	case "parenthesized_expression":
		for i := 0; i < int(n.NamedChildCount()); i++ {
			if c := n.NamedChild(i); c.Type() != "comment" {
				return w.cond(c, st)
			}
		}
		return st, st
	case "non_null_expression", "as_expression", "satisfies_expression":
		return w.cond(n.NamedChild(0), st)
	case "unary_expression":
		if op := n.ChildByFieldName("operator"); op != nil && w.text(op) == "!" {
			t, f := w.cond(n.ChildByFieldName("argument"), st)
			return f, t
		}
	case "binary_expression":
		return w.binaryCond(n, st)
	}
	return w.plainCond(n, st)
}

func (w *walker) binaryCond(n *parse.Node, st state) (t, f state) {
	op := operator(w, n)
	left, right := n.ChildByFieldName("left"), n.ChildByFieldName("right")
	switch op {
	case "&&":
		lt, lf := w.cond(left, st)
		rt, rf := w.cond(right, lt)
		return rt, join(lf, rf)
	case "||":
		lt, lf := w.cond(left, st)
		rt, rf := w.cond(right, lf)
		return join(lt, rt), rf
	case "==", "===", "!=", "!==":
		w.markCompared([]*parse.Node{left, right})
		lv, st := w.eval(left, st, false)
		rv, st := w.eval(right, st, false)
		negated := op == "!=" || op == "!=="
		var present state
		switch {
		case isNullish(w, right) || isNullish(w, left):
			// x == null: true when missing, false when present.
			v := lv
			if isNullish(w, left) {
				v = rv
			}
			present = w.truthy(v, st)
			if strict := op == "===" || op == "!=="; strict && present.level == Authenticated && st.level < Authenticated {
				// x === undefined misses null, and x === null misses
				// undefined; which one a library returns is not known here.
				present = raise(st, Unverified, fmt.Sprintf("%s compares strictly with null or undefined, which misses the other", compact(w.text(n))))
				present.identityRead = st.identityRead
			}
			if negated {
				return present, st
			}
			return st, present
		case (lv.credential && w.storedValue(right)) || (rv.credential && w.storedValue(left)):
			// A session token compared with a stored value is a shared
			// secret check: the equal branch is authenticated. Comparing it
			// with another value from the request proves nothing, since the
			// caller sets both.
			present = raise(st, Authenticated, "")
			w.rec.guards = append(w.rec.guards, guardEvent{seq: w.rec.next(), name: "session token comparison"})
		case w.readsSecret(left) || w.readsSecret(right):
			// A request value compared with a secret from configuration is
			// machine-to-machine authentication: the equal branch is
			// authenticated. Whether an unset secret opens it is judged by
			// the fail-open-allowlist rule.
			present = raise(st, Authenticated, "")
			w.rec.guards = append(w.rec.guards, guardEvent{seq: w.rec.next(), name: "secret comparison"})
			w.rec.machine = true
			w.checkSecretPresence(n)
		case isLiteral(right):
			// session.user.role === "admin" can hold only when the path exists.
			present = w.truthy(lv, st)
			present = w.comparedRole(present, left, right)
		case isLiteral(left):
			present = w.truthy(rv, st)
			present = w.comparedRole(present, right, left)
		case rv.kind == vParam && w.isRoleField(left):
			// requireRole(role) { if (user.role !== role) throw }: the role
			// is the caller's argument, filled in at each call.
			present = w.authorize(w.truthy(lv, st), []string{"$" + rv.param}, w.text(left))
		case lv.kind == vParam && w.isRoleField(right):
			present = w.authorize(w.truthy(rv, st), []string{"$" + lv.param}, w.text(right))
		default:
			return st, st
		}
		if negated {
			return st, present
		}
		return present, st
	}
	return w.plainCond(n, st)
}

func operator(w *walker, n *parse.Node) string {
	if o := n.ChildByFieldName("operator"); o != nil {
		return w.text(o)
	}
	return ""
}

func isNullish(w *walker, n *parse.Node) bool {
	if n == nil {
		return false
	}
	switch n.Type() {
	case "null", "undefined":
		return true
	case "identifier":
		return w.text(n) == "undefined"
	}
	return false
}

func isLiteral(n *parse.Node) bool {
	if n == nil {
		return false
	}
	switch n.Type() {
	case "string", "number", "true", "template_string":
		return true
	}
	return false
}

// truthy returns st refined by the knowledge that v is truthy.
func (w *walker) truthy(v value, st state) state {
	switch v.kind {
	case vIdentity:
		if v.id.satisfiedBy(nil) {
			l, why := Authenticated, ""
			if v.id.unverified {
				l, why = Unverified, v.id.why
			}
			if l > st.level {
				w.rec.guards = append(w.rec.guards, guardEvent{seq: w.rec.next(), name: v.id.origin})
			}
			st = raise(st, l, why)
			if v.id.roles != "" && !v.id.unverified {
				st.roles = meetRoles(st.roles, v.id.roles)
			}
			return st
		}
	case vParam:
		st.checked = addKey(st.checked, v.param)
	case vSym, vUnknown:
		if v.credential {
			// A session cookie that is merely present proves nothing: it is
			// not verified, so the check is reported for review.
			if st.level < Unverified {
				w.rec.guards = append(w.rec.guards, guardEvent{seq: w.rec.next(), name: v.name})
			}
			return raise(st, Unverified, fmt.Sprintf("%s only tests that a session cookie is present, without verifying it", v.name))
		}
	case vBool:
		st = raise(st, v.level, v.why)
		if v.roles != "" {
			st.roles = meetRoles(st.roles, v.roles)
		}
		return st
	}
	return st
}

func raise(st state, l Level, why string) state {
	if l > st.level {
		st.level = l
		if l == Unverified {
			st.why = why
		}
	}
	return st
}

// readsSecret reports whether an expression reads a value from process.env,
// directly, inside a template string, or through a variable read from it.
func (w *walker) readsSecret(n *parse.Node) bool {
	if n == nil {
		return false
	}
	if strings.Contains(w.text(n), "process.env.") || strings.Contains(w.text(n), "process.env[") {
		return true
	}
	var visit func(c *parse.Node) bool
	visit = func(c *parse.Node) bool {
		if c.Type() == "identifier" {
			if v, ok := w.env.lookup(w.text(c)); ok {
				return fromEnv(v)
			}
			if _, declared := w.mod.Decls[w.text(c)]; declared {
				return fromEnv(w.identifier(w.text(c)))
			}
			return false
		}
		for i := 0; i < int(c.NamedChildCount()); i++ {
			if visit(c.NamedChild(i)) {
				return true
			}
		}
		return false
	}
	return visit(n)
}

// comparedRole records the authorization of a comparison of a role field
// with a literal on the branch where they are equal.
func (w *walker) comparedRole(st state, field, literal *parse.Node) state {
	flag, ok := w.roleField(field)
	if !ok {
		return st
	}
	role := w.literal(literal)
	switch {
	case flag == "allowlist":
		role = "allowlist"
	case flag != "" && literal.Type() == "true":
		role = flag
	}
	return w.authorize(st, []string{role}, w.text(field))
}

// storedValue reports whether an expression is a value the caller cannot
// set: a literal, a top-level constant of the module, or a setting from
// process.env.
func (w *walker) storedValue(n *parse.Node) bool {
	for n != nil && (n.Type() == "parenthesized_expression" || n.Type() == "as_expression" || n.Type() == "non_null_expression") {
		n = n.NamedChild(0)
	}
	if n == nil {
		return false
	}
	if isLiteral(n) || w.readsSecret(n) {
		return true
	}
	if n.Type() == "identifier" {
		if _, local := w.env.lookup(w.text(n)); local {
			return false
		}
		_, declared := w.mod.Decls[w.text(n)]
		_, imported := w.mod.Imports[w.text(n)]
		return declared || imported
	}
	return false
}

// plainCond evaluates a condition that is not a negation, logical operator
// or comparison: its truthiness may prove an identity, and a role flag or
// list membership may prove a role.
func (w *walker) plainCond(n *parse.Node, st state) (t, f state) {
	v, st := w.eval(n, st, false)
	t = w.truthy(v, st)
	if roles, ok := w.roleCall(n); ok {
		t = w.authorize(t, roles, w.text(n))
	} else if flag, ok := w.roleField(n); ok && flag != "" && flag != "allowlist" {
		t = w.authorize(t, []string{flag}, w.text(n))
	}
	return t, st
}

func (w *walker) isRoleField(n *parse.Node) bool {
	flag, ok := w.roleField(n)
	return ok && flag != "allowlist"
}
