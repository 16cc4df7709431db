// Package policy loads actionguard.json, the policy file that opens entry
// points to the public, restricts them to roles, names project guards and
// lists files to ignore.
//
// It takes the path of a policy file (or finds one with Locate) and gives a
// Policy, which returns the rule that applies to an entry ID. The policy
// denies by default: an entry that no rule matches requires authentication.
// The file is JSON with comments and trailing commas. Load rejects anything it
// does not understand, with the file, line and key of each problem, because a
// silently dropped key such as a misspelt "entries" would leave the app
// audited under a policy its authors did not write.
package policy

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// FileName is the name of the policy file at an app root or a scan root.
const FileName = "actionguard.json"

// Access levels of a rule.
const (
	// AccessPublic opens the entry to every caller, signed in or not.
	AccessPublic = "public"
	// AccessAuthenticated requires a signed-in caller. It is the default for
	// every entry and for a rule without "access".
	AccessAuthenticated = "authenticated"
	// AccessRole requires a signed-in caller who holds one of Rule.Roles.
	AccessRole = "role"
)

// Policy is a loaded policy file. A nil *Policy is the empty default policy:
// no rules, no guards and nothing ignored.
type Policy struct {
	// File is the absolute path the policy was loaded from, or "" for the
	// empty default policy.
	File   string
	Guards Guards
	// Rules are the members of the "entries" object, in file order.
	Rules []Rule
	// Ignore are globs over app-relative file paths, with forward slashes.
	Ignore []string
}

// Guards are project helpers that fail closed, declared for the cases where
// the analysis cannot infer them. Each element is either a function name
// ("requireSession") or a module specifier as the source imports it, a "#",
// and the exported name ("@acme/auth#assertSignedIn"). SplitGuard separates
// the two parts.
type Guards struct {
	Authentication []string
	Authorization  []string
}

// Rule is one member of the "entries" object.
type Rule struct {
	// Pattern is the member key: an entry ID such as
	// "app/(marketing)/actions.ts#subscribe", or a glob over entry IDs.
	Pattern string
	// Access is AccessPublic, AccessAuthenticated or AccessRole.
	Access string
	// Reason is the written justification, "" when the file gives none.
	Reason string
	// Roles are the roles that AccessRole admits. The list is non-empty
	// exactly when Access is AccessRole.
	Roles []string
	// Line is the line of the key in the policy file, counting from 1.
	Line int
}

// Default returns the empty policy that applies when no policy file exists.
func Default() *Policy {
	return &Policy{}
}

// Locate finds the policy file for the app at appDir: actionguard.json in
// appDir, else actionguard.json in scanRoot. It reports ok=false when neither
// exists. A file that exists but cannot be read is still returned, so that
// Load reports why instead of the scan running without the policy.
func Locate(appDir, scanRoot string) (path string, ok bool) {
	for _, dir := range []string{appDir, scanRoot} {
		if dir == "" {
			continue
		}

		candidate := filepath.Join(dir, FileName)
		_, err := os.Stat(candidate)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}

		return candidate, true
	}

	return "", false
}

// Load reads and validates the policy file at path. Problems in the file come
// back as *Error values joined with errors.Join, in file order. A file that
// cannot be read gives the wrapped I/O error.
func Load(path string) (*Policy, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read policy file: %w; check that the path names a readable actionguard.json", err)
	}

	p, err := parse(path, data)
	if err != nil {
		return nil, err
	}

	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("policy file %s: resolve absolute path: %w", path, err)
	}
	p.File = abs

	return p, nil
}

// SplitGuard separates a guard declaration into the module specifier and the
// function name. A declaration without a module ("requireSession") gives
// module "". The split is at the last "#", because Node.js subpath imports
// start with one ("#lib/auth#requireAdmin").
func SplitGuard(guard string) (module, name string) {
	i := strings.LastIndexByte(guard, '#')
	if i < 0 {
		return "", guard
	}

	return guard[:i], guard[i+1:]
}
