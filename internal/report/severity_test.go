package report

import (
	"regexp"
	"testing"
)

func TestSeverityRank(t *testing.T) {
	cases := map[string]int{P0: 0, P1: 1, P2: 2, P3: 3, "P4": 4, "p0": 4, "": 4, FailOnNone: 4}
	for sev, want := range cases {
		if got := SeverityRank(sev); got != want {
			t.Errorf("SeverityRank(%q) = %d, want %d", sev, got, want)
		}
	}
}

func TestAtOrAbove(t *testing.T) {
	cases := []struct {
		sev, threshold string
		want           bool
	}{
		{P0, P1, true},
		{P1, P1, true},
		{P2, P1, false},
		{P3, P3, true},
		{P0, P0, true},
		{P1, P0, false},
		{P0, FailOnNone, false},
		{P0, "", false},
		{P0, "bogus", false},
		{"bogus", P3, false},
		{"", P3, false},
	}
	for _, c := range cases {
		if got := AtOrAbove(c.sev, c.threshold); got != c.want {
			t.Errorf("AtOrAbove(%q, %q) = %v, want %v", c.sev, c.threshold, got, c.want)
		}
	}
}

func TestFingerprintStable(t *testing.T) {
	// The value is pinned: a change breaks every stored baseline, so it must
	// show up here.
	got := Fingerprint("missing-auth", "app/webinars/actions.ts", "createWebinarV2")
	want := "62a8597cd8ac0c4e6a095aaed1c479bc"
	if got != want {
		t.Errorf("Fingerprint = %q, want %q", got, want)
	}
	if !regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(got) {
		t.Errorf("Fingerprint = %q, want 32 lowercase hex digits", got)
	}
}

func TestFingerprintDistinct(t *testing.T) {
	triples := [][3]string{
		{"missing-auth", "app/a.ts", "save"},
		{"auth-after-effect", "app/a.ts", "save"},
		{"missing-auth", "app/b.ts", "save"},
		{"missing-auth", "app/a.ts", "load"},
		// Moving characters across the boundaries must change the hash.
		{"missing-auth", "app/a.tss", "ave"},
		{"missing-authapp/a.ts", "", "save"},
		{"", "", ""},
		{"a", "", ""},
		{"", "a", ""},
		{"", "", "a"},
	}

	seen := map[string][3]string{}
	for _, triple := range triples {
		fingerprint := Fingerprint(triple[0], triple[1], triple[2])
		if previous, found := seen[fingerprint]; found {
			t.Errorf("Fingerprint%q = Fingerprint%q = %s", triple, previous, fingerprint)
		}
		seen[fingerprint] = triple
	}
}

func TestEntryName(t *testing.T) {
	cases := map[string]string{
		"app/a.ts#save":         "save",
		"app/a#b.ts#save":       "save",
		"app/a.ts#Page.$1":      "Page.$1",
		"no-hash":               "no-hash",
		"":                      "",
		"app/api/route.ts#POST": "POST",
	}
	for id, want := range cases {
		if got := entryName(id); got != want {
			t.Errorf("entryName(%q) = %q, want %q", id, got, want)
		}
	}
}

func TestAppRelative(t *testing.T) {
	cases := []struct{ root, file, want string }{
		{"apps/web", "apps/web/app/a.ts", "app/a.ts"},
		{".", "app/a.ts", "app/a.ts"},
		{"", "app/a.ts", "app/a.ts"},
		{"apps/web", "apps/webx/a.ts", "apps/webx/a.ts"},
	}
	for _, c := range cases {
		if got := appRelative(c.root, c.file); got != c.want {
			t.Errorf("appRelative(%q, %q) = %q, want %q", c.root, c.file, got, c.want)
		}
	}
}
