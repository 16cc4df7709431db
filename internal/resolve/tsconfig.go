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

// configNames are the project files searched in each folder, in order:
// Next.js reads jsconfig.json only when there is no tsconfig.json.
var configNames = []string{"tsconfig.json", "jsconfig.json"}

// rawConfig is one tsconfig.json or jsconfig.json file as written, before
// its extends chain is applied.
type rawConfig struct {
	Extends         json.RawMessage `json:"extends"`
	CompilerOptions struct {
		BaseURL *string             `json:"baseUrl"`
		Paths   map[string][]string `json:"paths"`
	} `json:"compilerOptions"`
}

// extendsList returns the extends field as a list: TypeScript 5 accepts a
// single string or an array, applied in order.
func (c *rawConfig) extendsList() ([]string, error) {
	if len(c.Extends) == 0 || string(c.Extends) == "null" {
		return nil, nil
	}

	var single string
	if err := json.Unmarshal(c.Extends, &single); err == nil {
		return []string{single}, nil
	}

	var list []string
	if err := json.Unmarshal(c.Extends, &list); err != nil {
		return nil, fmt.Errorf("extends must be a string or an array of strings")
	}
	return list, nil
}

// tsconfig is the effective module resolution configuration of one config
// file, with its extends chain applied.
type tsconfig struct {
	path string

	// baseURL is the absolute baseUrl, resolved relative to the file in the
	// chain that sets it, or "" when none does.
	baseURL string

	// aliases are the paths patterns, from the nearest file in the chain
	// that sets paths (TypeScript replaces paths whole, never merges them).
	aliases []pathAlias

	// aliasesBase is the folder that alias targets are relative to: baseURL
	// when set, else the folder of the file that sets paths, as TypeScript
	// 4.1 and later resolve paths without baseUrl.
	aliasesBase string

	// aliasesFile is the file that sets paths, named in reasons.
	aliasesFile string
}

// pathAlias is one entry of compilerOptions.paths.
type pathAlias struct {
	pattern string
	targets []string
}

// configFor returns the effective configuration of the nearest tsconfig.json
// or jsconfig.json at or above dir, not above the root, or nil when there
// is none.
func (r *Resolver) configFor(dir string) *tsconfig {
	if !isWithin(r.root, dir) {
		return nil
	}

	return r.nearest.get(dir, func() *tsconfig {
		for _, name := range configNames {
			if path := filepath.Join(dir, name); r.isFile(path) {
				return r.effectiveConfig(path)
			}
		}

		if dir == r.root {
			return nil
		}
		return r.configFor(filepath.Dir(dir))
	})
}

// effectiveConfig reads the config file at path and applies its extends
// chain. A file that cannot be read or parsed counts as empty, with a
// warning, so that relative imports and workspace packages still resolve.
func (r *Resolver) effectiveConfig(path string) *tsconfig {
	return r.configs.get(path, func() *tsconfig {
		config := &tsconfig{path: path}
		aliasesDir := ""
		r.applyConfig(config, &aliasesDir, path, nil)

		config.aliasesBase = config.baseURL
		if config.aliasesBase == "" {
			config.aliasesBase = aliasesDir
		}
		return config
	})
}

// applyConfig applies the file at path onto config: first each file it
// extends, in order, then its own options, which override inherited ones.
// chain holds the files being applied, to detect an extends cycle.
func (r *Resolver) applyConfig(config *tsconfig, aliasesDir *string, path string, chain []string) {
	if slices.Contains(chain, path) {
		r.warn("%s: extends cycle through %s; the repeated extends is ignored, so remove one link of the cycle.", r.display(chain[len(chain)-1]), r.display(path))
		return
	}
	chain = append(chain, path)

	raw := r.rawConfig(path)
	if raw == nil {
		return
	}

	extends, err := raw.extendsList()
	if err != nil {
		r.warn("%s: invalid extends: %v; no base config is applied.", r.display(path), err)
	}
	for _, specifier := range extends {
		base, ok := r.resolveExtends(path, specifier)
		if !ok {
			r.warn("%s: extends %q names no config file within the workspace; its paths and baseUrl are not applied.", r.display(path), specifier)
			continue
		}
		r.applyConfig(config, aliasesDir, base, chain)
	}

	dir := filepath.Dir(path)
	options := raw.CompilerOptions
	if options.BaseURL != nil {
		config.baseURL = configLocation(dir, filepath.Dir(config.path), *options.BaseURL)
	}
	if options.Paths != nil {
		config.aliases = sortAliases(options.Paths)
		config.aliasesFile = path
		*aliasesDir = dir
	}
}

// rawConfig reads and parses one config file as JSON with comments and
// trailing commas, or returns nil with a warning.
func (r *Resolver) rawConfig(path string) *rawConfig {
	return r.rawConfigs.get(path, func() *rawConfig {
		data, err := os.ReadFile(path)
		if err != nil {
			r.warn("%s: cannot read: %v; its paths and baseUrl are not applied.", r.display(path), err)
			return nil
		}

		raw, err := parseConfig(data)
		if err != nil {
			r.warn("%s: invalid config: %v; its paths and baseUrl are not applied until it is fixed.", r.display(path), err)
			return nil
		}
		return raw
	})
}

func parseConfig(data []byte) (*rawConfig, error) {
	standard, err := hujson.Standardize(data)
	if err != nil {
		return nil, err
	}

	var raw rawConfig
	if err := json.Unmarshal(standard, &raw); err != nil {
		return nil, err
	}
	return &raw, nil
}

// configDirVariable is the template that TypeScript 5.5 and later replace,
// in baseUrl and paths, with the folder of the config file being compiled
// rather than the one that sets the option.
const configDirVariable = "${configDir}"

