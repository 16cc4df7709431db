package report

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// Output formats, the values of --format.
const (
	FormatText     = "text"
	FormatJSON     = "json"
	FormatMarkdown = "markdown"
	FormatSARIF    = "sarif"
	FormatGitHub   = "github"
)

// Options are the settings a renderer takes besides the report.
type Options struct {
	// Color turns on ANSI colors for severities in text output. The other
	// formats ignore it.
	Color bool
	// FailOn is the --fail-on threshold, P0 to P3 or FailOnNone. The summary
	// line of the text, markdown and github scan output states how many
	// findings are at or above it. Any other value, "" included, leaves that
	// count out.
	FailOn string
}

// Formats returns the names WriteScan and WriteList accept, in the order help
// text lists them.
func Formats() []string {
	return []string{FormatText, FormatJSON, FormatMarkdown, FormatSARIF, FormatGitHub}
}

// renderer writes a finalized report in one format.
type renderer func(w io.Writer, r *Report, opts Options) error

var scanRenderers = map[string]renderer{
	FormatText:     writeTextScan,
	FormatJSON:     writeJSON,
	FormatMarkdown: writeMarkdownScan,
	FormatSARIF:    writeSARIF,
	FormatGitHub:   writeGitHubScan,
}

// listRenderers differ from scanRenderers only where a format can show an
// inventory; see WriteList.
var listRenderers = map[string]renderer{
	FormatText:     writeTextList,
	FormatJSON:     writeJSON,
	FormatMarkdown: writeMarkdownList,
	FormatSARIF:    writeSARIF,
	FormatGitHub:   writeGitHubList,
}

// WriteScan finalizes r (see Finalize) and writes it to w as the scan report
// in format: the findings of every app with a summary. It returns an error
// for an unknown format before it touches r or w, and any error from w.
func WriteScan(w io.Writer, r *Report, format string, opts Options) error {
	return render(scanRenderers, w, r, format, opts)
}

// WriteList finalizes r (see Finalize) and writes it to w as the inventory in
// format: every entry point with its kind, ID, location, authentication,
// authorization, reachability and effects. It returns an error for an
// unknown format before it touches r or w, and any error from w.
//
// The json format writes the same document as WriteScan, so that scripts read
// one schema. So does sarif, because SARIF describes results and has no place
// for an inventory of entries. The github format folds the text table of each
// app into a log group, because one annotation per entry would bury the
// annotations that findings raise.
func WriteList(w io.Writer, r *Report, format string, opts Options) error {
	return render(listRenderers, w, r, format, opts)
}

func render(renderers map[string]renderer, w io.Writer, r *Report, format string, opts Options) error {
	write, known := renderers[format]
	if !known {
		return fmt.Errorf("unknown output format %q: use one of %s", format, strings.Join(Formats(), ", "))
	}

	Finalize(r)
	return write(w, r, opts)
}

// printable replaces every control character of s, except those listed in
// keep, with a visible Go escape such as \x1b or \u009b. Names and messages
// come from the scanned files, and a file name holding a terminal escape
// sequence must not be able to rewrite the reader's screen or fake a line of
// the report.
func printable(s, keep string) string {
	clean := true
	for _, r := range s {
		if unicode.IsControl(r) && !strings.ContainsRune(keep, r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}

	var out strings.Builder
	for _, r := range s {
		if unicode.IsControl(r) && !strings.ContainsRune(keep, r) {
			quoted := strconv.QuoteRune(r)
			out.WriteString(quoted[1 : len(quoted)-1])
			continue
		}
		out.WriteRune(r)
	}
	return out.String()
}

// plural returns "1 entry point" or "2 entry points" style counts.
func plural(n int, singular, pluralForm string) string {
	if n == 1 {
		return "1 " + singular
	}
	return strconv.Itoa(n) + " " + pluralForm
}

// severitiesIn returns the distinct severities of findings, highest first,
// with unknown values last in lexical order.
func severitiesIn(findings []Finding) []string {
	var severities []string
	for _, finding := range findings {
		if !slices.Contains(severities, finding.Severity) {
			severities = append(severities, finding.Severity)
		}
	}
	slices.SortFunc(severities, compareSeverities)
	return severities
}

func compareSeverities(a, b string) int {
	return cmp.Or(cmp.Compare(SeverityRank(a), SeverityRank(b)), cmp.Compare(a, b))
}

// countAtOrAbove returns how many findings of r are at or above threshold.
func countAtOrAbove(r *Report, threshold string) int {
	count := 0
	for _, app := range r.Apps {
		for _, finding := range app.Findings {
			if AtOrAbove(finding.Severity, threshold) {
				count++
			}
		}
	}
	return count
}
