package scan

import (
	"path/filepath"
	"testing"

	"github.com/actionguard/actionguard/internal/report"
)

// scanEntries scans dir, a path relative to this package, with report
// paths relative to workDir, and returns the entries by ID.
func scanEntries(t *testing.T, workDir, dir string) map[string]report.Entry {
	t.Helper()
	wd, err := filepath.Abs(workDir)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(Options{Paths: []string{dir}, WorkDir: wd, Version: "test"})
	if err != nil {
		t.Fatalf("scan %s: %v", dir, err)
	}
	entries := map[string]report.Entry{}
	for _, app := range res.Report.Apps {
		for _, e := range app.Entries {
			entries[e.ID] = e
		}
	}
	return entries
}

func TestEntryPolicyNamesRule(t *testing.T) {
	entries := scanEntries(t, ".", "testdata/rules")

	cases := map[string]string{
		"app/rules/public.ts#subscribe": "app/rules/public.ts#subscribe (testdata/rules/actionguard.json:7)",
		"app/rules/public.ts#ping":      "app/rules/public.ts#ping (testdata/rules/actionguard.json:8)",
		"app/rules/actions.ts#likePost": "",
		"app/rules/vendor.ts#joinTeam":  "",
	}
	for id, want := range cases {
		e, ok := entries[id]
		if !ok {
			t.Errorf("entry %s not found", id)
			continue
		}
		if e.Policy != want {
			t.Errorf("%s: policy %q, want %q", id, e.Policy, want)
		}
	}
}

func TestEntryPolicyNamesInlineComment(t *testing.T) {
	entries := scanEntries(t, "../../examples/fleet", "../../examples/fleet/affiliate-payouts")

	const id = "app/login/actions.ts#login"
	e, ok := entries[id]
	if !ok {
		t.Fatalf("entry %s not found", id)
	}
	want := "inline comment (affiliate-payouts/app/login/actions.ts:16)"
	if e.Policy != want {
		t.Errorf("policy %q, want %q", e.Policy, want)
	}
}
