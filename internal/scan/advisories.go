package scan

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/actionguard/actionguard/internal/advisory"
	"github.com/actionguard/actionguard/internal/discover"
	"github.com/actionguard/actionguard/internal/lockfile"
	"github.com/actionguard/actionguard/internal/report"
	"github.com/actionguard/actionguard/internal/rules"
)

// loadAdvisories returns the built-in advisories plus those of the OSV file
// at path, when path is not "".
func loadAdvisories(path string) (*advisory.DB, error) {
	db, err := advisory.Builtin()
	if err != nil {
		return nil, fmt.Errorf("built-in advisories: %w", err)
	}
	if path != "" {
		if err := db.LoadOSV(path); err != nil {
			return nil, fmt.Errorf("--advisories: %w; fix the file or drop the flag", err)
		}
	}
	return db, nil
}

// pinnedPackage is one package version to check, and where it is pinned.
type pinnedPackage struct {
	name    string
	version string
	// exact is false when version is the lowest a package.json range
	// admits, because no lockfile records the installed one.
	exact bool
	// spec is the package.json range, for messages when exact is false.
	spec string
	file string // absolute path of the lockfile or package.json
	line int
}

// checkAdvisories returns a vulnerable-next-version finding for each
// advisory that affects the app's next or react-server-dom-* packages, and
// a warning when the lockfile cannot be read.
func checkAdvisories(app discover.App, db *advisory.DB, mw *report.Middleware, workDir string) ([]report.Finding, string) {
	var warning string
	versions, err := lockfile.Read(app.Dir)
	if err != nil {
		warning = fmt.Sprintf("%v; versions are taken from package.json ranges instead", err)
		versions = lockfile.Versions{Packages: map[string]string{}}
	}
	manifest := filepath.Join(app.Dir, "package.json")
	declared := declaredRanges(manifest)

	var names []string
	for name := range versions.Packages {
		if checkedPackage(name) {
			names = append(names, name)
		}
	}
	for name := range declared {
		if checkedPackage(name) && !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	slices.Sort(names)

	var out []report.Finding
	for _, name := range names {
		pin, ok := pinOf(name, versions, declared, manifest)
		if !ok {
			continue
		}
		for _, a := range db.Affecting(pin.name, pin.version) {
			out = append(out, advisoryFinding(app, pin, a, mw, workDir))
		}
	}
	return out, warning
}

// checkedPackage reports whether advisories are checked for a package:
// next, and the React Server Components runtimes that carry the server
// function flaws.
func checkedPackage(name string) bool {
	return name == "next" || strings.HasPrefix(name, "react-server-dom-")
}

// pinOf returns the version of name to check: the lockfile's when it
// records one, else the lowest version the package.json range admits.
func pinOf(name string, versions lockfile.Versions, declared map[string]string, manifest string) (pinnedPackage, bool) {
	if v, ok := versions.Packages[name]; ok && versions.Lockfile != "" {
		pin := pinnedPackage{name: name, version: v, exact: true, file: versions.Lockfile}
		pin.line = lockfileLine(versions.Lockfile, name, v)
		if pin.line == 0 {
			pin.file, pin.line = manifest, 1
		}
		return pin, true
	}
	spec, ok := declared[name]
	if !ok {
		return pinnedPackage{}, false
	}
	lowest, ok := advisory.MinVersion(spec)
	if !ok {
		return pinnedPackage{}, false
	}
	pin := pinnedPackage{name: name, version: lowest, spec: spec, file: manifest, line: manifestLine(manifest, name)}
	// A range that admits one version only ("15.2.1", "=15.2.1") pins it as
	// surely as a lockfile does.
	pin.exact = strings.TrimLeft(strings.TrimSpace(spec), "=v") == lowest
	return pin, true
}

// declaredRanges returns the package.json ranges of dependencies,
// devDependencies and peerDependencies, the first declaration winning.
func declaredRanges(manifest string) map[string]string {
	out := map[string]string{}
	src, err := os.ReadFile(manifest)
	if err != nil {
		return out
	}
	// Other fields may have any shape, so each dependency map is decoded
	// on its own.
	var raw map[string]json.RawMessage
	if json.Unmarshal(src, &raw) != nil {
		return out
	}
	for _, field := range []string{"dependencies", "devDependencies", "peerDependencies"} {
		var deps map[string]string
		if json.Unmarshal(raw[field], &deps) != nil {
			continue
		}
		for name, spec := range deps {
			if _, seen := out[name]; !seen {
				out[name] = spec
			}
		}
	}
	return out
}

// lockfileLine returns the line of the lockfile that pins name at version,
// or 0 when it cannot be found cheaply. It recognizes npm's
// "node_modules/<name>" keys, pnpm's and Bun's "<name>@<version>" keys,
// pnpm 5's "/<name>/<version>" keys, and Yarn's and npm 1's entry headers
// followed by a version line.
func lockfileLine(path, name, version string) int {
	src, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	header := 0
	for i, line := range strings.Split(string(src), "\n") {
		trimmed := strings.TrimLeft(strings.TrimSpace(line), `"'/`)
		switch {
		case strings.Contains(line, `"node_modules/`+name+`"`):
			return i + 1
		case strings.HasPrefix(trimmed, name+"@"+version), strings.HasPrefix(trimmed, name+"/"+version+":"),
			strings.Contains(line, `["`+name+"@"+version+`"`):
			return i + 1
		case strings.HasPrefix(trimmed, name+"@"), strings.HasPrefix(strings.TrimSpace(line), `"`+name+`": {`):
			header = i + 1
		case header > 0 && strings.Contains(line, "version") && strings.Contains(line, version):
			return header
		}
	}
	return 0
}

// manifestLine returns the line of package.json that declares name, or 1.
func manifestLine(path, name string) int {
	src, err := os.ReadFile(path)
	if err != nil {
		return 1
	}
	for i, line := range strings.Split(string(src), "\n") {
		if strings.Contains(line, `"`+name+`":`) {
			return i + 1
		}
	}
	return 1
}

// advisorySeverity ranks an advisory by what it lets an anonymous caller
// do to this app. Remote code execution is P0. The middleware bypass is P1
// when the app relies on middleware to authenticate, else P2. The SSRF is
// P2 because it needs a self-hosted app and an action that redirects to a
// relative path. Denial of service and source exposure are P3: they reach
// no data or write. A class a user-supplied record does not set is P2, for
// a reviewer to judge.
func advisorySeverity(a advisory.Advisory, mw *report.Middleware) string {
	switch a.Severity {
	case advisory.ClassRCE:
		return report.P0
	case advisory.ClassAuthBypass:
		if mw != nil && mw.Authenticates && mw.Unresolved == "" {
			return report.P1
		}
		return report.P2
	case advisory.ClassSSRF:
		return report.P2
	case advisory.ClassDoS, advisory.ClassExposure:
		return report.P3
	}
	return report.P2
}

func advisoryFinding(app discover.App, pin pinnedPackage, a advisory.Advisory, mw *report.Middleware, workDir string) report.Finding {
	severity := advisorySeverity(a, mw)
	name := a.ID
	for _, alias := range a.Aliases {
		if strings.HasPrefix(alias, "CVE-") && alias != a.ID {
			name = fmt.Sprintf("%s (%s)", a.ID, alias)
			break
		}
	}
	fixed := advisory.FixedVersionFor(a, pin.version)
	summary := strings.TrimSuffix(strings.TrimSpace(a.Summary), ".")
	if summary == "" {
		summary = "no summary given"
	}

	var message string
	if pin.exact {
		message = fmt.Sprintf("%s %s is affected by %s: %s.", pin.name, pin.version, name, summary)
	} else {
		message = fmt.Sprintf("%s %s in package.json may be affected by %s, since the range admits %s: %s.", pin.name, pin.spec, name, pin.version, summary)
		if report.SeverityRank(severity) < report.SeverityRank(report.P2) {
			severity = report.P2
			message += " No lockfile records the installed version, so the severity is capped at P2."
		}
	}
	if a.Severity == advisory.ClassAuthBypass && severity == report.P1 {
		message += " The app's middleware authenticates requests, and this flaw lets a request skip it."
	}

	var fix string
	switch {
	case fixed != "" && a.Source != "":
		fix = fmt.Sprintf("Upgrade %s to %s or later (%s).", pin.name, fixed, a.Source)
	case fixed != "":
		fix = fmt.Sprintf("Upgrade %s to %s or later.", pin.name, fixed)
	case a.Source != "":
		fix = fmt.Sprintf("No fixed release above %s is listed; see %s.", pin.version, a.Source)
	default:
		fix = fmt.Sprintf("No fixed release above %s is listed; check the advisory.", pin.version)
	}

	return report.Finding{
		Rule:        rules.VulnerableNextVersion,
		Severity:    severity,
		File:        relPath(workDir, pin.file),
		Line:        pin.line,
		Column:      1,
		Message:     message,
		Fix:         fix,
		Fingerprint: report.Fingerprint(rules.VulnerableNextVersion, filepath.ToSlash(mustRel(app.Dir, pin.file)), pin.name+"@"+a.ID),
	}
}
