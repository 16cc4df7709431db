package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/actionguard/actionguard/internal/analysis"
	"github.com/actionguard/actionguard/internal/initpolicy"
	"github.com/actionguard/actionguard/internal/policy"
	"github.com/actionguard/actionguard/internal/report"
	"github.com/actionguard/actionguard/internal/rules"
	"github.com/actionguard/actionguard/internal/scan"
)

// initOptions are the flags of "actionguard init".
type initOptions struct {
	fs     *flag.FlagSet
	dryRun bool
	jobs   int
	quiet  bool
}

func newInitFlags(errOut io.Writer) *initOptions {
	o := &initOptions{fs: flag.NewFlagSet("actionguard init", flag.ContinueOnError)}
	o.fs.SetOutput(errOut)
	o.fs.BoolVar(&o.dryRun, "dry-run", false, "print the policy files to standard output instead of writing them")
	o.fs.IntVar(&o.jobs, "jobs", 0, "files and entries analyzed at once (default: the number of CPUs)")
	o.fs.BoolVar(&o.quiet, "quiet", false, "print no warnings on standard error")
	return o
}

// unauthenticatedRules maps each auth status that leaves an entry without
// authentication to the rule whose finding explains it.
var unauthenticatedRules = map[string]string{
	report.AuthMissing:     rules.MissingAuth,
	report.AuthNotEnforced: rules.AuthNotEnforced,
	report.AuthAfterEffect: rules.AuthAfterEffect,
	report.AuthUnverified:  rules.UnverifiedGuard,
}

// runInit scans the paths, writes a starter actionguard.json at the root of
// each app that has no policy yet, and lists the entries that do not
// authenticate their callers today.
func runInit(args []string, stdout, stderr io.Writer) int {
	o := newInitFlags(stderr)
	paths, err := parseInterspersed(o.fs, args)
	if err != nil {
		return flagError(err, "init", stderr)
	}
	if o.jobs < 0 {
		fmt.Fprintf(stderr, "actionguard: invalid --jobs %d; use a positive number, or 0 for the number of CPUs\n", o.jobs)
		return 2
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}

	workDir, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(stderr, "actionguard: cannot read the working directory: %v\n", err)
		return 2
	}
	res, err := scan.Run(scan.Options{Paths: paths, Jobs: o.jobs, WorkDir: workDir, Version: version})
	if err != nil {
		fmt.Fprintf(stderr, "actionguard: %v\n", err)
		return 2
	}
	if !o.quiet {
		for _, w := range res.Warnings {
			fmt.Fprintf(stderr, "actionguard: warning: %s\n", w)
		}
	}
	if len(res.Report.Apps) == 0 {
		fmt.Fprintf(stdout, "Found no Next.js app under %s, so no policy file was written.\n", strings.Join(paths, ", "))
		return 0
	}

	status := 0
	for _, app := range res.Report.Apps {
		if err := writeStarter(app, res.Guards[app.Root], paths, workDir, o.dryRun, stdout); err != nil {
			fmt.Fprintf(stderr, "actionguard: %v\n", err)
			status = 2
		}
	}

	fmt.Fprintln(stdout)
	printUnauthenticated(res.Report, stdout)
	return status
}

// writeStarter writes the starter policy of app, or prints it with dryRun.
// It keeps a policy file that already applies to the app, at its root or at
// the PATH argument it was found under, because a new file at the app root
// would shadow a shared one.
func writeStarter(app report.App, guards []analysis.Guard, paths []string, workDir string, dryRun bool, stdout io.Writer) error {
	dir := app.Root
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(workDir, dir)
	}
	file := filepath.Join(dir, policy.FileName)
	display := displayPath(workDir, file)

	existing, err := existingPolicy(dir, paths)
	if err != nil {
		return err
	}
	if existing != "" {
		fmt.Fprintf(stdout, "Kept %s, which already applies to %s.\n", displayPath(workDir, existing), app.Root)
		return nil
	}

	var names, ids []string
	for _, g := range guards {
		// The file-qualified form names exactly the function the analysis
		// proved, not every function that shares its name.
		rel, err := filepath.Rel(dir, g.File)
		if err != nil || strings.HasPrefix(rel, "..") {
			continue
		}
		names = append(names, filepath.ToSlash(rel)+"#"+g.Name)
	}
	for _, e := range app.Entries {
		ids = append(ids, e.ID)
	}
	content := initpolicy.New(names, ids).Render()

	if dryRun {
		fmt.Fprintf(stdout, "Would write %s:\n\n%s\n", display, content)
		return nil
	}
	if err := createPolicy(file, content); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Wrote %s.\n", display)
	return nil
}

