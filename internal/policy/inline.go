package policy

import (
	"strings"
)

// Inline is a policy directive written as a comment directly above an entry
// point in the source.
type Inline struct {
	// Access is always AccessPublic, the only level a comment may set.
	Access string
	// Reason is the text after "--", trimmed, or "" when there is none.
	Reason string
}

// inlinePrefix starts every inline directive.
const inlinePrefix = "actionguard"

// ParseInlineComment parses a directive such as
//
//	// actionguard: public -- newsletter form, rate limited
//
// comment is the comment's source text, a line comment or a block comment
// (/* ... */, including JSDoc /** ... */ spanning several lines); the text
// without its comment markers is accepted too. Spaces around ":" and "--"
// are optional. It returns ok=false for any comment that is not a directive,
// and for a directive with another level than public, because opening an
// entry to the public is the only decision that belongs next to the code.
func ParseInlineComment(comment string) (Inline, bool) {
	text := commentText(comment)

	rest, found := strings.CutPrefix(text, inlinePrefix)
	if !found {
		return Inline{}, false
	}

	rest, found = strings.CutPrefix(strings.TrimSpace(rest), ":")
	if !found {
		return Inline{}, false
	}

	access, reason, _ := strings.Cut(rest, "--")
	if strings.TrimSpace(access) != AccessPublic {
		return Inline{}, false
	}

	return Inline{Access: AccessPublic, Reason: strings.TrimSpace(reason)}, true
}

// commentText strips the comment markers from comment and joins the lines
// of a block comment with single spaces.
func commentText(comment string) string {
	text := strings.TrimSpace(comment)

	if body, found := strings.CutPrefix(text, "//"); found {
		return strings.TrimSpace(body)
	}

	body, found := strings.CutPrefix(text, "/*")
	if !found {
		return text
	}
	body = strings.TrimSuffix(body, "*/")

	// A block comment may be JSDoc style, with "*" leading the first line
	// and every following one.
	lines := strings.Split(body, "\n")
	for i, line := range lines {
		line = strings.TrimSpace(line)
		line = strings.TrimLeft(line, "*")
		lines[i] = strings.TrimSpace(line)
	}

	return strings.TrimSpace(strings.Join(nonEmpty(lines), " "))
}

func nonEmpty(lines []string) []string {
	out := lines[:0]
	for _, line := range lines {
		if line != "" {
			out = append(out, line)
		}
	}

	return out
}
