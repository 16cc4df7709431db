package report

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
)

// Fingerprint returns a stable identity for a finding: the first 16 bytes of
// the SHA-256 of the rule, the file relative to its app root and the entry
// name, as 32 lowercase hex digits. Lines are left out on purpose, so that a
// baseline still matches after code above the entry moves. Each part is
// prefixed with its length, so that no two different triples hash the same
// input even when a part contains the separator.
func Fingerprint(rule, appRelFile, entryName string) string {
	var input strings.Builder
	for _, part := range []string{rule, appRelFile, entryName} {
		input.WriteString(strconv.Itoa(len(part)))
		input.WriteByte(':')
		input.WriteString(part)
	}

	sum := sha256.Sum256([]byte(input.String()))
	return hex.EncodeToString(sum[:16])
}

// entryName returns the name part of an entry ID ("app/a.ts#save" gives
// "save"), or the whole ID when it has no '#'. It splits at the last '#'
// because a file name may contain one and an entry name may not.
func entryName(id string) string {
	hash := strings.LastIndexByte(id, '#')
	return id[hash+1:]
}

// appRelative returns file relative to the app root, both relative to the
// working directory with forward slashes. A file outside root is returned
// unchanged.
func appRelative(root, file string) string {
	if root == "" || root == "." {
		return file
	}
	rest, found := strings.CutPrefix(file, root+"/")
	if !found {
		return file
	}
	return rest
}
