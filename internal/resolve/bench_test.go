package resolve

import (
	"path/filepath"
	"strings"
	"testing"
)

// benchmarkImports returns importing file and specifier pairs for the web
// app: every fixture case of that app, repeated from many importing files
// so that the nearest-config lookup also runs for new folders.
func benchmarkImports(b *testing.B, testdata string) (froms, specifiers []string) {
	b.Helper()

	const copies = 60
	for copy := range copies {
		for _, tc := range resolveCases {
			if tc.app != web {
				continue
			}
			from := filepath.Join(fixturePath(testdata, filepath.Dir(tc.from)), strings.Repeat("nested/", copy%5), "file.ts")
			froms = append(froms, from)
			specifiers = append(specifiers, strings.ReplaceAll(tc.specifier, "{testdata}", filepath.ToSlash(testdata)))
		}
	}
	if len(specifiers) < 2000 {
		b.Fatalf("only %d specifiers; add fixture cases or copies", len(specifiers))
	}
	return froms, specifiers
}

// BenchmarkResolve measures a warm resolver, the common case once a scan
// has met each folder and config file.
func BenchmarkResolve(b *testing.B) {
	testdata := testdataDir(b)
	froms, specifiers := benchmarkImports(b, testdata)
	r := New(fixturePath(testdata, web))

	for b.Loop() {
		for i, specifier := range specifiers {
			r.Resolve(froms[i], specifier)
		}
	}
	b.ReportMetric(float64(len(specifiers)), "specifiers/op")
}

// BenchmarkResolveCold includes building the resolver and filling its
// caches from the file system.
func BenchmarkResolveCold(b *testing.B) {
	testdata := testdataDir(b)
	froms, specifiers := benchmarkImports(b, testdata)

	for b.Loop() {
		r := New(fixturePath(testdata, web))
		for i, specifier := range specifiers {
			r.Resolve(froms[i], specifier)
		}
	}
	b.ReportMetric(float64(len(specifiers)), "specifiers/op")
}

// BenchmarkResolveParallel measures contention on the shared caches.
func BenchmarkResolveParallel(b *testing.B) {
	testdata := testdataDir(b)
	froms, specifiers := benchmarkImports(b, testdata)
	r := New(fixturePath(testdata, web))

	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			r.Resolve(froms[i%len(froms)], specifiers[i%len(specifiers)])
			i++
		}
	})
}
