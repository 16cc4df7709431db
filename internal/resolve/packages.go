package resolve

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tailscale/hujson"
)

// manifest is the part of a package.json that resolution reads.
type manifest struct {
	Name   string `json:"name"`
	Main   string `json:"main"`
	Module string `json:"module"`

	// TSConfig names the tsconfig file that an extends of the bare package
	// name means, as TypeScript reads it; tsconfig.json when empty.
	TSConfig string `json:"tsconfig"`

	// Exports and Imports are kept as decoded JSON (strings, arrays, objects
	// and null) because their shape varies: see exportTargets.
	Exports any `json:"exports"`
	Imports any `json:"imports"`

	Workspaces json.RawMessage `json:"workspaces"`
}

// manifest returns the package.json in dir, or nil when there is none or it
// is invalid (which is also recorded as a warning).
func (r *Resolver) manifest(dir string) *manifest {
	return r.manifests.get(dir, func() *manifest {
		path := filepath.Join(dir, "package.json")
		if !r.isFile(path) {
			return nil
		}

		data, err := os.ReadFile(path)
		if err != nil {
			r.warn("%s: cannot read package.json: %v; its exports and main fields are ignored.", r.display(path), err)
			return nil
		}

		pkg, err := parseManifest(data)
		if err != nil {
			r.warn("%s: invalid package.json: %v; fix the JSON so that imports of this package resolve.", r.display(path), err)
			return nil
		}
		return pkg
	})
}

func parseManifest(data []byte) (*manifest, error) {
	standard, err := hujson.Standardize(data)
	if err != nil {
		return nil, err
	}

	var pkg manifest
	if err := json.Unmarshal(standard, &pkg); err != nil {
		return nil, err
	}
	return &pkg, nil
}

// exportConditions are the conditions tried in an exports or imports
// object, in order of preference. "types" comes first because in a
// monorepo it usually names the file closest to the source. A condition not
// listed here, such as "browser", is never followed.
var exportConditions = []string{"types", "import", "default", "node", "require"}

// exportTargets returns the targets that an exports (or imports) value maps
// subpath (".", "./server", "#env") to, most preferred first, and whether
// the value defines subpath at all. A subpath defined as null is defined
// but has no targets.
func exportTargets(value any, subpath string) ([]string, bool) {
	object, isObject := value.(map[string]any)
	if !isObject || !isSubpathMap(object) {
		if subpath != "." {
			return nil, false
		}
		return appendTargets(nil, value, ""), true
	}

	matched, wildcard, ok := matchSubpath(object, subpath)
	if !ok {
		return nil, false
	}
	return appendTargets(nil, matched, wildcard), true
}

// isSubpathMap reports whether an exports object maps subpaths (keys that
// start with "." or "#") rather than conditions.
func isSubpathMap(object map[string]any) bool {
	for key := range object {
		if strings.HasPrefix(key, ".") || strings.HasPrefix(key, "#") {
			return true
		}
	}
	return false
}

// matchSubpath finds the entry of a subpath map that applies to subpath, as
// Node does: an exact key first, else the pattern key with one "*" whose
// prefix is longest. It returns the entry's value and the text that "*"
// matched.
func matchSubpath(object map[string]any, subpath string) (any, string, bool) {
	if value, ok := object[subpath]; ok && !strings.Contains(subpath, "*") {
		return value, "", true
	}

	bestKey, bestWildcard := "", ""
	for key := range object {
		prefix, suffix, ok := strings.Cut(key, "*")
		if !ok || strings.Contains(suffix, "*") {
			continue
		}
		if !strings.HasPrefix(subpath, prefix) || !strings.HasSuffix(subpath, suffix) {
			continue
		}
		if len(subpath) < len(prefix)+len(suffix) || subpath == prefix {
			continue
		}
		if bestKey != "" && !patternKeyLess(bestKey, key) {
			continue
		}

		bestKey = key
		bestWildcard = subpath[len(prefix) : len(subpath)-len(suffix)]
	}

	if bestKey == "" {
		return nil, "", false
	}
	return object[bestKey], bestWildcard, true
}

