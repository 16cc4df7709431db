// Package analysis computes, for each function, what it guarantees about the
// caller's identity and which side effects it can cause, and from that the
// verdict for each entry point.
//
// A function body is walked in evaluation order with a small abstract state:
// whether the caller is known to be signed in on the current path, and
// whether an identity was read on it. Branches refine the state (if
// (!session) redirect() leaves the fall-through path authenticated), joins
// keep the weakest state, and a catch block starts from the state the try
// block started with. Calls into project functions are judged by summaries
// computed once per function and reused; calls into libraries by the
// built-in catalogue.
package analysis

import (
	"github.com/actionguard/actionguard/internal/parse"
	"strconv"
	"strings"

	"github.com/actionguard/actionguard/internal/module"
)

// Level is the knowledge about the caller on a path, weakest first.
type Level uint8

const (
	// Anonymous: nothing is known about the caller.
	Anonymous Level = iota
	// Unverified: a call that looks like a guard ran, but its behaviour
	// could not be proven.
	Unverified
	// Authenticated: on this path the caller is signed in.
	Authenticated
)

func maxLevel(a, b Level) Level {
	if a > b {
		return a
	}
	return b
}

func minLevel(a, b Level) Level {
	if a < b {
		return a
	}
	return b
}

// state is the abstract state on one path.
type state struct {
	// dead marks a path that has left the function (return, throw, redirect).
	dead  bool
	level Level
	// identityRead marks a path on which an identity was read.
	identityRead bool
	// why is the explanation of an Unverified level.
	why string
	// roles is the authorization known on the path: "" when no role or
	// permission check passed, else the sorted, comma-separated roles the
	// checks admit, or "*" when a check passed whose roles are not literal.
	roles string
	// checked lists, comma-separated and sorted, the parameter keys of the
	// function being summarized that are known truthy on the path: after
	// if (!user) throw, the caller's argument for user was present.
	checked string
}

// join merges the states of two paths that meet.
func join(a, b state) state {
	if a.dead {
		return b
	}
	if b.dead {
		return a
	}
	out := state{level: minLevel(a.level, b.level), roles: joinRoles(a.roles, b.roles), checked: intersectKeys(a.checked, b.checked)}
	// The identity counts as read only when every path at the weaker level
	// read it: a guard on one branch leaves the other branch with nothing
	// read at all, which is a missing check, not an unenforced one.
	switch {
	case a.level < b.level:
		out.identityRead = a.identityRead
	case b.level < a.level:
		out.identityRead = b.identityRead
	default:
		out.identityRead = a.identityRead && b.identityRead
	}
	switch {
	case a.level == out.level && a.why != "":
		out.why = a.why
	default:
		out.why = b.why
	}
	return out
}

type valueKind uint8

const (
	vUnknown valueKind = iota
	// vSym is a library or global binding, or a value derived from one; its
	// symbol is looked up in the catalogue when called.
	vSym
	// vFunc is a project function.
	vFunc
	// vIdentity is an identity that may be missing.
	vIdentity
	// vBool is a boolean that is true only for a signed-in caller.
	vBool
	// vPending is the promise of an async guard, which protects nothing
	// until it is awaited.
	vPending
	// vParam is a parameter of the function being summarized.
	vParam
	// vClient is a next-safe-action client or zsa action builder; vProcedure
	// a zsa procedure; vAction an action built from either.
	vClient
	vProcedure
	vAction
	// vNull is null, undefined or false.
	vNull
	// vTuple is the array of values Promise.all resolves to.
	vTuple
	// vObject is a top-level object literal; fn holds its module and node,
	// so that obj.method resolves to the method.
	vObject
)

// value is the abstract value of an expression.
type value struct {
	kind valueKind
	// sym is the catalogue symbol for vSym ("@clerk/nextjs/server#auth").
	sym string
	fn  *funcRef
	id  *identity
	// level is the level a vBool, vPending, vClient, vProcedure or vAction
	// grants.
	level Level
	why   string
	// param is the parameter key for vParam: "0", or "0.next" for a
	// destructured property.
	param string
	// client holds the effects an action client's middleware causes before
	// the action body runs.
	client *clientInfo
	// name is the value as the code wrote it, for messages.
	name string
	// credential marks a session token read from the request.
	credential bool
	// roles is the authorization a vBool, vPending, vClient, vProcedure
	// or vAction grants, in the form of state.roles.
	roles string
	// dispatch marks a library object built around project code (an RPC
	// handler given the app's router): calling it runs code the analysis
	// does not follow.
	dispatch bool
	// elems are a vTuple's values, in order.
	elems []value
	// callerID names the input property this value came from when it is an
	// identifier the caller chose (userId, orgId).
	callerID string
}

