// Package scan runs the whole analysis: it finds the apps under the given
// paths, finds each app's entry points, analyzes them in parallel and
// assembles the report.
package scan

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/actionguard/actionguard/internal/analysis"
	"github.com/actionguard/actionguard/internal/discover"
	"github.com/actionguard/actionguard/internal/entry"
	"github.com/actionguard/actionguard/internal/lockfile"
	"github.com/actionguard/actionguard/internal/module"
	"github.com/actionguard/actionguard/internal/parse"
	"github.com/actionguard/actionguard/internal/policy"
	"github.com/actionguard/actionguard/internal/report"
	"github.com/actionguard/actionguard/internal/resolve"
	"github.com/actionguard/actionguard/internal/rules"
)

// Options configures a scan.
type Options struct {
	Paths []string
	// Config is a policy file for every app, overriding the actionguard.json
	// files found beside them.
	Config string
	// Advisories is an OSV JSON file whose advisories are checked in
	// addition to the built-in ones; "" means the built-in ones only.
	Advisories string
	// Jobs is how many files and entries are analyzed at once; 0 means the
	// number of CPUs.
	Jobs int
	// WorkDir is the folder report paths are relative to; "" means the
	// current directory.
	WorkDir string
	Version string
}

// ConfigError is a policy or usage problem that stops the scan.
type ConfigError struct{ Err error }

func (e *ConfigError) Error() string { return e.Err.Error() }
func (e *ConfigError) Unwrap() error { return e.Err }

// Result is a finished scan.
type Result struct {
	Report   *report.Report
	Warnings []string
	// Guards are the authentication guards inferred in each app.
	Guards AppGuards
}

// Run scans opts.Paths.
func Run(opts Options) (*Result, error) {
	if opts.Jobs <= 0 {
		opts.Jobs = runtime.NumCPU()
	}
	if opts.WorkDir == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		opts.WorkDir = wd
	}
	paths := opts.Paths
	if len(paths) == 0 {
		paths = []string{"."}
	}
	apps, warnings, err := discover.Find(paths)
	if err != nil {
		return nil, &ConfigError{Err: err}
	}
	if len(apps) == 0 {
		// A scan that finds nothing would pass a CI gate silently, and it
		// almost always means a wrong path.
		return nil, &ConfigError{Err: fmt.Errorf("no Next.js app found under %s: an app is a folder whose package.json depends on next, or that has a next.config file", strings.Join(paths, ", "))}
	}

	var shared *policy.Policy
	if opts.Config != "" {
		shared, err = policy.Load(opts.Config)
		if err != nil {
			return nil, &ConfigError{Err: err}
		}
	}

	advisories, err := loadAdvisories(opts.Advisories)
	if err != nil {
		return nil, &ConfigError{Err: err}
	}

	guards := AppGuards{}
	rep := &report.Report{
		SchemaVersion: report.SchemaVersion,
		Tool:          report.Tool{Name: "actionguard", Version: opts.Version},
	}
	for _, app := range apps {
		pol := shared
		if pol == nil {
			pol, err = loadPolicy(app)
			if err != nil {
				return nil, &ConfigError{Err: err}
			}
		}
		ra, appWarnings, appGuards := scanApp(app, pol, opts)
		guards[ra.Root] = appGuards
		warnings = append(warnings, appWarnings...)
		advisoryFindings, warning := checkAdvisories(app, advisories, ra.Middleware, opts.WorkDir)
		if warning != "" {
			warnings = append(warnings, warning)
		}
		ra.Findings = append(ra.Findings, advisoryFindings...)
		rep.Apps = append(rep.Apps, ra)
	}
	report.Finalize(rep)
	return &Result{Report: rep, Warnings: warnings, Guards: guards}, nil
}

func loadPolicy(app discover.App) (*policy.Policy, error) {
	path, ok := policy.Locate(app.Dir, app.ScanRoot)
	if !ok {
		return policy.Default(), nil
	}
	return policy.Load(path)
}

// resolverAdapter turns resolve.Result into module.Target.
type resolverAdapter struct{ r *resolve.Resolver }

func (a resolverAdapter) Resolve(from, spec string) module.Target {
	res := a.r.Resolve(from, spec)
	switch {
	case res.Path != "":
		return module.Target{Path: res.Path}
	case res.External:
		return module.Target{Package: res.Package + res.Subpath}
	case res.Asset != "":
		return module.Target{Package: "asset:" + spec}
	}
	return module.Target{Reason: res.Reason}
}

