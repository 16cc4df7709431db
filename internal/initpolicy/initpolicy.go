// Package initpolicy writes the starter actionguard.json that
// "actionguard init" puts at an app root.
//
// The starter opens nothing: every entry keeps the default, which requires
// authentication, and admin areas also require the admin role. It declares
// the guards the analysis inferred, so that a reviewer can check which
// helpers the scan trusts.
package initpolicy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"github.com/actionguard/actionguard/internal/policy"
	"path"
	"regexp"
	"slices"
	"strings"
)

// AdminRole is the role the starter requires in admin areas.
const AdminRole = "admin"

// Starter is the content of a starter policy file for one app.
type Starter struct {
	// Guards are the names of the authentication guards, sorted and unique.
	Guards []string
	// AdminAreas are the rule patterns of the admin areas, sorted and
	// unique, such as "app/admin/**" or "lib/admin.ts".
	AdminAreas []string
}

// guardName is the shape policy.Load accepts for a guard without a module:
// a JavaScript identifier, or a member path of identifiers.
var guardName = regexp.MustCompile(`^[\p{L}_$][\p{L}\p{N}_$]*(\.[\p{L}_$][\p{L}\p{N}_$]*)*$`)

// New builds the starter for an app from the names of its inferred guards
// and the IDs of its entry points, in any order. Guard names that a policy
// file cannot declare are dropped.
func New(guards, entryIDs []string) Starter {
	var s Starter
	for _, g := range guards {
		_, name := policy.SplitGuard(g)
		if guardName.MatchString(name) {
			s.Guards = append(s.Guards, g)
		}
	}
	for _, id := range entryIDs {
		if area, ok := AdminArea(id); ok {
			s.AdminAreas = append(s.AdminAreas, area)
		}
	}

	slices.Sort(s.Guards)
	s.Guards = slices.Compact(s.Guards)
	slices.Sort(s.AdminAreas)
	s.AdminAreas = slices.Compact(s.AdminAreas)
	return s
}

// AdminArea returns the rule pattern of the admin area that contains the
// entry with ID entryID. The area is the folder up to the first route
// segment named "admin" or "(admin)", as "<folder>/**". Otherwise it is the
// entry's file when that file is named admin, such as lib/admin.ts. ok is
// false when the entry is in no admin area, and for paths with glob
// characters, which a pattern could not name literally.
func AdminArea(entryID string) (pattern string, ok bool) {
	file := entryID
	if i := strings.LastIndexByte(entryID, '#'); i >= 0 {
		file = entryID[:i]
	}
	if file == "" || strings.ContainsAny(file, "*?{}") {
		return "", false
	}

	segments := strings.Split(file, "/")
	for i, segment := range segments[:len(segments)-1] {
		if segment == "admin" || segment == "(admin)" {
			return strings.Join(segments[:i+1], "/") + "/**", true
		}
	}

	base := path.Base(file)
	if strings.TrimSuffix(base, path.Ext(base)) == "admin" {
		return file, true
	}
	return "", false
}

// header opens every starter file. It must stay a comment, because the
// file is JSON with comments.
const header = `// actionguard policy, written by "actionguard init".
//
// actionguard denies by default: every Server Action, route handler and API
// route of the Next.js app in this folder must authenticate its caller before
// its first side effect. Each entry point stays locked until its code is
// guarded or it is opened here with a reason, for example:
//
//   "app/(marketing)/actions.ts#subscribe": { "access": "public", "reason": "newsletter form, rate limited" }
//
// Keys under "entries" are entry IDs (<file relative to this folder>#<export
// name>) or globs over them; "actionguard list" prints the IDs.
`

// Render returns the starter as the text of an actionguard.json file. The
// output depends only on s, so the same app gives the same bytes.
func (s Starter) Render() []byte {
	var b bytes.Buffer
	b.WriteString(header)
	b.WriteString("{\n")

	b.WriteString("  // Project functions the analysis proved to fail closed when the caller is\n")
	b.WriteString("  // not signed in. A declared guard is trusted by name on every later scan,\n")
	b.WriteString("  // even if its code changes, so remove any that the scan should re-prove.\n")
	b.WriteString("  \"guards\": {\n")
	b.WriteString("    \"authentication\": " + stringList(s.Guards, "    ") + "\n")
	b.WriteString("  },\n")

	b.WriteString("  // Every entry not named here requires a signed-in caller.\n")
	if len(s.AdminAreas) > 0 {
		b.WriteString("  // Admin areas also require the " + AdminRole + " role.\n")
	}
	if len(s.AdminAreas) == 0 {
		b.WriteString("  \"entries\": {},\n")
	} else {
		b.WriteString("  \"entries\": {\n")
		for i, area := range s.AdminAreas {
			separator := ","
			if i == len(s.AdminAreas)-1 {
				separator = ""
			}
			fmt.Fprintf(&b, "    %s: { \"access\": \"role\", \"roles\": [%s] }%s\n", quote(area), quote(AdminRole), separator)
		}
		b.WriteString("  },\n")
	}

	b.WriteString("  \"ignore\": []\n")
	b.WriteString("}\n")
	return b.Bytes()
}

// stringList renders items as a JSON array, one item a line indented by
// indent plus two spaces, or "[]" when there are none.
func stringList(items []string, indent string) string {
	if len(items) == 0 {
		return "[]"
	}
	var b strings.Builder
	b.WriteString("[\n")
	for i, item := range items {
		b.WriteString(indent + "  " + quote(item))
		if i < len(items)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString(indent + "]")
	return b.String()
}

// quote returns s as a JSON string. It leaves <, > and & as they are,
// because the file is read by people and by a JSON parser, not by a browser.
func quote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	// Encoding a string into a bytes.Buffer cannot fail: invalid UTF-8 is
	// replaced, not rejected.
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}
