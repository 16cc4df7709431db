package analysis

import (
	"strings"

	"regexp"

	"github.com/actionguard/actionguard/internal/parse"
)

// CallerID is an identifier the caller chose that an authenticated entry
// used to select or change rows without checking it against the session.
type CallerID struct {
	Name string // the input property, such as "orgId"
	What string // the database call
	File string
	Line int
}

var callerIDName = regexp.MustCompile(`(?i)^(user|owner|org|organization|team|profile|account|workspace|tenant|member|author|customer|creator)_?id$`)

// callerIDOf returns name when it names a caller-chosen identifier.
func callerIDOf(name string) string {
	if callerIDName.MatchString(name) {
		return name
	}
	return ""
}

// mentions visits the identifiers and member expressions in nodes and
// reports the caller-chosen identifiers and whether an identity value
// appears among them.
func (w *walker) mentions(nodes []*parse.Node) (ids []string, identity bool) {
	var visit func(n *parse.Node)
	visit = func(n *parse.Node) {
		switch n.Type() {
		case "identifier", "shorthand_property_identifier":
			if v, ok := w.env.lookup(w.text(n)); ok {
				if v.callerID != "" {
					ids = append(ids, v.callerID)
				}
				if v.kind == vIdentity {
					identity = true
				}
			}
			return
		case "member_expression":
			prop := n.ChildByFieldName("property")
			root := n
			for root.Type() == "member_expression" || root.Type() == "subscript_expression" || root.Type() == "non_null_expression" {
				next := root.ChildByFieldName("object")
				if next == nil {
					next = root.NamedChild(0)
				}
				if next == nil {
					break
				}
				root = next
			}
			if prop != nil && root.Type() == "identifier" {
				if v, ok := w.env.lookup(w.text(root)); ok {
					if v.kind == vIdentity {
						identity = true
						return
					}
					// req.body.userId, input.orgId: the root is input.
					if fromInput(v) && callerIDOf(w.text(prop)) != "" {
						ids = append(ids, w.text(prop))
						return
					}
				}
			}
		case "arrow_function", "function_expression":
			return
		}
		for i := 0; i < int(n.NamedChildCount()); i++ {
			visit(n.NamedChild(i))
		}
	}
	for _, n := range nodes {
		if n != nil {
			visit(n)
		}
	}
	return ids, identity
}

// markCompared notes the caller-chosen identifiers that a comparison or a
// project helper (a membership check) looks at.
func (w *walker) markCompared(nodes []*parse.Node) {
	if !w.rec.entry {
		return
	}
	ids, _ := w.mentions(nodes)
	for _, id := range ids {
		w.rec.compared[id] = true
	}
}

// checkCallerIDs records a database call of an authenticated entry keyed by
// a caller-chosen identifier that nothing compared with the session.
func (w *walker) checkCallerIDs(c callSite, st state, category string) {
	if !w.rec.entry || w.rec.machine || st.level != Authenticated || category != "database" {
		return
	}
	ids, identity := w.mentions(c.args)
	if identity {
		// The query also filters by the session's identity, as a
		// membership or ownership condition does.
		return
	}
	for _, id := range ids {
		if w.rec.compared[id] {
			continue
		}
		w.rec.callerIDs = append(w.rec.callerIDs, CallerID{Name: id, What: c.text, File: w.mod.File.Path, Line: position(c.node).Line})
	}
}

// passesProjectCode reports whether call arguments hand the library a
// top-level project object, function or action (new RPCHandler(router),
// fetchRequestHandler({ router: appRouter })).
func (w *walker) passesProjectCode(args []*parse.Node) bool {
	var visit func(n *parse.Node) bool
	visit = func(n *parse.Node) bool {
		switch n.Type() {
		case "identifier", "shorthand_property_identifier":
			name := w.text(n)
			if _, local := w.env.lookup(name); local {
				return false
			}
			if _, declared := w.mod.Decls[name]; !declared {
				if _, imported := w.mod.Imports[name]; !imported {
					return false
				}
			}
			v := w.identifier(name)
			return v.kind == vObject || v.kind == vAction || (v.kind == vFunc && v.fn != nil && v.fn.env == nil)
		case "arrow_function", "function_expression", "function":
			return false
		}
		for i := 0; i < int(n.NamedChildCount()); i++ {
			if visit(n.NamedChild(i)) {
				return true
			}
		}
		return false
	}
	for _, a := range args {
		if a != nil && visit(a) {
			return true
		}
	}
	return false
}

// fromInput reports a value that came from the caller's request: an entry's
// parameter or something read from it, which the analysis names "?#...".
func fromInput(v value) bool {
	return v.kind == vSym && strings.HasPrefix(v.sym, "?#")
}
