package rules

import (
	"fmt"
	"strings"

	"github.com/actionguard/actionguard/internal/analysis"
	"github.com/actionguard/actionguard/internal/report"
)

// Subject is an entry with its verdict, as the rules see it.
type Subject struct {
	Kind string
	Name string
	ID   string
	// File is the entry's file relative to the working directory; AppFile
	// relative to the app root.
	File    string
	AppFile string
	Line    int
	Column  int
	Verdict analysis.Verdict
	// Public marks an entry the policy opened; Reason is the reason given.
	Public bool
	Reason string
	// Reachable is report.ReachClient, ReachServer or ReachNone.
	Reachable string
	// Guard is the guard to suggest in fixes, such as "requireUser()".
	Guard string
	// Rel maps an absolute path to the form shown in messages.
	Rel func(string) string
	// Roles is the authorization the entry requires.
	Roles Roles
	// Context is a sentence appended to the messages of missing-auth,
	// auth-after-effect and auth-not-enforced findings that reach a side
	// effect, such as why the app's middleware does not protect the entry.
	Context string
}

// Roles is an entry's authorization requirement.
type Roles struct {
	// Required lists the roles the policy admits.
	Required []string
	// Default marks an entry that must be restricted to administrators
	// because its route segment, file or name says admin.
	Default bool
	// Source names where the requirement comes from, for messages.
	Source string
}

func (r Roles) needed() bool { return r.Default || len(r.Required) > 0 }

// satisfiedBy reports whether the roles a check admits (a verdict's
// Authorization) stay within the requirement. A check whose roles are not
// literal cannot be compared, so it is given the benefit of the doubt.
func (r Roles) satisfiedBy(admitted string) bool {
	if admitted == "" {
		return false
	}
	if admitted == "*" {
		return true
	}
	for _, role := range strings.Split(admitted, ",") {
		if role == "*" {
			continue
		}
		if r.Default && !adminLike(role) {
			return false
		}
		if !r.Default && !contains(r.Required, role) {
			return false
		}
	}
	return true
}