// analyzed is one entry with its verdict.
type analyzed struct {
	e         entry.Entry
	rel       string
	verdict   analysis.Verdict
	reachable string // report.Reach*
}

func scanApp(app discover.App, pol *policy.Policy, opts Options) (report.App, []string, []analysis.Guard) {
	var warnings []string
	res := resolve.New(app.Dir)
	prog := module.NewProgram(resolverAdapter{res})
	an := analysis.New(prog, app.Dir, pol.Guards.Authentication)

	ra := report.App{
		Root:        relPath(opts.WorkDir, app.Dir),
		Name:        app.Name,
		NextVersion: nextVersion(app),
	}

	// Only files that can hold entry points are parsed up front; the
	// analysis loads the others when a summary needs them.
	var candidates []string
	for _, f := range app.Files {
		rel := filepath.ToSlash(mustRel(app.Dir, f))
		if pol.Ignored(rel) || !parse.IsSource(f) {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			warnings = append(warnings, fmt.Sprintf("%s: %v", f, err))
			continue
		}
		if entry.MayHoldEntries(rel, src) {
			candidates = append(candidates, f)
		}
	}

	type fileResult struct {
		entries  []entry.Entry
		findings []report.Finding
		warning  string
	}
	results := make([]fileResult, len(candidates))
	parallel(len(candidates), opts.Jobs, func(i int) {
		path := candidates[i]
		rel := filepath.ToSlash(mustRel(app.Dir, path))
		m, err := prog.Load(path)
		if err != nil {
			results[i].warning = fmt.Sprintf("%s: %v", path, err)
			return
		}
		if !m.File.SyntaxError.IsZero() {
			p := m.File.SyntaxError
			results[i].findings = append(results[i].findings, report.Finding{
				Rule:        rules.ParseError,
				Severity:    report.P2,
				File:        relPath(opts.WorkDir, path),
				Line:        p.Line,
				Column:      p.Column,
				Message:     fmt.Sprintf("%s could not be parsed at line %d, column %d; entry points in it may be missing.", rel, p.Line, p.Column),
				Fix:         "Check that the file compiles; if it does, report the construct to the actionguard maintainers.",
				Fingerprint: report.Fingerprint(rules.ParseError, rel, ""),
			})
		}
		results[i].entries = entry.Find(prog, m, rel)
	})

	var entries []analyzed
	for _, r := range results {
		if r.warning != "" {
			warnings = append(warnings, r.warning)
		}
		ra.Findings = append(ra.Findings, r.findings...)
		for _, e := range r.entries {
			entries = append(entries, analyzed{e: e, rel: filepath.ToSlash(mustRel(app.Dir, e.Module.File.Path))})
		}
	}

	parallel(len(entries), opts.Jobs, func(i int) {
		e := entries[i].e
		if e.Target.Node == nil {
			entries[i].verdict = analysis.Verdict{Auth: analysis.StatusUnverified, Why: unresolvedWhy(e)}
			return
		}
		entries[i].verdict = an.Analyze(e.Target)
	})

	warnings = append(warnings, setReachability(app, prog, ra.NextVersion, entries)...)
	mw, warning := readMiddleware(app, entries)
	if warning != "" {
		warnings = append(warnings, warning)
	}
	if mw != nil {
		ra.Middleware = mw.summary(opts.WorkDir)
	}

	guard := suggestedGuard(pol)
	if guard == "" {
		guard = exportedGuard(prog, an.InferredGuards())
	}
	var ids []string
	for _, a := range entries {
		ids = append(ids, a.e.ID)
		ra.Entries = append(ra.Entries, reportEntry(a, opts.WorkDir, pol))
		s := subject(a, opts.WorkDir, pol, guard)
		s.Context = mw.gap(a)
		ra.Findings = append(ra.Findings, rules.Evaluate(s)...)
	}
	ra.Findings = append(ra.Findings, staleRules(pol, ids, app, opts.WorkDir)...)
	return ra, append(warnings, res.Warnings()...), an.InferredGuards()
}

func unresolvedWhy(e entry.Entry) string {
	if e.Unresolved != "" {
		return "its code could not be found: " + e.Unresolved
	}
	return "its code could not be found"
}

