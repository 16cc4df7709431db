package discover

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// ignoreRules are the gitignore patterns in force in one folder: those of
// .git/info/exclude and of the .gitignore files from the repository root
// down to the folder, in increasing priority. Paths given to ignores are
// split into names relative to the repository root, or to the walk root
// outside a repository, because that is how each pattern's domain is
// expressed.
type ignoreRules struct {
	patterns []gitignore.Pattern
	matcher  gitignore.Matcher
}

// with returns the rules extended by patterns of a deeper .gitignore. It
// copies the pattern list, so the rules of sibling folders stay apart.
func (r ignoreRules) with(patterns []gitignore.Pattern) ignoreRules {
	if len(patterns) == 0 {
		return r
	}
	combined := make([]gitignore.Pattern, 0, len(r.patterns)+len(patterns))
	combined = append(combined, r.patterns...)
	combined = append(combined, patterns...)
	return ignoreRules{patterns: combined, matcher: gitignore.NewMatcher(combined)}
}

func (r ignoreRules) ignores(path []string, isDir bool) bool {
	if r.matcher == nil {
		return false
	}
	return r.matcher.Match(path, isDir)
}

// repositoryRules returns the rules of .git/info/exclude in the repository
// whose work tree root is dir.
//
// NOTE: a .git file, as in linked worktrees and submodules, points to a git
// folder elsewhere, whose info/exclude is not read. Neither is the user's
// core.excludesFile, so that a scan gives the same result on every machine.
func (f *finder) repositoryRules(dir string) ignoreRules {
	gitDir := filepath.Join(dir, ".git")
	info, err := os.Lstat(gitDir)
	if err != nil || !info.IsDir() {
		return ignoreRules{}
	}
	return ignoreRules{}.with(f.patternsOf(filepath.Join(gitDir, "info", "exclude"), nil))
}

// ancestorRules returns the rules in force in root, without root's own
// .gitignore, and root's path relative to the repository root as names. It
// reads the .gitignore files of the folders from the repository root down to
// root's parent. Outside a repository it returns no rules and an empty path,
// and only .gitignore files inside root apply.
//
// Root is walked because a path argument named it, so it is scanned even if
// these rules ignore it or a folder above it. Then the rules from the
// .gitignore files above the ignored folder are dropped, because they would
// ignore everything below it.
func (f *finder) ancestorRules(root string) (ignoreRules, []string) {
	repositoryRoot := root
	for !holdsGitEntry(repositoryRoot) {
		parent := filepath.Dir(repositoryRoot)
		if parent == repositoryRoot {
			return ignoreRules{}, nil
		}
		repositoryRoot = parent
	}

	var names []string
	if root != repositoryRoot {
		relative, err := filepath.Rel(repositoryRoot, root)
		if err != nil {
			return ignoreRules{}, nil
		}
		names = strings.Split(relative, string(filepath.Separator))
	}

	rules := f.repositoryRules(repositoryRoot)
	dir := repositoryRoot
	for depth := 0; depth <= len(names); depth++ {
		if depth > 0 {
			if rules.ignores(names[:depth], true) {
				rules = ignoreRules{}
			}
			dir = filepath.Join(dir, names[depth-1])
		}
		if depth == len(names) {
			break
		}
		rules = rules.with(f.patternsOf(filepath.Join(dir, ".gitignore"), names[:depth]))
	}
	return rules, names
}

// patternsOf parses the ignore file at path, whose patterns apply below the
// folder named by domain. A missing file, or one that is not a regular file,
// has no patterns, so that a symbolic link cannot make Find read a file
// outside the scanned tree.
func (f *finder) patternsOf(path string, domain []string) []gitignore.Pattern {
	lines, ok := f.gitignores[path]
	if !ok {
		lines = f.readIgnoreFile(path)
		f.gitignores[path] = lines
	}

	patterns := make([]gitignore.Pattern, 0, len(lines))
	for _, line := range lines {
		patterns = append(patterns, gitignore.ParsePattern(line, domain))
	}
	return patterns
}

// readIgnoreFile returns the pattern lines of an ignore file: without blank
// lines and comments, and without the carriage returns of CRLF files.
func (f *finder) readIgnoreFile(path string) []string {
	if !isRegularFile(path) {
		return nil
	}
	data, err := readLimited(path)
	if err != nil {
		f.warnf("%s: %v; its rules are not applied, so files it ignores may be scanned", path, err)
		return nil
	}

	text := strings.TrimPrefix(string(data), "\ufeff")
	var lines []string
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSuffix(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		lines = append(lines, line)
	}
	return lines
}