func adminLike(role string) bool {
	lower := strings.ToLower(role)
	if strings.Contains(lower, "admin") {
		return true
	}
	switch lower {
	case "owner", "superuser", "root", "staff", "allowlist":
		return true
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Evaluate returns the findings for one entry.
func Evaluate(s Subject) []report.Finding {
	var out []report.Finding
	if s.Public {
		if strings.TrimSpace(s.Reason) == "" {
			out = append(out, s.finding(PublicWithoutReason, report.P2,
				fmt.Sprintf("%s %s is opened to the public with no reason.", kindLabel(s.Kind), s.Name),
				`Add a "reason" to the policy rule, or text after "--" in the inline comment.`))
		}
		return out
	}

	v := s.Verdict
	for _, f := range v.FailOpen {
		out = append(out, s.failOpenFinding(f))
	}
	authenticate := "authenticate the caller fail-closed (leave when auth() or your session helper finds no user)"
	if s.Guard != "" {
		authenticate = fmt.Sprintf("call %s, the app's fail-closed guard,", s.Guard)
	}
	switch v.Auth {
	case analysis.StatusMissing:
		if len(v.Offending) == 0 {
			out = append(out, s.finding(MissingAuth, report.P3,
				fmt.Sprintf("%s %s does not authenticate the caller; it reaches no side effect, so this is for information.", kindLabel(s.Kind), s.Name),
				fmt.Sprintf("If the entry will ever touch data, %s first; otherwise open it as public with a reason.", authenticate)))
			break
		}
		out = append(out, s.finding(MissingAuth, severityFor(v),
			s.withContext(fmt.Sprintf("%s %s %s without authenticating the caller.", kindLabel(s.Kind), s.Name, s.describe(decisive(v)))),
			fmt.Sprintf("Before the first side effect, %s. If the entry is public by design, open it in actionguard.json with a reason.", strings.TrimSuffix(authenticate, ","))))
	case analysis.StatusAfterEffect:
		out = append(out, s.finding(AuthAfterEffect, severityFor(v),
			s.withContext(fmt.Sprintf("%s %s %s before it authenticates the caller.", kindLabel(s.Kind), s.Name, s.describe(decisive(v)))),
			"Move the guard above the first side effect."))
	case analysis.StatusNotEnforced:
		out = append(out, s.finding(AuthNotEnforced, severityFor(v),
			s.withContext(fmt.Sprintf("%s %s reads the caller's identity but does not leave when it is missing, and %s.", kindLabel(s.Kind), s.Name, s.describe(decisive(v)))),
			"Leave the function when the identity is missing (throw, return, or redirect()), and do not catch the guard's error and go on."))
	case analysis.StatusAuthenticated:
		if len(v.CallerSupplied) > 0 {
			c := v.CallerSupplied[0]
			where := fmt.Sprintf("line %d", c.Line)
			if s.Rel != nil {
				if rel := s.Rel(c.File); rel != s.File {
					where = fmt.Sprintf("%s:%d", rel, c.Line)
				}
			}
			out = append(out, s.finding(CallerSupplied, report.P2,
				fmt.Sprintf("%s %s uses %s from its input in %s (%s) without comparing it with the signed-in caller's identity or membership.", kindLabel(s.Kind), s.Name, c.Name, c.What, where),
				fmt.Sprintf("Derive %s from the session, or check that the caller owns it or belongs to it before the query.", c.Name)))
		}
		if s.Roles.needed() && len(v.Effects) > 0 && !s.Roles.satisfiedBy(v.Authorization) {
			out = append(out, s.finding(MissingRoleCheck, report.P1, s.roleMessage(), s.roleFix()))
		}
	case analysis.StatusUnverified:
		why := v.Why
		if why == "" {
			why = "its behaviour could not be followed"
		}
		out = append(out, s.finding(UnverifiedGuard, report.P2,
			fmt.Sprintf("%s %s relies on a guard that could not be verified: %s.", kindLabel(s.Kind), s.Name, strings.TrimSuffix(why, ".")),
			`Make the guard's code visible to the scan, or declare it in actionguard.json under "guards" if it fails closed.`))
	}
	return out
}

func (s Subject) withContext(message string) string {
	if s.Context == "" {
		return message
	}
	return message + " " + s.Context
}

// decisive returns the offending effect that sets the severity: the first
// write when there is one, so that a P0 message names the write and not an
// earlier read.
func decisive(v analysis.Verdict) analysis.Effect {
	if v.Write {
		for _, e := range v.Offending {
			if e.Class == report.EffectWrite {
				return e
			}
		}
	}
	return v.Offending[0]
}

func (s Subject) failOpenFinding(f analysis.FailOpen) report.Finding {
	where := fmt.Sprintf("line %d", f.Line)
	if s.Rel != nil {
		if rel := s.Rel(f.File); rel != s.File {
			where = fmt.Sprintf("%s:%d", rel, f.Line)
		}
	}
	setting := "its setting"
	if f.Setting != "" {
		setting = f.Setting
	}
	if f.Secret {
		return s.finding(FailOpenAllowlist, report.P1,
			fmt.Sprintf("%s %s compares the request with the secret %s (%s) without first rejecting when it is unset, so \"Bearer undefined\" passes wherever the variable is missing.", kindLabel(s.Kind), s.Name, setting, where),
			fmt.Sprintf("Reject the request when %s is empty or unset before comparing: if (!secret || header !== `Bearer ${secret}`) return 401.", setting))
	}
	return s.finding(FailOpenAllowlist, report.P1,
		fmt.Sprintf("%s %s applies the allowlist %s only when it is non-empty (%s: %s), so an empty or unset list lets everyone through.", kindLabel(s.Kind), s.Name, setting, where, f.Check),
		"Reject when the list is empty: if (allowed.length === 0 || !allowed.includes(email)) throw.")
}

func (s Subject) roleMessage() string {
	need := "an administrator"
	if len(s.Roles.Required) > 0 {
		need = "the role " + strings.Join(s.Roles.Required, " or ")
	}
	if s.Verdict.Authorization != "" {
		return fmt.Sprintf("%s %s must be restricted to %s (%s), but its check admits %s.",
			kindLabel(s.Kind), s.Name, need, s.Roles.Source, strings.ReplaceAll(s.Verdict.Authorization, ",", ", "))
	}
	return fmt.Sprintf("%s %s must be restricted to %s (%s), but it only checks that the caller is signed in.",
		kindLabel(s.Kind), s.Name, need, s.Roles.Source)
}

func (s Subject) roleFix() string {
	role := "admin"
	if len(s.Roles.Required) > 0 {
		role = s.Roles.Required[0]
	}
	return fmt.Sprintf("After authenticating, check the caller's role and fail closed (if (user.role !== %q) forbidden()), or set the entry's access in actionguard.json if it is not privileged.", role)
}

func severityFor(v analysis.Verdict) string {
	if v.Write {
		return report.P0
	}
	return report.P1
}

func (s Subject) finding(rule, severity, message, fix string) report.Finding {
	if s.Reachable != "" && s.Reachable != report.ReachClient && report.SeverityRank(severity) < report.SeverityRank(report.P2) {
		severity = report.P2
		message += " No client code references it, so it is latent: one client import away from being callable."
	}
	return report.Finding{
		Rule:        rule,
		Severity:    severity,
		Entry:       s.ID,
		File:        s.File,
		Line:        s.Line,
		Column:      s.Column,
		Message:     message,
		Fix:         fix,
		Fingerprint: report.Fingerprint(rule, s.AppFile, s.Name),
	}
}

func kindLabel(kind string) string {
	switch kind {
	case report.KindRouteHandler:
		return "Route handler"
	case report.KindAPIRoute:
		return "API route"
	}
	return "Server action"
}

// describe words an effect: "writes to the database (db.insert, line 14)".
func (s Subject) describe(e analysis.Effect) string {
	where := fmt.Sprintf("line %d", e.Line)
	if s.Rel != nil {
		if rel := s.Rel(e.File); rel != s.File {
			where = fmt.Sprintf("%s:%d", rel, e.Line)
		}
	}
	return fmt.Sprintf("%s (%s, %s)", EffectPhrase(e), e.What, where)
}

// EffectPhrase words what an effect does.
func EffectPhrase(e analysis.Effect) string {
	write, read := e.Class == "write", e.Class == "read"
	switch e.Category {
	case "database":
		switch {
		case write:
			return "writes to the database"
		case read:
			return "reads from the database"
		}
		return "queries the database"
	case "network":
		switch {
		case write:
			return "sends a request to an outside service"
		case read:
			return "fetches from an outside service"
		}
		return "calls an outside service"
	case "email":
		return "sends email"
	case "file system":
		if read {
			return "reads files"
		}
		return "writes files"
	case "process":
		return "starts a process"
	case "cookie":
		return "sets a cookie"
	case "storage":
		return "writes to storage"
	case "identity provider":
		if read {
			return "reads users from the identity provider"
		}
		return "changes users at the identity provider"
	case "unresolved":
		return "calls code that could not be followed"
	case "dispatch":
		return "hands the request to project code through a library router"
	}
	return "causes a side effect"
}
