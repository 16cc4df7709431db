package report

import (
	"encoding/json"
	"fmt"
	"io"
)

// writeJSON writes r as the documented JSON report: two-space indent, a
// trailing newline, and '<', '>' and '&' as themselves, because the output is
// read by people and scripts, never embedded in HTML.
func writeJSON(w io.Writer, r *Report, _ Options) error {
	return encodeJSON(w, r)
}

func encodeJSON(w io.Writer, v any) error {
	encoder := json.NewEncoder(w)
	encoder.SetEscapeHTML(false)
	encoder.SetIndent("", "  ")
	if err := encoder.Encode(v); err != nil {
		return fmt.Errorf("write JSON report: %w", err)
	}
	return nil
}
