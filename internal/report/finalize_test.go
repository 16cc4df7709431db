package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"
)

func TestFinalizeSortsApps(t *testing.T) {
	r := sampleReport()
	Finalize(r)

	if got := r.Apps[0].Root; got != "apps/admin" {
		t.Errorf("first app root = %q, want apps/admin", got)
	}
	if got := r.Apps[1].Root; got != "apps/web" {
		t.Errorf("second app root = %q, want apps/web", got)
	}
}

func TestFinalizeSortsEntries(t *testing.T) {
	r := &Report{Apps: []App{{Root: "a", Entries: []Entry{
		{ID: "z.ts#b", File: "a/z.ts", Line: 1, Column: 1},
		{ID: "y.ts#late", File: "a/y.ts", Line: 9, Column: 1},
		{ID: "y.ts#col5", File: "a/y.ts", Line: 2, Column: 5},
		{ID: "y.ts#col1b", File: "a/y.ts", Line: 2, Column: 1},
		{ID: "y.ts#col1a", File: "a/y.ts", Line: 2, Column: 1},
	}}}}
	Finalize(r)

	want := []string{"y.ts#col1a", "y.ts#col1b", "y.ts#col5", "y.ts#late", "z.ts#b"}
	for i, entry := range r.Apps[0].Entries {
		if entry.ID != want[i] {
			t.Errorf("entry %d = %q, want %q", i, entry.ID, want[i])
		}
	}
}

func TestFinalizeSortsFindings(t *testing.T) {
	r := &Report{Apps: []App{{Root: "a", Findings: []Finding{
		{Rule: "r", File: "a/b.ts", Line: 1, Column: 1, Entry: "b.ts#y", Message: "m2"},
		{Rule: "r", File: "a/b.ts", Line: 1, Column: 1, Entry: "b.ts#y", Message: "m1"},
		{Rule: "r", File: "a/b.ts", Line: 1, Column: 1, Entry: "b.ts#x", Message: "m9"},
		{Rule: "a", File: "a/b.ts", Line: 1, Column: 1, Entry: "b.ts#z", Message: "m9"},
		{Rule: "a", File: "a/b.ts", Line: 1, Column: 0, Entry: "b.ts#z", Message: "m9"},
		{Rule: "a", File: "a/b.ts", Line: 0, Column: 9, Entry: "b.ts#z", Message: "m9"},
		{Rule: "a", File: "a/a.ts", Line: 9, Column: 9, Entry: "a.ts#z", Message: "m9"},
	}}}}
	Finalize(r)

	want := []string{
		"a/a.ts:9:9 a a.ts#z m9",
		"a/b.ts:0:9 a b.ts#z m9",
		"a/b.ts:1:0 a b.ts#z m9",
		"a/b.ts:1:1 a b.ts#z m9",
		"a/b.ts:1:1 r b.ts#x m9",
		"a/b.ts:1:1 r b.ts#y m1",
		"a/b.ts:1:1 r b.ts#y m2",
	}
	for i, finding := range r.Apps[0].Findings {
		got := fmt.Sprintf("%s:%d:%d %s %s %s", finding.File, finding.Line, finding.Column, finding.Rule, finding.Entry, finding.Message)
		if got != want[i] {
			t.Errorf("finding %d = %q, want %q", i, got, want[i])
		}
	}
}

