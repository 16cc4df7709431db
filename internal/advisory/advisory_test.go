package advisory

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var serverDOMPackages = []string{"react-server-dom-webpack", "react-server-dom-parcel", "react-server-dom-turbopack"}

func mustBuiltin(t *testing.T) *DB {
	t.Helper()
	db, err := Builtin()
	if err != nil {
		t.Fatalf("Builtin: %v", err)
	}
	return db
}

// find returns the advisory with id for pkg, failing the test when absent.
func find(t *testing.T, db *DB, pkg, id string) Advisory {
	t.Helper()
	for _, e := range db.byPackage[pkg] {
		if e.advisory.ID == id {
			return e.advisory
		}
	}
	t.Fatalf("no advisory %s for %s", id, pkg)
	return Advisory{}
}

func affectingIDs(db *DB, pkg, version string) []string {
	var ids []string
	for _, a := range db.Affecting(pkg, version) {
		ids = append(ids, a.ID)
	}
	return ids
}

func TestBuiltinRecordsComplete(t *testing.T) {
	db := mustBuiltin(t)

	wantIDs := []string{
		"CVE-2025-55183", "CVE-2025-55184", "CVE-2025-67779",
		"GHSA-5j59-xgg2-r9c4", "GHSA-83fc-fqcc-2hmg", "GHSA-9qr9-h5gf-34mp",
		"GHSA-f82v-jwr5-mffw", "GHSA-fr5h-rqp8-mj6g", "GHSA-fv66-9v8q-g76r", "GHSA-h25m-26qc-wcjf",
	}
	var gotIDs []string
	for pkg, entries := range db.byPackage {
		for _, e := range entries {
			a := e.advisory
			if !slices.Contains(gotIDs, a.ID) {
				gotIDs = append(gotIDs, a.ID)
			}
			if !slices.Contains(classes, a.Severity) {
				t.Errorf("%s/%s: Severity %q is not a known class", pkg, a.ID, a.Severity)
			}
			if !strings.HasPrefix(a.Source, "https://") {
				t.Errorf("%s/%s: Source %q is not an https URL", pkg, a.ID, a.Source)
			}
			if len(a.Fixed) == 0 {
				t.Errorf("%s/%s: Fixed is empty", pkg, a.ID)
			}
			if a.Summary == "" {
				t.Errorf("%s/%s: Summary is empty", pkg, a.ID)
			}
		}
	}
	slices.Sort(gotIDs)
	if !slices.Equal(gotIDs, wantIDs) {
		t.Errorf("built-in IDs = %v, want %v", gotIDs, wantIDs)
	}
}

