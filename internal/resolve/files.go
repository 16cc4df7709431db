package resolve

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// sourceExtensions are the extensions tried, in this order, on a specifier
// that names a file without one.
var sourceExtensions = []string{".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"}

// declarationSuffixes name TypeScript declaration files, which hold types
// but no code to analyze.
var declarationSuffixes = []string{".d.ts", ".d.mts", ".d.cts"}

// extensionSubstitutes lists, for a specifier that ends in an output
// extension, the files tried in order. TypeScript lets "./foo.js" name
// "./foo.ts" because the import is written for the compiled output.
var extensionSubstitutes = map[string][]string{
	".js":  {".ts", ".tsx", ".js", ".jsx"},
	".jsx": {".tsx", ".ts", ".jsx", ".js"},
	".mjs": {".mts", ".mjs"},
	".cjs": {".cts", ".cjs"},
	".ts":  {".ts"},
	".tsx": {".tsx"},
	".mts": {".mts"},
	".cts": {".cts"},
}

type fileKind uint8

const (
	missing fileKind = iota
	regularFile
	directory
)

// found is a file that a specifier named: source code when asset is false.
type found struct {
	path  string
	asset bool
}

func (f found) result() Result {
	if f.asset {
		return Result{Asset: f.path}
	}
	return Result{Path: f.path}
}

func (r *Resolver) kind(path string) fileKind {
	return r.kinds.get(path, func() fileKind {
		info, err := os.Stat(path)
		switch {
		case err != nil:
			return missing
		case info.IsDir():
			return directory
		case info.Mode().IsRegular():
			return regularFile
		default:
			return missing
		}
	})
}

func (r *Resolver) isFile(path string) bool {
	return r.kind(path) == regularFile
}

func (r *Resolver) isDir(path string) bool {
	return r.kind(path) == directory
}

// realPath returns path with symbolic links evaluated, or path itself when
// that fails.
func (r *Resolver) realPath(path string) string {
	return r.realPaths.get(path, func() string {
		real, err := filepath.EvalSymlinks(path)
		if err != nil {
			return path
		}
		return real
	})
}

// resolveLocation resolves an absolute location the way TypeScript resolves
// a relative import: as a file, then as a folder. It returns the file found,
// or a failure phrase that completes a sentence starting with the specifier.
// It applies the boundaries of the scan: nothing outside the root, inside
// node_modules, or reached through a symbolic link that leaves the root.
func (r *Resolver) resolveLocation(location string) (found, string) {
	if !isWithin(r.root, location) {
		return found{}, fmt.Sprintf("points to %s, outside the workspace root", r.display(location))
	}
	if inNodeModules(r.root, location) {
		return found{}, fmt.Sprintf("points into node_modules (%s), whose sources are not analyzed", r.display(location))
	}

	hit := r.loadFile(location)
	if hit.path == "" {
		hit = r.loadDirectory(location)
	}

	if hit.path == "" {
		if declaration := r.declarationFile(location); declaration != "" {
			return found{}, fmt.Sprintf("names only the declaration file %s, which holds no code", r.display(declaration))
		}
		return found{}, fmt.Sprintf("names no source file: tried %s with each source extension and as a folder", r.display(location))
	}

	if !isWithin(r.realRoot, r.realPath(hit.path)) {
		return found{}, fmt.Sprintf("resolves to %s, a symbolic link that leaves the workspace root", r.display(hit.path))
	}

	return hit, ""
}

// loadFile tries location as a file name: with the extension substitutes of
// its own extension, then with each source extension appended, then as it
// is. A declaration file is never returned.
func (r *Resolver) loadFile(location string) found {
	extension := filepath.Ext(location)
	stem := strings.TrimSuffix(location, extension)

	if substitutes, ok := extensionSubstitutes[extension]; ok && !isDeclaration(location) {
		for _, substitute := range substitutes {
			if candidate := stem + substitute; r.isFile(candidate) {
				return found{path: candidate}
			}
		}
	}

	for _, appended := range sourceExtensions {
		candidate := location + appended
		if !isDeclaration(candidate) && r.isFile(candidate) {
			return found{path: candidate}
		}
	}

	_, isSource := extensionSubstitutes[extension]
	if !isSource && !isDeclaration(location) && r.isFile(location) {
		return found{path: location, asset: true}
	}

	return found{}
}

