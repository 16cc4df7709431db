package analysis

import (
	"github.com/actionguard/actionguard/internal/catalog"
	"github.com/actionguard/actionguard/internal/parse"
	"sort"
	"strings"

	"github.com/actionguard/actionguard/internal/module"
)

// Auth statuses of a verdict; the report uses the same words.
const (
	StatusAuthenticated = "authenticated"
	StatusMissing       = "missing"
	StatusAfterEffect   = "after-effect"
	StatusNotEnforced   = "not-enforced"
	StatusUnverified    = "unverified"
)

// Target is the code an entry point runs.
type Target struct {
	Module *module.Module
	// Node is a function to walk, or an expression whose value is the
	// entry: a wrapped function (withAuth(fn)), an action built from a
	// client (client.action(fn)), or a reference to a function.
	Node *parse.Node
	// Path is the destructuring path from Node's value to the entry, for
	// export const { GET, POST } = handlers.
	Path []string
}

// Effect is a side effect an entry can reach.
type Effect struct {
	Class    string // write, read or unknown
	Category string // database, network, file system, ...
	What     string // the call as written
	File     string // absolute path
	Line     int
}

// Verdict is the outcome of analyzing one entry.
type Verdict struct {
	// Auth is one of the status constants.
	Auth string
	// Effects lists every side effect the entry can reach, in the order
	// they run, without repeats.
	Effects []Effect
	// Offending lists the effects that decide the finding: those reached
	// without authentication, or before the guard.
	Offending []Effect
	// Write reports whether an offending effect is a write.
	Write bool
	// Why is the explanation of an unverified status.
	Why string
	// Authorization is the set of roles admitted by the checks that passed
	// before every side effect: "" when none did (or there is no effect),
	// "*" when a check passed whose roles are not literal, else the sorted,
	// comma-separated roles.
	Authorization string
	// CallerSupplied lists identifiers the caller chose (userId, orgId) that
	// an authenticated entry uses to select or change rows without
	// comparing them with the session's identity.
	CallerSupplied []CallerID
	// FailOpen lists allowlist and secret checks on the entry's paths that
	// let everyone through when their setting is empty or unset.
	FailOpen []FailOpen
}

// Analyze computes the verdict for one entry.
func (a *Analyzer) Analyze(t Target) Verdict {
	rec := newRecorder(nil)
	rec.entry = true
	rec.compared = map[string]bool{}
	w := &walker{a: a, rec: rec, mod: t.Module, env: newScope(nil), paramsAsInput: true}
	a.run(w, t)
	return verdictOf(rec)
}

func (a *Analyzer) run(w *walker, t Target) {
	if module.IsFunction(t.Node) && len(t.Path) == 0 {
		w.walkFunction(t.Node, state{})
		return
	}
	if t.Node.Type() == "call_expression" && len(t.Path) == 0 && a.runWrapped(w, t.Node) {
		return
	}
	v, _ := w.eval(t.Node, state{}, false)
	for _, step := range t.Path {
		v = w.member(v, step)
	}
	switch v.kind {
	case vAction:
		for _, e := range v.client.effects {
			e.seq = w.rec.next()
			w.rec.effects = append(w.rec.effects, e)
		}
		if v.level > Anonymous {
			w.rec.guards = append(w.rec.guards, guardEvent{seq: w.rec.next(), name: v.name})
		}
		w.invoke(v.fn, state{identityRead: v.client.identityRead, roles: v.roles}, v.level)
	case vFunc:
		if t.Node.Type() == "call_expression" {
			// The wrapper's summary already accounted for the function it
			// returns and for the callbacks it calls.
			return
		}
		if v.fn.env == nil && module.IsFunction(v.fn.node) {
			inner := &walker{a: a, rec: w.rec, mod: v.fn.mod, env: newScope(nil), paramsAsInput: true}
			inner.walkFunction(v.fn.node, state{})
			return
		}
		w.invoke(v.fn, state{}, Anonymous)
	case vSym:
		if r, ok := catalog.Match(v.sym); ok && r.Kind == catalog.Delegated {
			// The authentication library's own route handlers check
			// what they need themselves.
			w.rec.guards = append(w.rec.guards, guardEvent{seq: w.rec.next(), name: v.name})
		}
	}
}

