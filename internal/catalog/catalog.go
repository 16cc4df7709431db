// Package catalog is the built-in knowledge of library behaviour: which calls
// authenticate the caller, which read an identity that may be missing, which
// never return, and which are side effects of which class.
//
// A call is named by a symbol, "<module>#<path>": the module an imported
// binding comes from, then the property path the code follows from it, with
// "()" after each segment that is called. import { auth } from
// "@clerk/nextjs/server" followed by auth.protect() gives
// "@clerk/nextjs/server#auth.protect". Globals use the module "global", and
// receivers the analysis could not trace to an import use "?". Adding a
// library is adding rows to Rules.
package catalog

import (
	"path"
	"strings"
	"sync"
)

// Kind is the behaviour class of a call.
type Kind int

const (
	// Pure calls have no effect that matters to the analysis.
	Pure Kind = iota
	// Effect calls are side effects of Class.
	Effect
	// Guard calls throw, redirect or reject when no user is signed in, so
	// the code after them runs only for a signed-in caller.
	Guard
	// Identity calls return an identity that may be missing. Need names the
	// property that contains it.
	Identity
	// BoolCheck calls resolve to whether the caller is signed in.
	BoolCheck
	// Unverified calls read an identity without verifying it (a session
	// cookie's presence, Supabase getSession on the server). A check on
	// their result is not proof of a signed-in caller.
	Unverified
	// Exit calls never return normally (redirect, notFound).
	Exit
	// SafeActionClient calls create a next-safe-action client.
	SafeActionClient
	// ZSAProcedure calls create a zsa procedure; ZSAAction calls create a
	// zsa action builder with no procedure.
	ZSAProcedure
	ZSAAction
	// Invoker calls run their function arguments at once, in the caller's
	// state (db.$transaction(async (tx) => ...), Promise.all).
	Invoker
	// Delegated values are route handlers of an authentication library
	// (Auth.js handlers, better-auth toNextJsHandler), which do their own
	// checks.
	Delegated
	// RoleCheck calls return whether the signed-in caller holds the role or
	// permission named in their options (Clerk's has({ role })).
	RoleCheck
	// Credential calls read a session token from the request (a cookie).
	// A database read keyed by one is a session lookup, which yields the
	// caller's identity or nothing.
	Credential
	// PassThrough calls return their first argument as a function that
	// behaves the same (React's cache, Next.js's unstable_cache), so a
	// guard wrapped in one is still a guard.
	PassThrough
	// GuardWrapper calls return a handler that rejects the request itself
	// (a 401 or 403 response) unless it is authenticated, and only then
	// calls the function they were given: verifySignatureAppRouter(handler).
	GuardWrapper
)

// Rule describes the calls whose symbol matches Pattern.
type Rule struct {
	// Pattern is "<module>#<path>". The module part is a path.Match pattern;
	// each path segment is a path.Match pattern, and a segment "**" matches
	// any number of segments.
	Pattern string
	Kind    Kind
	// Class is "write", "read" or "unknown", for Effect rules.
	Class string
	// Category words the effect for messages: "database", "network",
	// "file system", "process", "cookie", "email".
	Category string
	// Need lists the property paths of an Identity or Unverified result
	// that contain the identity. An empty path means the value itself, and
	// "*" means any property.
	Need [][]string
	// Awaited marks calls that count only when awaited, because they are
	// async and a pending promise is always truthy.
	Awaited bool
	// GuardOption names an option of the first argument that turns the call
	// into a Guard when it is true or a string: withAuth({ ensureSignedIn:
	// true }), getUser({ or: "redirect" }).
	GuardOption string
	// Why is the explanation of an Unverified rule, shown in findings.
	Why string
	// HandlerIdentity marks an Identity call that, given a function, wraps
	// it as a handler and passes the identity in this property of the
	// handler's first argument: Auth.js auth((req) => ...) sets req.auth
	// and blocks nothing.
	HandlerIdentity string
	// Machine marks a check that authenticates another system rather than
	// a user (a webhook signature, a shared secret): the verified request
	// body is the sender's, so IDs in it are not chosen by a user.
	Machine bool
	// NoCallback marks a Guard that throws only when no callback is given;
	// with one (jwt.verify(token, key, cb)) the error goes to the callback.
	NoCallback bool
	// Authorizes marks a Guard whose options ({ role }, { permission }, or
	// a callback) also check authorization.
	Authorizes bool
}

var (
	needSelf = [][]string{{}}
	needAny  = [][]string{{"*"}}
)

