package scan

import (
	"github.com/actionguard/actionguard/internal/analysis"
)

// AppGuards maps an app's report root (report.App.Root) to the project
// functions the analysis proved to be fail-closed authentication guards in
// that app, sorted by file and line. Guard.File is an absolute path.
type AppGuards map[string][]analysis.Guard
