package lockfile

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// yarnEntry is one resolved package of a yarn.lock, under every descriptor
// ("next@^15.0.0" in Yarn classic, "next@npm:^15.0.0" in Yarn Berry) that
// resolved to it.
type yarnEntry struct {
	descriptors []string
	version     string
	// Berry only: the resolution ("web@workspace:apps/web") and the
	// dependency ranges of the entry.
	resolution   string
	dependencies map[string]string
}

// parseYarn returns the installed versions for the app at appRel. yarn.lock
// does not record which workspace uses which entry in the classic format, so
// the ranges that the app's package.json declares (declared) pick the entry;
// Berry lockfiles record the workspace's own ranges, which are used first.
// Packages the app does not declare get their lowest locked version.
func parseYarn(data []byte, appRel string, declared map[string]string) (map[string]string, error) {
	var entries []yarnEntry
	var err error
	if isYarnBerry(data) {
		entries, err = parseYarnBerry(data)
	} else {
		entries, err = parseYarnClassic(data)
	}
	if err != nil {
		return nil, err
	}

	byDescriptor := map[string]string{}
	packages := map[string]string{}
	for _, entry := range entries {
		for _, descriptor := range entry.descriptors {
			byDescriptor[descriptor] = entry.version
			if strings.Contains(descriptor, "@workspace:") {
				continue
			}
			if name, _, ok := splitDescriptor(descriptor); ok {
				keepLowest(packages, name, entry.version)
			}
		}
	}

	ranges := declared
	if workspace, ok := findYarnWorkspace(entries, appRel); ok && workspace.dependencies != nil {
		ranges = workspace.dependencies
	}
	for name, spec := range ranges {
		for _, descriptor := range []string{name + "@" + spec, name + "@npm:" + spec} {
			if version, ok := byDescriptor[descriptor]; ok {
				packages[name] = version
				break
			}
		}
	}
	return packages, nil
}

// isYarnBerry reports whether data is a Yarn 2+ lockfile, which is YAML and
// starts with a __metadata entry.
func isYarnBerry(data []byte) bool {
	return bytes.HasPrefix(data, []byte("__metadata:")) || bytes.Contains(data, []byte("\n__metadata:"))
}

// findYarnWorkspace returns the Berry entry of the workspace at appRel.
func findYarnWorkspace(entries []yarnEntry, appRel string) (yarnEntry, bool) {
	path := appRel
	if path == "" {
		path = "."
	}
	for _, entry := range entries {
		if strings.HasSuffix(entry.resolution, "@workspace:"+path) {
			return entry, true
		}
	}
	return yarnEntry{}, false
}

// splitDescriptor splits "next@^15.0.0" or "@clerk/nextjs@npm:^6.0.0" into
// name and range. The name ends at the first '@' that does not start it.
func splitDescriptor(descriptor string) (name, spec string, ok bool) {
	if len(descriptor) < 2 {
		return "", "", false
	}
	at := strings.IndexByte(descriptor[1:], '@')
	if at < 0 {
		return "", "", false
	}
	at++
	return descriptor[:at], descriptor[at+1:], true
}

type yarnBerryEntry struct {
	Version      string            `yaml:"version"`
	Resolution   string            `yaml:"resolution"`
	Dependencies map[string]string `yaml:"dependencies"`
}

func parseYarnBerry(data []byte) ([]yarnEntry, error) {
	var document map[string]yaml.Node
	if err := yaml.Unmarshal(data, &document); err != nil {
		return nil, fmt.Errorf("invalid Yarn Berry lockfile YAML: %w", err)
	}

	var entries []yarnEntry
	for key, node := range document {
		if key == "__metadata" {
			continue
		}
		var raw yarnBerryEntry
		if err := node.Decode(&raw); err != nil {
			return nil, fmt.Errorf("invalid Yarn Berry entry %q: %w", key, err)
		}
		entries = append(entries, yarnEntry{
			descriptors:  splitDescriptorList(key),
			version:      raw.Version,
			resolution:   raw.Resolution,
			dependencies: raw.Dependencies,
		})
	}
	return entries, nil
}

// splitDescriptorList splits an entry key such as
// `next@^15.0.0, "next@^15.1.0"` into its descriptors.
func splitDescriptorList(key string) []string {
	var descriptors []string
	for _, part := range strings.Split(key, ",") {
		part = strings.Trim(strings.TrimSpace(part), `"`)
		if part != "" {
			descriptors = append(descriptors, part)
		}
	}
	return descriptors
}

// parseYarnClassic reads the Yarn 1 format: unindented entry headers that end
// with ':' and list descriptors, each followed by two-space indented fields
// such as `version "15.2.1"`. Deeper indented lines (dependency lists) are
// skipped.
func parseYarnClassic(data []byte) ([]yarnEntry, error) {
	var entries []yarnEntry
	current := -1

	scanner := bufio.NewScanner(bytes.NewReader(data))
	scanner.Buffer(make([]byte, 0, 64*1024), len(data)+1)
	lineNumber := 0
	for scanner.Scan() {
		lineNumber++
		line := strings.TrimRight(scanner.Text(), " \t\r")
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}

		if !strings.HasPrefix(line, " ") {
			if !strings.HasSuffix(line, ":") {
				return nil, fmt.Errorf("line %d: expected an entry header ending with ':', found %q", lineNumber, line)
			}
			entries = append(entries, yarnEntry{descriptors: splitDescriptorList(strings.TrimSuffix(line, ":"))})
			current = len(entries) - 1
			continue
		}

		if current < 0 {
			return nil, fmt.Errorf("line %d: indented field before the first entry header", lineNumber)
		}
		if strings.HasPrefix(line, "    ") {
			continue
		}

		field, value, found := strings.Cut(trimmed, " ")
		if !found || field != "version" {
			continue
		}
		version, err := unquoteYarnValue(value)
		if err != nil {
			return nil, fmt.Errorf("line %d: invalid version %s: %w", lineNumber, value, err)
		}
		entries[current].version = version
	}
	if err := scanner.Err(); err != nil {
		return nil, fmt.Errorf("cannot scan the Yarn lockfile: %w", err)
	}

	for _, entry := range entries {
		if entry.version == "" {
			return nil, fmt.Errorf("entry %q has no version field", strings.Join(entry.descriptors, ", "))
		}
	}
	return entries, nil
}

func unquoteYarnValue(value string) (string, error) {
	if !strings.HasPrefix(value, `"`) {
		return value, nil
	}
	unquoted, err := strconv.Unquote(value)
	if err != nil {
		return "", err
	}
	if unquoted == "" {
		return "", errors.New("empty string")
	}
	return unquoted, nil
}
