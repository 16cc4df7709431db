package middleware

import (
	"fmt"
	"sync"

	"github.com/dlclark/regexp2"
	pathtoregexp "github.com/soongo/path-to-regexp"
)

// Matcher is one entry of the middleware's config.matcher.
type Matcher struct {
	// Source is the path-to-regexp pattern as written, for example
	// "/((?!api|_next/static).*)" or "/dashboard/:path*".
	Source string
	// Has and Missing are the request conditions of an object matcher. Runs
	// ignores them, because they depend on the request, not on the path.
	Has, Missing []Condition
	// LocaleFalse records `locale: false`, which only matters for apps with
	// i18n routing, which Runs does not model.
	LocaleFalse bool

	// compiled caches the regular expression. Copies of a Matcher share it;
	// a Matcher built outside this package has none and compiles per call.
	compiled *compiledMatcher
}

type compiledMatcher struct {
	once sync.Once
	re   *regexp2.Regexp
	err  error
}

// Condition is one entry of a matcher's has or missing list.
type Condition struct {
	Type  string // "header", "cookie", "query" or "host"
	Key   string
	Value string // "" when the entry has no value, which tests presence only
}

// regexp compiles the matcher the way Next.js does before matching a request
// (next/src/build/analysis/get-page-static-info.ts, getMiddlewareMatchers, as
// of Next.js 13 to 16): the source gets an optional "/_next/data/<build id>"
// prefix and an optional ".json" suffix, so data requests for a page match
// too, and the whole is compiled by path-to-regexp v6 with its defaults
// (anchored, case-insensitive, an optional trailing "/").
//
// NOTE: the i18n locale segment and basePath that Next.js adds when
// next.config sets them are not modelled, so paths must be given without
// locale or basePath.
func (m *Matcher) regexp() (*regexp2.Regexp, error) {
	if m.compiled == nil {
		return compileSource(m.Source)
	}
	c := m.compiled
	c.once.Do(func() {
		c.re, c.err = compileSource(m.Source)
	})
	return c.re, c.err
}

func compileSource(source string) (*regexp2.Regexp, error) {
	if len(source) == 0 || source[0] != '/' {
		return nil, fmt.Errorf("matcher %q must start with \"/\"; Next.js rejects it at build time", source)
	}
	wrapped := "/:nextData(_next/data/[^/]{1,})?" + source + "(\\.json)?"
	if source == "/" {
		wrapped = "/:nextData(_next/data/[^/]{1,})?/(/?index|/?index\\.json)?"
	}
	re, err := compilePathPattern(wrapped)
	if err != nil {
		return nil, fmt.Errorf("matcher %q is not a valid path-to-regexp pattern: %w", source, err)
	}
	return re, nil
}

// compilePathPattern compiles a path-to-regexp v6 pattern with the library's
// defaults, which are also the defaults Next.js and Clerk use.
func compilePathPattern(pattern string) (re *regexp2.Regexp, err error) {
	// The port indexes past the end of the input on a trailing "\" or "(",
	// and panics; the pattern comes from an untrusted source file.
	defer func() {
		if r := recover(); r != nil {
			re, err = nil, fmt.Errorf("pattern ends inside an escape or group")
		}
	}()
	return pathtoregexp.PathToRegexp(pattern, nil, nil)
}

// matches reports whether the matcher selects path. A matcher that does not
// compile selects nothing, because Next.js fails the build on it.
func (m *Matcher) matches(path string) bool {
	re, err := m.regexp()
	if err != nil {
		return false
	}
	ok, err := re.MatchString(path)
	return ok && err == nil
}
