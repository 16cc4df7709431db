package discover

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// request is one PATH argument, resolved to the folder that must be walked
// for it.
type request struct {
	argIndex int    // position among the PATH arguments
	path     string // the argument, absolute and cleaned
	// root is the folder to walk: path itself, the folder of a file path, or
	// the app enclosing path. It is "" when nothing is to be walked.
	root string
	// enclosing is set when root is the app that encloses path.
	enclosing bool
	scanRoot  string
	// reached is set once a walk has entered root. A walk that started
	// higher up can miss root when root lies in a skipped or ignored
	// folder, and then root gets a walk of its own.
	reached bool
}

// keeps reports whether an app at dir belongs to the request's results: it
// lies at or below the path, or it is the app enclosing the path.
func (r *request) keeps(dir string) bool {
	if r.enclosing && dir == r.root {
		return true
	}
	return within(dir, r.path)
}

// resolve checks that a PATH argument exists and finds the folder to walk
// for it.
func (f *finder) resolve(argIndex int, arg string) (*request, error) {
	path, err := filepath.Abs(arg)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot make the path absolute: %w", arg, err)
	}

	// Stat follows a symbolic link given as the argument itself: the user
	// chose it, so it is not a link found while walking.
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: no such file or folder; pass an existing path to scan", arg)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: cannot inspect the path to scan: %w", arg, err)
	}

	r := &request{argIndex: argIndex, path: path, root: path, scanRoot: path}
	dir := path
	if !info.IsDir() {
		dir = filepath.Dir(path)
		r.root = ""
	}

	app := f.enclosingApp(dir)
	if app != "" && app != path {
		r.root = app
		r.scanRoot = app
		r.enclosing = true
	}
	return r, nil
}

// enclosingApp returns the nearest app folder at or above dir, or "" when
// there is none. The search stops at the root of the git repository that
// holds dir.
//
// NOTE: outside a git repository the search goes up to the file system root,
// so a stray package.json that depends on next in a parent folder such as a
// home folder turns that whole folder into the app to scan.
func (f *finder) enclosingApp(dir string) string {
	for {
		if f.isAppDir(dir) {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir || holdsGitEntry(dir) {
			return ""
		}
		dir = parent
	}
}

// isAppDir reports whether dir is an app folder, reading its package.json
// through the cache.
func (f *finder) isAppDir(dir string) bool {
	if isRegularFile(filepath.Join(dir, "package.json")) && f.readPackage(dir).dependsOnNext {
		return true
	}
	for _, name := range nextConfigNames {
		if info, err := os.Lstat(filepath.Join(dir, name)); err == nil && !info.IsDir() {
			return true
		}
	}
	return false
}

// walkAll walks every request's root once. Requests whose roots lie inside
// another request's root join that walk, and a request whose root the walk
// did not reach gets a walk of its own in the next round.
func (f *finder) walkAll(requests []*request) {
	pending := slices.Clone(requests)
	for len(pending) > 0 {
		for _, w := range f.plan(pending) {
			w.run()
		}

		var next []*request
		for _, r := range pending {
			if r.root != "" && !r.reached {
				next = append(next, r)
			}
		}
		pending = next
	}
}

// plan groups requests into walks. Sorting by root puts every folder before
// the folders below it, so a request always finds the walk of an enclosing
// root if there is one.
func (f *finder) plan(requests []*request) []*walker {
	sorted := slices.Clone(requests)
	slices.SortStableFunc(sorted, func(a, b *request) int { return strings.Compare(a.root, b.root) })

	byRoot := map[string]*walker{}
	var walks []*walker
	for _, r := range sorted {
		if r.root == "" {
			continue
		}
		if w := enclosingWalk(byRoot, r.root); w != nil {
			w.requests = append(w.requests, r)
			continue
		}
		w := &walker{finder: f, root: r.root, requests: []*request{r}}
		byRoot[r.root] = w
		walks = append(walks, w)
	}
	return walks
}

func enclosingWalk(byRoot map[string]*walker, dir string) *walker {
	for {
		if w, ok := byRoot[dir]; ok {
			return w
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return nil
		}
		dir = parent
	}
}

func holdsGitEntry(dir string) bool {
	_, err := os.Lstat(filepath.Join(dir, ".git"))
	return err == nil
}

func isRegularFile(path string) bool {
	info, err := os.Lstat(path)
	return err == nil && info.Mode().IsRegular()
}