func TestFinalizeOrderIgnoresInputOrder(t *testing.T) {
	forward := sampleReport()
	reversed := sampleReport()
	reverseAll(reversed)

	for _, format := range Formats() {
		var a, b bytes.Buffer
		if err := WriteScan(&a, forward, format, Options{}); err != nil {
			t.Fatalf("render %s: %v", format, err)
		}
		if err := WriteScan(&b, reversed, format, Options{}); err != nil {
			t.Fatalf("render reversed %s: %v", format, err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s output depends on the input order of apps, entries and findings", format)
		}
	}
}

func reverseAll(r *Report) {
	reverse(r.Apps)
	for i := range r.Apps {
		reverse(r.Apps[i].Entries)
		reverse(r.Apps[i].Findings)
	}
}

func reverse[T any](s []T) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

func TestFinalizeSummary(t *testing.T) {
	r := sampleReport()
	Finalize(r)

	if r.Summary.Apps != 2 {
		t.Errorf("summary apps = %d, want 2", r.Summary.Apps)
	}
	if r.Summary.Entries != 6 {
		t.Errorf("summary entries = %d, want 6", r.Summary.Entries)
	}
	want := map[string]int{P0: 2, P1: 1, P2: 2, P3: 1}
	for sev, count := range want {
		if got := r.Summary.Findings[sev]; got != count {
			t.Errorf("summary findings[%s] = %d, want %d", sev, got, count)
		}
	}
	if len(r.Summary.Findings) != len(want) {
		t.Errorf("summary findings has keys %v, want only P0 to P3", r.Summary.Findings)
	}
}

func TestFinalizeSummaryReplacesStaleCounts(t *testing.T) {
	r := &Report{Summary: Summary{Apps: 7, Entries: 7, Findings: map[string]int{P0: 7}}}
	Finalize(r)

	if r.Summary.Apps != 0 || r.Summary.Entries != 0 || r.Summary.Findings[P0] != 0 {
		t.Errorf("summary = %+v, want zero counts for an empty report", r.Summary)
	}
}

func TestFinalizeSummaryUnknownSeverity(t *testing.T) {
	r := &Report{Apps: []App{{Root: "a", Findings: []Finding{{Rule: "r", Severity: "P9"}}}}}
	Finalize(r)

	if got := r.Summary.Findings["P9"]; got != 1 {
		t.Errorf("summary findings[P9] = %d, want 1", got)
	}
}

func TestFinalizeEmptyReportJSON(t *testing.T) {
	var out bytes.Buffer
	if err := WriteScan(&out, &Report{}, FormatJSON, Options{}); err != nil {
		t.Fatalf("render empty report: %v", err)
	}

	want := `{
  "schemaVersion": 1,
  "tool": {
    "name": "",
    "version": ""
  },
  "apps": [],
  "summary": {
    "apps": 0,
    "entries": 0,
    "findings": {
      "P0": 0,
      "P1": 0,
      "P2": 0,
      "P3": 0
    }
  }
}
`
	if out.String() != want {
		t.Errorf("empty report JSON =\n%s\nwant\n%s", out.String(), want)
	}
}

func TestFinalizeNilSlicesBecomeEmpty(t *testing.T) {
	r := &Report{Apps: []App{{Root: "a", Entries: []Entry{{ID: "x.ts#f"}}}}}
	Finalize(r)

	app := r.Apps[0]
	if app.Findings == nil {
		t.Error("app findings is nil after Finalize, want empty")
	}
	if app.Entries[0].Effects == nil {
		t.Error("entry effects is nil after Finalize, want empty")
	}
}

func TestFinalizeFillsFingerprint(t *testing.T) {
	r := &Report{Apps: []App{{Root: "apps/web", Findings: []Finding{
		{Rule: "missing-auth", File: "apps/web/app/a.ts", Entry: "app/a.ts#save"},
		{Rule: "missing-auth", File: "apps/web/app/b.ts", Entry: "app/b.ts#save", Fingerprint: "kept"},
	}}}}
	Finalize(r)

	want := Fingerprint("missing-auth", "app/a.ts", "save")
	if got := r.Apps[0].Findings[0].Fingerprint; got != want {
		t.Errorf("filled fingerprint = %q, want %q", got, want)
	}
	if got := r.Apps[0].Findings[1].Fingerprint; got != "kept" {
		t.Errorf("existing fingerprint = %q, want it kept", got)
	}
}

func TestFinalizeIdempotent(t *testing.T) {
	r := sampleReport()
	Finalize(r)
	first, _ := json.Marshal(r)
	Finalize(r)
	second, _ := json.Marshal(r)

	if !bytes.Equal(first, second) {
		t.Error("a second Finalize changed the report")
	}
}
