package nextbuild_test

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/actionguard/actionguard/internal/nextbuild"
	"github.com/actionguard/actionguard/internal/probe"
)

// fixtureAction is one export of testdata/nextapp and what the Next.js
// 16.5.0 Turbopack build and an anonymous call to it are expected to do.
type fixtureAction struct {
	module string
	export string
	// inManifest is whether the build gives the export an action ID.
	inManifest bool
	// effect is the line the action body appends to effects.log, or ""
	// when another row already accounts for it.
	effect string
	// authenticated actions stop an anonymous caller before the effect.
	authenticated bool
	// outcome is the probe outcome for an anonymous call.
	outcome probe.Outcome
}

var fixtureActions = []fixtureAction{
	// Imported only by the home page's server component, yet the build
	// gives every export of the module an ID, and both can be called.
	{"app/greeting.ts", "loadGreeting", true, "loadGreeting", false, probe.Completed},
	{"app/greeting.ts", "resetGreeting", true, "resetGreeting", false, probe.Completed},

	{"app/notes/actions.ts", "createNote", true, "createNote", false, probe.Completed},
	{"app/notes/actions.ts", "deleteNote", true, "deleteNote", true, probe.Redirected},
	{"app/notes/actions.ts", "default", true, "archiveNotes", false, probe.Completed},
	{"app/notes/actions.ts", "renameNote", true, "renameNote", true, probe.Threw},
	{"app/notes/actions.ts", "shareNote", true, "shareNote", false, probe.Completed},
	// Client code imports the module but never this export.
	{"app/notes/actions.ts", "purgeNotes", false, "purgeNotes", false, ""},
	// Reaches the client only through the re-export in actions.ts, which
	// gets its own ID. Its body writes the line of that re-export.
	{"app/notes/sharing.ts", "shareNote", false, "", false, ""},

	// Inline actions are numbered in source order.
	{"app/inline/page.tsx", "$$RSC_SERVER_ACTION_0", true, "InlinePage.saveDraft", true, probe.Redirected},
	{"app/inline/page.tsx", "$$RSC_SERVER_ACTION_1", true, "InlinePage.$1", false, probe.Completed},
	{"app/inline/page.tsx", "$$RSC_SERVER_ACTION_2", true, "InlinePage.$2", false, probe.Completed},

	{"app/safe/actions.ts", "subscribe", true, "subscribe", false, probe.Completed},
	{"app/safe/actions.ts", "updateProfile", true, "updateProfile", true, probe.Redirected},
}

func TestBuildManifestMatchesFixture(t *testing.T) {
	app := buildFixture(t)

	actions, err := nextbuild.ReadManifest(filepath.Join(app, ".next"))
	if err != nil {
		t.Fatalf("ReadManifest: %v", err)
	}

	byKey := make(map[string]nextbuild.Action)
	for _, action := range actions {
		key := action.Module + "#" + action.Export
		if _, dup := byKey[key]; dup {
			t.Errorf("manifest lists %s twice", key)
		}
		byKey[key] = action
	}

	expected := make(map[string]bool)
	for _, want := range fixtureActions {
		key := want.module + "#" + want.export
		expected[key] = true
		action, found := byKey[key]
		if found != want.inManifest {
			t.Errorf("%s: in manifest = %v, want %v", key, found, want.inManifest)
			continue
		}
		if found && len(action.Pages) == 0 {
			t.Errorf("%s: no owning page", key)
		}
		if found && action.Runtime != "node" {
			t.Errorf("%s: runtime %q, want node", key, action.Runtime)
		}
	}
	for key := range byKey {
		if !expected[key] {
			t.Errorf("manifest lists %s, which the fixture table does not expect", key)
		}
	}
}

func TestProbeNextStart(t *testing.T) {
	app := buildFixture(t)
	actions, err := nextbuild.ReadManifest(filepath.Join(app, ".next"))
	if err != nil {
		t.Fatalf("ReadManifest: %v", err)
	}

	effectDir := t.TempDir()
	base := startServer(t, app, effectDir)
	target, err := probe.CheckTarget(base, false)
	if err != nil {
		t.Fatalf("CheckTarget(%q): %v", base, err)
	}

	// An ID that no build issued, in the 42-hex-digit form of real IDs.
	const unknownID = "00ffffffffffffffffffffffffffffffffffffffff"
	calls := append(actions, nextbuild.Action{ID: unknownID, Module: "none", Export: "none", Pages: []string{"/notes"}})

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	results, err := probe.Run(ctx, target, calls, probe.Options{})
	if err != nil {
		t.Fatalf("probe.Run: %v", err)
	}
	if len(results) != len(calls) {
		t.Fatalf("probe.Run returned %d results, want %d", len(results), len(calls))
	}

	outcomes := make(map[string]probe.Result)
	for _, result := range results {
		outcomes[result.Action.Module+"#"+result.Action.Export] = result
	}
	if got := outcomes["none#none"].Outcome; got != probe.UnknownAction {
		t.Errorf("unknown ID: outcome %q, want %q", got, probe.UnknownAction)
	}

	effects := readEffects(t, effectDir)
	for _, want := range fixtureActions {
		key := want.module + "#" + want.export
		ranBody := effects[want.effect] > 0

		if !want.inManifest {
			if want.effect != "" && ranBody {
				t.Errorf("%s: not in the manifest, yet wrote %q", key, want.effect)
			}
			continue
		}

		result := outcomes[key]
		if result.Outcome != want.outcome {
			t.Errorf("%s: outcome %q (status %d, %s), want %q", key, result.Outcome, result.Status, result.Detail, want.outcome)
		}
		if want.authenticated && ranBody {
			t.Errorf("%s: authenticated, yet an anonymous call wrote %q", key, want.effect)
		}
		if !want.authenticated && effects[want.effect] != 1 {
			t.Errorf("%s: unauthenticated, wrote %q %d times, want once", key, want.effect, effects[want.effect])
		}
		if want.outcome == probe.Redirected && result.Location != "/login" {
			t.Errorf("%s: redirected to %q, want /login", key, result.Location)
		}
	}
}

