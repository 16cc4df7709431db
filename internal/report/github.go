package report

import (
	"fmt"
	"io"
	"strings"
)

// writeGitHubScan writes one GitHub Actions workflow command per finding, so
// that each shows as an annotation on the file and line, and a closing plain
// summary line for the log.
func writeGitHubScan(w io.Writer, r *Report, opts Options) error {
	var out strings.Builder

	for _, app := range r.Apps {
		for _, finding := range app.Findings {
			writeGitHubAnnotation(&out, finding)
		}
	}
	out.WriteString(scanSummary(r, Options{FailOn: opts.FailOn}) + "\n")

	_, err := io.WriteString(w, out.String())
	return err
}

func writeGitHubAnnotation(out *strings.Builder, finding Finding) {
	properties := []string{"file=" + escapeGitHubProperty(finding.File)}
	if finding.Line > 0 {
		properties = append(properties, fmt.Sprintf("line=%d", finding.Line))
		if finding.Column > 0 {
			properties = append(properties, fmt.Sprintf("col=%d", finding.Column))
		}
	}
	title := fmt.Sprintf("%s (%s)", finding.Rule, finding.Severity)
	properties = append(properties, "title="+escapeGitHubProperty(title))

	message := finding.Message
	if finding.Fix != "" {
		message += " Fix: " + finding.Fix
	}

	fmt.Fprintf(out, "::%s %s::%s\n",
		gitHubCommand(finding.Severity),
		strings.Join(properties, ","),
		escapeGitHubData(message))
}

// writeGitHubList writes the text table of each app inside a collapsible log
// group, and a closing plain count.
func writeGitHubList(w io.Writer, r *Report, _ Options) error {
	var out strings.Builder

	for _, app := range r.Apps {
		fmt.Fprintf(&out, "::group::%s\n", escapeGitHubData(appHeader(app)))
		if err := writeEntryTable(&out, app.Entries); err != nil {
			return err
		}
		out.WriteString("::endgroup::\n")
	}
	fmt.Fprintf(&out, "Listed %s in %s.\n",
		plural(r.Summary.Entries, "entry point", "entry points"),
		plural(r.Summary.Apps, "app", "apps"))

	_, err := io.WriteString(w, out.String())
	return err
}

// gitHubCommand returns the annotation command for a severity: error for P0
// and P1, warning for P2, notice for P3 and unknown severities.
func gitHubCommand(sev string) string {
	switch sev {
	case P0, P1:
		return "error"
	case P2:
		return "warning"
	}
	return "notice"
}

// gitHubDataEscaper applies the escaping GitHub documents for the message of
// a workflow command, so that a newline in it cannot end the command and
// start another.
var gitHubDataEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")

// gitHubPropertyEscaper also escapes ':' and ',', which end a property value.
var gitHubPropertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")

// escapeGitHubData escapes s for the message part of a workflow command.
// Control characters other than CR and LF, which GitHub's escaping leaves
// alone, are written as Go escapes, as in the text format.
func escapeGitHubData(s string) string {
	return printable(gitHubDataEscaper.Replace(s), "")
}

// escapeGitHubProperty escapes s for a property value of a workflow command.
func escapeGitHubProperty(s string) string {
	return printable(gitHubPropertyEscaper.Replace(s), "")
}
