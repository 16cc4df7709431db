package lockfile

import "github.com/Masterminds/semver/v3"

// keepLowest records version for name unless a lower version is already
// recorded. It decides between several installed copies of a package that the
// app does not depend on directly, where the lockfile cannot tell which copy
// the app loads; the lowest is the one most likely to carry known flaws.
// Versions that are not valid semver lose to valid ones and otherwise keep the
// first seen.
func keepLowest(packages map[string]string, name, version string) {
	current, ok := packages[name]
	if !ok {
		packages[name] = version
		return
	}

	next, err := semver.StrictNewVersion(version)
	if err != nil {
		return
	}
	kept, err := semver.StrictNewVersion(current)
	if err != nil || next.LessThan(kept) {
		packages[name] = version
	}
}
