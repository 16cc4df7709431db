// Package lockfile reads the installed versions of an app's npm packages from
// the lockfile of its package manager, without running the package manager.
//
// It takes an app folder, finds the lockfile that governs it (in the folder or
// in an ancestor up to the repository or workspace root), and gives the
// package name to installed version map for that app. It reads npm
// (package-lock.json, npm-shrinkwrap.json), pnpm (pnpm-lock.yaml), Yarn classic
// and Berry (yarn.lock) and Bun (bun.lock) lockfiles.
package lockfile

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Versions is what the lockfile of one app records.
type Versions struct {
	// Lockfile is the absolute path of the lockfile that was read, or "" when
	// no lockfile governs the app.
	Lockfile string
	// Packages maps a package name (such as "next" or "@clerk/nextjs") to the
	// version installed for the app. It is empty, not nil, when Lockfile is "".
	Packages map[string]string
}

// lockfileNames lists the lockfiles in the order they are tried within one
// folder. bun.lockb is missing on purpose: it is a binary format that this
// package does not decode, so a folder holding only bun.lockb counts as having
// no lockfile.
var lockfileNames = []string{
	"package-lock.json",
	"npm-shrinkwrap.json",
	"pnpm-lock.yaml",
	"yarn.lock",
	"bun.lock",
}

// Read finds the lockfile that governs appDir and returns the versions it
// records for that app.
//
// The search starts in appDir and climbs one folder at a time. It stops after
// the first folder that holds .git or is a workspace root (a package.json with
// a "workspaces" field, or a pnpm-workspace.yaml), or at the file system root.
// Within a folder the first lockfile in the order npm, pnpm, Yarn, Bun wins.
// When the lockfile covers several workspace packages, the entries for appDir
// are preferred over hoisted or shared ones.
//
// No lockfile is not an error: Read returns Versions with an empty Lockfile.
// A lockfile that cannot be read or parsed is an error that names the file.
func Read(appDir string) (Versions, error) {
	app, err := filepath.Abs(appDir)
	if err != nil {
		return Versions{}, fmt.Errorf("app folder %q: cannot make the path absolute: %w", appDir, err)
	}

	lockPath, err := find(app)
	if err != nil {
		return Versions{}, err
	}
	if lockPath == "" {
		return Versions{Packages: map[string]string{}}, nil
	}

	packages, err := readLockfile(lockPath, app)
	if err != nil {
		return Versions{}, err
	}

	return Versions{Lockfile: lockPath, Packages: packages}, nil
}

// find returns the path of the lockfile that governs app, or "".
func find(app string) (string, error) {
	dir := app
	for {
		for _, name := range lockfileNames {
			candidate := filepath.Join(dir, name)
			found, err := isFile(candidate)
			if err != nil {
				return "", err
			}
			if found {
				return candidate, nil
			}
		}

		if isBoundary(dir) {
			return "", nil
		}

		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// isFile reports whether path names a regular file. A missing file is not an
// error; any other failure to stat it is.
func isFile(path string) (bool, error) {
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("%s: cannot check for a lockfile: %w", path, err)
	}
	return info.Mode().IsRegular(), nil
}

// isBoundary reports whether dir is a repository or workspace root, above
// which no lockfile can govern the app.
func isBoundary(dir string) bool {
	if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
		return true
	}
	if _, err := os.Stat(filepath.Join(dir, "pnpm-workspace.yaml")); err == nil {
		return true
	}

	data, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		return false
	}
	var manifest struct {
		Workspaces json.RawMessage `json:"workspaces"`
	}
	// A package.json that does not parse is not a workspace root; the
	// analyzer reports broken manifests elsewhere.
	if json.Unmarshal(data, &manifest) != nil {
		return false
	}
	return len(manifest.Workspaces) > 0 && string(manifest.Workspaces) != "null"
}

// readLockfile parses the lockfile at path for the app in folder app.
func readLockfile(path, app string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read the lockfile: %w", path, err)
	}

	appRel, err := filepath.Rel(filepath.Dir(path), app)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot relate the app folder %s to the lockfile: %w", path, app, err)
	}
	appRel = filepath.ToSlash(appRel)
	if appRel == "." {
		appRel = ""
	}

	var packages map[string]string
	switch filepath.Base(path) {
	case "package-lock.json", "npm-shrinkwrap.json":
		packages, err = parseNPM(data, appRel)
	case "pnpm-lock.yaml":
		packages, err = parsePNPM(data, appRel)
	case "yarn.lock":
		packages, err = parseYarn(data, appRel, declaredRanges(app))
	case "bun.lock":
		packages, err = parseBun(data, appRel)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w; fix the file or regenerate it with the package manager", path, err)
	}
	return packages, nil
}

// declaredRanges returns the version ranges that the app's package.json
// declares, keyed by package name. A missing or broken package.json gives an
// empty map, because the ranges only break ties between lockfile entries.
func declaredRanges(app string) map[string]string {
	ranges := map[string]string{}

	data, err := os.ReadFile(filepath.Join(app, "package.json"))
	if err != nil {
		return ranges
	}
	var manifest struct {
		Dependencies         map[string]string `json:"dependencies"`
		DevDependencies      map[string]string `json:"devDependencies"`
		OptionalDependencies map[string]string `json:"optionalDependencies"`
	}
	if json.Unmarshal(data, &manifest) != nil {
		return ranges
	}

	for _, group := range []map[string]string{manifest.DevDependencies, manifest.OptionalDependencies, manifest.Dependencies} {
		for name, spec := range group {
			ranges[name] = spec
		}
	}
	return ranges
}