func TestBuiltinRangeEdges(t *testing.T) {
	type edge struct {
		version string
		want    bool
	}
	tests := []struct {
		id       string
		packages []string
		edges    []edge
	}{
		{
			id:       "GHSA-f82v-jwr5-mffw",
			packages: []string{"next"},
			edges: []edge{
				{"11.1.3", false}, {"11.1.4", true}, {"12.3.4", true}, {"12.3.5", false},
				{"12.3.7", false}, {"13.0.0", true}, {"13.5.8", true}, {"13.5.9", false},
				{"13.5.11", false}, {"14.0.0", true}, {"14.2.24", true}, {"14.2.25", false},
				{"14.2.30", false}, {"15.0.0", true}, {"15.2.2", true}, {"15.2.3", false},
			},
		},
		{
			id:       "GHSA-fr5h-rqp8-mj6g",
			packages: []string{"next"},
			edges:    []edge{{"13.3.4", false}, {"13.4.0", true}, {"14.1.0", true}, {"14.1.1", false}},
		},
		{
			id:       "GHSA-9qr9-h5gf-34mp",
			packages: []string{"next"},
			edges: []edge{
				{"14.2.35", false},
				{"14.3.0-canary.76", false}, {"14.3.0-canary.77", true}, {"15.0.0-canary.1", true}, {"15.0.0-rc.1", true},
				{"15.0.4", true}, {"15.0.5", false},
				{"15.1.0-canary.0", true}, {"15.1.0-beta.0", true}, {"15.1.8", true}, {"15.1.9", false},
				{"15.2.5", true}, {"15.2.6", false},
				{"15.3.5", true}, {"15.3.6", false},
				{"15.4.7", true}, {"15.4.8", false},
				{"15.5.6", true}, {"15.5.7", false},
				{"15.6.0-canary.57", true}, {"15.6.0-canary.58", false},
				{"16.0.0-beta.0", true}, {"16.0.6", true}, {"16.0.7", false},
				{"16.1.0-canary.11", true}, {"16.1.0-canary.12", false}, {"16.1.0", false},
			},
		},
		{
			id:       "GHSA-fv66-9v8q-g76r",
			packages: serverDOMPackages,
			edges: []edge{
				{"18.3.1", false}, {"19.0.0-rc.1", false}, {"19.0.0", true}, {"19.0.1", false},
				{"19.1.0", true}, {"19.1.1", true}, {"19.1.2", false},
				{"19.2.0", true}, {"19.2.1", false},
			},
		},
		{
			id:       "CVE-2025-55183",
			packages: serverDOMPackages,
			edges: []edge{
				{"18.3.1", false}, {"19.0.0", true}, {"19.0.1", true}, {"19.0.2", false},
				{"19.1.0", true}, {"19.1.2", true}, {"19.1.3", false},
				{"19.2.0", true}, {"19.2.1", true}, {"19.2.2", false},
			},
		},
		{
			id:       "CVE-2025-55184",
			packages: serverDOMPackages,
			edges: []edge{
				{"18.3.1", false}, {"19.0.0", true}, {"19.0.1", true}, {"19.0.2", false},
				{"19.1.2", true}, {"19.1.3", false}, {"19.2.1", true}, {"19.2.2", false},
			},
		},
		{
			id:       "CVE-2025-55184",
			packages: []string{"next"},
			edges:    []edge{{"13.2.4", false}, {"13.3.0", true}, {"14.2.34", true}, {"14.2.35", false}, {"16.0.9", true}, {"16.0.10", false}},
		},
		{
			id:       "CVE-2025-67779",
			packages: serverDOMPackages,
			edges: []edge{
				{"19.0.1", false}, {"19.0.2", true}, {"19.0.3", false},
				{"19.1.2", false}, {"19.1.3", true}, {"19.1.4", false},
				{"19.2.1", false}, {"19.2.2", true}, {"19.2.3", false},
			},
		},
		{
			id:       "GHSA-5j59-xgg2-r9c4",
			packages: []string{"next"},
			edges: []edge{
				{"13.2.4", false}, {"13.3.0", true}, {"14.2.34", true}, {"14.2.35", false},
				{"14.3.0-canary.5", true}, {"15.0.6", true}, {"15.0.7", false},
				{"15.5.8", true}, {"15.5.9", false},
				{"15.6.0-canary.59", true}, {"15.6.0-canary.60", false},
				{"16.0.9", true}, {"16.0.10", false},
				{"16.1.0-canary.18", true}, {"16.1.0-canary.19", false}, {"16.1.0", false},
			},
		},
		{
			id:       "GHSA-83fc-fqcc-2hmg",
			packages: serverDOMPackages,
			edges: []edge{
				{"18.3.1", false}, {"19.0.0", true}, {"19.0.3", true}, {"19.0.4", false},
				{"19.1.4", true}, {"19.1.5", false}, {"19.2.3", true}, {"19.2.4", false},
			},
		},
		{
			id:       "GHSA-h25m-26qc-wcjf",
			packages: []string{"next"},
			edges: []edge{
				{"12.3.7", false}, {"13.0.0", true}, {"14.2.34", true}, {"14.2.35", false},
				{"15.0.7", true}, {"15.0.8", false}, {"15.4.10", true}, {"15.4.11", false},
				{"16.1.4", true}, {"16.1.5", false},
				{"16.2.0-canary.8", true}, {"16.2.0-canary.9", false}, {"16.2.0", false},
			},
		},
	}

	db := mustBuiltin(t)
	for _, test := range tests {
		for _, pkg := range test.packages {
			for _, e := range test.edges {
				got := slices.Contains(affectingIDs(db, pkg, e.version), test.id)
				if got != e.want {
					t.Errorf("%s %s@%s: affected = %v, want %v", test.id, pkg, e.version, got, e.want)
				}
			}
		}
	}
}

func TestAffectingSortedByID(t *testing.T) {
	db := mustBuiltin(t)

	got := affectingIDs(db, "next", "15.2.1")
	want := []string{
		"CVE-2025-55183", "CVE-2025-55184", "GHSA-5j59-xgg2-r9c4",
		"GHSA-9qr9-h5gf-34mp", "GHSA-f82v-jwr5-mffw", "GHSA-h25m-26qc-wcjf",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Affecting(next, 15.2.1) = %v, want %v", got, want)
	}
}

func TestAffectingOtherPackage(t *testing.T) {
	db := mustBuiltin(t)

	if got := affectingIDs(db, "react", "19.0.0"); len(got) != 0 {
		t.Errorf("Affecting(react, 19.0.0) = %v, want none because only react-server-dom-* is affected", got)
	}
}

