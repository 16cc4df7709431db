package scan

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/actionguard/actionguard/internal/report"
	"github.com/actionguard/actionguard/internal/rules"
)

// advisoryFindings scans one app under testdata/advisories and returns its
// vulnerable-next-version findings as "<file>:<line> <severity> <advisory
// id> -> <fixed version>", sorted.
func advisoryFindings(t *testing.T, app string, advisories string) []string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("testdata", "advisories", app))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(Options{Paths: []string{dir}, WorkDir: dir, Advisories: advisories, Version: "test"})
	if err != nil {
		t.Fatalf("scan %s: %v", app, err)
	}
	var out []string
	for _, a := range res.Report.Apps {
		for _, f := range a.Findings {
			if f.Rule != rules.VulnerableNextVersion {
				continue
			}
			id := strings.Fields(strings.SplitN(f.Message, " affected by ", 2)[1])[0]
			id = strings.TrimSuffix(strings.TrimSuffix(id, ":"), ",")
			fixed := strings.Fields(strings.TrimPrefix(f.Fix, "Upgrade "))[2]
			out = append(out, fmt.Sprintf("%s:%d %s %s -> %s", f.File, f.Line, f.Severity, id, fixed))
		}
	}
	slices.Sort(out)
	return out
}

func TestAdvisoryFixtures(t *testing.T) {
	tests := []struct {
		app  string
		want []string
	}{
		// npm: 15.5.9 is the last release before the denial-of-service fix.
		{"npm-inside", []string{"package-lock.json:12 P3 GHSA-h25m-26qc-wcjf -> 15.5.10"}},
		{"npm-outside", nil},
		// pnpm, with middleware that authenticates: the bypass is P1 up to
		// 14.2.24 and gone in 14.2.25.
		{"pnpm-inside", []string{
			"pnpm-lock.yaml:17 P1 GHSA-f82v-jwr5-mffw -> 14.2.25",
			"pnpm-lock.yaml:17 P3 CVE-2025-55183 -> 14.2.35",
			"pnpm-lock.yaml:17 P3 CVE-2025-55184 -> 14.2.35",
			"pnpm-lock.yaml:17 P3 GHSA-5j59-xgg2-r9c4 -> 14.2.35",
			"pnpm-lock.yaml:17 P3 GHSA-h25m-26qc-wcjf -> 14.2.35",
		}},
		{"pnpm-outside", []string{
			"pnpm-lock.yaml:17 P3 CVE-2025-55183 -> 14.2.35",
			"pnpm-lock.yaml:17 P3 CVE-2025-55184 -> 14.2.35",
			"pnpm-lock.yaml:17 P3 GHSA-5j59-xgg2-r9c4 -> 14.2.35",
			"pnpm-lock.yaml:17 P3 GHSA-h25m-26qc-wcjf -> 14.2.35",
		}},
		// Yarn, without middleware: the bypass is P2, and the SSRF is fixed
		// in 14.1.1.
		{"yarn-inside", []string{
			"yarn.lock:5 P2 GHSA-f82v-jwr5-mffw -> 14.2.25",
			"yarn.lock:5 P2 GHSA-fr5h-rqp8-mj6g -> 14.1.1",
			"yarn.lock:5 P3 CVE-2025-55183 -> 14.2.35",
			"yarn.lock:5 P3 CVE-2025-55184 -> 14.2.35",
			"yarn.lock:5 P3 GHSA-5j59-xgg2-r9c4 -> 14.2.35",
			"yarn.lock:5 P3 GHSA-h25m-26qc-wcjf -> 14.2.35",
		}},
		{"yarn-outside", []string{
			"yarn.lock:5 P2 GHSA-f82v-jwr5-mffw -> 14.2.25",
			"yarn.lock:5 P3 CVE-2025-55183 -> 14.2.35",
			"yarn.lock:5 P3 CVE-2025-55184 -> 14.2.35",
			"yarn.lock:5 P3 GHSA-5j59-xgg2-r9c4 -> 14.2.35",
			"yarn.lock:5 P3 GHSA-h25m-26qc-wcjf -> 14.2.35",
		}},
		// Bun: react-server-dom-webpack 19.2.0 has the remote code
		// execution flaw, fixed in 19.2.1.
		{"bun-inside", []string{
			"bun.lock:14 P0 GHSA-fv66-9v8q-g76r -> 19.2.1",
			"bun.lock:14 P3 CVE-2025-55183 -> 19.2.2",
			"bun.lock:14 P3 CVE-2025-55184 -> 19.2.2",
			"bun.lock:14 P3 GHSA-83fc-fqcc-2hmg -> 19.2.4",
		}},
		{"bun-outside", []string{
			"bun.lock:14 P3 CVE-2025-55183 -> 19.2.2",
			"bun.lock:14 P3 CVE-2025-55184 -> 19.2.2",
			"bun.lock:14 P3 GHSA-83fc-fqcc-2hmg -> 19.2.4",
		}},
		// No lockfile: the lowest version of ^15.5.0 is checked, and the
		// remote code execution finding is capped at P2.
		{"range", []string{
			"package.json:5 P2 GHSA-9qr9-h5gf-34mp -> 15.5.7",
			"package.json:5 P3 CVE-2025-55183 -> 15.5.9",
			"package.json:5 P3 CVE-2025-55184 -> 15.5.9",
			"package.json:5 P3 GHSA-5j59-xgg2-r9c4 -> 15.5.9",
			"package.json:5 P3 GHSA-h25m-26qc-wcjf -> 15.5.10",
		}},
		// No lockfile, but package.json pins one version, which is as sure
		// as a lockfile.
		{"pinned", []string{
			"package.json:5 P0 GHSA-9qr9-h5gf-34mp -> 15.2.6",
			"package.json:5 P2 GHSA-f82v-jwr5-mffw -> 15.2.3",
			"package.json:5 P3 CVE-2025-55183 -> 15.2.8",
			"package.json:5 P3 CVE-2025-55184 -> 15.2.8",
			"package.json:5 P3 GHSA-5j59-xgg2-r9c4 -> 15.2.8",
			"package.json:5 P3 GHSA-h25m-26qc-wcjf -> 15.2.9",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.app, func(t *testing.T) {
			got := advisoryFindings(t, tc.app, "")
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing finding %s", w)
				}
			}
			for _, g := range got {
				if !slices.Contains(tc.want, g) {
					t.Errorf("unexpected finding %s", g)
				}
			}
		})
	}
}

