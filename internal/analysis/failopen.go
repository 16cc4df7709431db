package analysis

import (
	"regexp"
	"strings"

	"github.com/actionguard/actionguard/internal/parse"
)

// FailOpen is a check of an allowlist or shared secret from configuration
// that lets everyone through when the setting is empty or unset.
type FailOpen struct {
	File string // absolute path
	Line int
	// Check is the condition as written.
	Check string
	// Setting names the environment variable, when known.
	Setting string
	// Secret is true for a shared-secret comparison, false for a list.
	Secret bool
}

var envName = regexp.MustCompile(`process\.env(?:\.([A-Za-z_][A-Za-z0-9_]*)|\[\s*["']([A-Za-z_][A-Za-z0-9_]*)["']\s*\])`)

// fromEnv reports whether a value was read from process.env, possibly
// through split, map, filter or a default (process.env.ALLOWED?.split(",")
// ?? []).
func fromEnv(v value) bool {
	return v.kind == vSym && strings.HasPrefix(v.sym, "global#process.env")
}

func settingOf(v value) string {
	_, rest, _ := strings.Cut(v.sym, "global#process.env.")
	name, _, _ := strings.Cut(rest, ".")
	return strings.TrimSuffix(name, "()")
}

// emptinessTest reports whether n tests that an environment-derived list or
// value is non-empty (list.length, list.length > 0, list.size, value), and
// returns that value.
func (w *walker) emptinessTest(n *parse.Node) (value, bool) {
	// Evaluate with a scratch recorder: the condition is walked for real
	// right after, and its effects must be recorded once.
	saved := w.rec
	w.rec = newRecorder(saved)
	defer func() { w.rec = saved }()
	return w.emptinessValue(n)
}

func (w *walker) emptinessValue(n *parse.Node) (value, bool) {
	for n != nil && n.Type() == "parenthesized_expression" {
		n = n.NamedChild(0)
	}
	if n == nil {
		return value{}, false
	}
	switch n.Type() {
	case "member_expression":
		prop := n.ChildByFieldName("property")
		if prop != nil && (w.text(prop) == "length" || w.text(prop) == "size") {
			v, _ := w.eval(n.ChildByFieldName("object"), state{}, false)
			return v, fromEnv(v)
		}
		v, _ := w.eval(n, state{}, false)
		return v, fromEnv(v)
	case "identifier":
		v := w.identifier(w.text(n))
		return v, fromEnv(v)
	case "binary_expression":
		op := n.ChildByFieldName("operator")
		right := n.ChildByFieldName("right")
		if op == nil || right == nil {
			return value{}, false
		}
		switch w.text(op) {
		case ">", "!==", "!=", ">=":
			if right.Type() == "number" {
				return w.emptinessValue(n.ChildByFieldName("left"))
			}
		}
	}
	return value{}, false
}

// checkAllowlistGate records an if statement whose exiting check runs only
// when an allowlist from configuration is non-empty:
// if (allowed.length && !allowed.includes(email)) throw ..., or
// if (allowed.length > 0) { if (!allowed.includes(email)) throw ... }.
func (w *walker) checkAllowlistGate(n *parse.Node) {
	cond := n.ChildByFieldName("condition")
	for cond != nil && cond.Type() == "parenthesized_expression" {
		cond = cond.NamedChild(0)
	}
	if cond == nil {
		return
	}
	gate := cond
	if cond.Type() == "binary_expression" {
		if op := cond.ChildByFieldName("operator"); op != nil && w.text(op) == "&&" {
			gate = cond.ChildByFieldName("left")
		}
	}
	v, ok := w.emptinessTest(gate)
	if !ok || !exits(n.ChildByFieldName("consequence")) || !membershipTest(w.text(n)) {
		return
	}
	w.rec.failOpen = append(w.rec.failOpen, FailOpen{
		File:    w.mod.File.Path,
		Line:    position(n).Line,
		Check:   compact(w.text(cond)),
		Setting: settingOf(v),
	})
}

// exits reports whether a statement contains a throw, a return or a call of
// the redirect family, the ways a check rejects.
func exits(n *parse.Node) bool {
	if n == nil {
		return false
	}
	switch n.Type() {
	case "throw_statement", "return_statement":
		return true
	case "arrow_function", "function_expression", "function_declaration":
		return false
	}
	for i := 0; i < int(n.NamedChildCount()); i++ {
		if exits(n.NamedChild(i)) {
			return true
		}
	}
	return false
}

// checkSecretPresence records a comparison with a secret from process.env
// when nothing before it in the file rejects the request while the secret
// is unset: then "Bearer undefined" matches.
func (w *walker) checkSecretPresence(cmp *parse.Node) {
	text := w.text(cmp)
	m := envName.FindStringSubmatch(text)
	name := ""
	if m != nil {
		name = m[1] + m[2]
	}
	before := string(w.mod.File.Src[:cmp.StartByte()])
	if name != "" && secretChecked(before, name) {
		return
	}
	if name == "" {
		// The secret was read into a variable first: const secret =
		// process.env.CRON_SECRET; ... header !== `Bearer ${secret}`.
		for _, match := range envAssign.FindAllStringSubmatch(before, -1) {
			if strings.Contains(text, match[1]) {
				name = match[2] + match[3]
				if secretChecked(before, name) {
					return
				}
			}
		}
	}
	w.rec.failOpen = append(w.rec.failOpen, FailOpen{
		File:    w.mod.File.Path,
		Line:    position(cmp).Line,
		Check:   compact(text),
		Setting: name,
		Secret:  true,
	})
}

var envAssign = regexp.MustCompile(`(?:const|let|var)\s+([A-Za-z_$][A-Za-z0-9_$]*)\s*=\s*process\.env(?:\.([A-Za-z_][A-Za-z0-9_]*)|\[\s*["']([A-Za-z_][A-Za-z0-9_]*)["']\s*\])`)

// secretChecked reports whether text tests that the setting is present: a
// negation of process.env.NAME or of a variable read from it, a comparison
// with undefined or "", or a guard with &&.
func secretChecked(text, name string) bool {
	names := []string{`process\.env\.` + regexp.QuoteMeta(name), `process\.env\[\s*["']` + regexp.QuoteMeta(name) + `["']\s*\]`}
	for _, m := range envAssign.FindAllStringSubmatch(text, -1) {
		if m[2]+m[3] == name {
			names = append(names, regexp.QuoteMeta(m[1]))
		}
	}
	for _, n := range names {
		presence := regexp.MustCompile(`!\s*` + n + `\b|\b` + n + `\s*(===?|!==?)\s*(undefined|null|""|'')|\b` + n + `\s*&&|typeof\s+` + n + `\b`)
		if presence.MatchString(text) {
			return true
		}
	}
	return false
}

// membershipTest reports whether the text of a check tests membership in a
// list, which tells an allowlist from a setting that only picks a value
// (if (process.env.PUBLIC_URL) return ...).
func membershipTest(text string) bool {
	for _, m := range []string{".includes(", ".has(", ".indexOf(", ".some(", ".find(", ".every("} {
		if strings.Contains(text, m) {
			return true
		}
	}
	return false
}
