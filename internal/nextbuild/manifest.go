// Package nextbuild reads the server action list that `next build` writes,
// so that the analyzer's inventory can be checked against what Next.js
// really compiled.
//
// It takes the build output folder (usually <app>/.next) and gives one
// Action per action ID: the source module and export it came from and the
// pages that own it. It reads files only and runs nothing.
package nextbuild

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// ManifestPath is the location of the server action manifest inside a
// build output folder.
const ManifestPath = "server/server-reference-manifest.json"

// Action is one server action that the build gave an ID.
type Action struct {
	// ID is the value a caller sends in the Next-Action header.
	ID string `json:"id"`
	// Module is the source file that defines the action, relative to the
	// project root that Next.js used, with forward slashes.
	// NOTE: in a monorepo Next.js may pick the workspace root as its
	// project root, and then Module starts with the app's folder.
	Module string `json:"module"`
	// Export is the export name in Module: "default" for a default export,
	// and "$$RSC_SERVER_ACTION_<n>" for the n-th inline action (counting
	// from 0 in source order) that the compiler hoisted out of Module.
	Export string `json:"export"`
	// Pages are the URL paths of the app pages whose server bundle contains
	// the action, sorted, such as "/" or "/notes/[id]". Route groups and
	// parallel-route slots are left out because they are not part of the
	// URL. Empty when only route handlers own the action.
	Pages []string `json:"pages"`
	// Runtime is "node" or "edge", the manifest section the action is in.
	Runtime string `json:"runtime"`
}

// manifest is the layout of server-reference-manifest.json as written by
// Next.js 16.5 with Turbopack or webpack. Fields this package does not use
// (moduleId, async, layer, encryptionKey) are left out.
type manifest struct {
	Node map[string]manifestEntry `json:"node"`
	Edge map[string]manifestEntry `json:"edge"`
}

type manifestEntry struct {
	Workers      map[string]json.RawMessage `json:"workers"`
	Filename     string                     `json:"filename"`
	ExportedName string                     `json:"exportedName"`
}

// ReadManifest reads the server action manifest in buildDir, the Next.js
// build output folder, and returns its actions sorted by module, export
// and ID. The error names the manifest file when it is missing, is not
// valid JSON, or lacks the source file or export name of an action.
func ReadManifest(buildDir string) ([]Action, error) {
	file := filepath.Join(buildDir, filepath.FromSlash(ManifestPath))
	data, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("server action manifest %s not found: run `next build` in the app first, and pass its build output folder (usually .next)", file)
	}
	if err != nil {
		return nil, fmt.Errorf("read server action manifest: %w", err)
	}

	var m manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("server action manifest %s is not valid JSON: %w", file, err)
	}

	var actions []Action
	for _, section := range []struct {
		runtime string
		entries map[string]manifestEntry
	}{{"node", m.Node}, {"edge", m.Edge}} {
		for id, entry := range section.entries {
			action, err := newAction(id, section.runtime, entry)
			if err != nil {
				return nil, fmt.Errorf("server action manifest %s: %w", file, err)
			}
			actions = append(actions, action)
		}
	}

	sort.Slice(actions, func(i, j int) bool {
		a, b := actions[i], actions[j]
		if a.Module != b.Module {
			return a.Module < b.Module
		}
		if a.Export != b.Export {
			return a.Export < b.Export
		}
		return a.ID < b.ID
	})
	return actions, nil
}

func newAction(id, runtime string, entry manifestEntry) (Action, error) {
	// NOTE: only Next.js 16.5.0 builds were checked to record these
	// fields. A build that lacks them cannot be mapped without parsing the
	// compiled server chunks, which this package does not do.
	if entry.Filename == "" || entry.ExportedName == "" {
		return Action{}, fmt.Errorf("action %s has no filename or exportedName, which the Next.js version that built it does not record; rebuild the app with Next.js 16.5 or later", id)
	}

	pages := []string{}
	for worker := range entry.Workers {
		if page, ok := PagePath(worker); ok {
			pages = append(pages, page)
		}
	}
	sort.Strings(pages)

	return Action{
		ID:      id,
		Module:  path.Clean(strings.ReplaceAll(entry.Filename, `\`, "/")),
		Export:  entry.ExportedName,
		Pages:   pages,
		Runtime: runtime,
	}, nil
}

// PagePath converts a build entry name such as "app/(shop)/cart/page" to
// the URL path it serves ("/cart"). It reports false for entries that are
// not App Router pages, such as route handlers ("app/api/ping/route").
func PagePath(entry string) (string, bool) {
	rest, ok := strings.CutPrefix(entry, "app/")
	if !ok {
		return "", false
	}
	if rest == "page" {
		return "/", true
	}
	rest, ok = strings.CutSuffix(rest, "/page")
	if !ok {
		return "", false
	}

	var segments []string
	for _, segment := range strings.Split(rest, "/") {
		isGroup := strings.HasPrefix(segment, "(") && strings.HasSuffix(segment, ")")
		isSlot := strings.HasPrefix(segment, "@")
		if isGroup || isSlot {
			continue
		}
		segments = append(segments, segment)
	}
	return "/" + strings.Join(segments, "/"), true
}