func TestAdvisoryMessages(t *testing.T) {
	dir, _ := filepath.Abs("testdata/advisories/range")
	res, err := Run(Options{Paths: []string{dir}, WorkDir: dir, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	var rce report.Finding
	for _, f := range res.Report.Apps[0].Findings {
		if strings.Contains(f.Message, "GHSA-9qr9-h5gf-34mp") {
			rce = f
		}
	}
	if !strings.Contains(rce.Message, "may be affected") {
		t.Errorf("message %q does not say the app may be affected", rce.Message)
	}
	if !strings.Contains(rce.Message, "capped at P2") {
		t.Errorf("message %q does not say why the severity is P2", rce.Message)
	}
	if rce.Fingerprint == "" {
		t.Error("fingerprint is empty")
	}
}

func TestAdvisoriesFlag(t *testing.T) {
	extra := filepath.Join(t.TempDir(), "extra.json")
	record := `{
  "id": "GHSA-test-0000-0000",
  "summary": "A test advisory",
  "affected": [{
    "package": {"ecosystem": "npm", "name": "next"},
    "ranges": [{"type": "SEMVER", "events": [{"introduced": "15.5.10"}, {"fixed": "15.5.11"}]}]
  }]
}`
	if err := os.WriteFile(extra, []byte(record), 0o644); err != nil {
		t.Fatal(err)
	}
	got := advisoryFindings(t, "npm-outside", extra)
	want := []string{"package-lock.json:12 P2 GHSA-test-0000-0000 -> 15.5.11"}
	if !slices.Equal(got, want) {
		t.Errorf("findings = %q, want %q", got, want)
	}
}

func TestAdvisoriesFlagInvalid(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{bad, filepath.Join(t.TempDir(), "missing.json")} {
		_, err := Run(Options{Paths: []string{"testdata/advisories/npm-outside"}, Advisories: path, Version: "test"})
		if err == nil {
			t.Errorf("--advisories %s: no error", path)
			continue
		}
		if !IsConfigError(err) {
			t.Errorf("--advisories %s: error %v is not a configuration error", path, err)
		}
		if !strings.Contains(err.Error(), path) {
			t.Errorf("--advisories %s: error %q does not name the file", path, err)
		}
	}
}
