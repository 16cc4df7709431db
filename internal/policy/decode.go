package policy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/tailscale/hujson"
)

// Error is one problem in a policy file.
type Error struct {
	// File is the policy file path as it was passed to Load.
	File string
	// Line is the line of the problem, counting from 1.
	Line int
	// Key is the path to the offending key, such as
	// entries["app/admin/**"].access, or "" for a syntax error.
	Key string
	// Problem describes what is wrong and what to do about it.
	Problem string
}

// Error formats the problem as "file:line: key: problem".
func (e *Error) Error() string {
	if e.Key == "" {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Problem)
	}

	return fmt.Sprintf("%s:%d: %s: %s", e.File, e.Line, e.Key, e.Problem)
}

// maxDepth bounds how deeply arrays and objects may nest. The schema needs
// four levels (the root, "entries", a rule, its "roles"). The bound exists
// because hujson parses recursively with no limit of its own, and a file of
// a million "[" would overflow the goroutine stack, which kills the process
// instead of returning an error.
const maxDepth = 32

// hujsonPosition matches the position prefix of a hujson syntax error, which
// hujson only provides as text.
var hujsonPosition = regexp.MustCompile(`^hujson: line (\d+), column (\d+): (.*)$`)

// decoder walks the parsed file, collecting every problem with its line.
type decoder struct {
	file     string
	data     []byte
	problems []error
}

// parse validates data, the contents of the policy file named file, and
// builds the Policy it describes.
func parse(file string, data []byte) (*Policy, error) {
	// Editors on Windows may save a byte order mark, which is not JSON but
	// changes nothing the user meant. Trimming it keeps every line number.
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	d := &decoder{file: file, data: data}

	if offset, ok := checkDepth(data); !ok {
		d.fail(offset, "", "arrays and objects nest more than %d levels deep; a policy file needs at most 4", maxDepth)
		return nil, errors.Join(d.problems...)
	}

	root, err := hujson.Parse(data)
	if err != nil {
		return nil, d.syntaxError(err)
	}

	// Standardize turns comments and trailing commas into spaces, keeping
	// every byte offset, so the offsets below still point into data.
	root.Standardize()

	p := d.decodePolicy(root)
	if len(d.problems) > 0 {
		return nil, errors.Join(d.problems...)
	}

	return p, nil
}

func (d *decoder) syntaxError(err error) error {
	m := hujsonPosition.FindStringSubmatch(err.Error())
	if m == nil {
		return &Error{File: d.file, Line: 1, Problem: fmt.Sprintf("invalid JSON: %v; fix the syntax (comments and trailing commas are allowed)", err)}
	}

	line, _ := strconv.Atoi(m[1])
	return &Error{
		File:    d.file,
		Line:    line,
		Problem: fmt.Sprintf("invalid JSON at column %s: %s; fix the syntax (comments and trailing commas are allowed)", m[2], m[3]),
	}
}

// fail records a problem at the byte offset of the value or key it concerns.
func (d *decoder) fail(offset int, key, format string, args ...any) {
	line := 1 + bytes.Count(d.data[:offset], []byte("\n"))
	d.problems = append(d.problems, &Error{File: d.file, Line: line, Key: key, Problem: fmt.Sprintf(format, args...)})
}

func (d *decoder) decodePolicy(root hujson.Value) *Policy {
	p := &Policy{}

	obj, ok := root.Value.(*hujson.Object)
	if !ok {
		d.fail(root.StartOffset, "", "the policy must be a JSON object, not %s; start from {\"entries\": {}}", kindName(root))
		return p
	}

	topKey := func(name string) string { return name }
	for _, m := range d.members(obj, topKey) {
		switch m.name {
		case "guards":
			p.Guards = d.decodeGuards(m.value)
		case "entries":
			p.Rules = d.decodeRules(m.value)
		case "ignore":
			p.Ignore = d.decodeIgnore(m.value)
		case "$schema":
			// Editors read "$schema" to offer completion, so it is allowed,
			// but it must still be a string.
			d.decodeString(m.value, "$schema")
		default:
			d.fail(m.offset, m.name, "unknown key; the valid keys are guards, entries and ignore")
		}
	}

	return p
}

// member is an object member with its name decoded.
type member struct {
	name   string
	offset int // of the name, for problems with the key itself
	value  hujson.Value
}

