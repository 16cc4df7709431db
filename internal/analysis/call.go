package analysis

import (
	"fmt"
	"github.com/actionguard/actionguard/internal/parse"
	"strconv"
	"strings"

	"github.com/actionguard/actionguard/internal/catalog"
	"github.com/actionguard/actionguard/internal/module"
)

// callSite is one call being evaluated.
type callSite struct {
	node     *parse.Node
	callee   value
	receiver value
	method   string
	args     []*parse.Node
	argVals  []value
	awaited  bool
	// text is the callee as written, for messages ("db.insert").
	text string
}

func (w *walker) call(n *parse.Node, st state, awaited bool) (value, state) {
	c := callSite{node: n, awaited: awaited}
	fn := n.ChildByFieldName("function")
	if fn == nil {
		return value{}, st
	}
	if fn.Type() == "await_expression" && fn.NamedChildCount() > 0 && n.ChildByFieldName("type_arguments") != nil {
		// tree-sitter-typescript parses await f<T>(x) as (await f)<T>(x);
		// the await belongs to the call.
		fn = fn.NamedChild(0)
		c.awaited = true
	}
	c.text = compact(w.text(fn))
	switch fn.Type() {
	case "member_expression":
		c.receiver, st = w.eval(fn.ChildByFieldName("object"), st, false)
		if prop := fn.ChildByFieldName("property"); prop != nil {
			c.method = w.text(prop)
		}
		c.callee = w.member(c.receiver, c.method)
	case "import", "super":
		c.callee = value{kind: vUnknown}
	default:
		c.callee, st = w.eval(fn, st, false)
	}

	if args := n.ChildByFieldName("arguments"); args != nil {
		if args.Type() == "template_string" {
			c.args = []*parse.Node{args}
		} else {
			for i := 0; i < int(args.NamedChildCount()); i++ {
				if a := args.NamedChild(i); a.Type() != "comment" {
					c.args = append(c.args, a)
				}
			}
		}
	}
	for _, a := range c.args {
		var v value
		if a.Type() == "array" {
			// Keep each element's value: Promise.all([auth(), ...]) hands
			// them back in order.
			v, st = w.evalTuple(a, st)
		} else {
			v, st = w.eval(a, st, false)
		}
		c.argVals = append(c.argVals, v)
	}
	return w.apply(c, st)
}

func compact(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for _, pair := range [][2]string{{" .", "."}, {"( ", "("}, {" )", ")"}, {" ?.", "?."}} {
		s = strings.ReplaceAll(s, pair[0], pair[1])
	}
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return s
}

func (w *walker) apply(c callSite, st state) (value, state) {
	if c.method == "get" && (fromInput(c.receiver) || c.receiver.kind == vUnknown) && len(c.args) == 1 && c.args[0].Type() == "string" {
		// formData.get("userId"): an identifier the caller chose.
		if name := callerIDOf(module.Unquote(w.text(c.args[0]))); name != "" {
			return value{kind: vSym, sym: c.callee.sym + "()", name: c.text, callerID: name}, st
		}
	}
	// Methods of action clients come first: their receivers carry the level.
	switch c.receiver.kind {
	case vClient, vProcedure:
		return w.clientMethod(c, st)
	case vAction:
		// oRPC's procedure.actionable() and .callable() turn a procedure
		// into a server action with the same middleware chain.
		if c.method == "actionable" || c.method == "callable" {
			return c.receiver, st
		}
	case vPending:
		if c.method == "catch" {
			// requireUser().catch(() => null) swallows the guard's rejection, so
			// the guard ran but its failure does not leave the function.
			st.identityRead = true
			return value{kind: vUnknown}, w.invokeArgs(c, st, st.level)
		}
		return value{kind: vUnknown}, w.invokeArgs(c, st, st.level)
	}

	switch c.callee.kind {
	case vFunc:
		return w.callProject(c, st)
	case vParam:
		w.recordCallback(c.callee.param, st)
		st = w.paramFallback(c, st)
		return value{kind: vUnknown}, w.invokeArgs(c, st, st.level)
	case vSym:
		return w.callSymbol(c, st)
	case vUnknown:
		if c.callee.sym == "unresolved" {
			return w.callUnresolved(c, st)
		}
	}
	return value{kind: vUnknown}, w.invokeArgs(c, st, st.level)
}

// recordCallback notes that a parameter of the summarized function is
// called in state st.
func (w *walker) recordCallback(param string, st state) {
	if old, ok := w.rec.callbacks[param]; ok {
		st = join(old, st)
	}
	w.rec.callbacks[param] = state{level: st.level, identityRead: st.identityRead, why: st.why, roles: st.roles}
}

