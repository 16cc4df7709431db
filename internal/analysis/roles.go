package analysis

import (
	"regexp"
	"sort"
	"strings"

	"github.com/actionguard/actionguard/internal/parse"
)

// anyRole is the authorization of a check whose admitted roles are not
// literal, such as a permission callback or a policy-declared helper.
const anyRole = "*"

func splitRoles(r string) []string {
	if r == "" {
		return nil
	}
	return strings.Split(r, ",")
}

func formatRoles(set map[string]bool) string {
	var out []string
	for r := range set {
		out = append(out, r)
	}
	sort.Strings(out)
	return strings.Join(out, ",")
}

// joinRoles merges the authorization of two paths that meet: the caller
// holds one of the roles either path admits, and a path with no check
// admits everyone.
func joinRoles(a, b string) string {
	switch {
	case a == "" || b == "":
		return ""
	case a == anyRole || b == anyRole:
		return anyRole
	case a == b:
		return a
	}
	set := map[string]bool{}
	for _, r := range splitRoles(a) {
		set[r] = true
	}
	for _, r := range splitRoles(b) {
		set[r] = true
	}
	return formatRoles(set)
}

// meetRoles combines two checks that both passed on a path: the caller
// holds a role both admit. An intersection that is empty keeps the second
// check, since nothing proves the two lists disagree.
func meetRoles(a, b string) string {
	switch {
	case a == "" || a == anyRole:
		if b == "" {
			return a
		}
		return b
	case b == "" || b == anyRole:
		return a
	}
	in := map[string]bool{}
	for _, r := range splitRoles(a) {
		in[r] = true
	}
	set := map[string]bool{}
	for _, r := range splitRoles(b) {
		if in[r] {
			set[r] = true
		}
	}
	if len(set) == 0 {
		return b
	}
	return formatRoles(set)
}

// authorize records a passed role or permission check on st.
func (w *walker) authorize(st state, roles []string, name string) state {
	if st.dead || len(roles) == 0 {
		return st
	}
	set := map[string]bool{}
	for _, r := range roles {
		set[r] = true
	}
	st.roles = meetRoles(st.roles, formatRoles(set))
	w.rec.guards = append(w.rec.guards, guardEvent{seq: w.rec.next(), name: name})
	return st
}

// roleFields are the property names that hold a role, permission or admin
// flag, lower-cased.
var roleFields = map[string]string{
	"role": "", "roles": "", "userrole": "", "orgrole": "", "memberrole": "", "accountrole": "",
	"permission": "", "permissions": "", "accesslevel": "", "email": "allowlist",
	"isadmin": "admin", "admin": "admin", "issuperadmin": "super_admin", "superadmin": "super_admin",
	"isowner": "owner", "isstaff": "staff", "staff": "staff",
}

// untrustedRoots name values that come from the caller's input; a role read
// from them proves nothing.
var untrustedRoots = map[string]bool{
	"input": true, "data": true, "formData": true, "values": true, "body": true, "params": true,
	"args": true, "parsedInput": true, "payload": true, "searchParams": true, "query": true,
}

// roleField reports whether expr reads a role-like property of a trusted
// value, and the role a boolean flag stands for ("isAdmin" -> "admin").
func (w *walker) roleField(expr *parse.Node) (flagRole string, ok bool) {
	for expr != nil && (expr.Type() == "non_null_expression" || expr.Type() == "parenthesized_expression" || expr.Type() == "await_expression") {
		expr = expr.NamedChild(0)
	}
	if expr == nil || (expr.Type() != "member_expression" && expr.Type() != "subscript_expression") {
		return "", false
	}
	text := w.text(expr)
	// Metadata the user can write is not an authority on roles.
	for _, unsafe := range []string{"user_metadata", "unsafeMetadata", "unsafe_metadata"} {
		if strings.Contains(text, unsafe) {
			return "", false
		}
	}
	root := expr
	for root.Type() == "member_expression" || root.Type() == "subscript_expression" || root.Type() == "call_expression" || root.Type() == "non_null_expression" {
		next := root.ChildByFieldName("object")
		if next == nil {
			next = root.ChildByFieldName("function")
		}
		if next == nil {
			next = root.NamedChild(0)
		}
		if next == nil {
			break
		}
		root = next
	}
	if root.Type() == "identifier" && untrustedRoots[w.text(root)] {
		// A name like data is input in one app and Supabase's { data } in
		// another: trust it only when it holds the caller's identity.
		if v, ok := w.env.lookup(w.text(root)); !ok || v.kind != vIdentity {
			return "", false
		}
	}
	prop := expr.ChildByFieldName("property")
	if prop == nil {
		return "", false
	}
	role, ok := roleFields[strings.ToLower(w.text(prop))]
	return role, ok
}

