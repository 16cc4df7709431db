package nextbuild_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/actionguard/actionguard/internal/crosscheck"
	"github.com/actionguard/actionguard/internal/nextbuild"
	"github.com/actionguard/actionguard/internal/report"
	"github.com/actionguard/actionguard/internal/scan"
)

// scanBuiltApp runs the static analysis on the built fixture in app and
// returns its report.
func scanBuiltApp(t *testing.T, app string) report.App {
	t.Helper()
	res, err := scan.Run(scan.Options{Paths: []string{app}, WorkDir: app, Version: "test"})
	if err != nil {
		t.Fatalf("scan %s: %v", app, err)
	}
	if len(res.Report.Apps) != 1 {
		t.Fatalf("scan found %d apps in %s, want 1", len(res.Report.Apps), app)
	}
	for _, w := range res.Warnings {
		t.Logf("scan warning: %s", w)
	}
	return res.Report.Apps[0]
}

// TestInventoryMatchesBuild checks the static inventory against the
// actions that `next build` compiled: each compiled action is an entry
// reported reachable from the client, and each server action reported so
// was compiled, so the exports the build left out are exactly those
// reported "server" or "none".
func TestInventoryMatchesBuild(t *testing.T) {
	app := buildFixture(t)
	actions, err := nextbuild.ReadManifest(filepath.Join(app, ".next"))
	if err != nil {
		t.Fatalf("ReadManifest: %v", err)
	}
	reported := scanBuiltApp(t, app)

	pairs := crosscheck.Match(app, reported, actions)
	diffs := crosscheck.Compare(pairs, reported)
	for _, d := range diffs {
		t.Error(d)
	}

	var latent []string
	for _, e := range reported.Entries {
		if e.Reachable != report.ReachClient {
			latent = append(latent, e.ID+" ("+e.Reachable+")")
		}
	}
	t.Logf("%d actions compiled, %d entries reported, %d differences; not compiled: %s",
		len(actions), len(reported.Entries), len(diffs), strings.Join(latent, ", "))

	// The fixture has exports of both kinds, so a scan that marks every
	// entry client, or none, cannot pass.
	if len(latent) == 0 {
		t.Error("no entry is reported unreachable, but the fixture has exports the build leaves out")
	}
}