// paramFallback classes calls on parameters named like database clients
// (tx.user.create) as effects.
func (w *walker) paramFallback(c callSite, st state) state {
	if r, ok := catalog.Match("?#" + c.callee.name); ok && r.Kind == catalog.Effect {
		w.addEffect(st, r.Class, r.Category, c.text, c.node)
	}
	return st
}

func (w *walker) callSymbol(c callSite, st state) (value, state) {
	sym := c.callee.sym
	if w.a.isPolicyGuard(c.text, sym) {
		return value{kind: vUnknown}, w.guard(st, Authenticated, "", c.text, c.awaited)
	}
	r, ok := catalog.Match(sym)
	if !ok {
		return w.callUncatalogued(c, st)
	}
	if r.Machine {
		w.rec.machine = true
	}
	switch r.Kind {
	case catalog.Exit:
		st = w.invokeArgs(c, st, st.level)
		return value{}, state{dead: true}
	case catalog.Guard:
		if r.NoCallback && hasFunctionArg(c) {
			return value{kind: vUnknown}, w.invokeArgs(c, st, st.level)
		}
		st = w.invokeArgs(c, st, st.level)
		v, st := w.guardValue(st, Authenticated, "", c.text, c.awaited || !r.Awaited)
		if r.Authorizes {
			if roles := w.optionRoles(c); len(roles) > 0 {
				if v.kind == vPending {
					v.roles = formatRoles(setOfRoles(roles))
				} else {
					st = w.authorize(st, roles, c.text)
				}
			}
		}
		return v, st
	case catalog.RoleCheck:
		if r.Awaited && !c.awaited {
			// A pending promise is always truthy.
			return value{kind: vUnknown}, st
		}
		roles := w.optionRoles(c)
		if r.Need == nil && len(roles) == 0 {
			roles = []string{anyRole}
		}
		if r.Need != nil {
			// A result object whose field contains the outcome:
			// (await userHasPermission(...)).success.
			if len(roles) == 0 && !w.checksOtherSubject(c) {
				roles = []string{anyRole}
			}
			if len(roles) == 0 {
				return value{kind: vUnknown}, st
			}
			id := &identity{need: r.Need, origin: c.text, roles: formatRoles(setOfRoles(roles))}
			return value{kind: vIdentity, id: id, name: c.text}, st
		}
		return value{kind: vBool, level: Authenticated, roles: formatRoles(setOfRoles(roles)), name: c.text}, st
	case catalog.Identity, catalog.Unverified:
		if r.HandlerIdentity != "" && len(c.argVals) > 0 && c.argVals[0].kind == vFunc {
			req := value{kind: vIdentity, id: &identity{need: [][]string{{r.HandlerIdentity}}, origin: c.text}, name: "request"}
			w.invokeWith(c.argVals[0].fn, st, st.level, []value{req})
			return value{kind: vUnknown}, st
		}
		if r.GuardOption != "" && w.hasOption(c, r.GuardOption) {
			return w.guardValue(st, Authenticated, "", c.text, true)
		}
		if r.Awaited && !c.awaited && !w.awaitedLater(c.node) {
			// A pending promise is always truthy, so no check of it can
			// fail: the identity was sought but is never tested.
			st.identityRead = true
			return value{kind: vUnknown, name: c.text}, st
		}
		id := &identity{need: r.Need, unverified: r.Kind == catalog.Unverified, why: r.Why, origin: c.text}
		return value{kind: vIdentity, id: id, sym: c.callee.sym + "()", name: c.text}, st
	case catalog.BoolCheck:
		if r.Awaited && !c.awaited {
			return value{kind: vUnknown}, st
		}
		return value{kind: vBool, level: Authenticated, name: c.text}, st
	case catalog.Effect:
		class := r.Class
		switch class {
		case "fetch":
			class = fetchClass(w, c)
		case "sql":
			class = sqlClass(w, c)
		case "command":
			class = commandClass(w, c)
		}
		w.addEffect(st, class, r.Category, c.text, c.node)
		w.checkCallerIDs(c, st, r.Category)
		st = w.invokeArgs(c, st, st.level)
		if class == "read" && r.Category == "database" && (w.mentionsCredential(c.args) || readsSessionTable(c.callee.sym)) {
			// A lookup keyed by the request's session token, or of the
			// session table, returns the session or nothing.
			return value{kind: vIdentity, id: &identity{need: [][]string{{}}, origin: c.text}, name: c.text}, st
		}
		// The result is data, not a client: prices.data.map() after
		// stripe.prices.list() must not match the Stripe rules again.
		return value{kind: vUnknown}, st
	case catalog.SafeActionClient:
		return value{kind: vClient, level: Anonymous, client: &clientInfo{}, name: c.text}, st
	case catalog.ZSAAction:
		return value{kind: vClient, level: Anonymous, client: &clientInfo{zsa: true}, name: c.text}, st
	case catalog.ZSAProcedure:
		level, info := Anonymous, &clientInfo{zsa: true}
		if len(c.argVals) > 0 && c.argVals[0].kind == vProcedure {
			level = c.argVals[0].level
			info = &clientInfo{zsa: true, effects: c.argVals[0].client.effects}
		}
		return value{kind: vProcedure, level: level, client: info, name: c.text}, st
	case catalog.Credential:
		return value{kind: vUnknown, credential: true, name: c.text}, st
	case catalog.Invoker:
		st = w.invokeArgs(c, st, st.level)
		if len(c.argVals) > 0 && c.argVals[0].kind == vTuple && (c.method == "all" || c.method == "allSettled") {
			return c.argVals[0], st
		}
		return called(c.callee), st
	case catalog.PassThrough:
		if len(c.argVals) > 0 && c.argVals[0].kind == vFunc {
			return c.argVals[0], st
		}
	case catalog.GuardWrapper:
		return w.callGuardWrapper(c, st)
	}
	st = w.invokeArgs(c, st, st.level)
	return called(c.callee), st
}

