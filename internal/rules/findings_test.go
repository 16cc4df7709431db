package rules

import (
	"strings"
	"testing"

	"github.com/actionguard/actionguard/internal/analysis"
	"github.com/actionguard/actionguard/internal/report"
)

func TestEvaluateNamesWriteBeforeRead(t *testing.T) {
	read := analysis.Effect{Class: report.EffectRead, Category: "database", What: "prisma.ping.findMany", Line: 7}
	write := analysis.Effect{Class: report.EffectWrite, Category: "database", What: "prisma.ping.create", Line: 10}
	s := Subject{
		Kind: report.KindAPIRoute, Name: "default", ID: "pages/api/ping.ts#default",
		Verdict: analysis.Verdict{Auth: analysis.StatusMissing, Offending: []analysis.Effect{read, write}, Write: true},
	}
	got := Evaluate(s)
	if len(got) != 1 {
		t.Fatalf("got %d findings, want 1: %+v", len(got), got)
	}
	if got[0].Severity != report.P0 {
		t.Errorf("severity = %s, want P0", got[0].Severity)
	}
	if !strings.Contains(got[0].Message, "prisma.ping.create, line 10") {
		t.Errorf("message %q does not name the write that makes it P0", got[0].Message)
	}
}