// Match returns the first rule whose pattern matches sym.
func Match(sym string) (Rule, bool) {
	// A Prisma client extended with $extends() (Accelerate, Optimize) has
	// the same model API as the client it extends.
	sym = strings.ReplaceAll(sym, ".$extends()", "")
	module, symPath, ok := strings.Cut(sym, "#")
	if !ok {
		return Rule{}, false
	}
	if module == "?" {
		if r, ok := matchFallback(symPath); ok {
			return r, true
		}
	}
	for _, i := range index().candidates(module) {
		if matchSymbol(Rules[i].Pattern, sym) {
			return Rules[i], true
		}
	}
	return Rule{}, false
}

// ruleIndex narrows the rules worth trying for a module: those naming it
// exactly, and those whose module part is a pattern. Indexes keep the
// catalogue's order.
type ruleIndex struct {
	exact   map[string][]int
	pattern []int
}

var (
	indexOnce sync.Once
	theIndex  *ruleIndex
)

func index() *ruleIndex {
	indexOnce.Do(func() {
		theIndex = &ruleIndex{exact: map[string][]int{}}
		for i, r := range Rules {
			module, _, _ := strings.Cut(r.Pattern, "#")
			if strings.Contains(module, "*") {
				theIndex.pattern = append(theIndex.pattern, i)
			} else {
				theIndex.exact[module] = append(theIndex.exact[module], i)
			}
		}
	})
	return theIndex
}

func (x *ruleIndex) candidates(module string) []int {
	exact := x.exact[module]
	if len(x.pattern) == 0 {
		return exact
	}
	out := make([]int, 0, len(exact)+len(x.pattern))
	i, j := 0, 0
	for i < len(exact) || j < len(x.pattern) {
		if j >= len(x.pattern) || (i < len(exact) && exact[i] < x.pattern[j]) {
			out = append(out, exact[i])
			i++
		} else {
			out = append(out, x.pattern[j])
			j++
		}
	}
	return out
}

func matchSymbol(pattern, sym string) bool {
	pm, pp, ok1 := strings.Cut(pattern, "#")
	sm, sp, ok2 := strings.Cut(sym, "#")
	if !ok1 || !ok2 {
		return false
	}
	if !matchModule(pm, sm) {
		return false
	}
	return matchSegments(splitPath(pp), splitPath(sp))
}

// matchModule matches a module pattern: "*" matches any module, a trailing
// "*" any module with that prefix ("drizzle-orm*" covers every driver
// subpath), and anything else only itself.
func matchModule(pattern, module string) bool {
	if prefix, ok := strings.CutSuffix(pattern, "*"); ok {
		return strings.HasPrefix(module, prefix)
	}
	return pattern == module
}

// splitPath splits a symbol path at dots that are outside parentheses.
func splitPath(p string) []string {
	if p == "" {
		return nil
	}
	return strings.Split(p, ".")
}

func matchSegments(pattern, segs []string) bool {
	if len(pattern) == 0 {
		return len(segs) == 0
	}
	if pattern[0] == "**" {
		for i := 0; i <= len(segs); i++ {
			if matchSegments(pattern[1:], segs[i:]) {
				return true
			}
		}
		return false
	}
	if len(segs) == 0 {
		return false
	}
	if ok, _ := path.Match(pattern[0], segs[0]); !ok {
		return false
	}
	return matchSegments(pattern[1:], segs[1:])
}

// LooksLikeGuard reports whether a function name reads like an
// authentication or authorization check. It is used only to say that a
// call the analysis could not follow may be a guard, never to trust one.
func LooksLikeGuard(name string) bool {
	lower := strings.ToLower(name)
	prefixes := []string{"require", "assert", "ensure", "check", "verify", "protect", "guard",
		"authorize", "authorise", "authenticate", "validate", "must", "with"}
	subjects := []string{"auth", "session", "user", "role", "permission", "admin", "member",
		"access", "signed", "login", "owner", "team", "org", "tenant", "workspace", "viewer"}
	hasPrefix := false
	for _, p := range prefixes {
		if strings.HasPrefix(lower, p) {
			hasPrefix = true
			break
		}
	}
	if lower == "protect" || lower == "auth" {
		return true
	}
	if !hasPrefix {
		return false
	}
	for _, s := range subjects {
		if strings.Contains(lower, s) {
			return true
		}
	}
	return false
}

// LooksLikeIdentity reports whether a function name reads like a read of the
// current caller (getCurrentUser, getSession). A check on the result of such
// a call the analysis could not follow is reported as unverified.
func LooksLikeIdentity(name string) bool {
	lower := strings.ToLower(name)
	for _, p := range []string{"get", "current", "read", "load", "fetch", "use"} {
		if !strings.HasPrefix(lower, p) {
			continue
		}
		for _, s := range []string{"session", "user", "viewer", "identity", "me", "account"} {
			if strings.HasSuffix(lower, s) || strings.Contains(lower, "current"+s) || strings.Contains(lower, s+"session") {
				return true
			}
		}
	}
	return lower == "auth" || lower == "session"
}