// configLocation returns the absolute location that a baseUrl or paths
// value names: relative to base, or below configDir when the value starts
// with the ${configDir} template.
func configLocation(base, configDir, value string) string {
	if rest, ok := strings.CutPrefix(value, configDirVariable); ok {
		return filepath.Join(configDir, filepath.FromSlash(rest))
	}
	if filepath.IsAbs(value) {
		return filepath.Clean(value)
	}
	return filepath.Join(base, filepath.FromSlash(value))
}

// resolveExtends finds the config file named by an extends specifier of the
// config at path. The specifier is a relative or absolute file, with ".json"
// added when missing, or a file in a package. The package is a workspace
// package or one installed in a node_modules folder at or above the config.
func (r *Resolver) resolveExtends(path, specifier string) (string, bool) {
	dir := filepath.Dir(path)

	if isRelative(specifier) || filepath.IsAbs(specifier) {
		return r.configFile(filepath.Join(dir, filepath.FromSlash(specifier)))
	}

	name, subpath, valid := splitPackageSpecifier(specifier)
	if !valid {
		return "", false
	}

	packageDir, ok := r.packages[name]
	if !ok {
		packageDir, ok = r.installedPackage(dir, name)
	}
	if !ok {
		return "", false
	}

	if subpath == "" {
		file := "tsconfig.json"
		if pkg := r.manifest(packageDir); pkg != nil && pkg.TSConfig != "" {
			file = pkg.TSConfig
		}
		return r.configFile(filepath.Join(packageDir, filepath.FromSlash(file)))
	}

	if pkg := r.manifest(packageDir); pkg != nil && pkg.Exports != nil {
		targets, _ := exportTargets(pkg.Exports, "."+subpath)
		for _, target := range targets {
			if configPath, ok := r.configFile(filepath.Join(packageDir, filepath.FromSlash(target))); ok {
				return configPath, true
			}
		}
	}
	return r.configFile(filepath.Join(packageDir, filepath.FromSlash(subpath)))
}

// configFile returns location, or location with ".json" added, when it is
// a file within the root.
func (r *Resolver) configFile(location string) (string, bool) {
	candidates := []string{location}
	if !strings.HasSuffix(location, ".json") {
		candidates = append(candidates, location+".json")
	}

	for _, candidate := range candidates {
		if isWithin(r.root, candidate) && r.isFile(candidate) {
			return candidate, true
		}
	}
	return "", false
}

// installedPackage finds name in the node_modules folders at or above dir,
// up to the root.
func (r *Resolver) installedPackage(dir, name string) (string, bool) {
	for isWithin(r.root, dir) {
		if candidate := filepath.Join(dir, "node_modules", filepath.FromSlash(name)); r.isDir(candidate) {
			return candidate, true
		}
		if dir == r.root {
			break
		}
		dir = filepath.Dir(dir)
	}
	return "", false
}

// sortAliases orders paths patterns the way TypeScript picks among them:
// exact patterns first, then wildcard patterns by longest prefix before
// the "*". Patterns of equal rank keep a stable order by text.
func sortAliases(paths map[string][]string) []pathAlias {
	aliases := make([]pathAlias, 0, len(paths))
	for pattern, targets := range paths {
		aliases = append(aliases, pathAlias{pattern: pattern, targets: targets})
	}

	slices.SortFunc(aliases, func(a, b pathAlias) int {
		rankA, rankB := aliasRank(a.pattern), aliasRank(b.pattern)
		if rankA != rankB {
			return rankB - rankA
		}
		return strings.Compare(a.pattern, b.pattern)
	})
	return aliases
}

// aliasRank ranks an exact pattern above every wildcard pattern, and a
// wildcard pattern by the length of its prefix.
func aliasRank(pattern string) int {
	prefix, _, wildcard := strings.Cut(pattern, "*")
	if !wildcard {
		return 1 << 30
	}
	return len(prefix)
}

// matchAlias returns the text that the pattern's "*" matches in specifier
// (or "" for an exact pattern), and whether it matches.
func matchAlias(pattern, specifier string) (string, bool) {
	prefix, suffix, wildcard := strings.Cut(pattern, "*")
	if !wildcard {
		return "", pattern == specifier
	}

	if len(specifier) < len(prefix)+len(suffix) {
		return "", false
	}
	if !strings.HasPrefix(specifier, prefix) || !strings.HasSuffix(specifier, suffix) {
		return "", false
	}
	return specifier[len(prefix) : len(specifier)-len(suffix)], true
}

// resolveWithPaths tries the paths alias that matches specifier. It returns
// the file found, or else a reason naming the locations tried; and the
// pattern that matched, "" when none did. As in TypeScript, only the best
// matching pattern is tried, its targets in order.
func (r *Resolver) resolveWithPaths(config *tsconfig, specifier string) (found, string, string) {
	for _, alias := range config.aliases {
		wildcard, ok := matchAlias(alias.pattern, specifier)
		if !ok {
			continue
		}

		var tried []string
		for _, target := range alias.targets {
			target = strings.Replace(target, "*", wildcard, 1)
			location := configLocation(config.aliasesBase, filepath.Dir(config.path), target)

			hit, failure := r.resolveLocation(location)
			if failure == "" {
				return hit, "", alias.pattern
			}
			tried = append(tried, r.display(location))
		}

		reason := fmt.Sprintf("%q matches the paths alias %q of %s, but none of its targets names a source file (tried %s).",
			specifier, alias.pattern, r.display(config.aliasesFile), strings.Join(tried, ", "))
		return found{}, reason, alias.pattern
	}

	return found{}, "", ""
}
