package middleware

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dlclark/regexp2"
)

// ruleKind is the test a middleware body applies to the request pathname.
type ruleKind int

const (
	ruleExact    ruleKind = iota // pathname === value
	rulePrefix                   // pathname.startsWith(value)
	ruleSuffix                   // pathname.endsWith(value)
	ruleContains                 // pathname.includes(value)
	rulePattern                  // path-to-regexp pattern, as createRouteMatcher takes
	ruleRegexp                   // JavaScript regular expression literal
)

// pathRule is one pathname test found in a middleware body. The test keeps
// the exact semantics of the code it came from, so a prefix rule matches
// "/blogs" for startsWith("/blog") just as JavaScript does.
type pathRule struct {
	kind  ruleKind
	value string
	re    *regexp2.Regexp // compiled for rulePattern and ruleRegexp
}

func (r pathRule) matches(path string) bool {
	switch r.kind {
	case ruleExact:
		return path == r.value
	case rulePrefix:
		return strings.HasPrefix(path, r.value)
	case ruleSuffix:
		return strings.HasSuffix(path, r.value)
	case ruleContains:
		return strings.Contains(path, r.value)
	default:
		ok, err := r.re.MatchString(path)
		// A match that fails (the regexp2 timeout is unset, so only an
		// internal error) is treated as a match: rules are used for both
		// public and protected sets, and the caller decides conservatively.
		return ok || err != nil
	}
}

// String renders the rule in path-to-regexp notation, the syntax Next.js
// matchers and Clerk route lists use: a prefix "/blog" becomes "/blog(.*)".
func (r pathRule) String() string {
	switch r.kind {
	case rulePrefix:
		return r.value + "(.*)"
	case ruleSuffix:
		return "(.*)" + r.value
	case ruleContains:
		return "(.*)" + r.value + "(.*)"
	case ruleRegexp:
		return "/" + r.value + "/"
	default:
		return r.value
	}
}

func (r pathRule) equal(other pathRule) bool {
	return r.kind == other.kind && r.value == other.value
}

// pathSet is a set of request paths: every path when all is set, else the
// paths matching some include rule, minus the paths matching some exclude
// rule. The operations below return over-approximations, because the walker
// uses path sets for "an anonymous request may get here".
type pathSet struct {
	all     bool
	include []pathRule
	exclude []pathRule
}

func allPaths() pathSet { return pathSet{all: true} }
func noPaths() pathSet  { return pathSet{} }
func rulesSet(rules []pathRule) pathSet {
	return pathSet{include: slices.Clone(rules)}
}

func (s pathSet) isEmpty() bool { return !s.all && len(s.include) == 0 }

func (s pathSet) contains(path string) bool {
	in := s.all || slices.ContainsFunc(s.include, func(r pathRule) bool { return r.matches(path) })
	if !in {
		return false
	}
	return !slices.ContainsFunc(s.exclude, func(r pathRule) bool { return r.matches(path) })
}

// complement is exact for the two shapes a single path test produces
// (a rule list, or everything except a rule list). For a mixed set it
// returns every path, which over-approximates.
func (s pathSet) complement() pathSet {
	switch {
	case s.all && len(s.exclude) == 0:
		return noPaths()
	case s.all:
		return pathSet{include: slices.Clone(s.exclude)}
	case len(s.include) == 0:
		return allPaths()
	case len(s.exclude) == 0:
		return pathSet{all: true, exclude: slices.Clone(s.include)}
	default:
		return allPaths()
	}
}

// union over-approximates s ∪ t: it keeps only the exclusions both share.
func (s pathSet) union(t pathSet) pathSet {
	if s.isEmpty() {
		return t
	}
	if t.isEmpty() {
		return s
	}
	if s.all && !t.all && len(t.exclude) == 0 {
		return s.unionExact(t.include)
	}
	if t.all && !s.all && len(s.exclude) == 0 {
		return t.unionExact(s.include)
	}
	out := pathSet{all: s.all || t.all}
	if !out.all {
		out.include = appendRules(slices.Clone(s.include), t.include)
	}
	for _, r := range s.exclude {
		if slices.ContainsFunc(t.exclude, r.equal) {
			out.exclude = append(out.exclude, r)
		}
	}
	return out
}

// unionExact adds the paths of rules to a set of every path but some
// exclusions. When all rules are exact paths, the exclusions none of them
// match are kept, which is exact; otherwise every path is returned.
func (s pathSet) unionExact(rules []pathRule) pathSet {
	out := pathSet{all: true}
	for _, r := range rules {
		if r.kind != ruleExact {
			return out
		}
	}
	for _, x := range s.exclude {
		if !slices.ContainsFunc(rules, func(r pathRule) bool { return x.matches(r.value) }) {
			out.exclude = append(out.exclude, x)
		}
	}
	return out
}

// intersect over-approximates s ∩ t. It is exact unless both sides have
// include lists, in which case it keeps the first side's list.
func (s pathSet) intersect(t pathSet) pathSet {
	if s.isEmpty() || t.isEmpty() {
		return noPaths()
	}
	out := pathSet{exclude: appendRules(slices.Clone(s.exclude), t.exclude)}
	switch {
	case s.all && t.all:
		out.all = true
	case s.all:
		out.include = slices.Clone(t.include)
	default:
		out.include = slices.Clone(s.include)
	}
	return out
}

func appendRules(dst, src []pathRule) []pathRule {
	for _, r := range src {
		if !slices.ContainsFunc(dst, r.equal) {
			dst = append(dst, r)
		}
	}
	return dst
}

func ruleStrings(rules []pathRule) []string {
	out := make([]string, 0, len(rules))
	for _, r := range rules {
		out = append(out, r.String())
	}
	return out
}

func (s pathSet) String() string {
	switch {
	case s.isEmpty():
		return "none"
	case s.all && len(s.exclude) == 0:
		return "all"
	case s.all:
		return fmt.Sprintf("all except %s", strings.Join(ruleStrings(s.exclude), ", "))
	case len(s.exclude) == 0:
		return strings.Join(ruleStrings(s.include), ", ")
	default:
		return fmt.Sprintf("%s except %s", strings.Join(ruleStrings(s.include), ", "), strings.Join(ruleStrings(s.exclude), ", "))
	}
}

// literalPaths returns the fixed path each exact, prefix or route-pattern
// rule of the set starts with ("/login" for startsWith("/login/") or
// "/login(.*)"), so that callers can test the paths the code names.
func (s pathSet) literalPaths() []string {
	var out []string
	for _, r := range append(slices.Clone(s.include), s.exclude...) {
		var path string
		switch r.kind {
		case ruleExact, rulePrefix:
			path = r.value
		case rulePattern:
			path = r.value
			if i := strings.IndexAny(path, "(:*?{"); i >= 0 {
				path = path[:i]
			}
		default:
			continue
		}
		if path != "/" {
			path = strings.TrimSuffix(path, "/")
		}
		if strings.HasPrefix(path, "/") {
			out = append(out, path)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