func TestAffectingInexactVersion(t *testing.T) {
	db := mustBuiltin(t)

	for _, version := range []string{"^15.0.0", "", "latest", "15.2"} {
		if got := db.Affecting("next", version); got != nil {
			t.Errorf("Affecting(next, %q) = %v, want nil", version, got)
		}
	}
}

func TestAffectingReturnsCopies(t *testing.T) {
	db := mustBuiltin(t)

	first := db.Affecting("next", "15.2.1")
	first[0].Fixed[0] = "changed"
	second := db.Affecting("next", "15.2.1")
	if second[0].Fixed[0] == "changed" {
		t.Error("changing a returned advisory changed the DB")
	}
}

func TestFixedVersionFor(t *testing.T) {
	tests := []struct {
		id, pkg, version, want string
	}{
		{"GHSA-f82v-jwr5-mffw", "next", "15.2.1", "15.2.3"},
		{"GHSA-f82v-jwr5-mffw", "next", "15.1.0", "15.2.3"},
		{"GHSA-f82v-jwr5-mffw", "next", "14.1.0", "14.2.25"},
		{"GHSA-f82v-jwr5-mffw", "next", "11.1.4", "12.3.5"},
		{"GHSA-9qr9-h5gf-34mp", "next", "15.2.1", "15.2.6"},
		{"GHSA-9qr9-h5gf-34mp", "next", "16.0.3", "16.0.7"},
		{"GHSA-9qr9-h5gf-34mp", "next", "15.0.0-canary.1", "15.0.5"},
		{"GHSA-9qr9-h5gf-34mp", "next", "14.3.0-canary.80", "15.0.5"},
		{"GHSA-9qr9-h5gf-34mp", "next", "15.6.0-canary.10", "15.6.0-canary.58"},
		{"GHSA-9qr9-h5gf-34mp", "next", "16.1.0-canary.3", "16.1.0-canary.12"},
		{"GHSA-9qr9-h5gf-34mp", "next", "16.2.0", ""},
		{"GHSA-h25m-26qc-wcjf", "next", "16.1.0", "16.1.5"},
		{"GHSA-5j59-xgg2-r9c4", "next", "13.5.1", "14.2.35"},
		{"GHSA-fv66-9v8q-g76r", "react-server-dom-webpack", "19.1.1", "19.1.2"},
		{"GHSA-fv66-9v8q-g76r", "react-server-dom-webpack", "not-a-version", ""},
	}

	db := mustBuiltin(t)
	for _, test := range tests {
		a := find(t, db, test.pkg, test.id)
		if got := FixedVersionFor(a, test.version); got != test.want {
			t.Errorf("FixedVersionFor(%s, %s) = %q, want %q", test.id, test.version, got, test.want)
		}
	}
}

func TestLoadOSVUserArray(t *testing.T) {
	db := mustBuiltin(t)
	if err := db.LoadOSV(filepath.Join("testdata", "user-advisories.json")); err != nil {
		t.Fatalf("LoadOSV: %v", err)
	}

	listed := db.Affecting("next-auth", "4.24.5")
	if len(listed) != 1 || listed[0].ID != "TEST-2026-0001" {
		t.Fatalf("Affecting(next-auth, 4.24.5) = %v, want TEST-2026-0001", listed)
	}
	if listed[0].Severity != ClassAuthBypass {
		t.Errorf("Severity = %q, want %q", listed[0].Severity, ClassAuthBypass)
	}
	if listed[0].Source != "https://example.invalid/advisories/TEST-2026-0001" {
		t.Errorf("Source = %q, want the ADVISORY reference", listed[0].Source)
	}
	if !slices.Equal(listed[0].Aliases, []string{"CVE-2026-99901"}) {
		t.Errorf("Aliases = %v, want [CVE-2026-99901]", listed[0].Aliases)
	}
	if got := db.Affecting("next-auth", "4.24.7"); len(got) != 0 {
		t.Errorf("Affecting(next-auth, 4.24.7) = %v, want none outside the versions list", got)
	}

	for _, test := range []struct {
		version string
		want    bool
	}{{"0.0.1", true}, {"0.5.1", true}, {"0.5.2", false}} {
		got := len(db.Affecting("zsa", test.version)) == 1
		if got != test.want {
			t.Errorf("zsa@%s affected = %v, want %v (last_affected 0.5.1)", test.version, got, test.want)
		}
	}
	zsa := db.Affecting("zsa", "0.5.0")[0]
	if zsa.Severity != "" {
		t.Errorf("zsa Severity = %q, want empty without actionguard_class", zsa.Severity)
	}
	if zsa.Source != "https://example.invalid/zsa" {
		t.Errorf("zsa Source = %q, want the first reference", zsa.Source)
	}
	if len(zsa.Fixed) != 0 {
		t.Errorf("zsa Fixed = %v, want none for a last_affected range", zsa.Fixed)
	}
}

