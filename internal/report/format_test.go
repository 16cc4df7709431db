package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
)

func TestFormats(t *testing.T) {
	want := []string{"text", "json", "markdown", "sarif", "github"}
	got := Formats()
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("Formats() = %v, want %v", got, want)
	}
}

func TestUnknownFormat(t *testing.T) {
	for command, write := range commands() {
		r := &Report{}
		var out bytes.Buffer
		err := write(&out, r, "xml", Options{})

		if err == nil {
			t.Fatalf("%s with format xml returned no error", command)
		}
		for _, part := range append(Formats(), `"xml"`) {
			if !strings.Contains(err.Error(), part) {
				t.Errorf("%s error %q does not mention %s", command, err, part)
			}
		}
		if out.Len() != 0 {
			t.Errorf("%s wrote %q for an unknown format, want nothing", command, out.String())
		}
		if r.Apps != nil {
			t.Errorf("%s finalized the report for an unknown format", command)
		}
	}
}

func TestRenderTwiceIdentical(t *testing.T) {
	for command, write := range commands() {
		for _, format := range Formats() {
			var first, second bytes.Buffer
			if err := write(&first, sampleReport(), format, Options{Color: true, FailOn: P2}); err != nil {
				t.Fatalf("%s %s: %v", command, format, err)
			}
			if err := write(&second, sampleReport(), format, Options{Color: true, FailOn: P2}); err != nil {
				t.Fatalf("%s %s: %v", command, format, err)
			}
			if !bytes.Equal(first.Bytes(), second.Bytes()) {
				t.Errorf("%s %s: two renders of the same report differ", command, format)
			}
		}
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) {
	return 0, errors.New("disk full")
}

func TestWriteErrorReturned(t *testing.T) {
	for _, format := range Formats() {
		if err := WriteScan(failingWriter{}, sampleReport(), format, Options{}); err == nil {
			t.Errorf("WriteScan %s to a failing writer returned no error", format)
		}
		if err := WriteList(failingWriter{}, sampleReport(), format, Options{}); err == nil {
			t.Errorf("WriteList %s to a failing writer returned no error", format)
		}
	}
}

func TestJSONRoundTrip(t *testing.T) {
	r := sampleReport()
	var out bytes.Buffer
	if err := WriteScan(&out, r, FormatJSON, Options{}); err != nil {
		t.Fatalf("render json: %v", err)
	}

	var decoded Report
	if err := json.Unmarshal(out.Bytes(), &decoded); err != nil {
		t.Fatalf("decode json output: %v", err)
	}
	again, _ := json.Marshal(decoded)
	original, _ := json.Marshal(r)
	if !bytes.Equal(again, original) {
		t.Error("json output does not decode to the rendered report")
	}
}

func TestJSONNoHTMLEscaping(t *testing.T) {
	var out bytes.Buffer
	if err := WriteScan(&out, sampleReport(), FormatJSON, Options{}); err != nil {
		t.Fatalf("render json: %v", err)
	}

	if !strings.Contains(out.String(), "the caller <admin> & co.") {
		t.Error("json output escapes '<', '>' or '&', want them as is")
	}
	if !strings.HasSuffix(out.String(), "}\n") {
		t.Error("json output does not end with a newline")
	}
}

func TestJSONListMatchesScan(t *testing.T) {
	var scan, list bytes.Buffer
	if err := WriteScan(&scan, sampleReport(), FormatJSON, Options{}); err != nil {
		t.Fatalf("render scan: %v", err)
	}
	if err := WriteList(&list, sampleReport(), FormatJSON, Options{}); err != nil {
		t.Fatalf("render list: %v", err)
	}
	if !bytes.Equal(scan.Bytes(), list.Bytes()) {
		t.Error("json list differs from json scan, want one document")
	}
}

func TestTextWithoutColorHasNoEscapes(t *testing.T) {
	for command, write := range commands() {
		var out bytes.Buffer
		if err := write(&out, sampleReport(), FormatText, Options{FailOn: P1}); err != nil {
			t.Fatalf("render %s text: %v", command, err)
		}
		if strings.ContainsRune(out.String(), '\x1b') {
			t.Errorf("%s text without color contains an escape character", command)
		}
	}
}

func TestTextColorsSeverities(t *testing.T) {
	var out bytes.Buffer
	if err := WriteScan(&out, sampleReport(), FormatText, Options{Color: true}); err != nil {
		t.Fatalf("render text: %v", err)
	}

	for _, styled := range []string{"\x1b[1;31mP0\x1b[0m", "\x1b[31mP1\x1b[0m", "\x1b[33mP2\x1b[0m", "\x1b[2mP3\x1b[0m"} {
		if !strings.Contains(out.String(), "  "+styled+"\n") {
			t.Errorf("text output has no heading %q", styled)
		}
	}
	// The escape character inside a message must not pass through.
	if strings.Contains(out.String(), "\x1b[2J") {
		t.Error("text output passes a control sequence from a message through")
	}
}

func TestTextFailOnCount(t *testing.T) {
	cases := map[string]string{
		P0:         "2 at or above --fail-on P0.\n",
		P3:         "6 at or above --fail-on P3.\n",
		FailOnNone: "P3 1).\n",
		"":         "P3 1).\n",
	}
	for failOn, want := range cases {
		var out bytes.Buffer
		if err := WriteScan(&out, sampleReport(), FormatText, Options{FailOn: failOn}); err != nil {
			t.Fatalf("render text: %v", err)
		}
		if !strings.HasSuffix(out.String(), want) {
			t.Errorf("text output with FailOn %q ends %q, want %q", failOn, lastLine(out.String()), want)
		}
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	return lines[len(lines)-1]
}

func TestGitHubEscaping(t *testing.T) {
	r := &Report{Apps: []App{{Root: ".", Findings: []Finding{{
		Rule:     "missing-auth",
		Severity: P2,
		File:     "app/a,b:c%d.ts",
		Line:     3,
		Column:   2,
		Message:  "50% of\r\nlines, ok: yes",
		Fix:      "Add a guard.",
	}}}}}
	var out bytes.Buffer
	if err := WriteScan(&out, r, FormatGitHub, Options{}); err != nil {
		t.Fatalf("render github: %v", err)
	}

	want := "::warning file=app/a%2Cb%3Ac%25d.ts,line=3,col=2,title=missing-auth (P2)::50%25 of%0D%0Alines, ok: yes Fix: Add a guard.\n"
	if first, _, _ := strings.Cut(out.String(), "\n"); first+"\n" != want {
		t.Errorf("github annotation =\n%q\nwant\n%q", first+"\n", want)
	}
}

func TestGitHubCommands(t *testing.T) {
	cases := map[string]string{P0: "error", P1: "error", P2: "warning", P3: "notice", "P9": "notice"}
	for sev, want := range cases {
		if got := gitHubCommand(sev); got != want {
			t.Errorf("gitHubCommand(%q) = %q, want %q", sev, got, want)
		}
	}
}

func TestMarkdownText(t *testing.T) {
	cases := map[string]string{
		"a | b":            `a \| b`,
		"line1\nline2":     "line1<br>line2",
		"line1\r\nline2":   "line1<br>line2",
		"<b>x</b> & *y*":   `\<b\>x\</b\> \& \*y\*`,
		"[link](http://x)": `\[link\](http://x)`,
		"":                 "-",
		"bell\a":           `bell\\a`,
	}
	for in, want := range cases {
		if got := markdownText(in); got != want {
			t.Errorf("markdownText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMarkdownCode(t *testing.T) {
	cases := map[string]string{
		"app/[id]/route.ts#GET": "`app/[id]/route.ts#GET`",
		"a|b":                   "`a\\|b`",
		"a`b":                   "``a`b``",
		"`a``":                  "``` `a`` ```",
		"two\nlines":            "`two lines`",
		"":                      "-",
	}
	for in, want := range cases {
		if got := markdownCode(in); got != want {
			t.Errorf("markdownCode(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPrintable(t *testing.T) {
	cases := []struct{ in, keep, want string }{
		{"plain", "", "plain"},
		{"a\x1b[2Jb", "", `a\x1b[2Jb`},
		{"tab\there", "", `tab\there`},
		{"keep\nnewline", "\n", "keep\nnewline"},
		{"c1\u009bx", "", `c1\u009bx`},
		{"del\x7f", "", `del\x7f`},
		{"ünïcode ✓", "", "ünïcode ✓"},
	}
	for _, c := range cases {
		if got := printable(c.in, c.keep); got != c.want {
			t.Errorf("printable(%q, %q) = %q, want %q", c.in, c.keep, got, c.want)
		}
	}
}

func TestFileURI(t *testing.T) {
	cases := map[string]string{
		"apps/web/app/(marketing)/actions.ts": "apps/web/app/(marketing)/actions.ts",
		"app/[id]/route.ts":                   "app/%5Bid%5D/route.ts",
		"app/my page.ts":                      "app/my%20page.ts",
		"app/100%.ts":                         "app/100%25.ts",
		"app/a#b?.ts":                         "app/a%23b%3F.ts",
		"app/@modal/page.ts":                  "app/@modal/page.ts",
		"c:d/file.ts":                         "./c:d/file.ts",
		"app/c:d.ts":                          "app/c:d.ts",
		"app/é.ts":                            "app/%C3%A9.ts",
	}
	for in, want := range cases {
		if got := fileURI(in); got != want {
			t.Errorf("fileURI(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSARIFValidatesAgainstSchema(t *testing.T) {
	var out bytes.Buffer
	if err := WriteScan(&out, sampleReport(), FormatSARIF, Options{}); err != nil {
		t.Fatalf("render sarif: %v", err)
	}

	log, err := sarif.FromBytes(out.Bytes())
	if err != nil {
		t.Fatalf("parse sarif output: %v", err)
	}
	if err := log.Validate(); err != nil {
		t.Errorf("sarif output does not match the SARIF 2.1.0 schema: %v", err)
	}
}

// sarifDocument holds the SARIF 2.1.0 properties this package promises, so
// that the test reads the bytes as written and not through the library that
// wrote them.
type sarifDocument struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name  string `json:"name"`
				Rules []struct {
					ID               string `json:"id"`
					ShortDescription struct {
						Text string `json:"text"`
					} `json:"shortDescription"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex int    `json:"ruleIndex"`
			Level     string `json:"level"`
			Message   struct {
				Text string `json:"text"`
			} `json:"message"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI string `json:"uri"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine   int `json:"startLine"`
						StartColumn int `json:"startColumn"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
		} `json:"results"`
	} `json:"runs"`
}

func TestSARIFStructure(t *testing.T) {
	r := sampleReport()
	var out bytes.Buffer
	if err := WriteScan(&out, r, FormatSARIF, Options{}); err != nil {
		t.Fatalf("render sarif: %v", err)
	}
	var doc sarifDocument
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatalf("decode sarif output: %v", err)
	}

	if doc.Version != "2.1.0" {
		t.Errorf("version = %q, want 2.1.0", doc.Version)
	}
	if !strings.HasSuffix(doc.Schema, "sarif-schema-2.1.0.json") {
		t.Errorf("$schema = %q, want the SARIF 2.1.0 schema", doc.Schema)
	}
	if len(doc.Runs) != 1 {
		t.Fatalf("runs = %d, want 1", len(doc.Runs))
	}
	run := doc.Runs[0]
	if run.Tool.Driver.Name != "actionguard" {
		t.Errorf("driver name = %q, want actionguard", run.Tool.Driver.Name)
	}

	wantRules := []string{"auth-after-effect", "auth-not-enforced", "missing-auth", "parse-error", "unverified-guard"}
	if len(run.Tool.Driver.Rules) != len(wantRules) {
		t.Fatalf("rules = %d, want %d", len(run.Tool.Driver.Rules), len(wantRules))
	}
	for i, rule := range run.Tool.Driver.Rules {
		if rule.ID != wantRules[i] {
			t.Errorf("rule %d id = %q, want %q", i, rule.ID, wantRules[i])
		}
		if rule.ShortDescription.Text == "" {
			t.Errorf("rule %s has no short description", rule.ID)
		}
	}

	findings := r.Apps[1].Findings
	if len(run.Results) != len(findings) {
		t.Fatalf("results = %d, want %d", len(run.Results), len(findings))
	}
	levels := map[string]string{P0: "error", P1: "error", P2: "warning", P3: "note"}
	for i, result := range run.Results {
		finding := findings[i]
		if result.RuleID != finding.Rule {
			t.Errorf("result %d ruleId = %q, want %q", i, result.RuleID, finding.Rule)
		}
		if run.Tool.Driver.Rules[result.RuleIndex].ID != result.RuleID {
			t.Errorf("result %d ruleIndex %d does not point at rule %q", i, result.RuleIndex, result.RuleID)
		}
		if result.Level != levels[finding.Severity] {
			t.Errorf("result %d level = %q, want %q for %s", i, result.Level, levels[finding.Severity], finding.Severity)
		}
		if !strings.HasPrefix(result.Message.Text, finding.Message) {
			t.Errorf("result %d message = %q, want it to start with the finding message", i, result.Message.Text)
		}
		if len(result.Locations) != 1 {
			t.Fatalf("result %d has %d locations, want 1", i, len(result.Locations))
		}
		physical := result.Locations[0].PhysicalLocation
		if physical.ArtifactLocation.URI != fileURI(finding.File) {
			t.Errorf("result %d uri = %q, want %q", i, physical.ArtifactLocation.URI, fileURI(finding.File))
		}
		if physical.Region.StartLine != finding.Line || physical.Region.StartColumn != finding.Column {
			t.Errorf("result %d region = %d:%d, want %d:%d", i, physical.Region.StartLine, physical.Region.StartColumn, finding.Line, finding.Column)
		}
		if result.PartialFingerprints[fingerprintKey] != finding.Fingerprint {
			t.Errorf("result %d partial fingerprint = %q, want %q", i, result.PartialFingerprints[fingerprintKey], finding.Fingerprint)
		}
	}
}

func TestSARIFEmptyReportValid(t *testing.T) {
	var out bytes.Buffer
	if err := WriteScan(&out, &Report{}, FormatSARIF, Options{}); err != nil {
		t.Fatalf("render sarif: %v", err)
	}

	log, err := sarif.FromBytes(out.Bytes())
	if err != nil {
		t.Fatalf("parse sarif output: %v", err)
	}
	if err := log.Validate(); err != nil {
		t.Errorf("sarif output for an empty report does not match the schema: %v", err)
	}
}
