package analysis

import (
	"sort"
	"strconv"
	"strings"
)

func addKey(set, key string) string {
	if set == "" {
		return key
	}
	keys := strings.Split(set, ",")
	for _, k := range keys {
		if k == key {
			return set
		}
	}
	keys = append(keys, key)
	sort.Strings(keys)
	return strings.Join(keys, ",")
}

func intersectKeys(a, b string) string {
	if a == "" || b == "" {
		return ""
	}
	in := map[string]bool{}
	for _, k := range strings.Split(a, ",") {
		in[k] = true
	}
	var out []string
	for _, k := range strings.Split(b, ",") {
		if in[k] {
			out = append(out, k)
		}
	}
	return strings.Join(out, ",")
}

// presentArgument reports whether one of the parameter keys in checked
// (such as "0" or "0.user") names an argument that holds the caller's
// identity, so that the callee's test of it was a test of the identity.
func presentArgument(checked string, args []value) bool {
	if checked == "" || len(args) == 0 {
		return false
	}
	for _, key := range strings.Split(checked, ",") {
		v, ok := argumentAt(key, args)
		if !ok {
			continue
		}
		if v.kind == vIdentity && !v.id.unverified && v.id.satisfiedBy(nil) {
			return true
		}
	}
	return false
}

func unionKeys(a, b string) string {
	if b == "" {
		return a
	}
	for _, k := range strings.Split(b, ",") {
		a = addKey(a, k)
	}
	return a
}

// argumentAt resolves a parameter key ("0", "0.user") against the
// arguments of a call.
func argumentAt(key string, args []value) (value, bool) {
	parts := strings.Split(key, ".")
	i, err := strconv.Atoi(parts[0])
	if err != nil || i >= len(args) {
		return value{}, false
	}
	v := args[i]
	for _, step := range parts[1:] {
		v = member(v, step)
	}
	return v, true
}

// forwardedKeys maps the callee's tested parameter keys to the caller's own
// parameters where the caller passed one of them on.
func forwardedKeys(checked string, args []value) string {
	if checked == "" {
		return ""
	}
	out := ""
	for _, key := range strings.Split(checked, ",") {
		if v, ok := argumentAt(key, args); ok && v.kind == vParam {
			out = addKey(out, v.param)
		}
	}
	return out
}
