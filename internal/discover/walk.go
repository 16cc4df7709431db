package discover

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// walker walks one root folder for the requests whose roots lie inside it.
type walker struct {
	finder   *finder
	root     string
	requests []*request
	// realRoot is root with symbolic links resolved. A symbolic link to a
	// file is followed only when its resolved target lies inside realRoot.
	realRoot string
}

func (w *walker) run() {
	realRoot, err := filepath.EvalSymlinks(w.root)
	if err != nil {
		realRoot = w.root
	}
	w.realRoot = realRoot

	rules, names := w.finder.ancestorRules(w.root)
	w.walkDir(w.root, names, rules, nil)
}

// walkDir lists dir, detects an app there, adds the source files to the app
// that owns dir and descends into the subfolders that are neither skipped
// nor ignored. Names is dir's path relative to the repository root, split
// into names. Rules are the ignore rules of dir's parent. Owner is nil
// outside the apps that the requests keep, where files are not collected.
//
// Each folder is listed once, and the finder's caches make each package.json
// and .gitignore read once even when several walks meet it.
func (w *walker) walkDir(dir string, names []string, rules ignoreRules, owner *App) {
	w.markReached(dir)

	entries, err := os.ReadDir(dir)
	if err != nil {
		w.finder.warnf("%s: cannot list the folder: %v; nothing below it is scanned", dir, unwrapPath(err))
		return
	}
	listing := indexEntries(entries)

	// A folder with its own .git is another repository, as in a folder of
	// many checkouts: the outer repository's rules stop applying there.
	if listing.hasGit && dir != w.root {
		names = nil
		rules = w.finder.repositoryRules(dir)
	}
	if listing.hasGitignore {
		rules = rules.with(w.finder.patternsOf(filepath.Join(dir, ".gitignore"), names))
	}

	isApp := listing.hasNextConfig
	var pkg packageInfo
	if listing.hasPackageJSON {
		pkg = w.finder.readPackage(dir)
		isApp = isApp || pkg.dependsOnNext
	}
	if isApp {
		keeper := w.keeper(dir)
		if keeper == nil {
			// No request keeps this app, and its files belong to
			// neither it nor the enclosing app, so the subtree is done. A
			// request whose root lies below gets a walk of its own.
			return
		}
		owner = w.finder.addApp(dir, pkg, keeper.argIndex, keeper.scanRoot)
	}

	for _, entry := range entries {
		name := entry.Name()
		path := filepath.Join(dir, name)
		entryNames := append(names, name)

		switch mode := entry.Type(); {
		case mode.IsDir():
			// NOTE: a checkout inside a folder that the outer repository
			// ignores is not found this way. Pass its path to scan it.
			if skippedDirs[name] || rules.ignores(entryNames, true) {
				continue
			}
			w.walkDir(path, entryNames, rules, owner)

		case mode.IsRegular():
			if owner != nil && isSourceFile(name) && !rules.ignores(entryNames, false) {
				owner.Files = append(owner.Files, path)
			}

		case mode&fs.ModeSymlink != 0:
			if owner != nil && !skippedDirs[name] && !rules.ignores(entryNames, false) {
				w.visitSymlink(path, owner)
			}
		}
	}
}

// visitSymlink adds a symbolic link to a source file when its target lies
// inside the walked tree. It never follows a link to a folder, which could
// lead out of the tree or into a cycle, and it warns about every link that
// it does not follow, because code behind such a link goes unscanned.
func (w *walker) visitSymlink(path string, owner *App) {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		// A dangling link or a cycle of links: there is nothing to scan.
		return
	}
	info, err := os.Stat(target)
	if err != nil {
		return
	}

	switch {
	case info.IsDir():
		w.finder.warnf("%s: symbolic link to the folder %s is not followed; files reached only through it are not scanned", path, target)
	case !isSourceFile(filepath.Base(path)):
		return
	case !within(target, w.realRoot):
		w.finder.warnf("%s: symbolic link to %s leads out of the scanned tree %s and is not followed", path, target, w.root)
	case info.Mode().IsRegular():
		owner.Files = append(owner.Files, path)
	}
}

// keeper returns the request that keeps an app at dir, the one of the
// earliest path argument, or nil when no request asked for the app.
func (w *walker) keeper(dir string) *request {
	var best *request
	for _, r := range w.requests {
		if r.keeps(dir) && (best == nil || r.argIndex < best.argIndex) {
			best = r
		}
	}
	return best
}

func (w *walker) markReached(dir string) {
	for _, r := range w.requests {
		if r.root == dir {
			r.reached = true
		}
	}
}

// listing is what a folder's entries tell about the folder itself.
type listing struct {
	hasGit         bool
	hasGitignore   bool
	hasPackageJSON bool
	hasNextConfig  bool
}

func indexEntries(entries []fs.DirEntry) listing {
	var l listing
	for _, entry := range entries {
		name := entry.Name()
		mode := entry.Type()
		switch {
		case name == ".git":
			l.hasGit = true
		case name == ".gitignore":
			l.hasGitignore = mode.IsRegular()
		case name == "package.json":
			l.hasPackageJSON = mode.IsRegular()
		case slices.Contains(nextConfigNames, name):
			l.hasNextConfig = l.hasNextConfig || !mode.IsDir()
		}
	}
	return l
}
