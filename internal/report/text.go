package report

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"text/tabwriter"
)

// ansiReset ends an ANSI style.
const ansiReset = "\x1b[0m"

// severityStyles are the ANSI styles of severities in colored text output.
var severityStyles = map[string]string{
	P0: "\x1b[1;31m", // bold red
	P1: "\x1b[31m",   // red
	P2: "\x1b[33m",   // yellow
	P3: "\x1b[2m",    // dim
}

// writeTextScan writes one block per app, with its findings grouped by
// severity, highest first, and a closing summary line.
func writeTextScan(w io.Writer, r *Report, opts Options) error {
	var out strings.Builder

	for i, app := range r.Apps {
		if i > 0 {
			out.WriteString("\n")
		}
		out.WriteString(appHeader(app) + "\n")
		if app.Middleware != nil {
			out.WriteString("  " + printable(MiddlewareSummary(app.Middleware), "") + "\n")
		}
		writeTextFindings(&out, app.Findings, opts)
	}

	if len(r.Apps) > 0 {
		out.WriteString("\n")
	}
	out.WriteString(scanSummary(r, opts) + "\n")

	_, err := io.WriteString(w, out.String())
	return err
}

func writeTextFindings(out *strings.Builder, findings []Finding, opts Options) {
	if len(findings) == 0 {
		out.WriteString("  No findings.\n")
		return
	}

	for _, sev := range severitiesIn(findings) {
		fmt.Fprintf(out, "  %s\n", styleSeverity(sev, opts))
		for _, finding := range findings {
			if finding.Severity != sev {
				continue
			}
			writeTextFinding(out, finding)
		}
	}
}

func writeTextFinding(out *strings.Builder, finding Finding) {
	location := fmt.Sprintf("%s:%d:%d", printable(finding.File, ""), finding.Line, finding.Column)
	fmt.Fprintf(out, "    %s  %s", location, printable(finding.Rule, ""))
	if finding.Entry != "" {
		fmt.Fprintf(out, "  %s", printable(entryName(finding.Entry), ""))
	}
	out.WriteString("\n")

	fmt.Fprintf(out, "      %s\n", indentLines(finding.Message, "      "))
	if finding.Fix != "" {
		fmt.Fprintf(out, "      fix: %s\n", indentLines(finding.Fix, "      "))
	}
}

// indentLines makes s printable and starts each of its lines after the first
// with indent, so that a message of several lines stays under its finding.
func indentLines(s, indent string) string {
	s = printable(normalizeNewlines(s), "\n")
	return strings.ReplaceAll(s, "\n", "\n"+indent)
}

// appHeader returns the line that opens an app in text output, such as
// "apps/web (web), Next.js 15.2.1, 4 entry points".
func appHeader(app App) string {
	version := "Next.js version unknown"
	if app.NextVersion != "" {
		version = "Next.js " + app.NextVersion
	}
	header := fmt.Sprintf("%s (%s), %s, %s", app.Root, app.Name, version, plural(len(app.Entries), "entry point", "entry points"))
	return printable(header, "")
}

// MiddlewareSummary returns one sentence saying which file gates which
// request paths and naming the sampled paths it lets through, such as
// "Middleware middleware.ts authenticates requests matching /dashboard/:path*;
// it lets through /, /api/leads/import." When the body checks only some of
// the paths its matcher selects, the sentence names those paths or the
// exceptions instead of the whole matcher.
func MiddlewareSummary(m *Middleware) string {
	var line strings.Builder
	fmt.Fprintf(&line, "Middleware %s ", m.File)
	selected := "every request path"
	if len(m.Matchers) > 0 {
		selected = "requests matching " + strings.Join(m.Matchers, ", ")
	}
	switch {
	case m.Unresolved != "":
		fmt.Fprintf(&line, "could not be read statically (%s), so no path counts as gated", strings.TrimSuffix(m.Unresolved, "."))
	case !m.Authenticates:
		line.WriteString("rejects no request for a missing session, so it gates no path")
	case slices.Contains(m.PublicPaths, "/(.*)"):
		line.WriteString("lets some anonymous requests through on every path, so it gates no path")
	case len(m.ProtectedPaths) > 0 && len(m.Matchers) > 0:
		fmt.Fprintf(&line, "runs on %s but authenticates only requests matching %s", selected, strings.Join(m.ProtectedPaths, ", "))
	case len(m.ProtectedPaths) > 0:
		fmt.Fprintf(&line, "authenticates only requests matching %s", strings.Join(m.ProtectedPaths, ", "))
	case len(m.PublicPaths) > 0:
		fmt.Fprintf(&line, "authenticates %s except those matching %s", selected, strings.Join(m.PublicPaths, ", "))
	case len(m.Matchers) == 0:
		line.WriteString("authenticates every request path")
	default:
		fmt.Fprintf(&line, "authenticates %s", selected)
	}
	if len(m.PassThrough) > 0 {
		fmt.Fprintf(&line, "; it lets through %s.", strings.Join(m.PassThrough, ", "))
	} else {
		line.WriteString("; it lets none of the sampled paths through.")
	}
	return line.String()
}

