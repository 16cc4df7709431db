package policy

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestMatchPrecedence(t *testing.T) {
	p, err := Load("testdata/precedence.json")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}

	tests := []struct {
		name    string
		id      string
		pattern string // of the winning rule, "" for no match
	}{
		{"exact beats later glob", "app/admin/users/actions.ts#ban", "app/admin/users/actions.ts#ban"},
		{"glob covers sibling", "app/admin/users/actions.ts#list", "app/admin/**"},
		{"more literals win", "app/admin/users/actions.ts#deleteUser", "**#deleteUser"},
		{"glob alone", "app/team/actions.ts#deleteUser", "**#deleteUser"},
		{"tie goes to later rule", "app/y/x.ts#a", "app/y/*.ts#a"},
		{"tie rule alone", "app/z/x.ts#a", "app/*/x.ts#a"},
		{"no rule", "app/page/actions.ts#save", ""},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rule, ok := p.Match(tt.id)

			if ok != (tt.pattern != "") {
				t.Fatalf("Match(%q) ok = %v, want %v (rule %q)", tt.id, ok, tt.pattern != "", rule.Pattern)
			}
			if rule.Pattern != tt.pattern {
				t.Errorf("Match(%q) = %q, want %q", tt.id, rule.Pattern, tt.pattern)
			}
		})
	}
}

func TestMatchGlobSyntax(t *testing.T) {
	tests := []struct {
		pattern string
		id      string
		want    bool
	}{
		// Next.js route segments match literally.
		{"app/posts/[id]/actions.ts#like", "app/posts/[id]/actions.ts#like", true},
		{"app/posts/[id]/actions.ts#like", "app/posts/i/actions.ts#like", false},
		{"app/posts/[id]/*", "app/posts/[id]/actions.ts#like", true},
		{"app/posts/[id]/*", "app/posts/d/actions.ts#like", false},
		{"app/blog/[...slug]/**", "app/blog/[...slug]/actions.ts#save", true},
		{"app/(marketing)/**", "app/(marketing)/actions.ts#subscribe", true},
		{"app/(marketing)/**", "app/marketing/actions.ts#subscribe", false},

		// "**" crosses "/" and "#".
		{"app/admin/**", "app/admin/users/actions.ts#ban", true},
		{"app/admin/**", "app/admin/actions.ts#ban", true},
		{"app/admin/**", "app/administration/actions.ts#ban", false},
		{"**#deleteUser", "app/admin/users/actions.ts#deleteUser", true},
		{"**#deleteUser", "actions.ts#deleteUser", true},
		{"**#deleteUser", "app/actions.ts#deleteUsers", false},
		{"**", "pages/api/leads.ts#default", true},

		// "*" and "?" stay within the file name or the export name.
		{"app/**/actions.ts#*", "app/a/b/actions.ts#save", true},
		{"app/**/actions.ts#*", "app/actions.ts#save", true},
		{"app/**/actions.ts#*", "app/a/route.ts#GET", false},
		{"app/*#save", "app/a/actions.ts#save", false},
		{"app/actions.ts#get*", "app/actions.ts#getUser", true},
		{"app/actions.ts#get*", "app/actions.ts#setUser", false},
		{"app/v?/actions.ts#x", "app/v2/actions.ts#x", true},
		{"app/v?/actions.ts#x", "app/v10/actions.ts#x", false},
		{"app/api/leads/route.ts#{GET,POST}", "app/api/leads/route.ts#POST", true},
		{"app/api/leads/route.ts#{GET,POST}", "app/api/leads/route.ts#DELETE", false},
		{"app/{admin,staff}/**", "app/staff/actions.ts#x", true},
		{"{app/a.ts#x,app/b.ts#y}", "app/b.ts#y", true},

		// A pattern without "#" covers every export of the files it matches.
		{"app/settings/actions.ts", "app/settings/actions.ts#save", true},
		{"app/*.ts", "app/actions.ts#save", true},
		{"app/*", "app/admin/actions.ts#save", false},

		// The inline action naming of the entry ID keeps "." and "$".
		{"app/page.tsx#Page.$1", "app/page.tsx#Page.$1", true},
		{"app/page.tsx#Page.*", "app/page.tsx#Page.$2", true},
	}

	for _, tt := range tests {
		p := &Policy{Rules: []Rule{{Pattern: tt.pattern, Access: AccessAuthenticated}}}

		_, ok := p.Match(tt.id)
		if ok != tt.want {
			t.Errorf("pattern %q on %q: match = %v, want %v", tt.pattern, tt.id, ok, tt.want)
		}
	}
}

func TestIgnored(t *testing.T) {
	p := &Policy{Ignore: []string{"scripts/**", "e2e", "**/*.stories.tsx", "app/[locale]/legacy/**"}}

	tests := []struct {
		path string
		want bool
	}{
		{"scripts/seed.ts", true},
		{"scripts/db/seed.ts", true},
		{"scripts", true},
		{"./scripts/seed.ts", true},
		{"src/scripts/seed.ts", false},
		{"e2e/login.spec.ts", true},
		{"e2e2/login.spec.ts", false},
		{"components/Button.stories.tsx", true},
		{"components/Button.tsx", false},
		{"app/[locale]/legacy/page.tsx", true},
		{"app/l/legacy/page.tsx", false},
		{"app/page.tsx", false},
		{"", false},
	}

	for _, tt := range tests {
		if got := p.Ignored(tt.path); got != tt.want {
			t.Errorf("Ignored(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

func TestUnmatched(t *testing.T) {
	p, err := Load("testdata/precedence.json")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}

	ids := []string{
		"app/admin/users/actions.ts#ban",
		"app/y/x.ts#a",
		"app/page/actions.ts#save",
	}

	var got []string
	for _, rule := range p.Unmatched(ids) {
		got = append(got, rule.Pattern)
	}

	// app/admin/** matches the ban entry although the exact rule wins there,
	// and app/*/x.ts#a matches app/y/x.ts#a although the later tie wins.
	want := []string{"**#deleteUser"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Unmatched mismatch (-want +got):\n%s", diff)
	}
}

func TestUnmatchedNoEntries(t *testing.T) {
	p, err := Load("testdata/valid.json")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}

	got := p.Unmatched(nil)

	if len(got) != len(p.Rules) {
		t.Errorf("Unmatched(nil) returned %d rules, want all %d", len(got), len(p.Rules))
	}
}

func TestNilPolicy(t *testing.T) {
	var p *Policy

	if _, ok := p.Match("app/actions.ts#save"); ok {
		t.Error("Match on nil policy found a rule")
	}
	if p.Ignored("scripts/seed.ts") {
		t.Error("Ignored on nil policy returned true")
	}
	if got := p.Unmatched([]string{"app/actions.ts#save"}); len(got) != 0 {
		t.Errorf("Unmatched on nil policy = %v, want none", got)
	}
}
