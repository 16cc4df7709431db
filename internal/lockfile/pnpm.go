package lockfile

import (
	"errors"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// pnpmLockfile is the part of pnpm-lock.yaml that holds installed versions,
// in lockfile versions 5, 6 and 9.
type pnpmLockfile struct {
	LockfileVersion any                     `yaml:"lockfileVersion"`
	Importers       map[string]pnpmImporter `yaml:"importers"`
	// Single-project lockfiles before version 9 keep the root importer's
	// dependencies at the top level instead of under importers.".".
	pnpmImporter `yaml:",inline"`
	Packages     map[string]ignored `yaml:"packages"`
	Snapshots    map[string]ignored `yaml:"snapshots"`
}

type pnpmImporter struct {
	Dependencies         map[string]pnpmDependency `yaml:"dependencies"`
	DevDependencies      map[string]pnpmDependency `yaml:"devDependencies"`
	OptionalDependencies map[string]pnpmDependency `yaml:"optionalDependencies"`
}

// pnpmDependency is an importer's dependency entry: a bare version string in
// lockfile version 5, a {specifier, version} mapping from version 6 on.
type pnpmDependency struct {
	Version string
}

func (d *pnpmDependency) UnmarshalYAML(node *yaml.Node) error {
	if node.Kind == yaml.ScalarNode {
		d.Version = node.Value
		return nil
	}

	var entry struct {
		Version string `yaml:"version"`
	}
	if err := node.Decode(&entry); err != nil {
		return err
	}
	d.Version = entry.Version
	return nil
}

// ignored decodes any YAML value and keeps nothing, so that only map keys are
// retained.
type ignored struct{}

func (ignored) UnmarshalYAML(*yaml.Node) error { return nil }

// parsePNPM returns the installed versions for the app at appRel. The app's
// importer gives its direct dependencies; any other package is taken from the
// packages and snapshots keys, at its lowest version when several are
// installed.
func parsePNPM(data []byte, appRel string) (map[string]string, error) {
	var lock pnpmLockfile
	if err := yaml.Unmarshal(data, &lock); err != nil {
		return nil, fmt.Errorf("invalid pnpm lockfile YAML: %w", err)
	}
	if lock.LockfileVersion == nil {
		return nil, errors.New("not a pnpm lockfile: the lockfileVersion field is missing")
	}

	packages := map[string]string{}
	for _, keys := range []map[string]ignored{lock.Packages, lock.Snapshots} {
		for key := range keys {
			name, version, ok := splitPNPMKey(key)
			if ok {
				keepLowest(packages, name, version)
			}
		}
	}

	importerKey := appRel
	if importerKey == "" {
		importerKey = "."
	}
	importer, ok := lock.Importers[importerKey]
	if !ok && importerKey == "." {
		importer = lock.pnpmImporter
	}

	for _, group := range []map[string]pnpmDependency{importer.OptionalDependencies, importer.DevDependencies, importer.Dependencies} {
		for name, dependency := range group {
			if version, ok := cleanPNPMVersion(dependency.Version); ok {
				packages[name] = version
			}
		}
	}
	return packages, nil
}

// splitPNPMKey splits a packages or snapshots key into name and version. The
// key forms are "/next/15.2.1_react@19.0.0" (version 5),
// "/next@15.2.1(react@19.0.0)" (version 6) and "next@15.2.1(react@19.0.0)"
// (version 9); scoped names such as "@clerk/nextjs" occur in each.
func splitPNPMKey(key string) (name, version string, ok bool) {
	key = strings.TrimPrefix(key, "/")

	scope, rest := "", key
	if strings.HasPrefix(key, "@") {
		slash := strings.IndexByte(key, '/')
		if slash < 0 {
			return "", "", false
		}
		scope, rest = key[:slash+1], key[slash+1:]
	}

	// The first '@' or '/' after the scope ends the name: '@' in version 6
	// and later keys, '/' in version 5 keys.
	cut := strings.IndexAny(rest, "@/")
	if cut <= 0 {
		return "", "", false
	}
	name, version = scope+rest[:cut], rest[cut+1:]

	version, ok = cleanPNPMVersion(version)
	return name, version, ok
}

// cleanPNPMVersion strips the peer-dependency suffix from a resolved version
// ("15.2.1(react@19.0.0)" in version 6 and later, "15.2.1_react@19.0.0" in
// version 5) and rejects links, tarballs and aliases, which are not versions.
func cleanPNPMVersion(version string) (string, bool) {
	if cut := strings.IndexAny(version, "(_"); cut >= 0 {
		version = version[:cut]
	}
	if version == "" || version[0] < '0' || version[0] > '9' {
		return "", false
	}
	return version, true
}
