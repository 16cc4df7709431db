package nextbuild

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// The manifest under testdata/turbopack was written by `next build` of
// testdata/nextapp with Next.js 16.5.0 and trimmed to six actions.
func TestReadManifestTurbopackBuild(t *testing.T) {
	actions, err := ReadManifest(filepath.Join("testdata", "turbopack"))
	if err != nil {
		t.Fatalf("ReadManifest: %v", err)
	}

	want := []Action{
		{ID: "004ad7e46d3538687fde040327c2525ac68cf57422", Module: "app/greeting.ts", Export: "loadGreeting", Pages: []string{"/"}, Runtime: "node"},
		{ID: "0077407ce6880b4edb1ee407bca77dcf8fb5176854", Module: "app/inline/page.tsx", Export: "$$RSC_SERVER_ACTION_1", Pages: []string{"/inline"}, Runtime: "node"},
		{ID: "00fcfda62a5603a4d352434ec2f1b5bd716de7fc18", Module: "app/notes/actions.ts", Export: "createNote", Pages: []string{"/notes"}, Runtime: "node"},
		{ID: "008f0b2efe50880fe295be620903b77e5f796b0167", Module: "app/notes/actions.ts", Export: "default", Pages: []string{"/notes"}, Runtime: "node"},
		{ID: "7fcc1d047bd4ef6f64f1e57b012a5d7be17f73782d", Module: "app/notes/actions.ts", Export: "shareNote", Pages: []string{"/notes"}, Runtime: "node"},
		{ID: "7f14bd89409c5519963a8cfb27bd3e59cf9fe380d0", Module: "app/safe/actions.ts", Export: "updateProfile", Pages: []string{"/safe"}, Runtime: "node"},
	}
	if len(actions) != len(want) {
		t.Fatalf("ReadManifest returned %d actions, want %d: %+v", len(actions), len(want), actions)
	}
	for i := range want {
		if !reflect.DeepEqual(actions[i], want[i]) {
			t.Errorf("action %d = %+v, want %+v", i, actions[i], want[i])
		}
	}
}

func TestReadManifestEdgeAndWorkers(t *testing.T) {
	dir := writeManifest(t, `{
  "node": {
    "aa": {
      "workers": {
        "app/(shop)/cart/page": {"moduleId": 1, "async": false},
        "app/@modal/photos/[id]/page": {"moduleId": 2, "async": true},
        "app/api/orders/route": {"moduleId": 3, "async": false}
      },
      "filename": "app\\shop\\actions.ts",
      "exportedName": "checkout"
    }
  },
  "edge": {
    "bb": {
      "workers": {"app/api/hook/route": {"moduleId": 4, "async": false}},
      "filename": "./lib/edge-actions.ts",
      "exportedName": "default"
    }
  }
}`)

	actions, err := ReadManifest(dir)
	if err != nil {
		t.Fatalf("ReadManifest: %v", err)
	}
	want := []Action{
		{ID: "aa", Module: "app/shop/actions.ts", Export: "checkout", Pages: []string{"/cart", "/photos/[id]"}, Runtime: "node"},
		{ID: "bb", Module: "lib/edge-actions.ts", Export: "default", Pages: []string{}, Runtime: "edge"},
	}
	if !reflect.DeepEqual(actions, want) {
		t.Errorf("ReadManifest = %+v, want %+v", actions, want)
	}
}

func TestReadManifestErrorsNameFile(t *testing.T) {
	cases := []struct {
		name     string
		manifest string // "" leaves the file out
		wantText string
	}{
		{name: "missing file", manifest: "", wantText: "not found"},
		{name: "invalid JSON", manifest: `{"node": [}`, wantText: "not valid JSON"},
		{name: "no export name", manifest: `{"node": {"cc": {"workers": {}, "filename": "app/a.ts"}}}`, wantText: "action cc has no filename or exportedName"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if tc.manifest != "" {
				dir = writeManifest(t, tc.manifest)
			}

			_, err := ReadManifest(dir)
			if err == nil {
				t.Fatal("ReadManifest returned no error")
			}
			file := filepath.Join(dir, filepath.FromSlash(ManifestPath))
			if !strings.Contains(err.Error(), file) {
				t.Errorf("error %q does not name the file %s", err, file)
			}
			if !strings.Contains(err.Error(), tc.wantText) {
				t.Errorf("error %q does not contain %q", err, tc.wantText)
			}
		})
	}
}

func TestPagePath(t *testing.T) {
	cases := []struct {
		entry  string
		want   string
		isPage bool
	}{
		{"app/page", "/", true},
		{"app/notes/page", "/notes", true},
		{"app/(marketing)/page", "/", true},
		{"app/(shop)/cart/page", "/cart", true},
		{"app/@modal/photos/page", "/photos", true},
		{"app/blog/[...slug]/page", "/blog/[...slug]", true},
		{"app/api/ping/route", "", false},
		{"pages/index", "", false},
		{"app/notes/pages", "", false},
	}
	for _, tc := range cases {
		got, isPage := PagePath(tc.entry)
		if isPage != tc.isPage {
			t.Errorf("PagePath(%q) reports page = %v, want %v", tc.entry, isPage, tc.isPage)
		}
		if got != tc.want {
			t.Errorf("PagePath(%q) = %q, want %q", tc.entry, got, tc.want)
		}
	}
}

// writeManifest writes content as the manifest of a new build folder and
// returns that folder.
func writeManifest(t *testing.T, content string) string {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, filepath.FromSlash(ManifestPath))
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}
