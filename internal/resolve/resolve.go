package resolve

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// Resolver resolves import specifiers for one Next.js app. It is safe for
// concurrent use by many goroutines. It caches every file-system lookup for
// its lifetime, so it must not outlive a scan: files that change on disk
// afterwards are not seen again.
type Resolver struct {
	appDir string

	// root is the workspace root, or appDir when the app belongs to no
	// workspace. No project file outside it is returned, and no tsconfig
	// above it is read.
	root string

	// realRoot is root with symbolic links evaluated, so that a resolved
	// file whose real location leaves the tree can be rejected.
	realRoot string

	// packages maps the name of each workspace package to its folder.
	packages map[string]string

	results    memo[importKey, Result]
	kinds      memo[string, fileKind]
	realPaths  memo[string, string]
	manifests  memo[string, *manifest]
	rawConfigs memo[string, *rawConfig]
	configs    memo[string, *tsconfig]
	nearest    memo[string, *tsconfig]

	warningsMu sync.Mutex
	warnings   map[string]struct{}
}

// Result is the resolution of one import specifier. Exactly one of Path,
// External and Asset is set when the specifier resolved, and Reason is set
// when it did not.
type Result struct {
	// Path is the absolute path of the project or workspace source file.
	Path string

	// External is true for a bare specifier that names an npm package
	// outside the workspace, or a Node built-in module.
	External bool

	// Package is the package name of an External specifier, without the
	// "node:" prefix for built-ins ("@clerk/nextjs", "next", "fs").
	Package string

	// Subpath is the rest of an External specifier after Package, with its
	// leading slash ("/server"), or "" for the package itself.
	Subpath string

	// Builtin is true when Package is a Node built-in module.
	Builtin bool

	// Asset is the absolute path of an existing file that is not source code
	// (a stylesheet, an image, JSON), which the analyzer does not parse.
	Asset string

	// Reason is one sentence that names the specifier and explains why it
	// could not be resolved. File names in it are relative to Root, or absolute
	// when outside it.
	Reason string
}

// Resolved reports whether the specifier named a file or an external package.
func (res Result) Resolved() bool {
	return res.Reason == ""
}

// New returns a Resolver for the app in appDir, an absolute folder. It finds
// the workspace the app belongs to and indexes the workspace packages by
// name. Problems it meets are reported by Warnings, never as an error, so
// that resolution degrades instead of stopping the scan.
func New(appDir string) *Resolver {
	appDir, err := filepath.Abs(appDir)
	if err != nil {
		appDir = filepath.Clean(appDir)
	}

	r := &Resolver{
		appDir:   appDir,
		root:     appDir,
		warnings: make(map[string]struct{}),
	}

	root, patterns, found := r.findWorkspaceRoot(appDir)
	if found {
		r.root = root
	}
	r.realRoot = r.realPath(r.root)
	r.packages = r.indexWorkspacePackages(patterns)

	return r
}

// Root returns the workspace root, or the app folder when the app belongs to
// no workspace. Reasons and warnings name files relative to it.
func (r *Resolver) Root() string {
	return r.root
}

// Warnings returns the problems met while reading configuration, such as a
// tsconfig.json that does not parse or an extends cycle, sorted and without
// duplicates. Each names the file (relative to Root, or absolute when
// outside it) and what failed.
func (r *Resolver) Warnings() []string {
	r.warningsMu.Lock()
	defer r.warningsMu.Unlock()

	list := make([]string, 0, len(r.warnings))
	for warning := range r.warnings {
		list = append(list, warning)
	}
	slices.Sort(list)

	return list
}

// Resolve resolves specifier as written in an import, export or require of
// fromFile, an absolute path (a relative one is taken as relative to the app
// folder).
func (r *Resolver) Resolve(fromFile, specifier string) Result {
	if !filepath.IsAbs(fromFile) {
		fromFile = filepath.Join(r.appDir, fromFile)
	}
	fromDir := filepath.Dir(fromFile)

	// The result depends only on the importing folder, the specifier and
	// the cached file system, so it is computed once per pair.
	key := importKey{fromDir: fromDir, specifier: specifier}
	return r.results.get(key, func() Result {
		return r.resolve(fromDir, specifier)
	})
}

// importKey identifies an import by the folder of the importing file.
type importKey struct {
	fromDir   string
	specifier string
}