// identity describes where in a value the caller's identity lives.
type identity struct {
	// need lists property paths that hold the identity, relative to the
	// value; an empty path is the value itself and "*" any property.
	need [][]string
	// unverified marks identities read without verification; checking them
	// is reported as an unverified guard.
	unverified bool
	why        string
	origin     string
	// roles is the authorization a truthy check of the identity proves,
	// for results of permission checks ({ success }, { isGranted }).
	roles string
}

// satisfiedBy reports whether a truthy property path p of the value proves
// the identity present.
func (id *identity) satisfiedBy(p []string) bool {
	for _, n := range id.need {
		if len(n) == 1 && n[0] == "*" {
			if len(p) > 0 {
				return true
			}
			continue
		}
		if len(n) <= len(p) && equalPath(n, p[:len(n)]) {
			return true
		}
	}
	return false
}

// at returns the identity seen from property path p of the value.
func (id *identity) at(p []string) *identity {
	if len(p) == 0 {
		return id
	}
	out := &identity{unverified: id.unverified, why: id.why, origin: id.origin, roles: id.roles}
	for _, n := range id.need {
		switch {
		case len(n) == 1 && n[0] == "*":
			out.need = append(out.need, nil)
		case len(n) <= len(p) && equalPath(n, p[:len(n)]):
			out.need = append(out.need, nil)
		case len(p) < len(n) && equalPath(p, n[:len(p)]):
			out.need = append(out.need, n[len(p):])
		}
	}
	if len(out.need) == 0 {
		return nil
	}
	return out
}

func equalPath(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// funcRef is a project function: its node and the module that holds it.
type funcRef struct {
	mod  *module.Module
	node *parse.Node
	// env is the enclosing scope of a nested function, nil for a top-level one.
	env *scope
	// name is the function's name, or how the code referred to it.
	name string
}

type clientInfo struct {
	zsa     bool
	effects []effect
	// identityRead marks a chain whose middleware read the identity and
	// still called next when it was missing.
	identityRead bool
}

// member returns the value of v.name.
func member(v value, name string) value {
	switch v.kind {
	case vSym:
		return value{kind: vSym, sym: v.sym + "." + name, name: v.name + "." + name, dispatch: v.dispatch}
	case vIdentity:
		if id := v.id.at([]string{name}); id != nil {
			return value{kind: vIdentity, id: id, sym: v.sym, name: v.name + "." + name}
		}
		if v.sym != "" {
			// Other properties of a library's identity object keep their
			// symbol, so that Clerk's auth().has is still known.
			return value{kind: vSym, sym: v.sym + "." + name, name: v.name + "." + name}
		}
		return value{kind: vUnknown, name: v.name + "." + name}
	case vParam:
		return value{kind: vParam, param: v.param + "." + name, name: v.name + "." + name}
	case vTuple:
		if i, err := strconv.Atoi(name); err == nil && i >= 0 && i < len(v.elems) {
			return v.elems[i]
		}
	}
	return value{kind: vUnknown, name: v.name + "." + name}
}

// called returns the symbol of the result of calling v.
func called(v value) value {
	if v.kind == vSym {
		return value{kind: vSym, sym: v.sym + "()", name: v.name + "()"}
	}
	return value{kind: vUnknown, name: v.name + "()"}
}

// symName returns the last segment of a symbol, without its call marker.
func symName(sym string) string {
	_, p, _ := strings.Cut(sym, "#")
	if i := strings.LastIndex(p, "."); i >= 0 {
		p = p[i+1:]
	}
	return strings.TrimSuffix(p, "()")
}

// symModule returns the module part of a symbol.
func symModule(sym string) string {
	m, _, _ := strings.Cut(sym, "#")
	return m
}
