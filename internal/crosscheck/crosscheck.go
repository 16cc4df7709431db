// Package crosscheck joins the actions that a Next.js build compiled
// (package nextbuild) with the entries of the static report, so that the
// inventory can be checked against the build and each probed action can
// be shown beside the static verdict.
package crosscheck

import (
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/actionguard/actionguard/internal/module"
	"github.com/actionguard/actionguard/internal/nextbuild"
	"github.com/actionguard/actionguard/internal/parse"
	"github.com/actionguard/actionguard/internal/report"
)

// inlinePrefix starts the export name that Next.js 16.5 gives the n-th
// inline action it hoists out of a module, counting from 0 in source
// order.
const inlinePrefix = "$$RSC_SERVER_ACTION_"

// Pair is one compiled action and the report entry it came from.
type Pair struct {
	Action nextbuild.Action
	// Entry is nil when no entry of the report matches the action.
	Entry *report.Entry
	// Findings are the report's findings on Entry.
	Findings []report.Finding
	// Reason says why Entry is nil.
	Reason string
}

// Match pairs each action with the entry of app, the report of the app in
// appDir, that it was compiled from. Action modules are relative to the
// folder that Next.js took as the project root; in a monorepo that may be
// the workspace root, so leading folders are dropped until the path names
// a file of app.
func Match(appDir string, app report.App, actions []nextbuild.Action) []Pair {
	byID := map[string]*report.Entry{}
	files := map[string]bool{}
	for i := range app.Entries {
		e := &app.Entries[i]
		byID[e.ID] = e
		file, _, _ := strings.Cut(e.ID, "#")
		files[file] = true
	}
	findings := map[string][]report.Finding{}
	for _, f := range app.Findings {
		if f.Entry != "" {
			findings[f.Entry] = append(findings[f.Entry], f)
		}
	}

	inline := map[string][]*report.Entry{}
	var pairs []Pair
	for _, action := range actions {
		pair := Pair{Action: action}
		file, ok := appFile(action.Module, files)
		switch {
		case !ok:
			pair.Reason = fmt.Sprintf("no entry of the report is in %s", action.Module)
		case strings.HasPrefix(action.Export, inlinePrefix):
			list, seen := inline[file]
			if !seen {
				list = inlineEntries(appDir, file, app.Entries)
				inline[file] = list
			}
			n, err := strconv.Atoi(strings.TrimPrefix(action.Export, inlinePrefix))
			if err != nil || n < 0 || n >= len(list) {
				pair.Reason = fmt.Sprintf("%s has %d inline actions in the report, and the build numbers this one %s", file, len(list), strings.TrimPrefix(action.Export, inlinePrefix))
				break
			}
			pair.Entry = list[n]
		default:
			pair.Entry = byID[file+"#"+action.Export]
			if pair.Entry == nil {
				pair.Reason = fmt.Sprintf("the report has no entry %s#%s", file, action.Export)
			}
		}
		if pair.Entry != nil {
			pair.Findings = findings[pair.Entry.ID]
		}
		pairs = append(pairs, pair)
	}
	return pairs
}

// appFile returns module as a path relative to the app root, dropping
// leading folders until it names one of files.
func appFile(module string, files map[string]bool) (string, bool) {
	for rest := module; rest != ""; {
		if files[rest] {
			return rest, true
		}
		_, after, found := strings.Cut(rest, "/")
		if !found {
			break
		}
		rest = after
	}
	return "", false
}

// inlineEntries returns the inline actions of file, an app-relative path,
// in source order, which is the order in which the build numbers them.
// An entry is inline unless it is an export of a "use server" module. When
// the file cannot be read again, every server action in it is taken as
// inline.
func inlineEntries(appDir, file string, entries []report.Entry) []*report.Entry {
	var exports map[string]module.Export
	if f, err := parse.ReadFile(filepath.Join(appDir, filepath.FromSlash(file))); err == nil {
		if m := module.Extract(f); m.UseServer {
			exports = m.Exports
		}
	}

	var out []*report.Entry
	for i := range entries {
		e := &entries[i]
		name, found := strings.CutPrefix(e.ID, file+"#")
		if !found || e.Kind != report.KindServerAction {
			continue
		}
		if _, exported := exports[name]; exported {
			continue
		}
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Line != out[j].Line {
			return out[i].Line < out[j].Line
		}
		return out[i].Column < out[j].Column
	})
	return out
}

// Compare lists where the report and the build disagree: a compiled action
// with no entry, a compiled action whose entry is not reported reachable
// from the client, and a server action reported client-reachable that the
// build did not compile. Route handlers and API routes are left out,
// because the build lists only server actions. It returns nil when they
// agree.
func Compare(pairs []Pair, app report.App) []string {
	var diffs []string
	compiled := map[string]bool{}
	for _, p := range pairs {
		key := p.Action.Module + "#" + p.Action.Export
		if p.Entry == nil {
			diffs = append(diffs, fmt.Sprintf("compiled action %s (ID %s) matches no entry: %s", key, p.Action.ID, p.Reason))
			continue
		}
		compiled[p.Entry.ID] = true
		if p.Entry.Reachable != report.ReachClient {
			diffs = append(diffs, fmt.Sprintf("compiled action %s (ID %s) is entry %s, which the report marks reachable %q instead of client", key, p.Action.ID, p.Entry.ID, p.Entry.Reachable))
		}
	}
	for _, e := range app.Entries {
		if e.Kind == report.KindServerAction && e.Reachable == report.ReachClient && !compiled[e.ID] {
			diffs = append(diffs, fmt.Sprintf("entry %s is marked reachable from the client, but the build compiled no action for it", e.ID))
		}
	}
	return diffs
}