// callUncatalogued handles a library call the catalogue does not know. A
// name that reads like a guard is an unverified guard: never trusted, but
// reported for review instead of as a missing check.
func (w *walker) callUncatalogued(c callSite, st state) (value, state) {
	if c.callee.dispatch {
		// A handler built around the app's router runs its procedures,
		// which the analysis cannot pair with this call.
		w.addEffect(st, "unknown", "dispatch", c.text, c.node)
		return value{kind: vUnknown}, w.invokeArgs(c, st, st.level)
	}
	sym := c.callee.sym
	module := symModule(sym)
	name := symName(sym)
	known := module != "?" && module != "global"
	if known && catalog.LooksLikeGuard(name) {
		why := fmt.Sprintf("%s comes from the package %s, whose behaviour actionguard does not know", c.text, module)
		w.rec.unverifiedCalls = append(w.rec.unverifiedCalls, why)
		st = w.invokeArgs(c, st, maxLevel(st.level, Unverified))
		return w.guardValue(st, Unverified, why, c.text, true)
	}
	if known && catalog.LooksLikeIdentity(name) {
		why := fmt.Sprintf("%s comes from the package %s, whose behaviour actionguard does not know", c.text, module)
		return value{kind: vIdentity, id: &identity{need: [][]string{{}}, unverified: true, why: why, origin: c.text}, name: c.text}, st
	}
	st = w.invokeArgs(c, st, st.level)
	result := called(c.callee)
	result.dispatch = w.passesProjectCode(c.args)
	for _, a := range c.argVals {
		// A hash or encoding of a session token is still the token.
		if a.credential {
			result.credential = true
		}
	}
	return result, st
}

// callUnresolved handles a call into a project module that could not be
// resolved: an unknown effect, or an unverified guard when it looks like one.
func (w *walker) callUnresolved(c callSite, st state) (value, state) {
	name := c.callee.name
	if i := strings.LastIndex(name, "."); i >= 0 {
		name = name[i+1:]
	}
	why := fmt.Sprintf("%s could not be followed: %s", c.text, c.callee.why)
	if w.a.isPolicyGuard(c.text, "") {
		return value{kind: vUnknown}, w.guard(st, Authenticated, "", c.text, c.awaited)
	}
	if catalog.LooksLikeGuard(name) {
		w.rec.unverifiedCalls = append(w.rec.unverifiedCalls, why)
		return w.guardValue(st, Unverified, why, c.text, true)
	}
	if catalog.LooksLikeIdentity(name) {
		return value{kind: vIdentity, id: &identity{need: [][]string{{}}, unverified: true, why: why, origin: c.text}, name: c.text}, st
	}
	w.addEffect(st, "unknown", "unresolved", c.text, c.node)
	return value{kind: vUnknown}, w.invokeArgs(c, st, st.level)
}