func (r *Resolver) resolve(fromDir, specifier string) Result {
	switch {
	case specifier == "":
		return unresolved(`the empty import specifier "" names no module.`)
	case isURL(specifier):
		return unresolved(fmt.Sprintf("%q is a URL import, which is fetched at build time and not analyzed.", specifier))
	case strings.HasPrefix(specifier, "node:"):
		return builtinResult(strings.TrimPrefix(specifier, "node:"))
	case isRelative(specifier) || filepath.IsAbs(specifier):
		return r.resolveRelative(fromDir, specifier)
	case strings.HasPrefix(specifier, "#"):
		return r.resolveSubpathImport(fromDir, specifier)
	default:
		return r.resolveBare(fromDir, specifier)
	}
}

func (r *Resolver) resolveRelative(fromDir, specifier string) Result {
	location := filepath.Clean(specifier)
	if !filepath.IsAbs(specifier) {
		location = filepath.Join(fromDir, filepath.FromSlash(specifier))
	}

	found, failure := r.resolveLocation(location)
	if failure != "" {
		return unresolved(fmt.Sprintf("%q %s.", specifier, failure))
	}

	return found.result()
}

// resolveBare resolves a specifier that is neither relative nor absolute. It
// tries tsconfig paths, then baseUrl, then workspace packages, in the order
// TypeScript does. Whatever is left is an npm package or a Node built-in.
func (r *Resolver) resolveBare(fromDir, specifier string) Result {
	config := r.configFor(fromDir)

	var aliasFailure string
	catchAll := false
	if config != nil {
		found, failure, pattern := r.resolveWithPaths(config, specifier)
		if found.path != "" {
			return found.result()
		}
		aliasFailure = failure
		catchAll = pattern == "*"

		if config.baseURL != "" {
			found, _ := r.resolveLocation(filepath.Join(config.baseURL, filepath.FromSlash(specifier)))
			if found.path != "" {
				return found.result()
			}
		}
	}

	name, subpath, valid := splitPackageSpecifier(specifier)
	if !valid {
		if aliasFailure != "" {
			return unresolved(aliasFailure)
		}
		return unresolved(fmt.Sprintf("%q is neither a relative path, a tsconfig paths alias nor a valid package name.", specifier))
	}

	if dir, ok := r.packages[name]; ok {
		return r.resolveWorkspacePackage(specifier, name, dir, subpath)
	}

	// TypeScript would go on to node_modules after a failed alias. But an
	// alias other than the catch-all "*" marks the import as a project file,
	// so reporting an npm package would hide the mistake.
	if aliasFailure != "" && !catchAll {
		return unresolved(aliasFailure)
	}

	if isBuiltin(name) {
		return builtinResult(specifier)
	}

	return Result{External: true, Package: name, Subpath: subpath}
}

func builtinResult(specifier string) Result {
	name, subpath, _ := splitPackageSpecifier(specifier)
	return Result{External: true, Builtin: true, Package: name, Subpath: subpath}
}

func unresolved(reason string) Result {
	return Result{Reason: reason}
}

// warn records a configuration problem once, however many goroutines meet it.
func (r *Resolver) warn(format string, args ...any) {
	message := fmt.Sprintf(format, args...)

	r.warningsMu.Lock()
	r.warnings[message] = struct{}{}
	r.warningsMu.Unlock()
}

// display returns path in the form used in reasons and warnings: relative
// to the root with forward slashes, or absolute when it lies outside.
func (r *Resolver) display(path string) string {
	if !isWithin(r.root, path) {
		return filepath.ToSlash(path)
	}

	rel, err := filepath.Rel(r.root, path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	return filepath.ToSlash(rel)
}

// memo computes one value per key, once, however many goroutines ask for it
// at the same time. A compute function may ask the same memo for other keys
// but never for its own, which would deadlock.
type memo[K comparable, V any] struct {
	entries sync.Map
}

type memoEntry[V any] struct {
	once  sync.Once
	value V
}

func (m *memo[K, V]) get(key K, compute func() V) V {
	stored, ok := m.entries.Load(key)
	if !ok {
		stored, _ = m.entries.LoadOrStore(key, &memoEntry[V]{})
	}
	entry := stored.(*memoEntry[V])

	entry.once.Do(func() {
		entry.value = compute()
	})

	return entry.value
}