// scanSummary returns the closing line of a scan, such as "Scanned 2 apps
// with 6 entry points: 5 findings (P0 1, P1 2, P2 1, P3 1). 3 are at or above
// --fail-on P1."
func scanSummary(r *Report, opts Options) string {
	var line strings.Builder
	fmt.Fprintf(&line, "Scanned %s with %s: ",
		plural(r.Summary.Apps, "app", "apps"),
		plural(r.Summary.Entries, "entry point", "entry points"))

	total := 0
	var counts []string
	for _, sev := range slices.SortedFunc(maps.Keys(r.Summary.Findings), compareSeverities) {
		count := r.Summary.Findings[sev]
		total += count
		counts = append(counts, styleSeverity(sev, opts)+" "+fmt.Sprint(count))
	}
	fmt.Fprintf(&line, "%s (%s).", plural(total, "finding", "findings"), strings.Join(counts, ", "))

	if SeverityRank(opts.FailOn) < len(severityOrder) {
		fmt.Fprintf(&line, " %d at or above --fail-on %s.", countAtOrAbove(r, opts.FailOn), opts.FailOn)
	}
	return line.String()
}

// styleSeverity wraps sev in its ANSI style when opts.Color is set.
func styleSeverity(sev string, opts Options) string {
	style, known := severityStyles[sev]
	if !opts.Color || !known {
		return printable(sev, "")
	}
	return style + sev + ansiReset
}

// writeTextList writes one aligned table of entry points per app and a
// closing count.
func writeTextList(w io.Writer, r *Report, _ Options) error {
	var out strings.Builder

	for i, app := range r.Apps {
		if i > 0 {
			out.WriteString("\n")
		}
		out.WriteString(appHeader(app) + "\n")
		if err := writeEntryTable(&out, app.Entries); err != nil {
			return err
		}
	}

	if len(r.Apps) > 0 {
		out.WriteString("\n")
	}
	fmt.Fprintf(&out, "Listed %s in %s.\n",
		plural(r.Summary.Entries, "entry point", "entry points"),
		plural(r.Summary.Apps, "app", "apps"))

	_, err := io.WriteString(w, out.String())
	return err
}

func writeEntryTable(out *strings.Builder, entries []Entry) error {
	if len(entries) == 0 {
		out.WriteString("  No entry points.\n")
		return nil
	}

	// The POLICY column appears only when a rule or an inline comment set
	// some entry's access, so apps without a policy keep the narrow table.
	withPolicy := slices.ContainsFunc(entries, func(e Entry) bool { return e.Policy != "" })
	header := "  KIND\tID\tLOCATION\tAUTH\tAUTHORIZATION\tREACHABLE\tEFFECTS"
	if withPolicy {
		header += "\tPOLICY"
	}
	table := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(table, header)
	for _, entry := range entries {
		cells := []string{
			entry.Kind,
			entry.ID,
			fmt.Sprintf("%s:%d", entry.File, entry.Line),
			entry.Auth,
			entry.Authorization,
			entry.Reachable,
			effectsSummary(entry.Effects),
		}
		if withPolicy {
			cells = append(cells, entry.Policy)
		}
		for i, cell := range cells {
			cells[i] = cmp.Or(printable(cell, ""), "-")
		}
		fmt.Fprintln(table, "  "+strings.Join(cells, "\t"))
	}
	return table.Flush()
}

// effectsSummary returns the distinct effects as "class:what", in the order
// given, such as "write:db.insert, read:fetch", or "-" when there are none.
func effectsSummary(effects []Effect) string {
	var parts []string
	for _, effect := range effects {
		part := effect.Class + ":" + effect.What
		if !slices.Contains(parts, part) {
			parts = append(parts, part)
		}
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, ", ")
}
