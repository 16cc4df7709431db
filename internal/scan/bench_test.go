package scan

import (
	"testing"

	"github.com/actionguard/actionguard/internal/fleetgen"
)

// BenchmarkScanFleet scans a generated fleet of 12 apps with 250 files each
// (3,000 files), end to end: discovery, parsing, resolution, summaries,
// verdicts and findings.
func BenchmarkScanFleet(b *testing.B) {
	dir := b.TempDir()
	if _, err := fleetgen.Generate(dir, 12, 250); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := Run(Options{Paths: []string{dir}, WorkDir: dir})
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Report.Apps) != 12 {
			b.Fatalf("scanned %d apps, want 12", len(res.Report.Apps))
		}
	}
}