// members decodes the names of obj's members. It reports a name that occurs
// twice, because decoding would otherwise keep only one of the two values.
// keyOf gives the key path of a member from its name.
func (d *decoder) members(obj *hujson.Object, keyOf func(name string) string) []member {
	var out []member
	first := make(map[string]int)

	for _, m := range obj.Members {
		// hujson.Parse rejects a member name that is not a string, so this
		// cannot fail on a parsed file.
		name, ok := d.decodeString(m.Name, keyOf("?"))
		if !ok {
			continue
		}

		if line, dup := first[name]; dup {
			d.fail(m.Name.StartOffset, keyOf(name), "duplicate key, first defined at line %d; merge the two", line)
			continue
		}
		first[name] = 1 + bytes.Count(d.data[:m.Name.StartOffset], []byte("\n"))

		out = append(out, member{name: name, offset: m.Name.StartOffset, value: m.Value})
	}

	return out
}

func (d *decoder) decodeGuards(v hujson.Value) Guards {
	var g Guards

	obj, ok := v.Value.(*hujson.Object)
	if !ok {
		d.fail(v.StartOffset, "guards", "must be an object with authentication and authorization lists, not %s", kindName(v))
		return g
	}

	guardKey := func(name string) string { return "guards." + name }
	for _, m := range d.members(obj, guardKey) {
		key := guardKey(m.name)
		switch m.name {
		case "authentication":
			g.Authentication = d.decodeGuardList(m.value, key)
		case "authorization":
			g.Authorization = d.decodeGuardList(m.value, key)
		default:
			d.fail(m.offset, key, "unknown key; the valid keys are authentication and authorization")
		}
	}

	return g
}

// guardName is a JavaScript identifier, or a member path of identifiers
// such as auth.protect.
var guardName = regexp.MustCompile(`^[\p{L}_$][\p{L}\p{N}_$]*(\.[\p{L}_$][\p{L}\p{N}_$]*)*$`)

func (d *decoder) decodeGuardList(v hujson.Value, key string) []string {
	items := d.decodeStrings(v, key)

	for _, item := range items {
		module, name := SplitGuard(item.text)
		switch {
		case strings.Contains(item.text, "#") && strings.TrimSpace(module) == "":
			d.fail(item.offset, item.key, "invalid guard %q: the module before # is empty; write \"name\" or \"module#name\"", item.text)
		case strings.ContainsFunc(module, isSpace):
			d.fail(item.offset, item.key, "invalid guard %q: the module contains white space; write the module specifier as the source imports it", item.text)
		case !guardName.MatchString(name):
			d.fail(item.offset, item.key, "invalid guard %q: %q is not a function name; write \"name\" or \"module#name\"", item.text, name)
		}
	}

	return texts(items)
}

func (d *decoder) decodeRules(v hujson.Value) []Rule {
	obj, ok := v.Value.(*hujson.Object)
	if !ok {
		d.fail(v.StartOffset, "entries", "must be an object from entry IDs or globs to rules, not %s", kindName(v))
		return nil
	}

	var rules []Rule
	for _, m := range d.members(obj, ruleKey) {
		key := ruleKey(m.name)

		if problem := checkRulePattern(m.name); problem != "" {
			d.fail(m.offset, key, "%s", problem)
			continue
		}

		rule, ok := d.decodeRule(m.value, key)
		if !ok {
			continue
		}
		rule.Pattern = m.name
		rule.Line = 1 + bytes.Count(d.data[:m.offset], []byte("\n"))

		rules = append(rules, rule)
	}

	return rules
}

// decodeRule decodes one rule object; ok is false when it had a problem.
func (d *decoder) decodeRule(v hujson.Value, key string) (rule Rule, ok bool) {
	before := len(d.problems)

	obj, isObject := v.Value.(*hujson.Object)
	if !isObject {
		d.fail(v.StartOffset, key, "must be an object such as {\"access\": \"public\", \"reason\": \"...\"}, not %s", kindName(v))
		return rule, false
	}

	rule.Access = AccessAuthenticated
	accessOffset, rolesOffset := v.StartOffset, -1
	fieldKey := func(name string) string { return key + "." + name }
	for _, m := range d.members(obj, fieldKey) {
		field := fieldKey(m.name)
		switch m.name {
		case "access":
			rule.Access, _ = d.decodeString(m.value, field)
			accessOffset = m.value.StartOffset
		case "reason":
			rule.Reason, _ = d.decodeString(m.value, field)
		case "roles":
			items := d.decodeStrings(m.value, field)
			for _, item := range items {
				if strings.TrimSpace(item.text) == "" {
					d.fail(item.offset, item.key, "empty role name; remove it or write the role")
				}
			}
			rule.Roles = texts(items)
			rolesOffset = m.value.StartOffset
		default:
			d.fail(m.offset, field, "unknown key; the valid keys are access, reason and roles")
		}
	}
	if len(d.problems) > before {
		return rule, false
	}

	switch rule.Access {
	case AccessPublic, AccessAuthenticated:
		if rolesOffset >= 0 {
			d.fail(rolesOffset, key+".roles", "roles apply only to access %q, but the access is %q; set \"access\": \"role\" or remove roles", AccessRole, rule.Access)
		}
	case AccessRole:
		if len(rule.Roles) == 0 {
			d.fail(accessOffset, key+".roles", "access %q needs a non-empty roles list such as [\"admin\"]", AccessRole)
		}
	default:
		d.fail(accessOffset, key+".access", "unknown access level %q; use public, authenticated or role", rule.Access)
	}

	return rule, len(d.problems) == before
}

