package scan

import (
	"fmt"

	"github.com/actionguard/actionguard/internal/analysis"
	"github.com/actionguard/actionguard/internal/policy"
)

// AppGuards maps an app's report root (report.App.Root) to the project
// functions the analysis proved to be fail-closed authentication guards in
// that app, sorted by file and line. Guard.File is an absolute path.
type AppGuards map[string][]analysis.Guard

// appliedPolicy names the policy decision behind an entry's access, for
// report.Entry.Policy: the winning rule of the policy file as
// "<pattern> (<file>:<line>)", or an inline opening as
// "inline comment (<file>:<line>)". It returns "" when neither applies and
// the entry falls under the default, which requires authentication. The
// precedence is the one access uses: a policy rule beats an inline comment.
func appliedPolicy(a analyzed, pol *policy.Policy, workDir string) string {
	if rule, ok := pol.Match(a.e.ID); ok {
		file := policy.FileName
		if pol.File != "" {
			file = relPath(workDir, pol.File)
		}
		return fmt.Sprintf("%s (%s:%d)", rule.Pattern, file, rule.Line)
	}

	if a.e.Inline == nil {
		return ""
	}
	if _, ok := policy.ParseInlineComment(a.e.Inline.Text); !ok {
		return ""
	}
	return fmt.Sprintf("inline comment (%s:%d)", relPath(workDir, a.e.Module.File.Path), a.e.Inline.Line)
}