// existingPolicy returns the policy file that applies to the app at dir: its
// own, else one at a PATH argument that contains dir, the first in argument
// order. It returns "" when there is none. A symbolic link counts as a file
// even when its target is missing, so that init never writes through one.
func existingPolicy(dir string, paths []string) (string, error) {
	candidates := []string{filepath.Join(dir, policy.FileName)}
	for _, p := range paths {
		root, err := filepath.Abs(p)
		if err != nil {
			return "", fmt.Errorf("%s: cannot resolve the path: %w", p, err)
		}
		rel, err := filepath.Rel(root, dir)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			continue
		}
		candidates = append(candidates, filepath.Join(root, policy.FileName))
	}

	for _, candidate := range candidates {
		_, err := os.Lstat(candidate)
		if err == nil {
			return candidate, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("%s: cannot check for an existing policy file: %w", candidate, err)
		}
	}
	return "", nil
}

// createPolicy writes content to a new file at path and loads it back. The
// file is opened with O_EXCL, so a file that appeared after the check in
// existingPolicy is not overwritten either.
func createPolicy(path string, content []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s appeared while init ran, so it was kept; run init again to see the entries", path)
	}
	if err != nil {
		return fmt.Errorf("cannot write the policy file: %w; check that the app folder is writable", err)
	}
	_, writeErr := f.Write(content)
	closeErr := f.Close()
	if err := errors.Join(writeErr, closeErr); err != nil {
		os.Remove(path)
		return fmt.Errorf("cannot write the policy file %s: %w", path, err)
	}

	// The starter must load, or the next scan would stop on it. A failure
	// here is a bug in the starter, so the broken file is removed.
	if _, err := policy.Load(path); err != nil {
		os.Remove(path)
		return fmt.Errorf("the generated policy file is invalid, so it was removed; report it to the actionguard maintainers: %w", err)
	}
	return nil
}

// printUnauthenticated lists, per app, the entries that do not authenticate
// their callers, with the message of the finding that explains each one.
func printUnauthenticated(r *report.Report, stdout io.Writer) {
	total := 0
	for i, app := range r.Apps {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		reasons := map[string]string{}
		for _, f := range app.Findings {
			key := f.Entry + "\x00" + f.Rule
			if _, seen := reasons[key]; !seen {
				reasons[key] = oneLine(f.Message)
			}
		}

		var lines []string
		for _, e := range app.Entries {
			rule, ok := unauthenticatedRules[e.Auth]
			if !ok {
				continue
			}
			reason, found := reasons[e.ID+"\x00"+rule]
			if !found {
				reason = fmt.Sprintf("%s has authentication status %s.", e.ID, e.Auth)
			}
			lines = append(lines, fmt.Sprintf("  %s:%d  %s  %s", e.File, e.Line, rule, reason))
		}

		if len(lines) == 0 {
			fmt.Fprintf(stdout, "%s (%s): every entry point authenticates its caller or is public.\n", app.Root, app.Name)
			continue
		}
		fmt.Fprintf(stdout, "%s (%s): %d of %d entry points do not authenticate the caller:\n", app.Root, app.Name, len(lines), len(app.Entries))
		for _, line := range lines {
			fmt.Fprintln(stdout, line)
		}
		total += len(lines)
	}

	switch {
	case total == 1:
		fmt.Fprintln(stdout, "\nGuard this entry point with a fail-closed authentication check, or open it in actionguard.json with \"access\": \"public\" and a reason.")
	case total > 1:
		fmt.Fprintf(stdout, "\nGuard each of these %d entry points with a fail-closed authentication check, or open it in actionguard.json with \"access\": \"public\" and a reason.\n", total)
	}
}

// oneLine joins the lines of a finding message, so each entry stays on one
// output line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// displayPath returns path relative to workDir when it lies inside it.
func displayPath(workDir, path string) string {
	rel, err := filepath.Rel(workDir, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return path
	}
	return rel
}
