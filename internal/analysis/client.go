package analysis

// clientMethod evaluates a method call on a next-safe-action client, a zsa
// procedure or a zsa action builder. Each step returns a new value, so a
// client derived with .use() never changes the client it came from.
func (w *walker) clientMethod(c callSite, st state) (value, state) {
	recv := c.receiver
	info := recv.client
	if info == nil {
		info = &clientInfo{}
	}
	switch c.method {
	case "use":
		// next-safe-action middleware: the chain goes on only where the
		// middleware calls next(), so the level there is what the action
		// body gets.
		if len(c.argVals) == 0 || c.argVals[0].kind != vFunc {
			return recv, st
		}
		at, effects := w.middlewareLevel(c.argVals[0].fn)
		next := &clientInfo{
			zsa:          info.zsa,
			effects:      append(append([]effect{}, info.effects...), liftEffects(effects, recv.level)...),
			identityRead: info.identityRead || at.identityRead,
		}
		return value{kind: vClient, level: maxLevel(recv.level, at.level), roles: meetRoles(recv.roles, at.roles), client: next, name: c.text}, st

	case "action", "stateAction":
		return w.buildAction(c, recv, info, st)

	case "handler":
		if recv.kind == vProcedure {
			// A zsa procedure handler throws to reject and returns the
			// context: it guards when it is a fail-closed function.
			if len(c.argVals) == 0 || c.argVals[0].kind != vFunc {
				return recv, st
			}
			level, effects := w.handlerLevel(c.argVals[0].fn)
			next := &clientInfo{zsa: true, effects: append(append([]effect{}, info.effects...), liftEffects(effects, recv.level)...)}
			return value{kind: vProcedure, level: maxLevel(recv.level, level), client: next, name: c.text}, st
		}
		return w.buildAction(c, recv, info, st)

	case "middleware":
		// oRPC's builder.middleware(fn) returns fn for a later .use().
		if len(c.argVals) > 0 {
			return c.argVals[0], st
		}
		return recv, st

	case "createServerAction":
		return value{kind: vClient, level: recv.level, roles: recv.roles, client: &clientInfo{zsa: true, effects: info.effects}, name: c.text}, st
	}
	// .schema(), .inputSchema(), .metadata(), .input(), .output() and the
	// rest configure the client and keep its level.
	return recv, st
}

func (w *walker) buildAction(c callSite, recv value, info *clientInfo, st state) (value, state) {
	if len(c.argVals) == 0 || c.argVals[0].kind != vFunc {
		return value{kind: vUnknown}, st
	}
	return value{kind: vAction, level: recv.level, roles: recv.roles, client: info, fn: c.argVals[0].fn, name: c.text}, st
}

// middlewareLevel walks a next-safe-action middleware and returns the
// join of the states in which it calls next, and the effects it causes. A
// middleware that never calls next stops every action built on it.
func (w *walker) middlewareLevel(f *funcRef) (state, []effect) {
	rec := newRecorder(w.rec)
	inner := &walker{a: w.a, rec: rec, mod: f.mod, env: newScope(f.env)}
	if f.env == nil {
		inner.env = newScope(nil)
	}
	inner.walkFunction(f.node, state{})
	w.rec.unverifiedCalls = append(w.rec.unverifiedCalls, rec.unverifiedCalls...)
	at := state{dead: true}
	for key, st := range rec.callbacks {
		if key == "0.next" || key == "1" {
			at = join(at, st)
		}
	}
	if at.dead {
		return state{level: Authenticated}, rec.effects
	}
	return at, rec.effects
}

// handlerLevel returns the level every normal return of a zsa procedure
// handler leaves, and the effects it causes.
func (w *walker) handlerLevel(f *funcRef) (Level, []effect) {
	if f.env == nil {
		s := w.a.summarize(f, w.rec)
		return s.guard, s.effects
	}
	rec := newRecorder(w.rec)
	inner := &walker{a: w.a, rec: rec, mod: f.mod, env: newScope(f.env)}
	end := inner.walkFunction(f.node, state{})
	if end.dead {
		return Authenticated, rec.effects
	}
	return end.level, rec.effects
}

// liftEffects raises the level of effects caused inside a middleware by the
// level the client already had when the middleware runs.
func liftEffects(effects []effect, l Level) []effect {
	out := make([]effect, 0, len(effects))
	for _, e := range effects {
		e.level = maxLevel(e.level, l)
		out = append(out, e)
	}
	return out
}
