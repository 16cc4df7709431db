package initpolicy

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/actionguard/actionguard/internal/policy"
)

func TestAdminArea(t *testing.T) {
	cases := []struct {
		id   string
		want string
	}{
		{"app/admin/users/actions.ts#ban", "app/admin/**"},
		{"app/(admin)/settings/actions.ts#save", "app/(admin)/**"},
		{"src/app/(dashboard)/admin/route.ts#POST", "src/app/(dashboard)/admin/**"},
		{"app/admin/admin.ts#reset", "app/admin/**"},
		{"lib/admin.ts#promote", "lib/admin.ts"},
		{"pages/api/admin.js#default", "pages/api/admin.js"},
		{"pages/api/admin/users.ts#default", "pages/api/admin/**"},
		{"app/administrator/actions.ts#x", ""},
		{"app/admins.ts#x", ""},
		{"app/actions.ts#admin", ""},
		{"app/[admin]/actions.ts#x", ""},
		{"app/admin{x/actions.ts#x", ""},
	}
	for _, c := range cases {
		got, ok := AdminArea(c.id)
		if ok != (c.want != "") {
			t.Errorf("AdminArea(%q) ok = %v, want %v", c.id, ok, c.want != "")
			continue
		}
		if got != c.want {
			t.Errorf("AdminArea(%q) = %q, want %q", c.id, got, c.want)
		}
	}
}

func TestNewSortsAndDeduplicates(t *testing.T) {
	s := New(
		[]string{"requireUser", "auth.require", "requireUser", "not a name", ""},
		[]string{"lib/admin.ts#b", "app/admin/b.ts#x", "app/page.ts#y", "app/admin/a.ts#x", "lib/admin.ts#a"},
	)

	if want := []string{"auth.require", "requireUser"}; !slices.Equal(s.Guards, want) {
		t.Errorf("Guards = %q, want %q", s.Guards, want)
	}
	if want := []string{"app/admin/**", "lib/admin.ts"}; !slices.Equal(s.AdminAreas, want) {
		t.Errorf("AdminAreas = %q, want %q", s.AdminAreas, want)
	}
}

// load writes data to a temporary actionguard.json and loads it.
func load(t *testing.T, data []byte) *policy.Policy {
	t.Helper()
	file := filepath.Join(t.TempDir(), policy.FileName)
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := policy.Load(file)
	if err != nil {
		t.Fatalf("load rendered policy: %v\n%s", err, data)
	}
	return p
}

func TestRenderLoads(t *testing.T) {
	s := New([]string{"requireUser", "session.require"}, []string{
		"app/admin/actions.ts#ban",
		"app/(admin)/route.ts#GET",
		"lib/admin.ts#grant",
		`app/"quoted"/admin/x.ts#y`,
	})
	p := load(t, s.Render())

	if want := []string{"requireUser", "session.require"}; !slices.Equal(p.Guards.Authentication, want) {
		t.Errorf("guards.authentication = %q, want %q", p.Guards.Authentication, want)
	}
	if len(p.Guards.Authorization) != 0 {
		t.Errorf("guards.authorization = %q, want none", p.Guards.Authorization)
	}
	if len(p.Ignore) != 0 {
		t.Errorf("ignore = %q, want none", p.Ignore)
	}

	var patterns []string
	for _, r := range p.Rules {
		patterns = append(patterns, r.Pattern)
		if r.Access != policy.AccessRole {
			t.Errorf("rule %q: access %q, want %q", r.Pattern, r.Access, policy.AccessRole)
		}
		if !slices.Equal(r.Roles, []string{AdminRole}) {
			t.Errorf("rule %q: roles %q, want [admin]", r.Pattern, r.Roles)
		}
	}
	want := []string{`app/"quoted"/admin/**`, "app/(admin)/**", "app/admin/**", "lib/admin.ts"}
	if !slices.Equal(patterns, want) {
		t.Errorf("rule patterns = %q, want %q", patterns, want)
	}
}

func TestRenderEmptyLoads(t *testing.T) {
	data := New(nil, []string{"app/actions.ts#save"}).Render()
	p := load(t, data)

	if len(p.Rules) != 0 || len(p.Guards.Authentication) != 0 {
		t.Errorf("empty starter loaded as rules %v, guards %v", p.Rules, p.Guards.Authentication)
	}
	if !strings.HasPrefix(string(data), "// actionguard policy") {
		t.Errorf("starter does not open with the header comment:\n%s", data)
	}
	if !strings.Contains(string(data), "locked until") {
		t.Errorf("header does not say that entries stay locked:\n%s", data)
	}
}

func TestRenderIsDeterministic(t *testing.T) {
	guards := []string{"b", "a"}
	ids := []string{"lib/admin.ts#x", "app/admin/y.ts#z"}
	first := New(guards, ids).Render()

	slices.Reverse(guards)
	slices.Reverse(ids)
	second := New(guards, ids).Render()

	if string(first) != string(second) {
		t.Errorf("input order changed the output:\n%s\n---\n%s", first, second)
	}
}
