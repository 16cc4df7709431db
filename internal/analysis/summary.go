package analysis

import (
	"sort"

	"github.com/actionguard/actionguard/internal/module"
)

// summary is the behaviour of a project function as its callers see it.
type summary struct {
	async bool
	// guard is the level every normal return leaves: Authenticated for a
	// fail-closed guard such as requireUser().
	guard Level
	why   string
	// neverReturns marks functions whose every path throws or redirects.
	neverReturns bool
	// effects are the side effects the function may cause, each with the
	// level it runs at relative to an anonymous caller.
	effects []effect
	// callbacks maps parameter keys to the join of the states in which the
	// function calls them: withAuth(fn) calls fn only when authenticated.
	callbacks map[string]state
	// returns is the abstract value the function returns: an identity for
	// getCurrentUser(), a library client for createClient().
	returns         value
	unverifiedCalls []string
	failOpen        []FailOpen
	tainted         bool
	// readsIdentity marks a function that reads the caller's identity but
	// returns a stand-in when it is missing.
	readsIdentity bool
	// roles is the authorization every normal return leaves.
	roles string
	// checked lists the parameters every normal return has tested truthy.
	checked string
	// name, file and line locate the function, for listing inferred guards.
	name string
	file string
	line int
}

// summarize returns the summary of a top-level project function, computing
// it on first use. A function already being summarized on this call chain
// (recursion) gets the weakest summary, and results that depend on such a
// cut are not memoized.
func (a *Analyzer) summarize(f *funcRef, rec *recorder) *summary {
	key := keyOf(f.mod, f.node, "")
	a.mu.Lock()
	s, ok := a.summaries[key]
	a.mu.Unlock()
	if ok {
		return s
	}
	if rec.active[key] || rec.depth > maxDepth {
		rec.tainted = true
		return &summary{callbacks: map[string]state{}, tainted: true}
	}
	rec.active[key] = true
	s = a.computeSummary(f, rec)
	delete(rec.active, key)
	if s.tainted {
		rec.tainted = true
		return s
	}
	a.mu.Lock()
	a.summaries[key] = s
	a.mu.Unlock()
	return s
}

func (a *Analyzer) computeSummary(f *funcRef, parent *recorder) *summary {
	rec := newRecorder(parent)
	w := &walker{a: a, rec: rec, mod: f.mod, env: newScope(nil)}
	end := w.walkFunction(f.node, state{})

	s := &summary{
		name:            f.name,
		file:            f.mod.File.Path,
		line:            position(f.node).Line,
		async:           module.IsAsync(f.mod.File, f.node),
		callbacks:       rec.callbacks,
		unverifiedCalls: rec.unverifiedCalls,
		failOpen:        rec.failOpen,
	}
	if end.dead {
		s.neverReturns = true
	} else {
		s.guard = end.level
		s.why = end.why
		s.roles = end.roles
		s.checked = end.checked
	}

	// A returned closure runs when its caller calls it: walk it too, so
	// that withAuth(fn) => async (...args) => { await requireUser(); return
	// fn(...args) } records when fn is called.
	var ret value
	for _, r := range w.returns {
		if r.v.kind == vFunc && r.v.fn != nil && r.v.fn.env != nil && module.IsFunction(r.v.fn.node) {
			inner := &walker{a: a, rec: rec, mod: r.v.fn.mod, env: newScope(r.v.fn.env)}
			inner.walkFunction(r.v.fn.node, state{})
		}
		ret = mergeReturn(ret, r.v)
	}
	s.returns = ret
	if ret.kind == vIdentity && defaultsIdentity(w.returns) {
		// A helper that returns a stand-in ({ id: "guest" }) when no user
		// is signed in never returns a missing identity: its callers'
		// checks prove nothing, though the identity was read.
		s.returns = value{kind: vUnknown, name: describe(f)}
		s.readsIdentity = true
	}
	if need, ok := gatedReturn(w.returns); ok {
		// Every value other than null is returned on an authenticated path:
		// the function returns the caller's identity or nothing, as
		// getUser() { if (!cookie) return null; return jwtVerify(...) } and
		// validateRequest() { ...; return { user: null } } do.
		s.returns = value{kind: vIdentity, id: &identity{need: need, origin: describe(f)}, name: describe(f)}
	}

	identitySource := s.returns.kind == vIdentity || s.returns.kind == vBool
	for _, e := range rec.effects {
		// NOTE: the effects an identity source or guard causes before its
		// own check (a session lookup, a refreshed session cookie) are taken
		// as part of authentication, not as effects of the caller.
		authenticates := s.guard == Authenticated || identitySource || s.neverReturns
		if (authenticates && e.level < Authenticated) || (s.guard == Unverified && e.level == Anonymous) {
			continue
		}
		s.effects = append(s.effects, e)
	}
	s.tainted = rec.tainted
	return s
}

// defaultsIdentity reports a function that returns an identity on some
// paths and, on a path that is not authenticated, something that is neither
// an identity nor null.
func defaultsIdentity(returns []returned) bool {
	for _, r := range returns {
		if r.st.level < Authenticated && r.v.kind != vIdentity && r.v.kind != vNull && !(r.object && len(r.nullFields) > 0) {
			return true
		}
	}
	return false
}

// gatedReturn reports whether a function returns nothing (null, or an
// object whose identity properties are null) on its unauthenticated paths
// and a value only on authenticated ones. need lists where the identity is:
// the value itself, or the properties that are null when no user is signed in.
func gatedReturn(returns []returned) (need [][]string, ok bool) {
	sawNull, sawValue := false, false
	var fields map[string]bool
	for _, r := range returns {
		switch {
		case r.v.kind == vIdentity && !r.v.id.unverified:
			// Passing on another source's identity, as
			// return validateSessionToken(token) does.
			sawValue = true
			need = append(need, r.v.id.need...)
		case r.st.level == Authenticated && r.v.kind != vNull:
			sawValue = true
		case r.v.kind == vNull:
			sawNull = true
			need = append(need, []string{})
		case r.object && len(r.nullFields) > 0:
			sawNull = true
			set := map[string]bool{}
			for _, f := range r.nullFields {
				if fields == nil || fields[f] {
					set[f] = true
				}
			}
			fields = set
		default:
			return nil, false
		}
	}
	if !sawNull || !sawValue {
		return nil, false
	}
	keys := make([]string, 0, len(fields))
	for f := range fields {
		keys = append(keys, f)
	}
	sort.Strings(keys)
	for _, f := range keys {
		need = append(need, []string{f})
	}
	if len(need) == 0 {
		return nil, false
	}
	return need, true
}

// mergeReturn combines the values of two return statements. Returning null
// on one path and the session on another is still an identity source.
func mergeReturn(a, b value) value {
	switch {
	case a.kind == vUnknown && a.name == "" && a.sym == "":
		return b
	case b.kind == vNull:
		return a
	case a.kind == vNull:
		return b
	case a.kind == vIdentity && b.kind == vIdentity:
		return a
	case a.kind == vIdentity:
		// return user on one path and a literal elsewhere: keep the identity
		// only when the other value is nothing known.
		if b.kind == vUnknown {
			return a
		}
	case b.kind == vIdentity:
		if a.kind == vUnknown {
			return b
		}
	}
	return pick(a, b)
}
