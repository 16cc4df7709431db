package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/actionguard/actionguard/internal/crosscheck"
	"github.com/actionguard/actionguard/internal/nextbuild"
	"github.com/actionguard/actionguard/internal/probe"
	"github.com/actionguard/actionguard/internal/report"
	"github.com/actionguard/actionguard/internal/scan"
)

const probeUsage = `Usage: actionguard probe --build DIR --url URL [--allow-remote] [--format text|json]

Calls every server action that the build in DIR compiled once, as an
anonymous caller, on the app running at URL, and prints the static verdict
beside the observed outcome. The calls run the actions' code and may
change data: probe only a server and data you own.

Flags:
`

// probeRow is one probed action with the static verdict on its entry.
type probeRow struct {
	ID     string `json:"id"`
	Module string `json:"module"`
	Export string `json:"export"`
	// Entry is the report entry ID, or "" when no entry matches. Unmatched
	// then gives the reason.
	Entry     string         `json:"entry"`
	Unmatched string         `json:"unmatched,omitempty"`
	Auth      string         `json:"auth,omitempty"`
	Reachable string         `json:"reachable,omitempty"`
	Findings  []probeFinding `json:"findings"`
	Outcome   probe.Outcome  `json:"outcome"`
	Status    int            `json:"status,omitempty"`
	Location  string         `json:"location,omitempty"`
	Detail    string         `json:"detail,omitempty"`
}

type probeFinding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
}

type probeReport struct {
	Target  string     `json:"target"`
	Build   string     `json:"build"`
	Actions []probeRow `json:"actions"`
}

func runProbe(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("actionguard probe", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, probeUsage)
		fs.PrintDefaults()
	}
	buildDir := fs.String("build", "", "the app's build output folder (usually .next), written by next build")
	rawURL := fs.String("url", "", "base URL of the running app, such as http://127.0.0.1:3000")
	allowRemote := fs.Bool("allow-remote", false, "allow a URL whose host is not a loopback address")
	format := fs.String("format", "text", "output format: text or json")
	timeout := fs.Duration("timeout", probe.DefaultTimeout, "time limit for each request")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}

	switch {
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, "actionguard: probe takes no arguments, got %q; pass the build folder with --build\n", fs.Arg(0))
		return 2
	case *buildDir == "":
		fmt.Fprintln(stderr, "actionguard: missing --build; pass the app's build output folder, such as app/.next")
		return 2
	case *rawURL == "":
		fmt.Fprintln(stderr, "actionguard: missing --url; pass the base URL of the running app, such as http://127.0.0.1:3000")
		return 2
	case *format != "text" && *format != "json":
		fmt.Fprintf(stderr, "actionguard: invalid --format %q; probe writes text or json\n", *format)
		return 2
	case *timeout <= 0:
		fmt.Fprintf(stderr, "actionguard: invalid --timeout %v; use a positive duration such as 10s\n", *timeout)
		return 2
	}

	// The target is checked first, so that a rejected URL stops the command
	// before anything else is read or sent.
	target, err := probe.CheckTarget(*rawURL, *allowRemote)
	if err != nil {
		hint := ""
		if strings.Contains(err.Error(), "host") {
			hint = " (--allow-remote permits other hosts)"
		}
		fmt.Fprintf(stderr, "actionguard: %v%s\n", err, hint)
		return 2
	}
	actions, err := nextbuild.ReadManifest(*buildDir)
	if err != nil {
		fmt.Fprintf(stderr, "actionguard: %v\n", err)
		return 2
	}
	app, appDir, err := scanBuildApp(*buildDir)
	if err != nil {
		fmt.Fprintf(stderr, "actionguard: %v\n", err)
		return 2
	}
	pairs := crosscheck.Match(appDir, app, actions)

	fmt.Fprintf(stderr, "actionguard: warning: probing calls each of the %d compiled actions once at %s as an anonymous caller; this runs their code and may change data\n", len(actions), target)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	results, err := probe.Run(ctx, target, actions, probe.Options{Timeout: *timeout})
	if err != nil {
		fmt.Fprintf(stderr, "actionguard: %v\n", err)
	}

	rows := probeRows(results, pairs)
	out := probeReport{Target: target.String(), Build: *buildDir, Actions: rows}
	if werr := writeProbe(stdout, out, *format); werr != nil {
		fmt.Fprintf(stderr, "actionguard: cannot write the probe report: %v\n", werr)
		return 2
	}
	if err != nil {
		return 2
	}
	return probeStatus(rows, stderr)
}

