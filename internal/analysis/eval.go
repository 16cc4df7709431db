package analysis

import (
	"github.com/actionguard/actionguard/internal/parse"
	"strings"

	"github.com/actionguard/actionguard/internal/module"
)

// eval evaluates an expression from st. awaited is true when the expression
// is the operand of await.
func (w *walker) eval(n *parse.Node, st state, awaited bool) (value, state) {
	if n == nil || st.dead {
		return value{}, st
	}
	switch n.Type() {
	case "await_expression":
		if n.NamedChildCount() == 0 {
			return value{}, st
		}
		v, st := w.eval(n.NamedChild(0), st, true)
		if v.kind == vPending {
			st = w.applyGuard(st, v)
			return value{kind: vUnknown, name: v.name}, st
		}
		if v.kind == vTuple {
			// await Promise.all([requireUser(), ...]) settles every guard.
			elems := make([]value, len(v.elems))
			for i, e := range v.elems {
				if e.kind == vPending {
					st = w.applyGuard(st, e)
					e = value{kind: vUnknown, name: e.name}
				}
				elems[i] = e
			}
			v.elems = elems
		}
		return v, st
	case "call_expression":
		return w.call(n, st, awaited)
	case "new_expression":
		return w.construct(n, st)
	case "identifier", "shorthand_property_identifier":
		return w.identifier(w.text(n)), st
	case "this":
		return value{kind: vUnknown, name: "this"}, st
	case "null", "undefined", "false":
		return value{kind: vNull}, st
	case "member_expression":
		obj, st := w.eval(n.ChildByFieldName("object"), st, false)
		prop := n.ChildByFieldName("property")
		if prop == nil {
			return value{}, st
		}
		return w.member(obj, w.text(prop)), st
	case "subscript_expression":
		obj, st := w.eval(n.ChildByFieldName("object"), st, false)
		index := n.ChildByFieldName("index")
		_, st = w.eval(index, st, false)
		if index != nil && index.Type() == "string" {
			return w.member(obj, module.Unquote(w.text(index))), st
		}
		return w.member(obj, "[]"), st
	case "parenthesized_expression", "as_expression", "satisfies_expression", "non_null_expression",
		"type_assertion", "spread_element":
		for i := 0; i < int(n.NamedChildCount()); i++ {
			c := n.NamedChild(i)
			if isTypeNode(c) || c.Type() == "comment" {
				continue
			}
			return w.eval(c, st, awaited)
		}
		return value{}, st
	case "arrow_function", "function_expression", "function", "generator_function", "class", "method_definition":
		return value{kind: vFunc, fn: &funcRef{mod: w.mod, node: n, env: w.env}, name: "function"}, st
	case "assignment_expression":
		v, st := w.eval(n.ChildByFieldName("right"), st, false)
		if left := n.ChildByFieldName("left"); left != nil && left.Type() == "identifier" {
			name := w.text(left)
			for sc := w.env; sc != nil; sc = sc.parent {
				if _, ok := sc.vars[name]; ok {
					sc.vars[name] = v
					break
				}
			}
			if v.kind == vIdentity {
				st.identityRead = true
			}
		} else if left != nil {
			_, st = w.eval(left, st, false)
		}
		return v, st
	case "binary_expression":
		return w.binary(n, st)
	case "ternary_expression":
		t, f := w.cond(n.ChildByFieldName("condition"), st)
		tv, t := w.eval(n.ChildByFieldName("consequence"), t, awaited)
		fv, f := w.eval(n.ChildByFieldName("alternative"), f, awaited)
		return pick(tv, fv), join(t, f)
	case "string", "number", "true", "regex", "template_string":
		for i := 0; i < int(n.NamedChildCount()); i++ {
			if c := n.NamedChild(i); c.Type() == "template_substitution" {
				_, st = w.eval(c, st, false)
			}
		}
		return value{kind: vUnknown}, st
	case "comment", "type_arguments", "type_annotation":
		return value{}, st
	}
	// Objects, arrays, JSX, sequences and the rest: their parts run in order.
	var last value
	for i := 0; i < int(n.NamedChildCount()); i++ {
		c := n.NamedChild(i)
		if isTypeNode(c) {
			continue
		}
		last, st = w.eval(c, st, false)
	}
	if n.Type() == "sequence_expression" {
		return last, st
	}
	return value{kind: vUnknown}, st
}

func isTypeNode(n *parse.Node) bool {
	switch n.Type() {
	case "type_annotation", "type_arguments", "type_identifier", "predefined_type", "generic_type",
		"object_type", "union_type", "intersection_type", "array_type", "tuple_type", "literal_type",
		"function_type", "type_query", "index_type_query", "lookup_type", "conditional_type", "nested_type_identifier":
		return true
	}
	return false
}