var (
	buildOnce sync.Once
	builtApp  string
	buildErr  error
	// buildRoot is removed by TestMain after all tests ran.
	buildRoot string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if buildRoot != "" {
		os.RemoveAll(buildRoot)
	}
	os.Exit(code)
}

// buildFixture copies testdata/nextapp to a temporary folder, installs its
// locked dependencies and builds it, once per test binary, and returns the
// folder. It skips the test under -short or without node and npm.
func buildFixture(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("skipped under -short: installs and builds a Next.js app")
	}
	for _, tool := range []string{"node", "npm"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("skipped: %s is not on PATH, and the Next.js build needs it", tool)
		}
	}

	buildOnce.Do(func() {
		builtApp, buildErr = installAndBuild(t)
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return builtApp
}

func installAndBuild(t *testing.T) (string, error) {
	root, err := os.MkdirTemp("", "nextapp-build-")
	if err != nil {
		return "", err
	}
	buildRoot = root
	app := filepath.Join(root, "nextapp")
	if err := copyFixture(filepath.Join("..", "..", "testdata", "nextapp"), app); err != nil {
		return "", err
	}

	steps := [][]string{
		{"npm", "ci", "--no-audit", "--no-fund"},
		{"npx", "next", "build"},
	}
	for _, step := range steps {
		start := time.Now()
		cmd := exec.Command(step[0], step[1:]...)
		cmd.Dir = app
		cmd.Env = append(os.Environ(), "NEXT_TELEMETRY_DISABLED=1", "npm_config_update_notifier=false")
		output, err := cmd.CombinedOutput()
		if err != nil {
			return "", fmt.Errorf("%s in %s failed: %v\n%s", strings.Join(step, " "), app, err, tail(output))
		}
		t.Logf("%s took %v", strings.Join(step, " "), time.Since(start).Round(100*time.Millisecond))
	}
	return app, nil
}

// copyFixture copies the app's sources, leaving out what npm and Next.js
// generate.
func copyFixture(from, to string) error {
	generated := map[string]bool{"node_modules": true, ".next": true, "next-env.d.ts": true, "tsconfig.tsbuildinfo": true}
	return filepath.WalkDir(from, func(file string, entry fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if generated[entry.Name()] {
			if entry.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		rel, err := filepath.Rel(from, file)
		if err != nil {
			return err
		}
		dest := filepath.Join(to, rel)
		if entry.IsDir() {
			return os.MkdirAll(dest, 0o755)
		}
		data, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		return os.WriteFile(dest, data, 0o644)
	})
}

// startServer runs `next start` on a free loopback port and returns its
// base URL once it responds. The server is killed when the test ends.
func startServer(t *testing.T, app, effectDir string) string {
	t.Helper()
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("find a free port: %v", err)
	}
	port := listener.Addr().(*net.TCPAddr).Port
	listener.Close()

	// Running next's script with node directly, not through npx, leaves a
	// single process to kill.
	nextBin := filepath.Join(app, "node_modules", "next", "dist", "bin", "next")
	cmd := exec.Command("node", nextBin, "start", "-H", "127.0.0.1", "-p", fmt.Sprint(port))
	cmd.Dir = app
	cmd.Env = append(os.Environ(), "NEXT_TELEMETRY_DISABLED=1", "NEXTAPP_EFFECT_DIR="+effectDir)
	var output lockedBuffer
	cmd.Stdout = &output
	cmd.Stderr = &output
	if err := cmd.Start(); err != nil {
		t.Fatalf("start next: %v", err)
	}
	exited := make(chan struct{})
	go func() {
		cmd.Wait()
		close(exited)
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-exited
		if t.Failed() {
			t.Logf("next start output:\n%s", tail(output.Bytes()))
		}
	})

	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	client := &http.Client{Timeout: 2 * time.Second}
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-exited:
			t.Fatalf("next start exited before it responded:\n%s", tail(output.Bytes()))
		default:
		}
		resp, err := client.Get(base + "/api/ping")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return base
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("next start did not respond at %s/api/ping within 60s:\n%s", base, tail(output.Bytes()))
	return ""
}

// readEffects counts the lines of effects.log in dir by content.
func readEffects(t *testing.T, dir string) map[string]int {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "effects.log"))
	if os.IsNotExist(err) {
		return map[string]int{}
	}
	if err != nil {
		t.Fatalf("read effects: %v", err)
	}
	counts := make(map[string]int)
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		counts[line]++
	}
	return counts
}

// tail returns the last 4 KB of output, enough to show a build error.
func tail(output []byte) string {
	const max = 4096
	if len(output) > max {
		output = output[len(output)-max:]
	}
	return string(output)
}

// lockedBuffer is a bytes.Buffer safe for the server's output goroutines
// and the test reading it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) Bytes() []byte {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]byte(nil), b.buf.Bytes()...)
}