// loadDirectory tries location as a folder: its own package.json (exports
// ".", then main and module), then its index file.
func (r *Resolver) loadDirectory(location string) found {
	if !r.isDir(location) {
		return found{}
	}

	if pkg := r.manifest(location); pkg != nil {
		if pkg.Exports != nil {
			targets, _ := exportTargets(pkg.Exports, ".")
			for _, target := range targets {
				if hit := r.loadPackageTarget(location, target); hit.path != "" {
					return hit
				}
			}
		}

		if hit := r.loadEntryFields(location, pkg); hit.path != "" {
			return hit
		}
	}

	return r.loadIndex(location)
}

// loadEntryFields tries the main and module fields of a package.json, each
// as a file and then as a folder with an index file.
func (r *Resolver) loadEntryFields(dir string, pkg *manifest) found {
	for _, field := range []string{pkg.Main, pkg.Module} {
		if field == "" {
			continue
		}
		if hit := r.loadPackageTarget(dir, field); hit.path != "" {
			return hit
		}
	}
	return found{}
}

func (r *Resolver) loadIndex(dir string) found {
	for _, extension := range sourceExtensions {
		if candidate := filepath.Join(dir, "index"+extension); r.isFile(candidate) {
			return found{path: candidate}
		}
	}
	return found{}
}

// buildFolders are the output folders whose files a workspace package's
// manifest may name before the package has been built.
var buildFolders = []string{"dist", "build"}

// formatFolders are the folders that build tools put under an output folder
// for each module format, with no counterpart under src/.
var formatFolders = []string{"esm", "cjs", "types"}

// loadPackageTarget resolves a file named by a package.json field (exports,
// imports, main, module) relative to dir, the package folder. A monorepo
// package often names its build output, which a checkout does not hold, so
// a target under dist/ or build/ that is missing is tried under src/ with
// a source extension: "./dist/server.js" and "./dist/esm/server.d.ts" both
// lead to src/server.ts.
func (r *Resolver) loadPackageTarget(dir, target string) found {
	location := filepath.Join(dir, filepath.FromSlash(target))
	if !isWithin(dir, location) {
		return found{}
	}

	if hit := r.loadFile(location); hit.path != "" {
		return hit
	}
	if hit := r.loadIndex(location); hit.path != "" {
		return hit
	}

	for _, source := range sourceCandidates(filepath.ToSlash(filepath.Clean(target))) {
		candidate := filepath.Join(dir, filepath.FromSlash(source))
		if hit := r.loadFile(candidate); hit.path != "" && !hit.asset {
			return hit
		}
		if hit := r.loadIndex(candidate); hit.path != "" {
			return hit
		}
	}

	return found{}
}

// sourceCandidates returns the extensionless src/ locations that may hold
// the source of an output file, or nil when target is not under an output
// folder.
func sourceCandidates(target string) []string {
	first, rest, ok := strings.Cut(target, "/")
	if !ok || !slices.Contains(buildFolders, first) {
		return nil
	}

	rest = stripOutputExtension(rest)
	candidates := []string{"src/" + rest}

	format, inner, ok := strings.Cut(rest, "/")
	if ok && slices.Contains(formatFolders, format) {
		candidates = append(candidates, "src/"+inner)
	}

	return candidates
}

func stripOutputExtension(name string) string {
	for _, suffix := range declarationSuffixes {
		if strings.HasSuffix(name, suffix) {
			return strings.TrimSuffix(name, suffix)
		}
	}

	extension := filepath.Ext(name)
	if _, ok := extensionSubstitutes[extension]; ok {
		return strings.TrimSuffix(name, extension)
	}
	return name
}

// declarationFile returns the declaration file that location names when no
// source file exists, or "".
func (r *Resolver) declarationFile(location string) string {
	stem := stripOutputExtension(location)
	for _, suffix := range declarationSuffixes {
		if candidate := stem + suffix; r.isFile(candidate) {
			return candidate
		}
	}
	return ""
}

func isDeclaration(name string) bool {
	for _, suffix := range declarationSuffixes {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return false
}

// isWithin reports whether path is root or lies below it. Both must be
// clean absolute paths; a prefix test then suffices, and it is much cheaper
// than filepath.Rel on the hot path of every lookup.
func isWithin(root, path string) bool {
	if !strings.HasPrefix(path, root) {
		return false
	}
	rest := path[len(root):]
	return rest == "" || rest[0] == filepath.Separator || strings.HasSuffix(root, string(filepath.Separator))
}

// inNodeModules reports whether path, below root, has a node_modules
// folder between root and itself.
func inNodeModules(root, path string) bool {
	rel := filepath.ToSlash(strings.TrimPrefix(path, root))
	return slices.Contains(strings.Split(rel, "/"), "node_modules")
}