// patternKeyLess reports whether pattern key b applies in preference to a:
// a longer prefix before "*" wins, then a longer key.
func patternKeyLess(a, b string) bool {
	prefixA := strings.Index(a, "*")
	prefixB := strings.Index(b, "*")
	if prefixA != prefixB {
		return prefixB > prefixA
	}
	if len(a) != len(b) {
		return len(b) > len(a)
	}
	return b < a
}

// appendTargets flattens an exports value (a string, an array of fallbacks,
// a conditions object, or null) into the target strings it may lead to,
// with "*" replaced by wildcard.
func appendTargets(targets []string, value any, wildcard string) []string {
	switch value := value.(type) {
	case string:
		return append(targets, strings.ReplaceAll(value, "*", wildcard))
	case []any:
		for _, fallback := range value {
			targets = appendTargets(targets, fallback, wildcard)
		}
	case map[string]any:
		for _, condition := range exportConditions {
			if nested, ok := value[condition]; ok {
				targets = appendTargets(targets, nested, wildcard)
			}
		}
	}
	return targets
}

// resolveWorkspacePackage resolves specifier, which names the workspace
// package name in dir, into the package's source: through exports when the
// package has them, else main or module, else its index file.
func (r *Resolver) resolveWorkspacePackage(specifier, name, dir, subpath string) Result {
	pkg := r.manifest(dir)
	if pkg == nil {
		return unresolved(fmt.Sprintf("%q names the workspace package %s, whose package.json cannot be read.", specifier, r.display(dir)))
	}

	if pkg.Exports != nil {
		return r.resolveExports(specifier, name, dir, pkg, subpath)
	}

	if subpath == "" {
		if hit := r.loadEntryFields(dir, pkg); hit.path != "" {
			return r.checkFound(specifier, hit)
		}
		if hit := r.loadIndex(dir); hit.path != "" {
			return r.checkFound(specifier, hit)
		}
		return unresolved(fmt.Sprintf("%q names the workspace package %s, but neither its main or module field nor an index file names a source file.", specifier, r.display(dir)))
	}

	found, failure := r.resolveLocation(filepath.Join(dir, filepath.FromSlash(subpath)))
	if failure != "" {
		return unresolved(fmt.Sprintf("%q %s.", specifier, failure))
	}
	return found.result()
}

func (r *Resolver) resolveExports(specifier, name, dir string, pkg *manifest, subpath string) Result {
	exportSubpath := "." + subpath

	targets, defined := exportTargets(pkg.Exports, exportSubpath)
	if !defined {
		return unresolved(fmt.Sprintf("%q is not exported by the workspace package %s: its package.json exports has no entry for %q.", specifier, name, exportSubpath))
	}
	if len(targets) == 0 {
		return unresolved(fmt.Sprintf("%q is not exported by the workspace package %s: its package.json exports maps %q to null or to no known condition.", specifier, name, exportSubpath))
	}

	for _, target := range targets {
		if !strings.HasPrefix(target, "./") {
			continue
		}
		if hit := r.loadPackageTarget(dir, target); hit.path != "" {
			return r.checkFound(specifier, hit)
		}
	}

	return unresolved(fmt.Sprintf("%q is exported by the workspace package %s as %s, but no such file exists, nor a source file under src/.", specifier, name, strings.Join(targets, ", ")))
}

// checkFound applies the scan's boundaries to a file found through a
// package.json field, which resolveLocation did not see.
func (r *Resolver) checkFound(specifier string, hit found) Result {
	if !isWithin(r.root, hit.path) || !isWithin(r.realRoot, r.realPath(hit.path)) {
		return unresolved(fmt.Sprintf("%q resolves to %s, outside the workspace root.", specifier, r.display(hit.path)))
	}
	if inNodeModules(r.root, hit.path) {
		return unresolved(fmt.Sprintf("%q resolves into node_modules (%s), whose sources are not analyzed.", specifier, r.display(hit.path)))
	}
	return hit.result()
}

