package scan

import (
	"path"
	"regexp"
	"strings"

	"github.com/actionguard/actionguard/internal/policy"
	"github.com/actionguard/actionguard/internal/report"
	"github.com/actionguard/actionguard/internal/rules"
)

// adminName matches an export name that says admin (adminDeleteUser,
// deleteUserAsAdmin), but not words that merely contain it.
var adminName = regexp.MustCompile(`(^admin|Admin)([A-Z_]|$)`)

// requiredRoles returns the roles an entry must be restricted to: those of
// a policy rule with "access": "role", or by default the admin roles when
// the entry's route segment, file or name says admin and no policy rule
// decides otherwise.
func requiredRoles(a analyzed, pol *policy.Policy) rules.Roles {
	if rule, ok := pol.Match(a.e.ID); ok {
		if rule.Access == policy.AccessRole {
			return rules.Roles{Required: rule.Roles, Source: "the policy"}
		}
		return rules.Roles{}
	}
	if saysAdmin(a.e.ID) {
		return rules.Roles{Default: true, Source: "its name says admin"}
	}
	return rules.Roles{}
}

// saysAdmin reports an entry ID under an admin route segment (app/admin/,
// app/(admin)/), in an admin file (actions/admin.ts), or with an admin
// export name.
func saysAdmin(id string) bool {
	file, name, _ := strings.Cut(id, "#")
	for _, seg := range strings.Split(path.Dir(file), "/") {
		if seg == "admin" || seg == "(admin)" {
			return true
		}
	}
	base := strings.TrimSuffix(path.Base(file), path.Ext(path.Base(file)))
	if base == "admin" {
		return true
	}
	last := name
	if i := strings.LastIndex(name, "."); i >= 0 {
		last = name[i+1:]
	}
	return adminName.MatchString(last)
}

// authorizationField fills the report's authorization field: the roles the
// checks admit, "none" when the entry needs a role and has no check, and
// "not-required" otherwise.
func authorizationField(a analyzed, pol *policy.Policy) string {
	if a.verdict.Authorization != "" {
		return a.verdict.Authorization
	}
	if r := requiredRoles(a, pol); r.Default || len(r.Required) > 0 {
		return report.AuthorizationNone
	}
	return report.AuthorizationNotRequired
}
