package advisory

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
)

// osvRecord is the subset of the OSV schema that this package reads.
type osvRecord struct {
	ID               string         `json:"id"`
	Aliases          []string       `json:"aliases"`
	Summary          string         `json:"summary"`
	Affected         []osvAffected  `json:"affected"`
	References       []osvReference `json:"references"`
	DatabaseSpecific struct {
		Source           string `json:"source"`
		ActionguardClass string `json:"actionguard_class"`
	} `json:"database_specific"`
}

type osvAffected struct {
	Package struct {
		Ecosystem string `json:"ecosystem"`
		Name      string `json:"name"`
	} `json:"package"`
	Ranges   []osvRange `json:"ranges"`
	Versions []string   `json:"versions"`
}

type osvRange struct {
	Type   string     `json:"type"`
	Events []osvEvent `json:"events"`
}

type osvEvent struct {
	Introduced   string `json:"introduced"`
	Fixed        string `json:"fixed"`
	LastAffected string `json:"last_affected"`
	Limit        string `json:"limit"`
}

type osvReference struct {
	Type string `json:"type"`
	URL  string `json:"url"`
}

// LoadOSV adds the advisories of the OSV file at path: one record, or a JSON
// array of records. Only affected entries of the npm ecosystem with SEMVER or
// ECOSYSTEM ranges are used; others are skipped. A record with the ID of one
// already loaded for the same package replaces it. On error nothing from the
// file is added, and the error names the file, the record and the field.
func (db *DB) LoadOSV(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("advisory file %s: failed to read: %w", path, err)
	}
	return db.load(path, data)
}

// load parses data (from the file named name) and adds its advisories once
// every record is valid.
func (db *DB) load(name string, data []byte) error {
	records, err := decodeRecords(data)
	if err != nil {
		return fmt.Errorf("advisory file %s: invalid OSV JSON: %w", name, err)
	}

	var entries []entry
	for i, record := range records {
		recordEntries, err := convertRecord(record)
		if err != nil {
			where := fmt.Sprintf("record %d", i)
			if record.ID != "" {
				where = fmt.Sprintf("record %q", record.ID)
			}
			return fmt.Errorf("advisory file %s: %s: %w", name, where, err)
		}
		entries = append(entries, recordEntries...)
	}

	for _, e := range entries {
		db.add(e)
	}
	return nil
}

// decodeRecords accepts one OSV object or an array of them.
func decodeRecords(data []byte) ([]osvRecord, error) {
	trimmed := bytes.TrimSpace(data)
	if bytes.HasPrefix(trimmed, []byte("[")) {
		var records []osvRecord
		if err := json.Unmarshal(trimmed, &records); err != nil {
			return nil, err
		}
		return records, nil
	}

	var record osvRecord
	if err := json.Unmarshal(trimmed, &record); err != nil {
		return nil, err
	}
	return []osvRecord{record}, nil
}

// convertRecord checks one record and turns each of its npm affected entries
// into an entry.
func convertRecord(record osvRecord) ([]entry, error) {
	if record.ID == "" {
		return nil, errors.New("field id is missing; every OSV record needs an id such as GHSA-xxxx-xxxx-xxxx")
	}
	if len(record.Affected) == 0 {
		return nil, errors.New("field affected is missing or empty; list the affected npm packages and their ranges")
	}

	class := record.DatabaseSpecific.ActionguardClass
	if class != classUnspecified && !slices.Contains(classes, class) {
		return nil, fmt.Errorf("field database_specific.actionguard_class: unknown class %q; use one of %v", class, classes)
	}

	var entries []entry
	for i, affected := range record.Affected {
		if affected.Package.Ecosystem != "npm" {
			continue
		}
		field := fmt.Sprintf("affected[%d]", i)
		if affected.Package.Name == "" {
			return nil, fmt.Errorf("field %s.package.name is missing", field)
		}

		e, err := convertAffected(affected, field)
		if err != nil {
			return nil, err
		}
		e.advisory = Advisory{
			ID:       record.ID,
			Aliases:  slices.Clone(record.Aliases),
			Summary:  record.Summary,
			Package:  affected.Package.Name,
			Severity: class,
			Fixed:    fixedVersions(e.ranges),
			Source:   sourceURL(record),
		}
		entries = append(entries, e)
	}
	return entries, nil
}

func convertAffected(affected osvAffected, field string) (entry, error) {
	var e entry

	for i, listed := range affected.Versions {
		v, err := parseVersion(listed)
		if err != nil {
			return entry{}, fmt.Errorf("field %s.versions[%d]: %w", field, i, err)
		}
		e.versions = append(e.versions, v)
	}

	for i, r := range affected.Ranges {
		if r.Type != "SEMVER" && r.Type != "ECOSYSTEM" {
			continue
		}
		events, err := convertEvents(r.Events, fmt.Sprintf("%s.ranges[%d]", field, i))
		if err != nil {
			return entry{}, err
		}
		e.ranges = append(e.ranges, events)
	}

	if len(e.versions) == 0 && len(e.ranges) == 0 {
		return entry{}, fmt.Errorf("field %s has no versions and no SEMVER or ECOSYSTEM ranges, so it can match nothing", field)
	}
	return e, nil
}

func sourceURL(record osvRecord) string {
	if record.DatabaseSpecific.Source != "" {
		return record.DatabaseSpecific.Source
	}
	for _, reference := range record.References {
		if reference.Type == "ADVISORY" {
			return reference.URL
		}
	}
	if len(record.References) > 0 {
		return record.References[0].URL
	}
	return ""
}
