package lockfile

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/tailscale/hujson"
)

// bunLockfile is the part of the text bun.lock (JSON with comments and
// trailing commas) that holds installed versions.
type bunLockfile struct {
	LockfileVersion *int `json:"lockfileVersion"`
	// Workspaces maps a workspace path ("" for the root) to its manifest.
	Workspaces map[string]struct {
		Name string `json:"name"`
	} `json:"workspaces"`
	// Packages maps an install key to an array whose first element is the
	// resolved "name@version". The key is the package name when the copy is
	// hoisted, and "<parent>/<name>" when it is nested under a workspace or
	// another package.
	Packages map[string][]json.RawMessage `json:"packages"`
}

// parseBun returns the installed versions for the app at appRel. A copy
// nested under the app's workspace name wins over the hoisted one.
func parseBun(data []byte, appRel string) (map[string]string, error) {
	standard, err := hujson.Standardize(data)
	if err != nil {
		return nil, fmt.Errorf("invalid bun.lock JSONC: %w", err)
	}

	var lock bunLockfile
	if err := json.Unmarshal(standard, &lock); err != nil {
		return nil, fmt.Errorf("invalid bun.lock structure: %w", err)
	}
	if lock.LockfileVersion == nil {
		return nil, errors.New("not a bun.lock file: the lockfileVersion field is missing")
	}

	workspaceName := lock.Workspaces[appRel].Name

	packages := map[string]string{}
	nested := map[string]string{}
	for key, entry := range lock.Packages {
		if len(entry) == 0 {
			return nil, fmt.Errorf("package %q has an empty entry", key)
		}
		var resolved string
		if err := json.Unmarshal(entry[0], &resolved); err != nil {
			return nil, fmt.Errorf("package %q: the first element is not a \"name@version\" string", key)
		}
		at := strings.LastIndexByte(resolved, '@')
		if at <= 0 {
			continue
		}
		version := resolved[at+1:]
		if version == "" || version[0] < '0' || version[0] > '9' {
			continue
		}

		switch {
		case !strings.Contains(strings.TrimPrefix(key, "@"), "/") || isScopedName(key):
			packages[key] = version
		case workspaceName != "" && strings.HasPrefix(key, workspaceName+"/"):
			nested[strings.TrimPrefix(key, workspaceName+"/")] = version
		}
	}

	for name, version := range nested {
		packages[name] = version
	}
	return packages, nil
}

// isScopedName reports whether key is a bare scoped package name such as
// "@clerk/nextjs", as opposed to a nested key such as "@clerk/nextjs/cookie".
func isScopedName(key string) bool {
	return strings.HasPrefix(key, "@") && strings.Count(key, "/") == 1
}
