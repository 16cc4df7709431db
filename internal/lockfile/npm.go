package lockfile

import (
	"encoding/json"
	"fmt"
	"strings"
)

// npmLockfile is the part of package-lock.json (and npm-shrinkwrap.json) that
// holds installed versions. Version 1 files have only Dependencies; version 2
// files have both; version 3 files have only Packages.
type npmLockfile struct {
	LockfileVersion int                        `json:"lockfileVersion"`
	Packages        map[string]npmPackageEntry `json:"packages"`
	Dependencies    map[string]npmPackageEntry `json:"dependencies"`
}

type npmPackageEntry struct {
	Version string `json:"version"`
	// Link marks a workspace package that is symlinked, not installed.
	Link bool `json:"link"`
}

const nodeModules = "node_modules/"

// parseNPM returns the installed versions for the app at appRel (slash
// separated, relative to the lockfile folder, "" for the same folder).
//
// In the "packages" map each key is an install path such as
// "node_modules/next", "apps/web/node_modules/next" or
// "node_modules/a/node_modules/next". An entry nested directly under the app
// wins over a hoisted one at the root; copies nested under other packages are
// ignored because the app does not load them.
func parseNPM(data []byte, appRel string) (map[string]string, error) {
	var lock npmLockfile
	if err := json.Unmarshal(data, &lock); err != nil {
		return nil, fmt.Errorf("invalid package-lock JSON: %w", err)
	}

	if lock.Packages != nil {
		return npmFromPackages(lock.Packages, appRel), nil
	}
	if lock.Dependencies != nil {
		return npmFromDependencies(lock.Dependencies), nil
	}
	return nil, fmt.Errorf("no \"packages\" or \"dependencies\" map (lockfileVersion %d)", lock.LockfileVersion)
}

func npmFromPackages(entries map[string]npmPackageEntry, appRel string) map[string]string {
	appPrefix := ""
	if appRel != "" {
		appPrefix = appRel + "/"
	}

	hoisted := map[string]string{}
	nested := map[string]string{}
	for key, entry := range entries {
		if entry.Link || entry.Version == "" {
			continue
		}

		cut := strings.LastIndex(key, nodeModules)
		if cut < 0 {
			continue
		}
		prefix := key[:cut]
		name := key[cut+len(nodeModules):]
		if name == "" {
			continue
		}

		switch {
		case appPrefix != "" && prefix == appPrefix:
			nested[name] = entry.Version
		case prefix == "":
			hoisted[name] = entry.Version
		}
	}

	for name, version := range nested {
		hoisted[name] = version
	}
	return hoisted
}

// npmFromDependencies reads a version 1 lockfile. Its top-level entries are
// the hoisted packages; nested copies are ignored, and workspace packages are
// not recorded per app in this format.
func npmFromDependencies(entries map[string]npmPackageEntry) map[string]string {
	packages := map[string]string{}
	for name, entry := range entries {
		if entry.Version == "" || strings.HasPrefix(entry.Version, "file:") {
			continue
		}
		packages[name] = entry.Version
	}
	return packages
}