func (d *decoder) decodeIgnore(v hujson.Value) []string {
	items := d.decodeStrings(v, "ignore")

	for _, item := range items {
		if problem := checkIgnoreGlob(item.text); problem != "" {
			d.fail(item.offset, item.key, "%s", problem)
		}
	}

	return texts(items)
}

// decodeString decodes a JSON string, reporting any other kind of value.
func (d *decoder) decodeString(v hujson.Value, key string) (string, bool) {
	lit, ok := v.Value.(hujson.Literal)
	if !ok || lit.Kind() != '"' {
		d.fail(v.StartOffset, key, "must be a string, not %s", kindName(v))
		return "", false
	}

	var s string
	if err := json.Unmarshal(lit, &s); err != nil {
		d.fail(v.StartOffset, key, "invalid string: %v", err)
		return "", false
	}

	return s, true
}

// stringItem is a decoded array element with what later problems about it
// need: its key path and byte offset.
type stringItem struct {
	text   string
	key    string
	offset int
}

// decodeStrings decodes an array of strings. An element of another kind is
// reported and left out.
func (d *decoder) decodeStrings(v hujson.Value, key string) []stringItem {
	arr, ok := v.Value.(*hujson.Array)
	if !ok {
		d.fail(v.StartOffset, key, "must be an array of strings, not %s", kindName(v))
		return nil
	}

	items := make([]stringItem, 0, len(arr.Elements))
	for i, elem := range arr.Elements {
		elemKey := fmt.Sprintf("%s[%d]", key, i)
		s, ok := d.decodeString(elem, elemKey)
		if !ok {
			continue
		}
		items = append(items, stringItem{text: s, key: elemKey, offset: elem.StartOffset})
	}

	return items
}

func texts(items []stringItem) []string {
	list := make([]string, len(items))
	for i, item := range items {
		list[i] = item.text
	}

	return list
}

// checkDepth scans data for brackets outside strings and comments and
// returns the offset of the first one nested deeper than maxDepth. It leaves
// every syntax error to hujson.
func checkDepth(data []byte) (offset int, ok bool) {
	depth := 0

	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '"':
			i = skipString(data, i)
		case '/':
			i = skipComment(data, i)
		case '{', '[':
			depth++
			if depth > maxDepth {
				return i, false
			}
		case '}', ']':
			depth--
		}
	}

	return 0, true
}

// skipString returns the offset of the quote closing the string that opens
// at start, or the last offset when it is not closed.
func skipString(data []byte, start int) int {
	for i := start + 1; i < len(data); i++ {
		switch data[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}

	return len(data) - 1
}

// skipComment returns the last offset of the comment that opens at start,
// or start itself when no comment opens there.
func skipComment(data []byte, start int) int {
	rest := data[start:]

	switch {
	case bytes.HasPrefix(rest, []byte("//")):
		if end := bytes.IndexByte(rest, '\n'); end >= 0 {
			return start + end
		}
		return len(data) - 1
	case bytes.HasPrefix(rest, []byte("/*")):
		if end := bytes.Index(rest[2:], []byte("*/")); end >= 0 {
			return start + 2 + end + 1
		}
		return len(data) - 1
	}

	return start
}

// kindName names the JSON kind of v for messages.
func kindName(v hujson.Value) string {
	if v.Value == nil {
		return "nothing"
	}

	switch v.Value.Kind() {
	case 'n':
		return "null"
	case 't', 'f':
		return "a boolean"
	case '"':
		return "a string"
	case '0':
		return "a number"
	case '{':
		return "an object"
	case '[':
		return "an array"
	}

	return "an unknown value"
}

// ruleKey is the key path of the rule for pattern, as in
// entries["app/admin/**"].
func ruleKey(pattern string) string {
	return fmt.Sprintf("entries[%q]", pattern)
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r'
}