// probeStatus returns 1 when an anonymous call completed an action the
// policy does not open to the public, and warns about each action whose
// static verdict said it was authenticated: the server proved otherwise.
func probeStatus(rows []probeRow, stderr io.Writer) int {
	status := 0
	for _, r := range rows {
		if r.Outcome != probe.Completed || r.Auth == report.AuthPublic {
			continue
		}
		status = 1
		if r.Auth == report.AuthAuthenticated {
			fmt.Fprintf(stderr, "actionguard: warning: %s was judged authenticated, but the anonymous call completed\n", r.Entry)
		}
	}
	return status
}

// scanBuildApp runs the static analysis on the app that holds buildDir,
// its parent folder.
func scanBuildApp(buildDir string) (report.App, string, error) {
	abs, err := filepath.Abs(buildDir)
	if err != nil {
		return report.App{}, "", err
	}
	appDir := filepath.Dir(abs)
	res, err := scan.Run(scan.Options{Paths: []string{appDir}, WorkDir: appDir, Version: version})
	if err != nil {
		return report.App{}, "", err
	}
	for _, app := range res.Report.Apps {
		// Report roots are relative to WorkDir, so the app itself is ".".
		if app.Root == "." {
			return app, appDir, nil
		}
	}
	return report.App{}, "", fmt.Errorf("%s, the folder that holds %s, is not a Next.js app: it has no package.json that depends on next and no next.config file", appDir, buildDir)
}

func probeRows(results []probe.Result, pairs []crosscheck.Pair) []probeRow {
	byID := map[string]crosscheck.Pair{}
	for _, p := range pairs {
		byID[p.Action.ID] = p
	}
	var rows []probeRow
	for _, r := range results {
		row := probeRow{
			ID:       r.Action.ID,
			Module:   r.Action.Module,
			Export:   r.Action.Export,
			Findings: []probeFinding{},
			Outcome:  r.Outcome,
			Status:   r.Status,
			Location: r.Location,
			Detail:   r.Detail,
		}
		p := byID[r.Action.ID]
		if p.Entry == nil {
			row.Unmatched = p.Reason
		} else {
			row.Entry = p.Entry.ID
			row.Auth = p.Entry.Auth
			row.Reachable = p.Entry.Reachable
			for _, f := range p.Findings {
				row.Findings = append(row.Findings, probeFinding{Rule: f.Rule, Severity: f.Severity})
			}
		}
		rows = append(rows, row)
	}
	return rows
}

func writeProbe(w io.Writer, out probeReport, format string) error {
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}

	fmt.Fprintf(w, "Probed %d actions at %s\n", len(out.Actions), out.Target)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  ACTION ID\tENTRY\tSTATIC\tOUTCOME")
	for _, row := range out.Actions {
		entry := row.Entry
		if entry == "" {
			entry = "(no entry) " + row.Module + "#" + row.Export
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", row.ID, entry, staticVerdict(row), outcomeText(row))
	}
	return tw.Flush()
}

// staticVerdict formats the report's verdict: "missing, missing-auth P0".
func staticVerdict(row probeRow) string {
	if row.Entry == "" {
		return "-"
	}
	parts := []string{row.Auth}
	for _, f := range row.Findings {
		parts = append(parts, f.Rule+" "+f.Severity)
	}
	return strings.Join(parts, ", ")
}

func outcomeText(row probeRow) string {
	switch row.Outcome {
	case probe.Redirected:
		return "redirected to " + row.Location
	case probe.UnknownAction:
		return "unknown action"
	case probe.UnexpectedResponse:
		return "unexpected response: " + row.Detail
	case probe.Error:
		return "error: " + row.Detail
	}
	return string(row.Outcome)
}
