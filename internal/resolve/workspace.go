package resolve

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"go.yaml.in/yaml/v3"
)

// findWorkspaceRoot returns the nearest folder at or above appDir that
// declares workspace packages (a package.json with workspaces, or a
// pnpm-workspace.yaml) and its package patterns. The search stops at the
// repository root, the first folder holding .git, because a workspace
// never spans repositories.
//
// NOTE: lerna.json and rush.json package lists are not read, so such a
// monorepo's packages resolve only when it also declares workspaces.
func (r *Resolver) findWorkspaceRoot(appDir string) (string, []string, bool) {
	dir := appDir
	for {
		if patterns, ok := r.workspacePatterns(dir); ok {
			return dir, patterns, true
		}
		if r.kind(filepath.Join(dir, ".git")) != missing {
			return "", nil, false
		}

		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil, false
		}
		dir = parent
	}
}

// workspacePatterns returns the package patterns that dir declares, and
// whether it declares any. pnpm-workspace.yaml takes precedence over
// package.json, as it does for pnpm.
func (r *Resolver) workspacePatterns(dir string) ([]string, bool) {
	pnpmPath := filepath.Join(dir, "pnpm-workspace.yaml")
	if r.isFile(pnpmPath) {
		return r.readPnpmWorkspace(pnpmPath), true
	}

	pkg := r.manifest(dir)
	if pkg == nil || len(pkg.Workspaces) == 0 || string(pkg.Workspaces) == "null" {
		return nil, false
	}

	patterns, err := parseWorkspaces(pkg.Workspaces)
	if err != nil {
		r.warn("%s: invalid workspaces field: %v; it must be an array of folder globs or an object with a packages array.", r.display(filepath.Join(dir, "package.json")), err)
		return nil, true
	}
	return patterns, true
}

// parseWorkspaces reads a package.json workspaces field, either an array of
// globs (npm, Yarn, Bun) or an object with a packages array (Yarn 1).
func parseWorkspaces(raw json.RawMessage) ([]string, error) {
	var patterns []string
	if err := json.Unmarshal(raw, &patterns); err == nil {
		return patterns, nil
	}

	var object struct {
		Packages []string `json:"packages"`
	}
	if err := json.Unmarshal(raw, &object); err != nil {
		return nil, err
	}
	return object.Packages, nil
}

func (r *Resolver) readPnpmWorkspace(path string) []string {
	data, err := os.ReadFile(path)
	if err != nil {
		r.warn("%s: cannot read: %v; workspace packages are not indexed.", r.display(path), err)
		return nil
	}

	var config struct {
		Packages []string `yaml:"packages"`
	}
	if err := yaml.Unmarshal(data, &config); err != nil {
		r.warn("%s: invalid YAML: %v; fix it so that workspace packages resolve.", r.display(path), err)
		return nil
	}
	return config.Packages
}

// indexWorkspacePackages walks the root for the folders that patterns
// select and maps each one's package.json name to it. Patterns are globs
// relative to the root, with "**" and with "!" for exclusions. The walk
// skips node_modules and hidden folders and does not follow symbolic links.
func (r *Resolver) indexWorkspacePackages(patterns []string) map[string]string {
	packages := make(map[string]string)

	include, exclude := r.splitPatterns(patterns)
	if len(include) == 0 {
		return packages
	}
	maxDepth := patternDepth(include)

	walk := func(path string, entry fs.DirEntry, err error) error {
		if err != nil || !entry.IsDir() || path == r.root {
			return nil
		}
		if entry.Name() == "node_modules" || strings.HasPrefix(entry.Name(), ".") {
			return filepath.SkipDir
		}

		rel := r.display(path)
		if maxDepth > 0 && strings.Count(rel, "/")+1 > maxDepth {
			return filepath.SkipDir
		}
		if !matchesAny(include, rel) || matchesAny(exclude, rel) {
			return nil
		}

		pkg := r.manifest(path)
		if pkg == nil || pkg.Name == "" {
			return nil
		}
		if first, ok := packages[pkg.Name]; ok {
			r.warn("%s: the workspace package name %s is also used by %s; imports of it resolve to %s.", r.display(filepath.Join(path, "package.json")), pkg.Name, r.display(first), r.display(first))
			return nil
		}

		packages[pkg.Name] = path
		return nil
	}

	if err := filepath.WalkDir(r.root, walk); err != nil {
		r.warn("%s: cannot list workspace packages: %v.", r.root, err)
	}
	return packages
}

// splitPatterns cleans workspace globs into inclusions and exclusions,
// dropping (with a warning) the ones that are not valid globs.
func (r *Resolver) splitPatterns(patterns []string) (include, exclude []string) {
	for _, pattern := range patterns {
		negated := strings.HasPrefix(pattern, "!")
		pattern = strings.TrimPrefix(pattern, "!")
		pattern = strings.TrimPrefix(pattern, "./")
		pattern = strings.TrimSuffix(pattern, "/")

		if pattern == "" || !doublestar.ValidatePattern(pattern) {
			r.warn("%s: invalid workspace package pattern %q; it is ignored.", r.root, pattern)
			continue
		}

		if negated {
			exclude = append(exclude, pattern)
		} else {
			include = append(include, pattern)
		}
	}
	return include, exclude
}

// patternDepth returns the number of folder levels the patterns can match,
// or 0 when one contains "**" and can match at any depth.
func patternDepth(patterns []string) int {
	depth := 0
	for _, pattern := range patterns {
		if strings.Contains(pattern, "**") {
			return 0
		}
		depth = max(depth, strings.Count(pattern, "/")+1)
	}
	return depth
}

func matchesAny(patterns []string, rel string) bool {
	for _, pattern := range patterns {
		if doublestar.MatchUnvalidated(pattern, rel) {
			return true
		}
	}
	return false
}
