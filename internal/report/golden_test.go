package report

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/ with the current output")

// writeFunc is the signature WriteScan and WriteList share.
type writeFunc func(w *bytes.Buffer, r *Report, format string, opts Options) error

func commands() map[string]writeFunc {
	return map[string]writeFunc{
		"scan": func(w *bytes.Buffer, r *Report, format string, opts Options) error {
			return WriteScan(w, r, format, opts)
		},
		"list": func(w *bytes.Buffer, r *Report, format string, opts Options) error {
			return WriteList(w, r, format, opts)
		},
	}
}

func TestGoldenOutput(t *testing.T) {
	type variant struct {
		suffix string
		opts   Options
	}
	variants := []variant{{suffix: "", opts: Options{FailOn: P1}}}

	for command, write := range commands() {
		for _, format := range Formats() {
			cases := variants
			if format == FormatText {
				cases = append(cases, variant{suffix: "-color", opts: Options{Color: true, FailOn: P1}})
			}

			for _, c := range cases {
				name := fmt.Sprintf("%s.%s%s", command, format, c.suffix)
				t.Run(name, func(t *testing.T) {
					var out bytes.Buffer
					if err := write(&out, sampleReport(), format, c.opts); err != nil {
						t.Fatalf("render %s: %v", name, err)
					}
					compareGolden(t, filepath.Join("testdata", name+".golden"), out.Bytes())
				})
			}
		}
	}
}

// compareGolden compares got with the golden file at path, or rewrites the
// file when the test runs with -update.
func compareGolden(t *testing.T, path string, got []byte) {
	t.Helper()

	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatalf("update golden file: %v", err)
		}
		return
	}

	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file: %v (run go test ./internal/report -update to create it)", err)
	}
	if bytes.Equal(got, want) {
		return
	}

	gotLines := strings.Split(string(got), "\n")
	wantLines := strings.Split(string(want), "\n")
	for i := range max(len(gotLines), len(wantLines)) {
		gotLine, wantLine := lineAt(gotLines, i), lineAt(wantLines, i)
		if gotLine != wantLine {
			t.Fatalf("%s differs at line %d (run with -update if the change is intended):\n got: %q\nwant: %q", path, i+1, gotLine, wantLine)
		}
	}
}

func lineAt(lines []string, i int) string {
	if i >= len(lines) {
		return "<end of output>"
	}
	return lines[i]
}
