// Package advisory matches installed npm package versions against security
// advisories that touch server-side entry points of Next.js apps.
//
// It takes records in the OSV (Open Source Vulnerability) JSON format: a
// built-in set for next and the react-server-dom packages, embedded from
// data/, plus any files the user adds. It gives the advisories whose affected ranges contain
// an exact version, the patched release to move to, and the lowest version a
// package.json range admits when no lockfile pins the version.
package advisory

import (
	"embed"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/Masterminds/semver/v3"
)

// Severity classes, stored in an OSV record as database_specific.actionguard_class.
const (
	ClassRCE         = "rce"
	ClassAuthBypass  = "auth-bypass"
	ClassSSRF        = "ssrf"
	ClassDoS         = "dos"
	ClassExposure    = "exposure"
	classUnspecified = ""
)

var classes = []string{ClassRCE, ClassAuthBypass, ClassSSRF, ClassDoS, ClassExposure}

// Advisory is one OSV record as it applies to one npm package.
type Advisory struct {
	// ID is the OSV id, such as "GHSA-f82v-jwr5-mffw" or "CVE-2025-55184".
	ID string
	// Aliases are the other ids of the same flaw, such as CVE ids.
	Aliases []string
	// Summary is the one-line OSV summary.
	Summary string
	// Package is the npm package name the ranges apply to.
	Package string
	// Severity is the impact class: one of the Class constants, or "" when a
	// user-supplied record does not set database_specific.actionguard_class.
	Severity string
	// Fixed lists the patched releases named by the record's "fixed" events,
	// in ascending semver order.
	Fixed []string
	// Source is the URL of the official advisory: database_specific.source,
	// else the first ADVISORY reference, else the first reference.
	Source string
}

// DB contains advisories by package name. The zero value is an empty DB that
// is ready to use. Affecting may run concurrently with itself, but LoadOSV
// must not run concurrently with any other method.
type DB struct {
	byPackage map[string][]entry
}

// entry is an advisory with the parsed version ranges that decide whether it
// affects a version.
type entry struct {
	advisory Advisory
	ranges   [][]event
	versions []*semver.Version
}

//go:embed data/*.json
var builtinData embed.FS

// Builtin returns a new DB holding the advisories embedded from data/. An
// error means the embedded data is broken, which the package tests rule out.
func Builtin() (*DB, error) {
	db := &DB{}

	names, err := builtinData.ReadDir("data")
	if err != nil {
		return nil, fmt.Errorf("built-in advisories: failed to list data/: %w", err)
	}
	for _, file := range names {
		name := path.Join("data", file.Name())
		data, err := builtinData.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("built-in advisory %s: failed to read: %w", name, err)
		}
		if err := db.load(name, data); err != nil {
			return nil, err
		}
	}
	return db, nil
}

// Affecting returns the advisories for pkg whose ranges or explicit version
// lists contain version exactly, sorted by ID. A version that is not valid
// semver (a range such as "^15.0.0", a tag, "") matches nothing; use
// MinVersion for ranges.
func (db *DB) Affecting(pkg, version string) []Advisory {
	v, err := parseVersion(version)
	if err != nil {
		return nil
	}

	var found []Advisory
	for _, e := range db.byPackage[pkg] {
		if e.contains(v) {
			found = append(found, cloneAdvisory(e.advisory))
		}
	}

	slices.SortFunc(found, func(a, b Advisory) int { return strings.Compare(a.ID, b.ID) })
	return found
}

func (e entry) contains(v *semver.Version) bool {
	for _, listed := range e.versions {
		if listed.Equal(v) {
			return true
		}
	}
	for _, events := range e.ranges {
		if rangeContains(events, v) {
			return true
		}
	}
	return false
}

// add stores e, replacing an advisory with the same ID for the same package so
// that a user file can correct a built-in record.
func (db *DB) add(e entry) {
	if db.byPackage == nil {
		db.byPackage = map[string][]entry{}
	}

	pkg := e.advisory.Package
	for i, existing := range db.byPackage[pkg] {
		if existing.advisory.ID == e.advisory.ID {
			db.byPackage[pkg][i] = e
			return
		}
	}
	db.byPackage[pkg] = append(db.byPackage[pkg], e)
}

func cloneAdvisory(a Advisory) Advisory {
	a.Aliases = slices.Clone(a.Aliases)
	a.Fixed = slices.Clone(a.Fixed)
	return a
}
