package report

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// writeMarkdownScan writes a document for a pull request comment or a job
// summary: a section per app with a findings table, highest severity first.
func writeMarkdownScan(w io.Writer, r *Report, opts Options) error {
	var out strings.Builder
	out.WriteString("# actionguard scan\n")

	for _, app := range r.Apps {
		writeMarkdownAppHeading(&out, app)
		if app.Middleware != nil {
			out.WriteString(markdownText(MiddlewareSummary(app.Middleware)) + "\n\n")
		}
		if len(app.Findings) == 0 {
			out.WriteString("No findings.\n")
			continue
		}

		findings := slices.Clone(app.Findings)
		slices.SortStableFunc(findings, func(a, b Finding) int {
			return compareSeverities(a.Severity, b.Severity)
		})

		out.WriteString("| Severity | Rule | Entry | Location | Message | Fix |\n")
		out.WriteString("| --- | --- | --- | --- | --- | --- |\n")
		for _, finding := range findings {
			writeMarkdownRow(&out,
				markdownText(finding.Severity),
				markdownCode(finding.Rule),
				markdownCode(finding.Entry),
				markdownCode(fmt.Sprintf("%s:%d:%d", finding.File, finding.Line, finding.Column)),
				markdownText(finding.Message),
				markdownText(finding.Fix))
		}
	}

	out.WriteString("\n" + markdownText(scanSummary(r, Options{FailOn: opts.FailOn})) + "\n")

	_, err := io.WriteString(w, out.String())
	return err
}

// writeMarkdownList writes a section per app with a table of its entry
// points.
func writeMarkdownList(w io.Writer, r *Report, _ Options) error {
	var out strings.Builder
	out.WriteString("# actionguard entry points\n")

	for _, app := range r.Apps {
		writeMarkdownAppHeading(&out, app)
		if len(app.Entries) == 0 {
			out.WriteString("No entry points.\n")
			continue
		}

		out.WriteString("| Kind | ID | Location | Auth | Authorization | Reachable | Effects |\n")
		out.WriteString("| --- | --- | --- | --- | --- | --- | --- |\n")
		for _, entry := range app.Entries {
			writeMarkdownRow(&out,
				markdownText(entry.Kind),
				markdownCode(entry.ID),
				markdownCode(fmt.Sprintf("%s:%d", entry.File, entry.Line)),
				markdownText(entry.Auth),
				markdownText(entry.Authorization),
				markdownText(entry.Reachable),
				markdownEffects(entry.Effects))
		}
	}

	fmt.Fprintf(&out, "\nListed %s in %s.\n",
		plural(r.Summary.Entries, "entry point", "entry points"),
		plural(r.Summary.Apps, "app", "apps"))

	_, err := io.WriteString(w, out.String())
	return err
}

func writeMarkdownAppHeading(out *strings.Builder, app App) {
	version := "unknown"
	if app.NextVersion != "" {
		version = app.NextVersion
	}

	fmt.Fprintf(out, "\n## %s\n\n", markdownCode(app.Root))
	fmt.Fprintf(out, "Name %s, Next.js %s, %s.\n\n",
		markdownCode(app.Name),
		markdownText(version),
		plural(len(app.Entries), "entry point", "entry points"))
}

// markdownEffects returns the effects summary as a code span, or "-" as plain
// text when there are none.
func markdownEffects(effects []Effect) string {
	if len(effects) == 0 {
		return "-"
	}
	return markdownCode(effectsSummary(effects))
}

func writeMarkdownRow(out *strings.Builder, cells ...string) {
	out.WriteString("| " + strings.Join(cells, " | ") + " |\n")
}

// markdownSpecials are the characters that can start inline markup (emphasis,
// links, code, HTML, entities, strikethrough) or end a table cell in GitHub
// Flavored Markdown. CommonMark lets a backslash escape any of them.
const markdownSpecials = "\\`*_[]<>&|~"

// markdownText escapes s for a table cell or a line of prose, so that text
// from scanned files shows as written and cannot add markup or cells. A line
// break becomes <br>, because a raw newline would end the table row.
func markdownText(s string) string {
	if s == "" {
		return "-"
	}

	var out strings.Builder
	for _, r := range printable(normalizeNewlines(s), "\n") {
		switch {
		case r == '\n':
			out.WriteString("<br>")
		case strings.ContainsRune(markdownSpecials, r):
			out.WriteByte('\\')
			out.WriteRune(r)
		default:
			out.WriteRune(r)
		}
	}
	return out.String()
}

// markdownCode returns s as a code span for a table cell. The fence is one
// backtick longer than the longest run of backticks in s, so that s cannot
// close it. A code span cannot hold a line break, so newlines become spaces,
// and '|' is still escaped because GitHub splits table cells before it parses
// code spans.
func markdownCode(s string) string {
	if s == "" {
		return "-"
	}

	s = printable(normalizeNewlines(s), "\n")
	s = strings.ReplaceAll(s, "\n", " ")
	s = strings.ReplaceAll(s, "|", "\\|")

	fence := strings.Repeat("`", longestBacktickRun(s)+1)
	padding := ""
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		padding = " "
	}
	return fence + padding + s + padding + fence
}

func longestBacktickRun(s string) int {
	longest, run := 0, 0
	for _, r := range s {
		if r != '`' {
			run = 0
			continue
		}
		run++
		longest = max(longest, run)
	}
	return longest
}

// normalizeNewlines turns CRLF and lone CR into LF.
func normalizeNewlines(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}
