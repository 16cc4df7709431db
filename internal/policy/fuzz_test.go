package policy

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzLoad feeds arbitrary bytes to the parser behind Load. It must never
// panic, must return either a policy or an error, and every problem must
// point at a line of the input.
func FuzzLoad(f *testing.F) {
	seeds, err := filepath.Glob("testdata/*.json")
	if err != nil {
		f.Fatal(err)
	}
	invalid, err := filepath.Glob("testdata/invalid/*.json")
	if err != nil {
		f.Fatal(err)
	}
	for _, path := range append(seeds, invalid...) {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}

	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := parse(FileName, data)

		if err != nil {
			checkProblems(t, err, data)
			return
		}
		if p == nil {
			t.Fatal("parse returned neither a policy nor an error")
		}
		checkRules(t, p)

		// Every loaded pattern must be usable by the matchers.
		p.Match("app/admin/[id]/actions.ts#save")
		p.Ignored("scripts/seed.ts")
		p.Unmatched([]string{"app/actions.ts#save"})
	})
}

func checkProblems(t *testing.T, err error, data []byte) {
	lines := 1 + bytes.Count(data, []byte("\n"))

	for _, e := range unwrapAll(err) {
		var perr *Error
		if !errors.As(e, &perr) {
			t.Fatalf("problem %v is not a *policy.Error", e)
		}
		if perr.Line < 1 || perr.Line > lines {
			t.Errorf("problem %q has line %d, outside 1..%d", perr, perr.Line, lines)
		}
	}
}

func checkRules(t *testing.T, p *Policy) {
	for _, rule := range p.Rules {
		switch rule.Access {
		case AccessPublic, AccessAuthenticated:
			if len(rule.Roles) != 0 {
				t.Errorf("rule %q has access %q and roles %v", rule.Pattern, rule.Access, rule.Roles)
			}
		case AccessRole:
			if len(rule.Roles) == 0 {
				t.Errorf("rule %q has access role and no roles", rule.Pattern)
			}
		default:
			t.Errorf("rule %q has unknown access %q", rule.Pattern, rule.Access)
		}
	}
}
