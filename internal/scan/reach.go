package scan

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/actionguard/actionguard/internal/discover"
	"github.com/actionguard/actionguard/internal/entry"
	"github.com/actionguard/actionguard/internal/module"
	"github.com/actionguard/actionguard/internal/parse"
	"github.com/actionguard/actionguard/internal/reach"
	"github.com/actionguard/actionguard/internal/report"
)

// setReachability walks the app's import graph from its route files and
// sets the reachability of each entry. It returns a warning when the graph
// is incomplete and every action is therefore reported client-reachable.
func setReachability(app discover.App, prog *module.Program, nextVersion string, entries []analyzed) []string {
	var roots []reach.Root
	for _, f := range app.Files {
		if !parse.IsSource(f) {
			continue
		}
		if layer, ok := reach.RootLayer(filepath.ToSlash(mustRel(app.Dir, f))); ok {
			roots = append(roots, reach.Root{Path: f, Layer: layer})
		}
	}
	g := reach.Build(prog, roots, reach.OptionsFor(nextVersion, buildScript(app.Dir)))

	for i := range entries {
		entries[i].reachable = entryReachability(g, prog, entries[i].e)
	}

	gaps := g.Incomplete()
	if len(gaps) == 0 {
		return nil
	}
	what := "imports could not be followed"
	if len(gaps) == 1 {
		what = "import could not be followed"
	}
	return []string{fmt.Sprintf("%s: every server action is reported as reachable from the client, because %d %s; the first: %s", app.Dir, len(gaps), what, gaps[0])}
}

// entryReachability returns the reachability of one entry. Only exports of
// "use server" modules can lack an action ID: inline actions get one
// wherever they are, and route handlers and API routes are URLs.
func entryReachability(g *reach.Graph, prog *module.Program, e entry.Entry) string {
	if e.Kind != report.KindServerAction || !e.Module.UseServer {
		return report.ReachClient
	}
	for _, name := range prog.ExportNames(e.Module) {
		if name == e.Name {
			return g.Export(e.Module, e.Name)
		}
	}
	return report.ReachClient
}

// buildScript returns the "build" script of the app's package.json, which
// tells whether `next build` runs Turbopack or webpack, or "" when there is
// none.
func buildScript(dir string) string {
	data, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		return ""
	}
	var manifest struct {
		Scripts map[string]string `json:"scripts"`
	}
	if json.Unmarshal(data, &manifest) != nil {
		return ""
	}
	return manifest.Scripts["build"]
}