func TestLoadOSVReplacesSameID(t *testing.T) {
	db := mustBuiltin(t)
	if err := db.LoadOSV(filepath.Join("testdata", "user-override.json")); err != nil {
		t.Fatalf("LoadOSV: %v", err)
	}

	if slices.Contains(affectingIDs(db, "next", "14.1.0"), "GHSA-fr5h-rqp8-mj6g") {
		t.Error("next@14.1.0 still matches GHSA-fr5h-rqp8-mj6g after the user file narrowed it")
	}
	if !slices.Contains(affectingIDs(db, "next", "13.5.0"), "GHSA-fr5h-rqp8-mj6g") {
		t.Error("next@13.5.0 no longer matches GHSA-fr5h-rqp8-mj6g")
	}
	if n := len(db.byPackage["next"]); n != 7 {
		t.Errorf("next has %d advisories, want 7 (replaced, not added)", n)
	}
}

func TestLoadOSVInvalid(t *testing.T) {
	tests := []struct {
		file    string
		mention []string
	}{
		{"truncated.json", []string{"invalid OSV JSON"}},
		{"missing-id.json", []string{"record 0", "field id is missing"}},
		{"bad-fixed.json", []string{`record "TEST-BAD-FIXED"`, "affected[0].ranges[0].events[1].fixed", `"15.2"`}},
		{"bad-class.json", []string{"database_specific.actionguard_class", `"critical"`}},
		{"no-introduced.json", []string{"affected[0].ranges[0].events", "no introduced event"}},
		{"second-record-bad.json", []string{`record "TEST-BAD-SECOND"`, "affected[0].versions[0]"}},
	}

	for _, test := range tests {
		t.Run(test.file, func(t *testing.T) {
			db := &DB{}
			path := filepath.Join("testdata", "invalid", test.file)

			err := db.LoadOSV(path)
			if err == nil {
				t.Fatal("LoadOSV returned no error")
			}
			if !strings.Contains(err.Error(), path) {
				t.Errorf("error %q does not name the file", err)
			}
			for _, text := range test.mention {
				if !strings.Contains(err.Error(), text) {
					t.Errorf("error %q does not mention %s", err, text)
				}
			}
			if len(db.byPackage) != 0 {
				t.Errorf("DB holds %v after a failed load, want nothing", db.byPackage)
			}
		})
	}
}

func TestLoadOSVMissingFile(t *testing.T) {
	db := &DB{}
	path := filepath.Join("testdata", "no-such-file.json")

	err := db.LoadOSV(path)
	if err == nil {
		t.Fatal("LoadOSV returned no error for a missing file")
	}
	if !strings.Contains(err.Error(), path) {
		t.Errorf("error %q does not name the file", err)
	}
}

func TestMinVersion(t *testing.T) {
	tests := []struct {
		spec string
		want string
		ok   bool
	}{
		{"^15.0.0", "15.0.0", true},
		{"~15.2.1", "15.2.1", true},
		{"15.2.1", "15.2.1", true},
		{">=15.1.0 <16", "15.1.0", true},
		{">15.0.0", "15.0.1", true},
		{"15.x", "15.0.0", true},
		{"15", "15.0.0", true},
		{"1.2.3 - 2.3.4", "1.2.3", true},
		{"^15.0.0 || ^14.2.0", "14.2.0", true},
		{"^14.3.0-canary.77", "14.3.0-canary.77", true},
		{"npm:next@^15.1.0", "15.1.0", true},
		{"workspace:^15.0.0", "15.0.0", true},
		{"<16", "0.0.0", true},
		{"*", "0.0.0", true},
		{"workspace:*", "", false},
		{"latest", "", false},
		{"", "", false},
		{"github:vercel/next.js", "", false},
		{"file:../next", "", false},
		{"https://example.invalid/next.tgz", "", false},
	}

	for _, test := range tests {
		got, ok := MinVersion(test.spec)
		if ok != test.ok {
			t.Errorf("MinVersion(%q) ok = %v, want %v", test.spec, ok, test.ok)
			continue
		}
		if got != test.want {
			t.Errorf("MinVersion(%q) = %q, want %q", test.spec, got, test.want)
		}
	}
}

func TestMinVersionFeedsAffecting(t *testing.T) {
	db := mustBuiltin(t)

	lowest, ok := MinVersion("^15.0.0")
	if !ok {
		t.Fatal("MinVersion(^15.0.0) gave no version")
	}
	if !slices.Contains(affectingIDs(db, "next", lowest), "GHSA-f82v-jwr5-mffw") {
		t.Errorf("next@%s (lowest of ^15.0.0) does not match GHSA-f82v-jwr5-mffw", lowest)
	}
}
