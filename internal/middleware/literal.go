package middleware

import (
	"strconv"
	"strings"
	"unicode/utf8"

	sitter "github.com/smacker/go-tree-sitter"
)

// stripExpr removes the wrappers that do not change a value: parentheses,
// TypeScript's `as`, `satisfies` and non-null `!`.
func stripExpr(n *sitter.Node) *sitter.Node {
	for n != nil {
		switch n.Type() {
		case "parenthesized_expression", "as_expression", "satisfies_expression", "non_null_expression":
			n = firstNamed(n)
		default:
			return n
		}
	}
	return nil
}

// firstNamed returns the first named child that is not a comment.
func firstNamed(n *sitter.Node) *sitter.Node {
	for _, c := range namedChildren(n) {
		return c
	}
	return nil
}

// namedChildren lists n's named children without comments.
func namedChildren(n *sitter.Node) []*sitter.Node {
	if n == nil {
		return nil
	}
	count := int(n.NamedChildCount())
	out := make([]*sitter.Node, 0, count)
	for i := range count {
		c := n.NamedChild(i)
		if c != nil && c.Type() != "comment" {
			out = append(out, c)
		}
	}
	return out
}

// stringValue returns the value of a string literal, or of a template
// literal without substitutions, with JavaScript escapes decoded.
func stringValue(n *sitter.Node, src []byte) (string, bool) {
	n = stripExpr(n)
	if n == nil || (n.Type() != "string" && n.Type() != "template_string") {
		return "", false
	}
	var b strings.Builder
	for _, c := range namedChildren(n) {
		switch c.Type() {
		case "string_fragment":
			b.WriteString(c.Content(src))
		case "escape_sequence":
			b.WriteString(decodeEscape(c.Content(src)))
		default:
			// A template substitution makes the value dynamic.
			return "", false
		}
	}
	return b.String(), true
}

// decodeEscape decodes one JavaScript escape sequence, such as `\\`, `\n`,
// `\x41`, `\u0041` or `\u{1F600}`. An escape of any other character stands
// for the character itself, as in JavaScript.
func decodeEscape(seq string) string {
	if len(seq) < 2 || seq[0] != '\\' {
		return seq
	}
	body := seq[1:]
	switch body[0] {
	case 'n':
		return "\n"
	case 't':
		return "\t"
	case 'r':
		return "\r"
	case 'b':
		return "\b"
	case 'f':
		return "\f"
	case 'v':
		return "\v"
	case '0':
		if len(body) == 1 {
			return "\x00"
		}
	case '\n', '\r':
		return "" // line continuation
	case 'x':
		if v, err := strconv.ParseUint(body[1:], 16, 8); err == nil {
			return string(rune(v))
		}
	case 'u':
		hex := strings.Trim(body[1:], "{}")
		if v, err := strconv.ParseUint(hex, 16, 32); err == nil && utf8.ValidRune(rune(v)) {
			return string(rune(v))
		}
	}
	return body
}

// stringList returns the values of an array literal whose elements are all
// string literals.
func stringList(n *sitter.Node, src []byte) ([]string, bool) {
	n = stripExpr(n)
	if n == nil || n.Type() != "array" {
		return nil, false
	}
	var out []string
	for _, el := range namedChildren(n) {
		s, ok := stringValue(el, src)
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

// objectProps maps the keys of an object literal to their value nodes; a
// method maps to its method_definition node. It fails on spreads and
// computed keys, whose effect is not static.
func objectProps(n *sitter.Node, src []byte) (map[string]*sitter.Node, bool) {
	n = stripExpr(n)
	if n == nil || n.Type() != "object" {
		return nil, false
	}
	props := map[string]*sitter.Node{}
	for _, c := range namedChildren(n) {
		switch c.Type() {
		case "pair":
			key := c.ChildByFieldName("key")
			name, ok := propertyName(key, src)
			if !ok {
				return nil, false
			}
			props[name] = c.ChildByFieldName("value")
		case "shorthand_property_identifier":
			props[c.Content(src)] = c
		case "method_definition":
			// `authorized() { ... }`: the method node is its own value.
			name, ok := propertyName(c.ChildByFieldName("name"), src)
			if !ok {
				return nil, false
			}
			props[name] = c
		default:
			return nil, false
		}
	}
	return props, true
}

func propertyName(key *sitter.Node, src []byte) (string, bool) {
	if key == nil {
		return "", false
	}
	switch key.Type() {
	case "property_identifier", "identifier":
		return key.Content(src), true
	case "string":
		return stringValue(key, src)
	}
	return "", false
}
