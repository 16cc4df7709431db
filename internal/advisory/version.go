package advisory

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/Masterminds/semver/v3"
)

// eventKind is the kind of an OSV range event.
type eventKind int

const (
	introduced eventKind = iota
	fixed
	lastAffected
)

// event is one parsed OSV range event. version is nil for introduced "0",
// which means every earlier version.
type event struct {
	kind    eventKind
	version *semver.Version
	text    string
}

// parseVersion parses an exact npm version. npm accepts a leading "v" or "="
// on exact versions, so they are dropped; anything else must be strict semver.
func parseVersion(text string) (*semver.Version, error) {
	trimmed := strings.TrimLeft(strings.TrimSpace(text), "v=")
	v, err := semver.StrictNewVersion(trimmed)
	if err != nil {
		return nil, fmt.Errorf("invalid semver version %q; use a full version such as 15.2.3 or 15.0.0-canary.1", text)
	}
	return v, nil
}

// convertEvents parses and sorts the events of one range. field names the
// range for error messages.
func convertEvents(raw []osvEvent, field string) ([]event, error) {
	var events []event
	for i, e := range raw {
		name, kind, text, err := eventField(e)
		if err != nil {
			return nil, fmt.Errorf("field %s.events[%d]: %w", field, i, err)
		}
		if kind < 0 {
			continue
		}

		parsed := event{kind: kind, text: text}
		if !(kind == introduced && text == "0") {
			v, err := parseVersion(text)
			if err != nil {
				return nil, fmt.Errorf("field %s.events[%d].%s: %w", field, i, name, err)
			}
			parsed.version = v
		}
		events = append(events, parsed)
	}

	if !slices.ContainsFunc(events, func(e event) bool { return e.kind == introduced }) {
		return nil, fmt.Errorf("field %s.events has no introduced event; add {\"introduced\": \"0\"} for a range open at the bottom", field)
	}

	slices.SortStableFunc(events, func(a, b event) int { return compareEventVersions(a.version, b.version) })
	return events, nil
}

// eventField returns which field of an OSV event is set. A limit event, which
// only matters for git ranges, gives kind -1 so that it is skipped.
func eventField(e osvEvent) (name string, kind eventKind, text string, err error) {
	set := 0
	for _, candidate := range []struct {
		name string
		kind eventKind
		text string
	}{
		{"introduced", introduced, e.Introduced},
		{"fixed", fixed, e.Fixed},
		{"last_affected", lastAffected, e.LastAffected},
		{"limit", -1, e.Limit},
	} {
		if candidate.text != "" {
			set++
			name, kind, text = candidate.name, candidate.kind, candidate.text
		}
	}
	if set != 1 {
		return "", 0, "", errors.New("exactly one of introduced, fixed, last_affected or limit must be set")
	}
	return name, kind, text, nil
}

// compareEventVersions orders event versions, with nil (introduced "0") first.
func compareEventVersions(a, b *semver.Version) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return -1
	case b == nil:
		return 1
	}
	return a.Compare(b)
}

// rangeContains applies the OSV evaluation to sorted events: walking up to v,
// an introduced event turns the range on, a fixed event at or below v turns it
// off, and a last_affected event below v turns it off. Prerelease versions
// such as 15.0.0-canary.1 order as semver says, before 15.0.0.
func rangeContains(events []event, v *semver.Version) bool {
	affected := false
	for _, e := range events {
		if e.version != nil && e.version.GreaterThan(v) {
			break
		}

		switch e.kind {
		case introduced:
			affected = true
		case fixed:
			affected = false
		case lastAffected:
			if e.version.LessThan(v) {
				affected = false
			}
		}
	}
	return affected
}

// fixedVersions returns the distinct fixed event versions of ranges in
// ascending order.
func fixedVersions(ranges [][]event) []string {
	var versions []*semver.Version
	for _, events := range ranges {
		for _, e := range events {
			if e.kind != fixed {
				continue
			}
			if !slices.ContainsFunc(versions, func(v *semver.Version) bool { return v.Equal(e.version) }) {
				versions = append(versions, e.version)
			}
		}
	}
	slices.SortFunc(versions, func(a, b *semver.Version) int { return a.Compare(b) })

	texts := make([]string, len(versions))
	for i, v := range versions {
		texts[i] = v.Original()
	}
	return texts
}

