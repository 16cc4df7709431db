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
	// Context is a sentence appended to the messages of missing-auth,
	// auth-after-effect and auth-not-enforced findings that reach a side
	// effect, such as why the app's middleware does not protect the entry.
	Context string
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
	guard := s.Guard
	if guard == "" {
		guard = "requireAuth()"
	}
	switch v.Auth {
	case analysis.StatusMissing:
		if len(v.Offending) == 0 {
			out = append(out, s.finding(MissingAuth, report.P3,
				fmt.Sprintf("%s %s does not authenticate the caller; it reaches no side effect, so this is for information.", kindLabel(s.Kind), s.Name),
				fmt.Sprintf("Call %s first if the entry will ever touch data, or open it as public with a reason.", guard)))
			break
		}
		out = append(out, s.finding(MissingAuth, severityFor(v),
			s.withContext(fmt.Sprintf("%s %s %s without authenticating the caller.", kindLabel(s.Kind), s.Name, s.describe(decisive(v)))),
			fmt.Sprintf("Call %s (or your fail-closed guard) before the first side effect, or open the entry as public with a reason if it is meant to be.", guard)))
	case analysis.StatusAfterEffect:
		out = append(out, s.finding(AuthAfterEffect, severityFor(v),
			s.withContext(fmt.Sprintf("%s %s %s before it authenticates the caller.", kindLabel(s.Kind), s.Name, s.describe(decisive(v)))),
			"Move the guard above the first side effect."))
	case analysis.StatusNotEnforced:
		out = append(out, s.finding(AuthNotEnforced, severityFor(v),
			s.withContext(fmt.Sprintf("%s %s reads the caller's identity but does not leave when it is missing, and %s.", kindLabel(s.Kind), s.Name, s.describe(decisive(v)))),
			"Leave the function when the identity is missing (throw, return, or redirect()), and do not catch the guard's error and go on."))
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
	}
	return "causes a side effect"
}