// pick chooses the more informative of two values that an expression may
// take: globalThis.prisma ?? new PrismaClient() is a Prisma client.
func pick(a, b value) value {
	rank := func(v value) int {
		switch {
		case v.kind == vNull || v.kind == vUnknown:
			return 0
		case v.kind == vSym && (strings.HasPrefix(v.sym, "global#") || strings.HasPrefix(v.sym, "?#")):
			return 1
		}
		return 2
	}
	if rank(b) > rank(a) {
		return b
	}
	return a
}

func (w *walker) identifier(name string) value {
	if name == "undefined" {
		return value{kind: vNull}
	}
	if v, ok := w.env.lookup(name); ok {
		return v
	}
	return w.a.moduleValue(w.mod, name, w.rec)
}

// member returns obj.name, following namespace imports into their module.
// A property of a session token is still the token.
func (w *walker) member(obj value, name string) value {
	v := w.memberValue(obj, name)
	if obj.credential {
		v.credential = true
	}
	return v
}

func (w *walker) memberValue(obj value, name string) value {
	if obj.kind == vSym && strings.HasPrefix(obj.sym, "?#") && callerIDOf(name) != "" {
		// input.userId: an identifier the caller chose.
		v := member(obj, name)
		v.callerID = name
		return v
	}
	if obj.kind == vObject {
		return w.a.objectMember(obj.fn, name, w.rec)
	}
	if obj.kind == vUnknown && obj.fn != nil && obj.fn.node == nil {
		ns := obj.fn.mod
		return w.a.symbolValue(w.a.prog.ResolveExport(ns, name), obj.name+"."+name, w.rec)
	}
	if obj.kind == vSym && strings.HasSuffix(obj.sym, "#*") {
		return value{kind: vSym, sym: strings.TrimSuffix(obj.sym, "*") + name, name: obj.name + "." + name}
	}
	if obj.kind == vUnknown && obj.sym == "unresolved" {
		return value{kind: vUnknown, sym: "unresolved", why: obj.why, name: obj.name + "." + name}
	}
	if obj.kind == vUnknown && obj.name != "" {
		return value{kind: vSym, sym: "?#" + obj.name + "." + name, name: obj.name + "." + name}
	}
	return member(obj, name)
}

func (w *walker) binary(n *parse.Node, st state) (value, state) {
	op := operator(w, n)
	left, right := n.ChildByFieldName("left"), n.ChildByFieldName("right")
	switch op {
	case "&&":
		t, f := w.cond(left, st)
		rv, t2 := w.eval(right, t, false)
		return rv, join(t2, f)
	case "||", "??":
		// The right side runs only when the left is falsy, so the path
		// that goes on is the left's true branch or the right side's end:
		// session || redirect("/login") continues only with a session.
		lv := w.valueOnly(left, st)
		t, f := w.cond(left, st)
		rv, f2 := w.eval(right, f, false)
		if lv.kind == vPending || rv.kind == vPending {
			return value{}, join(t, f2)
		}
		if lv.kind == vIdentity && rv.kind != vNull && rv.kind != vIdentity {
			// session?.user || { id: "guest" } is never missing, because a
			// default replaces the absent caller, so later checks prove nothing.
			out := join(t, f2)
			out.identityRead = true
			return value{kind: vUnknown, name: lv.name}, out
		}
		return pick(lv, rv), join(t, f2)
	}
	_, st = w.eval(left, st, false)
	_, st = w.eval(right, st, false)
	return value{kind: vUnknown}, st
}

func (w *walker) construct(n *parse.Node, st state) (value, state) {
	ctor, st := w.eval(n.ChildByFieldName("constructor"), st, false)
	var argNodes []*parse.Node
	if args := n.ChildByFieldName("arguments"); args != nil {
		for i := 0; i < int(args.NamedChildCount()); i++ {
			argNodes = append(argNodes, args.NamedChild(i))
			_, st = w.eval(args.NamedChild(i), st, false)
		}
	}
	if ctor.kind == vSym {
		if strings.HasPrefix(ctor.sym, "global#") {
			// new Error(), new Response(), new URL(): values, not effects.
			return value{kind: vUnknown}, st
		}
		v := called(ctor)
		v.dispatch = w.passesProjectCode(argNodes)
		return v, st
	}
	return value{kind: vUnknown}, st
}

// valueOnly evaluates an expression for its value, recording nothing: the
// caller evaluates it for real afterwards.
func (w *walker) valueOnly(n *parse.Node, st state) value {
	saved := w.rec
	w.rec = newRecorder(saved)
	defer func() { w.rec = saved }()
	v, _ := w.eval(n, st, false)
	return v
}