// FixedVersionFor returns the patched release to move to from version: the
// lowest of a.Fixed above version in the same major.minor line, else in the
// same major line, else the lowest above it at all. A stable version is only
// sent to stable releases; a prerelease (a canary) may be sent to a canary
// fix. It returns "" when version is not valid semver or nothing in a.Fixed
// is above it.
func FixedVersionFor(a Advisory, version string) string {
	v, err := parseVersion(version)
	if err != nil {
		return ""
	}

	var above []*semver.Version
	for _, text := range a.Fixed {
		candidate, err := parseVersion(text)
		if err != nil || !candidate.GreaterThan(v) {
			continue
		}
		if v.Prerelease() == "" && candidate.Prerelease() != "" {
			continue
		}
		above = append(above, candidate)
	}
	slices.SortFunc(above, func(x, y *semver.Version) int { return x.Compare(y) })

	sameMinor := func(c *semver.Version) bool { return c.Major() == v.Major() && c.Minor() == v.Minor() }
	sameMajor := func(c *semver.Version) bool { return c.Major() == v.Major() }
	for _, inLine := range []func(*semver.Version) bool{sameMinor, sameMajor} {
		if i := slices.IndexFunc(above, inLine); i >= 0 {
			return above[i].Original()
		}
	}
	if len(above) > 0 {
		return above[0].Original()
	}
	return ""
}

// versionLiteral matches the version numbers written in an npm range, with x
// or * wildcards and an optional prerelease, such as 15, 15.2.x or
// 15.0.0-canary.1.
var versionLiteral = regexp.MustCompile(`\d+(?:\.(?:\d+|[xX*]))?(?:\.(?:\d+|[xX*]))?(?:-[0-9A-Za-z.-]+)?`)

// MinVersion returns the lowest version that the npm range rangeSpec admits,
// such as "15.0.0" for "^15.0.0" or "15.0.1" for ">15.0.0", so that a caller
// without a lockfile can report that an app may be affected. An alias
// ("npm:next@^15") or workspace range ("workspace:^15.0.0") is read by its
// range part. It returns false for specs that name no version range:
// dist-tags such as "latest", URLs, git and file specs, "workspace:*" and "".
// A range open at the bottom ("*", "<16") gives "0.0.0".
func MinVersion(rangeSpec string) (string, bool) {
	spec := strings.TrimSpace(rangeSpec)
	if workspaceRange, ok := strings.CutPrefix(spec, "workspace:"); ok {
		// "workspace:*", "workspace:^" and "workspace:~" stand for the
		// workspace package's own version, which the spec does not give.
		if workspaceRange == "*" || workspaceRange == "^" || workspaceRange == "~" {
			return "", false
		}
		spec = workspaceRange
	}
	if strings.HasPrefix(spec, "npm:") {
		at := strings.LastIndexByte(spec, '@')
		if at < len("npm:") {
			return "", false
		}
		spec = spec[at+1:]
	}
	if spec == "" || strings.ContainsAny(spec, ":/") {
		return "", false
	}

	constraint, err := semver.NewConstraint(spec)
	if err != nil {
		return "", false
	}

	candidates := []*semver.Version{semver.New(0, 0, 0, "", "")}
	for _, literal := range versionLiteral.FindAllString(spec, -1) {
		base, err := semver.NewVersion(strings.NewReplacer("x", "0", "X", "0", "*", "0").Replace(literal))
		if err != nil {
			continue
		}
		// A lower bound that excludes its own version (">15.0.0", ">15")
		// admits the next patch, minor or major first.
		patch, minor, major := base.IncPatch(), base.IncMinor(), base.IncMajor()
		candidates = append(candidates, base, &patch, &minor, &major)
	}
	slices.SortFunc(candidates, func(a, b *semver.Version) int { return a.Compare(b) })

	for _, candidate := range candidates {
		if constraint.Check(candidate) {
			return candidate.String(), true
		}
	}
	return "", false
}
