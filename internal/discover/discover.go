// Package discover turns the PATH arguments of `actionguard scan` into the
// Next.js apps to analyze, each with its own source files.
//
// Find takes the paths and returns one App per app folder, sorted by folder.
// An app is a folder whose package.json depends on next (in dependencies,
// devDependencies or peerDependencies) or that holds a next.config file.
// Apps may sit at any depth, so one call covers a single app, a monorepo or a
// folder of many checkouts.
//
// Discovery only reads folder listings, package.json and .gitignore files: it
// never runs code of the scanned project. It skips build output and
// dependency folders (see skippedDirs), honours .gitignore files, and never
// follows a symbolic link to a folder or to a file outside the scanned tree.
package discover

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
)

// App is one Next.js app found by Find.
type App struct {
	// Dir is the absolute, cleaned folder of the app, spelled as reached from
	// the PATH argument, so symbolic links in the argument are kept.
	Dir string
	// ScanRoot is the absolute PATH argument under which the app was found,
	// where a scan-wide actionguard.json is looked up. When the argument lies
	// inside the app, the whole app is scanned and ScanRoot is Dir. When
	// several arguments reach the app, the first of them in argument order
	// wins.
	ScanRoot string
	// Name is the package.json "name", else the base name of Dir.
	Name string
	// NextRange is the version range of next declared in package.json,
	// looked up in dependencies, then devDependencies, then peerDependencies.
	// It is "" when package.json does not declare next.
	NextRange string
	// Files are the absolute paths of the app's source files, sorted. They
	// exclude the subtrees of apps nested inside Dir, which are Apps of their
	// own. A file may be a symbolic link whose target lies inside the scanned
	// tree, in which case the path is the link's, not the target's.
	Files []string
}

// skippedDirs are folder names that Find never descends into, even where a
// .gitignore negation would include them: dependencies, version control data,
// build output and caches. None of them contains an app's own source code.
var skippedDirs = map[string]bool{
	"node_modules": true,
	".next":        true,
	".git":         true,
	"out":          true,
	"dist":         true,
	"build":        true,
	".turbo":       true,
	".vercel":      true,
	"coverage":     true,
}

// nextConfigNames are the file names that make a folder an app on their own.
var nextConfigNames = []string{
	"next.config.js",
	"next.config.mjs",
	"next.config.ts",
	"next.config.cjs",
	"next.config.mts",
}

// sourceExtensions are the file name extensions of JavaScript and TypeScript
// modules that Next.js compiles.
var sourceExtensions = map[string]bool{
	".ts":  true,
	".tsx": true,
	".js":  true,
	".jsx": true,
	".mjs": true,
	".cjs": true,
	".mts": true,
	".cts": true,
}

// isSourceFile reports whether name is a module that can hold entry points.
// TypeScript declaration files are excluded because they hold types only.
func isSourceFile(name string) bool {
	if !sourceExtensions[filepath.Ext(name)] {
		return false
	}
	for _, declaration := range []string{".d.ts", ".d.mts", ".d.cts"} {
		if strings.HasSuffix(name, declaration) {
			return false
		}
	}
	return true
}

// Find returns the Next.js apps found at, below or around each path, sorted
// by Dir, and warnings about what it could not read.
//
// A path that is a folder is walked for apps at any depth. A path that lies
// inside an app, such as an app's src folder or one of its files, stands for
// that enclosing app, and apps nested below the path are included too. The
// search for an enclosing app goes up from the path to the root of the
// enclosing git repository (the nearest folder holding .git), or to the file
// system root outside a repository. An app reached through several paths is
// returned once. With no paths, Find scans the working directory.
//
// Find returns an error, and no apps, when a path does not exist or cannot
// be inspected. Unreadable folders, invalid package.json or .gitignore
// files, symbolic links that leave the scanned tree and paths without any
// app are warnings, each naming the file and what failed, and the walk goes
// on.
func Find(paths []string) (apps []App, warnings []string, err error) {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	f := newFinder()

	var requests []*request
	for index, path := range paths {
		r, err := f.resolve(index, path)
		if err != nil {
			return nil, nil, err
		}
		requests = append(requests, r)
	}

	f.walkAll(requests)

	for _, r := range requests {
		if !f.foundAnyFor(r) {
			f.warnf("%s: no Next.js app found in or around this path; an app is a folder whose package.json depends on next or that contains a next.config file", r.path)
		}
	}

	return f.result(), f.warnings, nil
}

// finder holds the state of one Find call. It caches every file it reads so
// that paths sharing folders do not read them twice.
type finder struct {
	packages   map[string]packageInfo // by folder
	gitignores map[string][]string    // pattern lines by .gitignore path
	found      []candidate
	warnings   []string
}

// candidate is an app found by one walk, before apps reached through several
// paths are merged.
type candidate struct {
	app      *App
	realDir  string // Dir with symbolic links resolved, to merge duplicates
	argIndex int    // position of the path argument that kept the app
}

func newFinder() *finder {
	return &finder{
		packages:   map[string]packageInfo{},
		gitignores: map[string][]string{},
	}
}

func (f *finder) warnf(format string, args ...any) {
	f.warnings = append(f.warnings, fmt.Sprintf(format, args...))
}

// addApp records an app found by a walk and returns it, so that the walk
// can add the app's files.
func (f *finder) addApp(dir string, pkg packageInfo, argIndex int, scanRoot string) *App {
	name := pkg.name
	if name == "" {
		name = filepath.Base(dir)
	}
	app := &App{Dir: dir, ScanRoot: scanRoot, Name: name, NextRange: pkg.nextRange}

	realDir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		realDir = dir
	}
	f.found = append(f.found, candidate{app: app, realDir: realDir, argIndex: argIndex})
	return app
}

// foundAnyFor reports whether some app was kept for request r, counting
// duplicates that result later drops.
func (f *finder) foundAnyFor(r *request) bool {
	for _, c := range f.found {
		if r.keeps(c.app.Dir) {
			return true
		}
	}
	return false
}

// result merges apps reached through several paths, keeping the one kept by
// the earliest path argument, and sorts apps and their files.
func (f *finder) result() []App {
	byRealDir := map[string]candidate{}
	for _, c := range f.found {
		previous, seen := byRealDir[c.realDir]
		if !seen || c.argIndex < previous.argIndex {
			byRealDir[c.realDir] = c
		}
	}

	apps := make([]App, 0, len(byRealDir))
	for _, c := range byRealDir {
		slices.Sort(c.app.Files)
		apps = append(apps, *c.app)
	}
	slices.SortFunc(apps, func(a, b App) int { return strings.Compare(a.Dir, b.Dir) })
	return apps
}

// within reports whether path is dir or lies below it. Both must be
// absolute and cleaned.
func within(path, dir string) bool {
	if path == dir {
		return true
	}
	if !strings.HasSuffix(dir, string(filepath.Separator)) {
		dir += string(filepath.Separator)
	}
	return strings.HasPrefix(path, dir)
}
