package policy

import (
	"path"
	"path/filepath"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// Glob syntax. Rule patterns and ignore globs use the doublestar syntax
// restricted to "*", "**", "?" and "{a,b}". Square brackets and parentheses
// match themselves, because Next.js writes route segments as [id],
// [...slug] and (group), and a character class would make
// app/posts/[id]/actions.ts match app/posts/i/actions.ts instead of itself.
//
// In a rule pattern, "#" separates the file path from the export name, and
// the matcher treats it as one more path separator. So "**" crosses it
// (app/admin/** matches app/admin/users/actions.ts#ban), while "*" and "?"
// stay within the file name or within the export name. A pattern without "#"
// matches every entry of the files it matches.

// Match returns the rule that applies to the entry with ID entryID, and
// ok=false when none does, in which case the entry requires authentication.
//
// When several rules match, the most specific one wins:
//   - a rule whose pattern equals the ID beats every glob;
//   - among globs, the one with more literal characters wins, counting every
//     character except "*", "?" and the contents of "{...}" groups;
//   - on a tie, the rule that comes later in the file wins.
func (p *Policy) Match(entryID string) (Rule, bool) {
	if p == nil {
		return Rule{}, false
	}

	best, bestExact, bestScore := -1, false, 0
	target := splitEntryID(entryID)
	for i, rule := range p.Rules {
		exact := rule.Pattern == entryID
		if !exact && !matchRule(rule.Pattern, target) {
			continue
		}

		score := literalCount(rule.Pattern)
		better := best < 0 ||
			exact && !bestExact ||
			exact == bestExact && score >= bestScore
		if better {
			best, bestExact, bestScore = i, exact, score
		}
	}

	if best < 0 {
		return Rule{}, false
	}

	return p.Rules[best], true
}

// Ignored reports whether appRelPath, a file or folder path relative to the
// app root, is excluded by an ignore glob. A path is ignored when a glob
// matches it or one of its parent folders, so "scripts" and "scripts/**"
// both ignore every file below scripts.
func (p *Policy) Ignored(appRelPath string) bool {
	if p == nil || len(p.Ignore) == 0 {
		return false
	}

	name := path.Clean(filepath.ToSlash(appRelPath))
	for name != "." && name != "/" && name != "" {
		for _, glob := range p.Ignore {
			if doublestar.MatchUnvalidated(escapeGlob(glob), name) {
				return true
			}
		}
		name = path.Dir(name)
	}

	return false
}

// Unmatched returns the rules that match none of entryIDs, in file order.
// These name entries that do not exist, so the policy is stale. A rule that
// matches an entry counts as matched even when a more specific rule wins
// there.
func (p *Policy) Unmatched(entryIDs []string) []Rule {
	if p == nil {
		return nil
	}

	targets := make([]string, len(entryIDs))
	for i, id := range entryIDs {
		targets[i] = splitEntryID(id)
	}

	var stale []Rule
	for _, rule := range p.Rules {
		if !matchesAny(rule, entryIDs, targets) {
			stale = append(stale, rule)
		}
	}

	return stale
}

func matchesAny(rule Rule, entryIDs, targets []string) bool {
	for i, id := range entryIDs {
		if rule.Pattern == id || matchRule(rule.Pattern, targets[i]) {
			return true
		}
	}

	return false
}

// matchRule reports whether the rule pattern matches target, an entry ID
// prepared by splitEntryID.
func matchRule(pattern, target string) bool {
	return doublestar.MatchUnvalidated(rulePatternGlob(pattern), target)
}

// splitEntryID turns the "#" before the export name into a path segment
// boundary, "file/#name", so that "**" in a pattern crosses it. The export
// name never contains "#", so the last one is the separator.
//
// NOTE: a "#" inside a folder or file name of the ID stays as it is, while
// rulePatternGlob rewrites every "#" of a pattern, so a rule cannot name
// such a file. Next.js apps rarely have one.
func splitEntryID(entryID string) string {
	i := strings.LastIndexByte(entryID, '#')
	if i < 0 {
		return entryID
	}

	return entryID[:i] + "/" + entryID[i:]
}

// rulePatternGlob converts a rule pattern into the doublestar pattern that
// matches IDs prepared by splitEntryID.
func rulePatternGlob(pattern string) string {
	glob := escapeGlob(pattern)
	if !strings.Contains(glob, "#") {
		return glob + "/#*"
	}

	return strings.ReplaceAll(glob, "#", "/#")
}

// escapeGlob makes the characters that doublestar treats as special, other
// than "*", "?" and "{a,b}", match themselves.
func escapeGlob(glob string) string {
	var b strings.Builder
	for _, r := range glob {
		switch r {
		case '[', ']', '\\':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}

	return b.String()
}

// literalCount counts the characters of a pattern that match only
// themselves: every character but "*", "?" and those of "{...}" groups.
func literalCount(pattern string) int {
	count, braces := 0, 0
	for _, r := range pattern {
		switch {
		case r == '{':
			braces++
		case r == '}' && braces > 0:
			braces--
		case braces > 0, r == '*', r == '?':
		default:
			count++
		}
	}

	return count
}

// checkRulePattern returns what is wrong with an entries key, or "".
func checkRulePattern(pattern string) string {
	if pattern == "" {
		return "empty entry ID; write an entry ID such as app/actions.ts#subscribe or a glob over entry IDs"
	}

	if problem := checkPathGlob(pattern); problem != "" {
		return problem
	}

	if i := strings.LastIndexByte(pattern, '#'); i >= 0 {
		switch {
		case i == 0:
			return "the file path before # is empty; write **#" + pattern[1:] + " to match that export in every file"
		case i == len(pattern)-1:
			return "the export name after # is empty; write " + pattern + "* to match every export of the file"
		}
	}

	if !doublestar.ValidatePattern(rulePatternGlob(pattern)) {
		return "invalid glob; only *, **, ? and {a,b} are special, and every { needs its }"
	}

	return ""
}

// checkIgnoreGlob returns what is wrong with an ignore glob, or "".
func checkIgnoreGlob(glob string) string {
	if glob == "" {
		return "empty glob; write an app-relative path glob such as scripts/**"
	}

	if problem := checkPathGlob(glob); problem != "" {
		return problem
	}

	if !doublestar.ValidatePattern(escapeGlob(glob)) {
		return "invalid glob; only *, **, ? and {a,b} are special, and every { needs its }"
	}

	return ""
}

// checkPathGlob rejects path shapes that can never match an app-relative
// path, which would otherwise go unnoticed until the rule turned stale.
func checkPathGlob(glob string) string {
	switch {
	case strings.HasPrefix(glob, "/"):
		return "starts with /, but paths are relative to the app root; remove the leading /"
	case strings.HasPrefix(glob, "./"):
		return "starts with ./, but paths are written without it; remove the leading ./"
	case strings.Contains(glob, "\\"):
		return "contains a backslash; write paths with forward slashes"
	case strings.HasSuffix(glob, "/"):
		return "ends with /; write " + glob + "** to match everything below the folder"
	}

	return ""
}
