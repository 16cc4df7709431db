package report

// FailOnNone is the --fail-on value under which no finding fails a scan.
const FailOnNone = "none"

// severityOrder lists the severities highest first; a severity's index is its
// rank.
var severityOrder = []string{P0, P1, P2, P3}

// SeverityRank returns 0 for P0 through 3 for P3, and 4 for any other value,
// so that sorting by rank puts the highest severity first and unknown values
// last.
func SeverityRank(sev string) int {
	for rank, known := range severityOrder {
		if sev == known {
			return rank
		}
	}
	return len(severityOrder)
}

// AtOrAbove reports whether sev is as severe as threshold or more severe.
// A threshold that is not one of P0 to P3, FailOnNone included, matches no
// severity, and an unknown sev is below every threshold. Callers that take the
// threshold from a user must reject unknown values before calling, because
// here a mistyped threshold would silently pass every finding.
func AtOrAbove(sev, threshold string) bool {
	thresholdRank := SeverityRank(threshold)
	if thresholdRank == len(severityOrder) {
		return false
	}
	return SeverityRank(sev) <= thresholdRank
}