// resolveSubpathImport resolves a "#name" specifier through the imports
// field of the package.json nearest to the importing file.
func (r *Resolver) resolveSubpathImport(fromDir, specifier string) Result {
	dir, pkg := r.nearestManifest(fromDir)
	if pkg == nil {
		return unresolved(fmt.Sprintf("%q is a subpath import, but no package.json at or above the importing file within the workspace has an imports field.", specifier))
	}
	if pkg.Imports == nil {
		return unresolved(fmt.Sprintf("%q is a subpath import, but %s has no imports field.", specifier, r.display(filepath.Join(dir, "package.json"))))
	}

	targets, defined := exportTargets(pkg.Imports, specifier)
	if !defined || len(targets) == 0 {
		return unresolved(fmt.Sprintf("%q has no entry in the imports field of %s.", specifier, r.display(filepath.Join(dir, "package.json"))))
	}

	var last Result
	for _, target := range targets {
		if !strings.HasPrefix(target, "./") {
			// A subpath import may map to a package, which resolves as if
			// imported by name from this package.
			last = r.resolveBare(dir, target)
			if last.Resolved() {
				return last
			}
			continue
		}

		if hit := r.loadPackageTarget(dir, target); hit.path != "" {
			return r.checkFound(specifier, hit)
		}
	}

	if last.Reason != "" {
		return last
	}
	return unresolved(fmt.Sprintf("%q is mapped by %s to %s, but no such source file exists.", specifier, r.display(filepath.Join(dir, "package.json")), strings.Join(targets, ", ")))
}

// nearestManifest returns the nearest package.json at or above dir, not
// above the root, and its folder.
func (r *Resolver) nearestManifest(dir string) (string, *manifest) {
	for isWithin(r.root, dir) {
		if pkg := r.manifest(dir); pkg != nil {
			return dir, pkg
		}
		if dir == r.root {
			break
		}
		dir = filepath.Dir(dir)
	}
	return "", nil
}

// splitPackageSpecifier splits a bare specifier into its package name and
// the subpath after it ("@clerk/nextjs/server" into "@clerk/nextjs" and
// "/server"), and reports whether the name is a valid npm package name.
func splitPackageSpecifier(specifier string) (name, subpath string, valid bool) {
	segments := strings.SplitN(specifier, "/", 3)

	count := 1
	if strings.HasPrefix(specifier, "@") {
		count = 2
	}
	if len(segments) < count {
		return "", "", false
	}

	name = strings.Join(segments[:count], "/")
	subpath = strings.TrimPrefix(specifier, name)

	for i, segment := range segments[:count] {
		if count == 2 && i == 0 {
			segment = strings.TrimPrefix(segment, "@")
		}
		if !isPackageNamePart(segment) {
			return "", "", false
		}
	}

	return name, subpath, true
}

// isPackageNamePart reports whether part may be a package name or scope:
// URL-safe characters without npm's reserved "~'!()*", not starting with a
// dot or underscore. Capitals are allowed because old packages have them.
func isPackageNamePart(part string) bool {
	if part == "" || part[0] == '.' || part[0] == '_' {
		return false
	}
	for _, char := range part {
		switch {
		case char >= 'a' && char <= 'z', char >= 'A' && char <= 'Z', char >= '0' && char <= '9':
		case char == '-', char == '.', char == '_':
		default:
			return false
		}
	}
	return true
}

// builtinModules are the Node.js built-in modules that may be imported
// without the "node:" prefix: module.builtinModules of Node.js 20 without
// subpaths ("fs/promises" splits into "fs" and "/promises") and without the
// internal "_" modules.
var builtinModules = []string{
	"assert", "async_hooks", "buffer", "child_process", "cluster", "console",
	"constants", "crypto", "dgram", "diagnostics_channel", "dns", "domain",
	"events", "fs", "http", "http2", "https", "inspector", "module", "net",
	"os", "path", "perf_hooks", "process", "punycode", "querystring",
	"readline", "repl", "stream", "string_decoder", "sys", "timers", "tls",
	"trace_events", "tty", "url", "util", "v8", "vm", "wasi",
	"worker_threads", "zlib",
}

func isBuiltin(name string) bool {
	return slices.Contains(builtinModules, name)
}

func isRelative(specifier string) bool {
	return specifier == "." || specifier == ".." ||
		strings.HasPrefix(specifier, "./") || strings.HasPrefix(specifier, "../")
}

func isURL(specifier string) bool {
	for _, scheme := range []string{"http:", "https:", "data:", "file:"} {
		if strings.HasPrefix(specifier, scheme) {
			return true
		}
	}
	return false
}
