// Command actionguard audits Next.js apps for Server Actions, route handlers
// and API routes that do not authenticate their callers.
//
// Exit status: 0 when no finding is at or above --fail-on, 1 when one is,
// 2 for a usage, configuration or I/O error that stopped the scan.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/actionguard/actionguard/internal/report"
	"github.com/actionguard/actionguard/internal/rules"
	"github.com/actionguard/actionguard/internal/scan"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

const usage = `actionguard audits Next.js apps for server-side entry points that do not
authenticate and authorize their callers.

Usage:
  actionguard scan [flags] [PATH...]    analyze every Next.js app under each PATH
  actionguard list [flags] [PATH...]    list every entry point with its status
  actionguard init [flags] [PATH...]    write a starter actionguard.json for each app
                                        (flags: --dry-run, --jobs N, --quiet)
  actionguard probe --build DIR --url URL
                                        call each compiled action on a running app
                                        and compare with the static verdict
  actionguard explain RULE              describe a rule and how to fix it
  actionguard version                   print the version and build commit

Flags for scan and list:
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		newFlags(io.Discard).fs.SetOutput(stderr)
		printDefaults(stderr)
		return 2
	}
	switch args[0] {
	case "scan", "list":
		return runScan(args[0], args[1:], stdout, stderr)
	case "probe":
		return runProbe(args[1:], stdout, stderr)
	case "init":
		return runInit(args[1:], stdout, stderr)
	case "explain":
		return runExplain(args[1:], stdout, stderr)
	case "version", "--version", "-version":
		fmt.Fprintf(stdout, "actionguard %s (commit %s)\n", version, commit())
		return 0
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		printDefaults(stdout)
		return 0
	}
	fmt.Fprintf(stderr, "actionguard: unknown command %q; run 'actionguard help' for the commands\n", args[0])
	return 2
}

type options struct {
	fs         *flag.FlagSet
	format     string
	output     string
	failOn     string
	config     string
	advisories string
	jobs       int
	quiet      bool
	noColor    bool
}

func newFlags(errOut io.Writer) *options {
	o := &options{fs: flag.NewFlagSet("actionguard", flag.ContinueOnError)}
	o.fs.SetOutput(errOut)
	o.fs.StringVar(&o.format, "format", "text", "output format: "+strings.Join(report.Formats(), ", "))
	o.fs.StringVar(&o.output, "output", "", "write the report to this file instead of standard output")
	o.fs.StringVar(&o.failOn, "fail-on", "P1", "exit 1 when a finding is at or above this severity: P0, P1, P2, P3 or none")
	o.fs.StringVar(&o.config, "config", "", "policy file for every app (default: actionguard.json at the app root, then at the scan root)")
	o.fs.StringVar(&o.advisories, "advisories", "", "OSV JSON file of advisories to check next and react-server-dom-* against, in addition to the built-in ones")
	o.fs.IntVar(&o.jobs, "jobs", 0, "files and entries analyzed at once (default: the number of CPUs)")
	o.fs.BoolVar(&o.quiet, "quiet", false, "print no warnings on standard error")
	o.fs.BoolVar(&o.noColor, "no-color", false, "print no color codes, even on a terminal")
	return o
}

func printDefaults(w io.Writer) {
	o := newFlags(w)
	o.fs.PrintDefaults()
}

// parseInterspersed parses flags that may follow the paths, as in
// "actionguard scan apps --format json". A flag error is returned with the
// flag package's own output silenced, so that the caller prints one line in
// the tool's format; -h prints the flags and returns flag.ErrHelp.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	out := fs.Output()
	fs.SetOutput(io.Discard)
	defer fs.SetOutput(out)
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.SetOutput(out)
				fs.PrintDefaults()
			}
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		if rest[0] == "--" {
			return append(positional, rest[1:]...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// flagError prints a flag parse error and returns the exit status for it.
func flagError(err error, command string, stderr io.Writer) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	fmt.Fprintf(stderr, "actionguard: %v; run 'actionguard %s -h' for its flags\n", err, command)
	return 2
}

func runScan(command string, args []string, stdout, stderr io.Writer) int {
	o := newFlags(stderr)
	paths, err := parseInterspersed(o.fs, args)
	if err != nil {
		return flagError(err, command, stderr)
	}
	o.format = strings.ToLower(o.format)
	if !validFormat(o.format) {
		fmt.Fprintf(stderr, "actionguard: invalid --format %q; use one of %s\n", o.format, strings.Join(report.Formats(), ", "))
		return 2
	}
	failOn := strings.ToUpper(o.failOn)
	if failOn != "NONE" && report.SeverityRank(failOn) > 3 {
		fmt.Fprintf(stderr, "actionguard: invalid --fail-on %q; use P0, P1, P2, P3 or none\n", o.failOn)
		return 2
	}
	if o.jobs < 0 {
		fmt.Fprintf(stderr, "actionguard: invalid --jobs %d; use a positive number, or 0 for the number of CPUs\n", o.jobs)
		return 2
	}

	stop := startProgress(stderr, o.quiet)
	res, err := scan.Run(scan.Options{Paths: paths, Config: o.config, Advisories: o.advisories, Jobs: o.jobs, Version: version})
	stop()
	if err != nil {
		fmt.Fprintf(stderr, "actionguard: %v\n", err)
		return 2
	}
	if !o.quiet {
		for _, w := range res.Warnings {
			fmt.Fprintf(stderr, "actionguard: warning: %s\n", w)
		}
	}

	out := stdout
	color := !o.noColor && isTerminal(stdout) && os.Getenv("NO_COLOR") == ""
	if o.output != "" {
		f, err := os.Create(o.output)
		if err != nil {
			fmt.Fprintf(stderr, "actionguard: cannot write the report: %v\n", err)
			return 2
		}
		defer f.Close()
		out = f
		color = false
	}
	opts := report.Options{Color: color, FailOn: failOn}
	if failOn == "NONE" {
		opts.FailOn = report.FailOnNone
	}
	write := report.WriteScan
	if command == "list" {
		write = report.WriteList
	}
	if err := write(out, res.Report, o.format, opts); err != nil {
		fmt.Fprintf(stderr, "actionguard: cannot write the report: %v\n", err)
		return 2
	}
	if failOn == "NONE" {
		return 0
	}
	for _, app := range res.Report.Apps {
		for _, f := range app.Findings {
			if report.AtOrAbove(f.Severity, failOn) {
				return 1
			}
		}
	}
	return 0
}

func validFormat(f string) bool {
	for _, v := range report.Formats() {
		if v == f {
			return true
		}
	}
	return false
}

func runExplain(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintf(stderr, "actionguard: explain takes one rule name; the rules are: %s\n", strings.Join(rules.Names(), ", "))
		return 2
	}
	r, ok := rules.Lookup(args[0])
	if !ok {
		names := rules.Names()
		sort.Strings(names)
		fmt.Fprintf(stderr, "actionguard: unknown rule %q; the rules are: %s\n", args[0], strings.Join(names, ", "))
		return 2
	}
	fmt.Fprint(stdout, rules.Explain(r))
	return 0
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

func commit() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" {
			return s.Value
		}
	}
	return "unknown"
}