// runWrapped analyzes an entry built by a project wrapper, such as
// withAuth(async (user, input) => ...), by walking the function the wrapper
// returns with the wrapped function bound to its parameter. The callback
// then runs at its place in the order of events, so a check the wrapper
// makes after calling it is reported as a guard after the effect. It
// returns false when the call is not of that shape.
func (a *Analyzer) runWrapped(w *walker, call *parse.Node) bool {
	callee := call.ChildByFieldName("function")
	if callee == nil || callee.Type() != "identifier" {
		return false
	}
	fv := w.identifier(w.text(callee))
	if fv.kind != vFunc || fv.fn == nil || fv.fn.env != nil || !module.IsFunction(fv.fn.node) {
		return false
	}
	if a.isPolicyGuard(w.text(callee), "") || a.isPolicyGuardFunc(fv.fn) {
		return false
	}

	// The wrapper itself runs once, when the module loads, so its own
	// effects go to a scratch recorder and are not counted for the entry.
	scratch := newRecorder(w.rec)
	var args []value
	if list := call.ChildByFieldName("arguments"); list != nil {
		for i := 0; i < int(list.NamedChildCount()); i++ {
			if arg := list.NamedChild(i); arg.Type() != "comment" {
				v, _ := (&walker{a: a, rec: scratch, mod: w.mod, env: w.env}).eval(arg, state{}, false)
				args = append(args, v)
			}
		}
	}
	wrapper := &walker{a: a, rec: scratch, mod: fv.fn.mod, env: newScope(nil), args: args}
	wrapper.walkFunction(fv.fn.node, state{})

	var returned *funcRef
	for _, r := range wrapper.returns {
		if r.v.kind == vFunc && r.v.fn != nil && r.v.fn.env != nil && module.IsFunction(r.v.fn.node) {
			returned = r.v.fn
			break
		}
	}
	if returned == nil {
		return false
	}
	inner := &walker{a: a, rec: w.rec, mod: returned.mod, env: newScope(returned.env), paramsAsInput: true}
	inner.walkFunction(returned.node, state{})
	return true
}

// maxListedEffects bounds the effects a verdict lists, so that a generated
// file with thousands of queries does not swell the report. The verdict
// itself still weighs every effect.
const maxListedEffects = 100

func verdictOf(rec *recorder) Verdict {
	effects := append([]effect(nil), rec.effects...)
	sort.SliceStable(effects, func(i, j int) bool { return effects[i].seq < effects[j].seq })

	var v Verdict
	seen := map[Effect]bool{}
	for _, e := range effects {
		pub := publicEffect(e)
		if !seen[pub] && len(v.Effects) < maxListedEffects {
			seen[pub] = true
			v.Effects = append(v.Effects, pub)
		}
	}

	lastGuard := 0
	for _, g := range rec.guards {
		if g.seq > lastGuard {
			lastGuard = g.seq
		}
	}
	var missing, notEnforced, after, unverified []effect
	for _, e := range effects {
		switch {
		case e.level == Anonymous && e.identityRead:
			notEnforced = append(notEnforced, e)
		case e.level == Anonymous && lastGuard > e.seq:
			after = append(after, e)
		case e.level == Anonymous:
			missing = append(missing, e)
		case e.level == Unverified:
			unverified = append(unverified, e)
		}
	}
	var offending []effect
	switch {
	case len(missing) > 0:
		v.Auth, offending = StatusMissing, missing
	case len(notEnforced) > 0:
		v.Auth, offending = StatusNotEnforced, notEnforced
	case len(after) > 0:
		v.Auth, offending = StatusAfterEffect, after[:1]
	case len(unverified) > 0:
		v.Auth, offending = StatusUnverified, unverified
		v.Why = unverified[0].why
	case len(effects) == 0 && len(rec.guards) == 0 && len(rec.unverifiedCalls) > 0:
		v.Auth, v.Why = StatusUnverified, rec.unverifiedCalls[0]
	case len(effects) == 0 && len(rec.guards) == 0:
		v.Auth = StatusMissing
	default:
		v.Auth = StatusAuthenticated
	}
	for _, e := range offending {
		v.Offending = append(v.Offending, publicEffect(e))
		if e.class == "write" {
			v.Write = true
		}
	}
	if v.Auth == StatusUnverified && v.Why == "" && len(rec.unverifiedCalls) > 0 {
		v.Why = rec.unverifiedCalls[0]
	}
	for i, e := range effects {
		if i == 0 {
			v.Authorization = e.roles
			continue
		}
		v.Authorization = joinRoles(v.Authorization, e.roles)
	}
	seenFailOpen := map[FailOpen]bool{}
	for _, f := range rec.failOpen {
		if !seenFailOpen[f] {
			seenFailOpen[f] = true
			v.FailOpen = append(v.FailOpen, f)
		}
	}
	seenCaller := map[string]bool{}
	for _, c := range rec.callerIDs {
		if !seenCaller[c.Name] {
			seenCaller[c.Name] = true
			v.CallerSupplied = append(v.CallerSupplied, c)
		}
	}
	v.Authorization = concreteRoles(v.Authorization)
	return v
}

func publicEffect(e effect) Effect {
	return Effect{Class: e.class, Category: e.category, What: e.what, File: e.file, Line: e.line}
}

// concreteRoles replaces the parameter roles of a summary that no call
// filled in ("$0") with anyRole.
func concreteRoles(roles string) string {
	if !strings.Contains(roles, "$") {
		return roles
	}
	set := map[string]bool{}
	for _, r := range strings.Split(roles, ",") {
		if strings.HasPrefix(r, "$") {
			r = anyRole
		}
		set[r] = true
	}
	return formatRoles(set)
}