// guardValue applies a guard now, or returns it pending when it is async
// and not awaited.
func (w *walker) guardValue(st state, l Level, why, name string, awaited bool) (value, state) {
	if !awaited {
		return value{kind: vPending, level: l, why: why, name: name}, st
	}
	return value{kind: vUnknown}, w.guard(st, l, why, name, true)
}

func (w *walker) guard(st state, l Level, why, name string, awaited bool) state {
	if !awaited {
		return st
	}
	w.rec.guards = append(w.rec.guards, guardEvent{seq: w.rec.next(), name: name})
	return raise(st, l, why)
}

func (w *walker) applyGuard(st state, v value) state {
	st.roles = meetRoles(st.roles, v.roles)
	return w.guard(st, v.level, v.why, v.name, true)
}

func (w *walker) hasOption(c callSite, option string) bool {
	if len(c.args) == 0 || c.args[0].Type() != "object" {
		return false
	}
	obj := c.args[0]
	for i := 0; i < int(obj.NamedChildCount()); i++ {
		p := obj.NamedChild(i)
		if p.Type() != "pair" {
			continue
		}
		if module.Unquote(w.text(p.ChildByFieldName("key"))) != option {
			continue
		}
		v := p.ChildByFieldName("value")
		return v != nil && (v.Type() == "true" || v.Type() == "string")
	}
	return false
}

// invokeArgs analyzes the function arguments of a call as if the callee ran
// them now, at level l: arr.map(async (x) => db.insert(x)) runs its inserts.
func (w *walker) invokeArgs(c callSite, st state, l Level) state {
	for i, v := range c.argVals {
		if v.kind != vFunc || c.args[i] == nil {
			continue
		}
		w.invoke(v.fn, st, l)
	}
	return st
}

// invokeWith walks a function called at level l with known arguments, in
// place, so that the arguments' values reach its body.
func (w *walker) invokeWith(f *funcRef, st state, l Level, args []value) {
	if f == nil || f.node == nil || !module.IsFunction(f.node) || w.rec.depth > maxDepth {
		return
	}
	start := state{level: maxLevel(st.level, l), identityRead: st.identityRead, why: st.why, roles: st.roles}
	inner := &walker{a: w.a, rec: w.rec, mod: f.mod, env: newScope(f.env), paramsAsInput: true, args: args}
	w.rec.depth++
	inner.walkFunction(f.node, start)
	w.rec.depth--
}

// invoke analyzes a function value called at level l, recording its effects
// in the current analysis.
func (w *walker) invoke(f *funcRef, st state, l Level) {
	if f == nil || f.node == nil || !module.IsFunction(f.node) {
		return
	}
	start := state{level: maxLevel(st.level, l), identityRead: st.identityRead, why: st.why, roles: st.roles}
	if f.env == nil {
		s := w.a.summarize(f, w.rec)
		w.replay(s, start, "")
		return
	}
	if w.rec.depth > maxDepth {
		return
	}
	inner := &walker{a: w.a, rec: w.rec, mod: f.mod, env: newScope(f.env), paramsAsInput: true}
	w.rec.depth++
	inner.walkFunction(f.node, start)
	w.rec.depth--
}

func (w *walker) callProject(c callSite, st state) (value, state) {
	f := c.callee.fn
	if w.a.isPolicyGuard(c.text, "") || w.a.isPolicyGuardFunc(f) {
		st = w.invokeArgs(c, st, st.level)
		return value{kind: vUnknown}, w.guard(st, Authenticated, "", c.text, true)
	}
	if f.node == nil || !module.IsFunction(f.node) {
		return value{kind: vUnknown}, w.invokeArgs(c, st, st.level)
	}
	if f.env != nil {
		return w.inlineCall(c, st)
	}
	s := w.a.summarize(f, w.rec)
	w.markCompared(c.args)
	st = w.replayCall(s, st, c)
	if presentArgument(s.checked, c.argVals) {
		st = w.guard(st, Authenticated, "", c.text, true)
	}
	st.checked = unionKeys(st.checked, forwardedKeys(s.checked, c.argVals))
	if s.readsIdentity {
		st.identityRead = true
	}
	for i, v := range c.argVals {
		if v.kind != vFunc {
			continue
		}
		cb, ok := s.callbacks[itoa(i)]
		if !ok {
			cb = state{}
		}
		inner := st
		inner.identityRead = st.identityRead || cb.identityRead
		inner.roles = meetRoles(st.roles, cb.roles)
		w.invoke(v.fn, inner, cb.level)
	}
	if s.neverReturns {
		return value{}, state{dead: true}
	}
	if s.guard > Anonymous || s.roles != "" {
		if s.async && !c.awaited {
			return value{kind: vPending, level: s.guard, why: s.why, roles: s.roles, name: c.text}, st
		}
		st = w.guard(st, s.guard, s.why, c.text, true)
		st.roles = meetRoles(st.roles, w.substituteRoles(s.roles, c))
	}
	return s.returns, st
}

