package report

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
)

// informationURI is the tool's home page in SARIF output. SARIF requires an
// absolute URI there when the property is present.
const informationURI = "https://github.com/actionguard/actionguard"

// fingerprintKey names the Fingerprint in each result's partialFingerprints.
// The "/v1" suffix follows the SARIF convention of versioning a fingerprint
// scheme, so that a future change of the hash can use a new key.
const fingerprintKey = "actionguard/v1"

// ruleDescriptions holds the one-sentence description of each rule that
// SARIF viewers show next to a result.
// NOTE: this duplicates the first sentence of each rule's help text; a rule
// missing here is described by its name alone.
var ruleDescriptions = map[string]string{
	"missing-auth":          "An entry point reaches a side effect without an authentication guard.",
	"auth-after-effect":     "An entry point runs a side effect before its authentication guard.",
	"auth-not-enforced":     "An entry point reads the caller's identity but goes on when there is none.",
	"missing-role-check":    "An entry point that must be restricted to a role has no authorization guard.",
	"fail-open-allowlist":   "An allowlist or shared secret from configuration lets everyone through when it is empty or unset.",
	"unverified-guard":      "A call looks like a guard, but its behaviour could not be proven.",
	"public-without-reason": "The policy opens an entry point to the public without a reason.",
	"stale-policy":          "The policy names an entry point or file that does not exist.",
	"parse-error":           "A source file could not be parsed, so entry points in it may be missing.",
}

// writeSARIF writes r as a SARIF 2.1.0 log with one run: a reporting
// descriptor per rule that has findings, sorted by rule ID, and one result per
// finding in report order.
func writeSARIF(w io.Writer, r *Report, _ Options) error {
	// SARIF requires a driver name, and an unset Tool is a caller's slip that
	// should not make the log invalid.
	toolName := cmp.Or(r.Tool.Name, "actionguard")
	run := sarif.NewRunWithInformationURI(toolName, informationURI)
	if r.Tool.Version != "" {
		run.Tool.Driver.WithVersion(r.Tool.Version)
	}

	for _, rule := range rulesIn(r) {
		description := ruleDescriptions[rule]
		if description == "" {
			description = rule
		}
		run.AddRule(rule).WithDescription(description)
	}

	for _, app := range r.Apps {
		for _, finding := range app.Findings {
			addSARIFResult(run, finding)
		}
	}

	log := sarif.NewReport()
	log.AddRun(run)
	return encodeJSON(w, log)
}

func addSARIFResult(run *sarif.Run, finding Finding) {
	text := finding.Message
	if finding.Fix != "" {
		text += " Fix: " + finding.Fix
	}

	region := sarif.NewRegion()
	if finding.Line > 0 {
		region.WithStartLine(finding.Line)
	}
	if finding.Column > 0 {
		region.WithStartColumn(finding.Column)
	}
	physical := sarif.NewPhysicalLocation().
		WithArtifactLocation(sarif.NewSimpleArtifactLocation(fileURI(finding.File))).
		WithRegion(region)

	properties := sarif.NewPropertyBag().Add("severity", finding.Severity)
	if finding.Entry != "" {
		properties.Add("entry", finding.Entry)
	}

	run.CreateResultForRule(finding.Rule).
		WithLevel(sarifLevel(finding.Severity)).
		WithMessage(sarif.NewTextMessage(text)).
		AddLocation(sarif.NewLocationWithPhysicalLocation(physical)).
		WithPartialFingerprints(map[string]string{fingerprintKey: finding.Fingerprint}).
		WithProperties(properties)
}

// sarifLevel maps P0 and P1 to error, P2 to warning, and P3 and unknown
// severities to note.
func sarifLevel(sev string) string {
	switch sev {
	case P0, P1:
		return sarif.LevelError
	case P2:
		return sarif.LevelWarning
	}
	return sarif.LevelNote
}

// fileURI returns a relative URI reference for a slash-separated path. It
// percent-encodes only what RFC 3986 forbids in a path, such as spaces, '%',
// '#', '?', '[' and ']'. Sub-delimiters such as '(' and ')' stay as they are,
// so that route groups like "app/(marketing)" remain readable and match the
// repository path in viewers that compare URIs as text. A first segment with
// a colon gets a "./" prefix, so that it is not read as a scheme.
func fileURI(file string) string {
	var out strings.Builder
	firstSegment, _, _ := strings.Cut(file, "/")
	if strings.Contains(firstSegment, ":") {
		out.WriteString("./")
	}

	for _, b := range []byte(file) {
		if isURIPathByte(b) {
			out.WriteByte(b)
			continue
		}
		fmt.Fprintf(&out, "%%%02X", b)
	}
	return out.String()
}

// isURIPathByte reports whether RFC 3986 allows b unescaped in a path:
// unreserved characters, sub-delimiters, ':', '@' and the '/' separator.
func isURIPathByte(b byte) bool {
	switch {
	case 'a' <= b && b <= 'z', 'A' <= b && b <= 'Z', '0' <= b && b <= '9':
		return true
	}
	return strings.IndexByte("-._~!$&'()*+,;=:@/", b) >= 0
}

// rulesIn returns the distinct rules of r's findings, sorted.
func rulesIn(r *Report) []string {
	var rules []string
	for _, app := range r.Apps {
		for _, finding := range app.Findings {
			if !slices.Contains(rules, finding.Rule) {
				rules = append(rules, finding.Rule)
			}
		}
	}
	slices.Sort(rules)
	return rules
}