// roleCall recognizes list membership checks: ["admin", "owner"].includes(
// user.role) and user.roles.includes("admin"). It returns the roles the
// check admits.
func (w *walker) roleCall(n *parse.Node) ([]string, bool) {
	if n.Type() != "call_expression" {
		return nil, false
	}
	fn := n.ChildByFieldName("function")
	args := n.ChildByFieldName("arguments")
	if fn == nil || args == nil || fn.Type() != "member_expression" || args.NamedChildCount() == 0 {
		return nil, false
	}
	method := fn.ChildByFieldName("property")
	if method == nil || (w.text(method) != "includes" && w.text(method) != "has" && w.text(method) != "some") {
		return nil, false
	}
	recv := fn.ChildByFieldName("object")
	arg := args.NamedChild(0)
	if flag, ok := w.roleField(recv); ok && flag == "allowlist" {
		// email.includes("@acme.com") is a substring test: an address such
		// as x@acme.com.evil.io passes it.
		return nil, false
	}
	if flag, ok := w.roleField(arg); ok && recv != nil {
		if recv.Type() == "array" {
			return literalStrings(w, recv), true
		}
		if flag == "allowlist" {
			return []string{"allowlist"}, true
		}
		return []string{anyRole}, true
	}
	if _, ok := w.roleField(recv); ok && isLiteral(arg) {
		return []string{w.literal(arg)}, true
	}
	return nil, false
}

func literalStrings(w *walker, array *parse.Node) []string {
	var out []string
	for i := 0; i < int(array.NamedChildCount()); i++ {
		if c := array.NamedChild(i); c.Type() == "string" {
			out = append(out, w.literal(c))
		}
	}
	if len(out) == 0 {
		return []string{anyRole}
	}
	return out
}

func (w *walker) literal(n *parse.Node) string {
	t := w.text(n)
	if len(t) >= 2 && (t[0] == '"' || t[0] == '\'' || t[0] == '`') {
		return t[1 : len(t)-1]
	}
	return t
}

func setOfRoles(roles []string) map[string]bool {
	set := map[string]bool{}
	for _, r := range roles {
		set[r] = true
	}
	return set
}

// optionRoles reads the roles a library check admits from its first
// argument: { role: "org:admin" } or { permission: "org:billing:manage" }
// give that literal, a callback or a computed value gives anyRole, and no
// argument gives none.
func (w *walker) optionRoles(c callSite) []string {
	if len(c.args) == 0 {
		return nil
	}
	arg := c.args[0]
	if arg.Type() == "string" {
		// getPermission("billing:manage") names the permission itself.
		return []string{w.literal(arg)}
	}
	if arg.Type() != "object" {
		if c.argVals[0].kind == vFunc {
			if body := c.argVals[0].fn.node.ChildByFieldName("body"); body != nil && body.Type() == "true" {
				// protect(() => true) admits every signed-in caller.
				return nil
			}
			return []string{anyRole}
		}
		return nil
	}
	var out []string
	for i := 0; i < int(arg.NamedChildCount()); i++ {
		p := arg.NamedChild(i)
		if p.Type() != "pair" {
			continue
		}
		key := w.literal(p.ChildByFieldName("key"))
		if key != "role" && key != "permission" && key != "permissions" {
			continue
		}
		if v := p.ChildByFieldName("value"); v != nil && v.Type() == "string" {
			out = append(out, w.literal(v))
		} else {
			out = append(out, anyRole)
		}
	}
	return out
}

var literalRoleOption = regexp.MustCompile(`\brole\s*:\s*["'` + "`" + `]`)

// checksOtherSubject reports a permission check that names a literal role
// in its options ({ body: { role: "admin", permissions } }): it tests that
// role, not the caller, so it authorizes nothing.
func (w *walker) checksOtherSubject(c callSite) bool {
	if len(c.args) == 0 {
		return false
	}
	return literalRoleOption.MatchString(w.text(c.args[0]))
}