// inlineCall walks a function defined inside the one being analyzed, with
// the caller's state flowing in: a local helper that throws when the session
// is missing guards the code after its call.
func (w *walker) inlineCall(c callSite, st state) (value, state) {
	f := c.callee.fn
	if w.rec.depth > maxDepth {
		return value{kind: vUnknown}, st
	}
	inner := &walker{a: w.a, rec: w.rec, mod: f.mod, env: newScope(f.env), paramsAsInput: true, args: c.argVals}
	w.rec.depth++
	out := inner.walkFunction(f.node, st)
	w.rec.depth--
	if out.dead {
		return value{}, out
	}
	async := module.IsAsync(f.mod.File, f.node)
	if async && !c.awaited && out.level > st.level {
		return value{kind: vPending, level: out.level, why: out.why, name: c.text}, st
	}
	var ret value
	for _, r := range inner.returns {
		ret = pick(ret, r.v)
	}
	return ret, out
}

// replay records a callee's effects at the call site, each at the stronger
// of the caller's level and the level it ran at inside the callee.
func (w *walker) replay(s *summary, st state, via string, args ...value) state {
	for _, e := range s.effects {
		e.level = maxLevel(e.level, st.level)
		if presentArgument(e.checked, args) {
			// The callee ran this effect only after testing an argument
			// that holds the caller's identity.
			e.level = Authenticated
		}
		// A test of an argument that is the caller's own parameter is a
		// test of that parameter, for the caller's caller to resolve.
		e.checked = unionKeys(st.checked, forwardedKeys(e.checked, args))
		if st.level == Unverified && e.why == "" {
			e.why = st.why
		}
		e.identityRead = e.identityRead || st.identityRead
		e.roles = meetRoles(e.roles, st.roles)
		e.seq = w.rec.next()
		w.rec.effects = append(w.rec.effects, e)
	}
	w.rec.unverifiedCalls = append(w.rec.unverifiedCalls, s.unverifiedCalls...)
	w.rec.failOpen = append(w.rec.failOpen, s.failOpen...)
	if s.tainted {
		w.rec.tainted = true
	}
	return st
}

func (w *walker) addEffect(st state, class, category, what string, n *parse.Node) {
	p := position(n)
	w.rec.effects = append(w.rec.effects, effect{
		class: class, category: category, what: what,
		file: w.mod.File.Path, line: p.Line,
		level: st.level, identityRead: st.identityRead, why: st.why,
		seq: w.rec.next(), roles: st.roles, checked: st.checked,
	})
}

// fetchClass classes fetch(url, { method }) by its method: GET and HEAD
// read, other literal methods write, a computed method is unknown.
func fetchClass(w *walker, c callSite) string {
	if len(c.args) < 2 || c.args[1].Type() != "object" {
		return "read"
	}
	obj := c.args[1]
	for i := 0; i < int(obj.NamedChildCount()); i++ {
		p := obj.NamedChild(i)
		if p.Type() != "pair" || module.Unquote(w.text(p.ChildByFieldName("key"))) != "method" {
			continue
		}
		v := p.ChildByFieldName("value")
		if v == nil || v.Type() != "string" {
			return "unknown"
		}
		switch strings.ToUpper(module.Unquote(w.text(v))) {
		case "GET", "HEAD", "OPTIONS":
			return "read"
		}
		return "write"
	}
	return "read"
}

// readsSessionTable reports whether a database read names a session table or
// model (prisma.session.findUnique, db.query.sessions.findFirst).
func readsSessionTable(sym string) bool {
	_, path, _ := strings.Cut(sym, "#")
	for _, seg := range strings.Split(path, ".") {
		seg = strings.ToLower(strings.TrimSuffix(seg, "()"))
		if seg == "session" || seg == "sessions" || seg == "usersession" || seg == "usersessions" {
			return true
		}
	}
	return false
}

