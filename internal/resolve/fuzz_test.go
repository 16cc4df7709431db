package resolve

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSplitPackageSpecifier checks that a valid split always puts the
// specifier back together and names a package that splits to itself.
func FuzzSplitPackageSpecifier(f *testing.F) {
	for _, seed := range []string{"react", "@scope/name/sub", "@scope", "next/navigation", "@/x", "a//b", "@a//b"} {
		f.Add(seed)
	}

	f.Fuzz(func(t *testing.T, specifier string) {
		name, subpath, valid := splitPackageSpecifier(specifier)
		if !valid {
			return
		}

		if name+subpath != specifier {
			t.Errorf("name %q + subpath %q != specifier %q", name, subpath, specifier)
		}
		if subpath != "" && !strings.HasPrefix(subpath, "/") {
			t.Errorf("subpath %q of %q does not start with a slash", subpath, specifier)
		}
		if again, rest, _ := splitPackageSpecifier(name); again != name || rest != "" {
			t.Errorf("package name %q splits into %q and %q", name, again, rest)
		}
	})
}

// FuzzPackageExports reads untrusted package.json text and checks that the
// exports and imports matching is deterministic, although it walks Go maps,
// and that an undefined subpath yields no targets.
func FuzzPackageExports(f *testing.F) {
	f.Add([]byte(`{"exports": {".": {"types": "./dist/index.d.ts", "import": "./dist/index.mjs"}, "./*": "./dist/*.js", "./x/*": null}}`), "./a/b")
	f.Add([]byte(`{"exports": {"./*/a": "./1/*.js", "./b/*": "./2/*.js", "./*": "./3/*.js"}}`), "./b/a")
	f.Add([]byte(`{"exports": "./index.js"}`), ".")
	f.Add([]byte(`{"exports": [{"import": "./a.mjs"}, "./a.js"], /* comment */ }`), ".")
	f.Add([]byte(`{"imports": {"#env": {"node": "./env.ts"}}}`), "#env")

	f.Fuzz(func(t *testing.T, data []byte, subpath string) {
		pkg, err := parseManifest(data)
		if err != nil {
			return
		}

		for _, value := range []any{pkg.Exports, pkg.Imports} {
			targets, defined := exportTargets(value, subpath)
			if !defined && len(targets) > 0 {
				t.Errorf("exportTargets(%q) returned targets %q for an undefined subpath", subpath, targets)
			}

			for range 3 {
				again, _ := exportTargets(value, subpath)
				if strings.Join(again, "\x00") != strings.Join(targets, "\x00") {
					t.Fatalf("exportTargets(%q) returned %q, then %q", subpath, targets, again)
				}
			}
		}
	})
}

// FuzzParseConfig reads untrusted tsconfig text and checks that each
// extends entry comes from the file and that paths are ordered the same way
// every time.
func FuzzParseConfig(f *testing.F) {
	f.Add([]byte(`{"extends": "./base", "compilerOptions": {"baseUrl": ".", "paths": {"@/*": ["./src/*"]}}}`))
	f.Add([]byte(`{"extends": ["a", "b",], // comment
	}`))
	f.Add([]byte(`{"compilerOptions": {"paths": {"x": "y"}}}`))

	f.Fuzz(func(t *testing.T, data []byte) {
		raw, err := parseConfig(data)
		if err != nil {
			return
		}

		extends, err := raw.extendsList()
		if err != nil {
			return
		}
		// JSON escapes and invalid UTF-8, which decoding replaces, change
		// the text of an entry.
		verbatim := utf8.Valid(data) && !strings.Contains(string(data), `\`)
		for _, entry := range extends {
			if verbatim && !strings.Contains(string(data), entry) {
				t.Errorf("extends entry %q does not appear in the config", entry)
			}
		}

		first := sortAliases(raw.CompilerOptions.Paths)
		second := sortAliases(raw.CompilerOptions.Paths)
		if len(first) != len(raw.CompilerOptions.Paths) {
			t.Errorf("sortAliases kept %d of %d patterns", len(first), len(raw.CompilerOptions.Paths))
		}
		for i := range first {
			if first[i].pattern != second[i].pattern {
				t.Fatalf("sortAliases put %q, then %q at position %d", first[i].pattern, second[i].pattern, i)
			}
		}
	})
}
