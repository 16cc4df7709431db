package report

import (
	"cmp"
	"slices"
)

// Finalize puts r into the canonical form that every renderer prints, so that
// the same scan gives byte-identical output. It is idempotent, and WriteScan
// and WriteList call it before rendering.
//
// It sets SchemaVersion when it is zero. It sorts apps by Root, entries by
// File, Line, Column and ID, and findings by File, Line, Column, Rule, Entry,
// Message, Severity and Fix. It computes the Fingerprint of every finding
// that has none, from the file relative to the app's Root. It replaces nil
// slices with empty ones, so that JSON prints [] and not null. Last, it
// recomputes Summary with the keys P0 to P3 always present, and counts a
// finding whose severity is not one of those under its own key.
func Finalize(r *Report) {
	if r.SchemaVersion == 0 {
		r.SchemaVersion = SchemaVersion
	}
	if r.Apps == nil {
		r.Apps = []App{}
	}
	slices.SortStableFunc(r.Apps, func(a, b App) int {
		return cmp.Compare(a.Root, b.Root)
	})

	for i := range r.Apps {
		finalizeApp(&r.Apps[i])
	}

	r.Summary = summarize(r.Apps)
}

func finalizeApp(app *App) {
	if app.Entries == nil {
		app.Entries = []Entry{}
	}
	if app.Findings == nil {
		app.Findings = []Finding{}
	}

	for i := range app.Entries {
		if app.Entries[i].Effects == nil {
			app.Entries[i].Effects = []Effect{}
		}
	}
	for i := range app.Findings {
		finding := &app.Findings[i]
		if finding.Fingerprint == "" {
			finding.Fingerprint = Fingerprint(finding.Rule, appRelative(app.Root, finding.File), entryName(finding.Entry))
		}
	}

	slices.SortStableFunc(app.Entries, compareEntries)
	slices.SortStableFunc(app.Findings, compareFindings)
}

func compareEntries(a, b Entry) int {
	return cmp.Or(
		cmp.Compare(a.File, b.File),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Column, b.Column),
		cmp.Compare(a.ID, b.ID),
	)
}

func compareFindings(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(a.File, b.File),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Column, b.Column),
		cmp.Compare(a.Rule, b.Rule),
		cmp.Compare(a.Entry, b.Entry),
		cmp.Compare(a.Message, b.Message),
		cmp.Compare(a.Severity, b.Severity),
		cmp.Compare(a.Fix, b.Fix),
	)
}

func summarize(apps []App) Summary {
	summary := Summary{
		Apps:     len(apps),
		Findings: map[string]int{},
	}
	for _, sev := range severityOrder {
		summary.Findings[sev] = 0
	}

	for _, app := range apps {
		summary.Entries += len(app.Entries)
		for _, finding := range app.Findings {
			summary.Findings[finding.Severity]++
		}
	}
	return summary
}