// access returns whether the policy opens an entry to the public, and the
// reason given.
func access(a analyzed, pol *policy.Policy) (public bool, reason string) {
	if rule, ok := pol.Match(a.e.ID); ok {
		if rule.Access == policy.AccessPublic {
			return true, rule.Reason
		}
		return false, ""
	}
	if a.e.Inline != nil {
		if in, ok := policy.ParseInlineComment(a.e.Inline.Text); ok && in.Access == policy.AccessPublic {
			return true, in.Reason
		}
	}
	return false, ""
}

func subject(a analyzed, workDir string, pol *policy.Policy, guard string) rules.Subject {
	public, reason := access(a, pol)
	return rules.Subject{
		Kind:      a.e.Kind,
		Name:      a.e.Name,
		ID:        a.e.ID,
		File:      relPath(workDir, a.e.Module.File.Path),
		AppFile:   a.rel,
		Line:      a.e.Position.Line,
		Column:    a.e.Position.Column,
		Verdict:   a.verdict,
		Public:    public,
		Reason:    reason,
		Reachable: a.reachable,
		Guard:     guard,
		Rel:       func(p string) string { return relPath(workDir, p) },
		Roles:     requiredRoles(a, pol),
	}
}

func reportEntry(a analyzed, workDir string, pol *policy.Policy) report.Entry {
	auth := a.verdict.Auth
	if public, _ := access(a, pol); public {
		auth = report.AuthPublic
	}
	re := report.Entry{
		ID:            a.e.ID,
		Kind:          a.e.Kind,
		File:          relPath(workDir, a.e.Module.File.Path),
		Line:          a.e.Position.Line,
		Column:        a.e.Position.Column,
		Name:          a.e.Name,
		Auth:          auth,
		Authorization: authorizationField(a, pol),
		Reachable:     a.reachable,
		Effects:       []report.Effect{},
	}
	re.Policy = appliedPolicy(a, pol, workDir)
	for _, e := range a.verdict.Effects {
		re.Effects = append(re.Effects, report.Effect{Class: e.Class, What: e.What, File: relPath(workDir, e.File), Line: e.Line})
	}
	return re
}

// staleRules reports policy rules that match no entry.
func staleRules(pol *policy.Policy, ids []string, app discover.App, workDir string) []report.Finding {
	if pol == nil || pol.File == "" {
		return nil
	}
	var out []report.Finding
	for _, r := range pol.Unmatched(ids) {
		out = append(out, report.Finding{
			Rule:        rules.StalePolicy,
			Severity:    report.P3,
			File:        relPath(workDir, pol.File),
			Line:        r.Line,
			Column:      1,
			Message:     fmt.Sprintf("The policy rule %q matches no entry point of %s.", r.Pattern, app.Name),
			Fix:         "Update the rule to the entry's new ID, or remove it.",
			Fingerprint: report.Fingerprint(rules.StalePolicy, filepath.Base(pol.File), r.Pattern),
		})
	}
	return out
}

func suggestedGuard(pol *policy.Policy) string {
	if len(pol.Guards.Authentication) > 0 {
		_, name := policy.SplitGuard(pol.Guards.Authentication[0])
		return name + "()"
	}
	return ""
}

func nextVersion(app discover.App) string {
	v, err := lockfile.Read(app.Dir)
	if err == nil {
		if version, ok := v.Packages["next"]; ok {
			return version
		}
	}
	return app.NextRange
}

// parallel runs fn(0..n-1) on at most jobs goroutines.
func parallel(n, jobs int, fn func(int)) {
	if jobs < 1 {
		jobs = 1
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < jobs && w < n; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

func mustRel(base, path string) string {
	rel, err := filepath.Rel(base, path)
	if err != nil {
		return path
	}
	return rel
}

// relPath returns path relative to base with forward slashes, or the
// absolute path when it lies outside base.
func relPath(base, path string) string {
	rel, err := filepath.Rel(base, path)
	if err != nil || strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(path)
	}
	return filepath.ToSlash(rel)
}

// IsConfigError reports whether err should exit with status 2.
func IsConfigError(err error) bool {
	var ce *ConfigError
	return errors.As(err, &ce)
}

// exportedGuard returns the first proven guard that its module exports, as
// "name()", so that a fix never suggests a function other files cannot
// import. It returns "" when there is none.
func exportedGuard(prog *module.Program, guards []analysis.Guard) string {
	for _, g := range guards {
		m, err := prog.Load(g.File)
		if err != nil {
			continue
		}
		for _, name := range m.ExportOrder {
			if e := m.Exports[name]; name == g.Name || e.Local == g.Name {
				return name + "()"
			}
		}
	}
	return ""
}