// mentionsCredential reports whether any identifier in the argument
// expressions holds a session token.
func (w *walker) mentionsCredential(args []*parse.Node) bool {
	var visit func(n *parse.Node) bool
	visit = func(n *parse.Node) bool {
		if n.Type() == "identifier" || n.Type() == "shorthand_property_identifier" {
			if v, ok := w.env.lookup(w.text(n)); ok && v.credential {
				return true
			}
		}
		for i := 0; i < int(n.NamedChildCount()); i++ {
			if visit(n.NamedChild(i)) {
				return true
			}
		}
		return false
	}
	for _, a := range args {
		if visit(a) {
			return true
		}
	}
	return false
}

// commandClass classes an SDK call that sends a command object, such as
// s3.send(new DeleteObjectCommand(...)), by the command's name.
func commandClass(w *walker, c callSite) string {
	if len(c.args) == 0 || c.args[0].Type() != "new_expression" {
		return "unknown"
	}
	ctor := c.args[0].ChildByFieldName("constructor")
	if ctor == nil {
		return "unknown"
	}
	name := w.text(ctor)
	for _, prefix := range []string{"Get", "List", "Head", "Describe", "Query", "Scan", "BatchGet"} {
		if strings.HasPrefix(name, prefix) {
			return "read"
		}
	}
	return "write"
}

// sqlClass classes a raw SQL call by the first keyword of its literal query.
func sqlClass(w *walker, c callSite) string {
	if len(c.args) == 0 {
		return "unknown"
	}
	a := c.args[0]
	if a.Type() != "string" && a.Type() != "template_string" {
		return "unknown"
	}
	text := strings.TrimLeft(module.Unquote(w.text(a)), " \t\r\n(")
	word := strings.ToUpper(strings.SplitN(text, " ", 2)[0])
	switch strings.TrimSpace(word) {
	case "SELECT", "SHOW", "EXPLAIN":
		return "read"
	case "":
		return "unknown"
	}
	return "write"
}

// callGuardWrapper runs the functions passed to a wrapper that rejects
// unauthenticated requests before calling them, so their effects run as
// authenticated.
func (w *walker) callGuardWrapper(c callSite, st state) (value, state) {
	w.rec.guards = append(w.rec.guards, guardEvent{seq: w.rec.next(), name: c.text})
	return value{kind: vUnknown}, w.invokeArgs(c, st, maxLevel(st.level, Authenticated))
}

func hasFunctionArg(c callSite) bool {
	for _, v := range c.argVals {
		if v.kind == vFunc {
			return true
		}
	}
	return false
}

// awaitedLater reports whether a call's promise is awaited by an enclosing
// expression (await Promise.all([auth(), ...])) or returned from the
// function, so its result is the resolved value after all.
func (w *walker) awaitedLater(n *parse.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		switch p.Type() {
		case "await_expression", "return_statement", "arrow_function":
			return true
		case "arguments", "array", "parenthesized_expression", "call_expression", "member_expression", "as_expression", "satisfies_expression", "non_null_expression", "ternary_expression":
			continue
		}
		return false
	}
	return false
}

// evalTuple evaluates an array literal element by element and returns a
// tuple of their values.
func (w *walker) evalTuple(array *parse.Node, st state) (value, state) {
	t := value{kind: vTuple}
	for i := 0; i < int(array.NamedChildCount()); i++ {
		el := array.NamedChild(i)
		if el.Type() == "comment" {
			continue
		}
		var v value
		v, st = w.eval(el, st, false)
		t.elems = append(t.elems, v)
	}
	return t, st
}

// replayCall replays a callee's effects at a call site, filling in roles
// that the callee took from its parameters.
func (w *walker) replayCall(s *summary, st state, c callSite) state {
	start := len(w.rec.effects)
	st = w.replay(s, st, c.text, c.argVals...)
	for i := start; i < len(w.rec.effects); i++ {
		w.rec.effects[i].roles = w.substituteRoles(w.rec.effects[i].roles, c)
	}
	return st
}

// substituteRoles replaces the parameter roles "$0" of a summary with the
// literal arguments of the call, or with anyRole when an argument is not
// literal.
func (w *walker) substituteRoles(roles string, c callSite) string {
	if !strings.Contains(roles, "$") {
		return roles
	}
	set := map[string]bool{}
	for _, r := range strings.Split(roles, ",") {
		if !strings.HasPrefix(r, "$") {
			set[r] = true
			continue
		}
		key := strings.TrimPrefix(r, "$")
		i, err := strconv.Atoi(key)
		if err != nil || i >= len(c.args) || c.args[i].Type() != "string" {
			set[anyRole] = true
			continue
		}
		set[module.Unquote(w.text(c.args[i]))] = true
	}
	return formatRoles(set)
}
