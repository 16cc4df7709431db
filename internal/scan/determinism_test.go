package scan

import (
	"bytes"
	"testing"

	"github.com/actionguard/actionguard/internal/report"
)

// TestReportDeterministic scans the example fleet with one job and with
// four, twice each, and requires byte-identical JSON reports.
func TestReportDeterministic(t *testing.T) {
	var first []byte
	for run, jobs := range []int{1, 4, 1, 4} {
		res, err := Run(Options{Paths: []string{"../../examples/fleet"}, Jobs: jobs, Version: "test"})
		if err != nil {
			t.Fatalf("scan with %d jobs: %v", jobs, err)
		}
		var out bytes.Buffer
		if err := report.WriteScan(&out, res.Report, report.FormatJSON, report.Options{}); err != nil {
			t.Fatal(err)
		}
		if run == 0 {
			first = out.Bytes()
			continue
		}
		if !bytes.Equal(first, out.Bytes()) {
			t.Fatalf("run %d with %d jobs differs from the first run", run, jobs)
		}
	}
	if len(first) < 1000 {
		t.Fatalf("report is only %d bytes; the fleet should produce entries and findings", len(first))
	}
}
