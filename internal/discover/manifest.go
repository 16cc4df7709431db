package discover

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// maxManifestSize is the largest package.json or .gitignore file that Find
// reads. Real ones are a few kilobytes, and the limit keeps a hostile
// checkout from exhausting memory.
const maxManifestSize = 4 << 20

// packageInfo is the part of a package.json that discovery uses.
type packageInfo struct {
	name          string // "" when absent or not a string
	dependsOnNext bool
	nextRange     string
}

// dependencyFields are the package.json fields that can declare next, in the
// order NextRange is taken from.
var dependencyFields = []string{"dependencies", "devDependencies", "peerDependencies"}

// readPackage reads dir/package.json once per Find call. A file that cannot
// be read or parsed gives a warning and a zero packageInfo, so the folder is
// an app only if it contains a next.config file.
func (f *finder) readPackage(dir string) packageInfo {
	if info, ok := f.packages[dir]; ok {
		return info
	}

	path := filepath.Join(dir, "package.json")
	info, err := parsePackage(path)
	if err != nil {
		f.warnf("%s: %v; the folder counts as a Next.js app only if it contains a next.config file", path, err)
	}
	f.packages[dir] = info
	return info
}

// parsePackage reads the name and the next dependency from a package.json.
// Field names match exactly, as they do for the JavaScript tools that read
// package.json. A field of an unexpected type is an error, but the fields
// read before it are kept.
func parsePackage(path string) (packageInfo, error) {
	data, err := readLimited(path)
	if err != nil {
		return packageInfo{}, err
	}
	// Some editors write a UTF-8 byte order mark, which is not part of the
	// JSON text.
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))

	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		return packageInfo{}, fmt.Errorf("invalid package.json: %v", err)
	}

	var info packageInfo
	if raw, ok := fields["name"]; ok {
		if err := json.Unmarshal(raw, &info.name); err != nil {
			return info, fmt.Errorf(`invalid "name" in package.json: expected a string`)
		}
	}

	for _, field := range dependencyFields {
		raw, ok := fields[field]
		if !ok {
			continue
		}
		var dependencies map[string]json.RawMessage
		if err := json.Unmarshal(raw, &dependencies); err != nil {
			return info, fmt.Errorf("invalid %q in package.json: expected an object of package names to version ranges", field)
		}
		version, ok := dependencies["next"]
		if !ok || info.dependsOnNext {
			continue
		}
		info.dependsOnNext = true
		if err := json.Unmarshal(version, &info.nextRange); err != nil {
			return info, fmt.Errorf(`invalid version range of next in %q in package.json: want a string`, field)
		}
	}
	return info, nil
}

// readLimited reads a whole file of at most maxManifestSize bytes.
func readLimited(path string) ([]byte, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read the file: %w", unwrapPath(err))
	}
	defer file.Close()

	data, err := io.ReadAll(io.LimitReader(file, maxManifestSize+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read the file: %w", unwrapPath(err))
	}
	if len(data) > maxManifestSize {
		return nil, fmt.Errorf("file larger than %d bytes, not read", maxManifestSize)
	}
	return data, nil
}

// unwrapPath drops the operation and path that an *fs.PathError repeats,
// because every warning already starts with the path.
func unwrapPath(err error) error {
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		return pathErr.Err
	}
	return err
}
