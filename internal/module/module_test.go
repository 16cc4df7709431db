package module

import (
	"reflect"
	"testing"

	"github.com/actionguard/actionguard/internal/parse"
)

func extract(t *testing.T, path, src string) *Module {
	t.Helper()
	f, err := parse.Parse(path, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if !f.SyntaxError.IsZero() {
		t.Fatalf("%s: syntax error at %+v", path, f.SyntaxError)
	}
	return Extract(f)
}

func TestExtractImports(t *testing.T) {
	src := `import React from "react";
import { a, b as c } from "./lib";
import * as db from "@/db";
import type { User } from "./types";
import { type Session, auth } from "next-auth";
import def, { named } from "mixed";
import "server-only";
import "./styles.css";
`
	m := extract(t, "a.ts", src)

	tests := []struct {
		local     string
		specifier string
		name      string
	}{
		{"React", "react", "default"},
		{"a", "./lib", "a"},
		{"c", "./lib", "b"},
		{"db", "@/db", "*"},
		{"auth", "next-auth", "auth"},
		{"def", "mixed", "default"},
		{"named", "mixed", "named"},
	}
	for _, tt := range tests {
		imp, ok := m.Imports[tt.local]
		if !ok {
			t.Errorf("Imports[%q] missing", tt.local)
			continue
		}
		if imp.Specifier != tt.specifier {
			t.Errorf("Imports[%q].Specifier = %q, want %q", tt.local, imp.Specifier, tt.specifier)
		}
		if imp.Name != tt.name {
			t.Errorf("Imports[%q].Name = %q, want %q", tt.local, imp.Name, tt.name)
		}
		if imp.Node == nil {
			t.Errorf("Imports[%q].Node = nil", tt.local)
		}
	}
	if len(m.Imports) != len(tests) {
		t.Errorf("len(Imports) = %d, want %d: %v", len(m.Imports), len(tests), keys(m.Imports))
	}

	for _, typeOnly := range []string{"User", "Session", "b"} {
		if _, ok := m.Imports[typeOnly]; ok {
			t.Errorf("Imports[%q] present, want it absent", typeOnly)
		}
	}

	wantSideEffects := []string{"server-only", "./styles.css"}
	if !reflect.DeepEqual(m.SideEffectImports, wantSideEffects) {
		t.Errorf("SideEffectImports = %q, want %q", m.SideEffectImports, wantSideEffects)
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestExtractExports(t *testing.T) {
	src := `import { helper } from "./helper";
export async function save() {}
export class Store {}
export const x = 1, y = () => 2;
export let z;
export const { a, b: [c] } = f();
const local = 3;
export { local as renamed, helper };
export { remote, other as aliased } from "./remote";
export * from "./star";
export * as ns from "./ns";
export type { T } from "./types";
export type U = string;
export interface I {}
export enum E { A }
export { type V, w };
`
	m := extract(t, "a.ts", src)

	tests := []struct {
		name       string
		local      string
		from       string
		reexported string
	}{
		{name: "save", local: "save"},
		{name: "Store", local: "Store"},
		{name: "x", local: "x"},
		{name: "y", local: "y"},
		{name: "z", local: "z"},
		{name: "a", local: "a"},
		{name: "c", local: "c"},
		{name: "renamed", local: "local"},
		{name: "helper", local: "helper"},
		{name: "remote", from: "./remote", reexported: "remote"},
		{name: "aliased", from: "./remote", reexported: "other"},
		{name: "ns", from: "./ns", reexported: "*"},
		{name: "w", local: "w"},
	}
	var order []string
	for _, tt := range tests {
		order = append(order, tt.name)
		e, ok := m.Exports[tt.name]
		if !ok {
			t.Errorf("Exports[%q] missing", tt.name)
			continue
		}
		if e.Local != tt.local {
			t.Errorf("Exports[%q].Local = %q, want %q", tt.name, e.Local, tt.local)
		}
		if e.From != tt.from {
			t.Errorf("Exports[%q].From = %q, want %q", tt.name, e.From, tt.from)
		}
		if e.Name != tt.reexported {
			t.Errorf("Exports[%q].Name = %q, want %q", tt.name, e.Name, tt.reexported)
		}
		if e.Node == nil || e.Node.Type() != "export_statement" {
			t.Errorf("Exports[%q].Node is not the export statement", tt.name)
		}
	}
	if !reflect.DeepEqual(m.ExportOrder, order) {
		t.Errorf("ExportOrder = %q, want %q", m.ExportOrder, order)
	}
	for _, typeOnly := range []string{"T", "U", "I", "E", "V"} {
		if _, ok := m.Exports[typeOnly]; ok {
			t.Errorf("Exports[%q] present, want type-only exports ignored", typeOnly)
		}
	}

	if len(m.StarExports) != 1 {
		t.Fatalf("StarExports = %+v, want one", m.StarExports)
	}
	if got := m.StarExports[0].Specifier; got != "./star" {
		t.Errorf("StarExports[0].Specifier = %q, want ./star", got)
	}
	if got := m.StarExports[0].As; got != "" {
		t.Errorf("StarExports[0].As = %q, want empty", got)
	}

	for _, name := range []string{"save", "Store", "x", "y", "z", "a", "c", "local"} {
		if _, ok := m.Decls[name]; !ok {
			t.Errorf("Decls[%q] missing", name)
		}
	}
}

func TestExtractExportDefault(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		local     string
		valueType string
	}{
		{"named function", "export default async function handler() {}\n", "handler", ""},
		{"anonymous function", "export default async function () {}\n", "", "function_expression"},
		{"arrow", "export default async () => {};\n", "", "arrow_function"},
		{"call", "export default withAuth(handler);\n", "", "call_expression"},
		{"identifier", "const handler = () => {};\nexport default handler;\n", "handler", ""},
		{"named clause", "const handler = () => {};\nexport { handler as default };\n", "handler", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := extract(t, "a.ts", tt.src)
			e, ok := m.Exports["default"]
			if !ok {
				t.Fatalf("no default export: %v", m.ExportOrder)
			}
			if e.Local != tt.local {
				t.Errorf("Local = %q, want %q", e.Local, tt.local)
			}
			gotType := ""
			if e.Value != nil {
				gotType = e.Value.Type()
			}
			if gotType != tt.valueType {
				t.Errorf("Value type = %q, want %q", gotType, tt.valueType)
			}
			if tt.local != "" {
				if _, ok := m.Decls[tt.local]; !ok {
					t.Errorf("Decls[%q] missing", tt.local)
				}
			}
		})
	}
}

func TestExtractDirectives(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		useServer bool
		useClient bool
	}{
		{"double quotes", "\"use server\";\nexport async function a() {}\n", true, false},
		{"single quotes", "'use server'\nexport async function a() {}\n", true, false},
		{"after comment", "// actions\n/* more */\n\"use server\";\n", true, false},
		{"after another directive", "\"use strict\";\n\"use server\";\n", true, false},
		{"use client", "\"use client\";\nexport function A() {}\n", false, true},
		{"after import", "import { a } from \"a\";\n\"use server\";\n", false, false},
		{"after statement", "const a = 1;\n\"use server\";\n", false, false},
		{"inside function", "export async function a() {\n  \"use server\";\n}\n", false, false},
		{"in expression", "\"use server\" + x;\n", false, false},
		{"none", "export const a = 1;\n", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := extract(t, "a.ts", tt.src)
			if m.UseServer != tt.useServer {
				t.Errorf("UseServer = %v, want %v", m.UseServer, tt.useServer)
			}
			if m.UseClient != tt.useClient {
				t.Errorf("UseClient = %v, want %v", m.UseClient, tt.useClient)
			}
		})
	}
}

func TestPatternBindings(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want map[string][]string
		rest []string
	}{
		{"identifier", "const a = f();", map[string][]string{"a": nil}, nil},
		{"shorthand", "const { auth, signIn } = NextAuth(c);", map[string][]string{"auth": {"auth"}, "signIn": {"signIn"}}, nil},
		{"renamed", "const { handlers: { GET, POST: post } } = NextAuth(c);", map[string][]string{"GET": {"handlers", "GET"}, "post": {"handlers", "POST"}}, nil},
		{"array", "const [first, , third] = list;", map[string][]string{"first": {"0"}, "third": {"1"}}, nil},
		{"nested array", "const { a: [x, { y }] } = v;", map[string][]string{"x": {"a", "0"}, "y": {"a", "1", "y"}}, nil},
		{"defaults", "const { a = 1, b: c = 2 } = v;", map[string][]string{"a": {"a"}, "c": {"b"}}, nil},
		{"rest", "const { a, ...others } = v;", map[string][]string{"a": {"a"}, "others": nil}, []string{"others"}},
		{"string key", "const { \"x-y\": xy } = v;", map[string][]string{"xy": {"x-y"}}, nil},
		{"many elements", "const [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11] = v;", map[string][]string{
			"a0": {"0"}, "a1": {"1"}, "a2": {"2"}, "a3": {"3"}, "a4": {"4"}, "a5": {"5"},
			"a6": {"6"}, "a7": {"7"}, "a8": {"8"}, "a9": {"9"}, "a10": {"10"}, "a11": {"11"},
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := extract(t, "a.ts", tt.src)
			decl := m.File.Root.NamedChild(0).NamedChild(0)
			if decl.Type() != "variable_declarator" {
				t.Fatalf("first declaration is %s, want variable_declarator", decl.Type())
			}
			got := map[string][]string{}
			var rest []string
			for _, b := range PatternBindings(m.File, decl.ChildByFieldName("name"), nil) {
				got[b.Name] = b.Path
				if b.Rest {
					rest = append(rest, b.Name)
				}
				if b.Node == nil {
					t.Errorf("binding %s has no node", b.Name)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("bindings = %v, want %v", got, tt.want)
			}
			if !reflect.DeepEqual(rest, tt.rest) {
				t.Errorf("rest bindings = %v, want %v", rest, tt.rest)
			}
			for name, path := range tt.want {
				if d := m.Decls[name]; !reflect.DeepEqual(d.Path, path) {
					t.Errorf("Decls[%q].Path = %v, want %v", name, d.Path, path)
				}
			}
		})
	}
}

func TestPatternBindingsPrefix(t *testing.T) {
	m := extract(t, "a.ts", "const { a } = v;")
	pattern := m.File.Root.NamedChild(0).NamedChild(0).ChildByFieldName("name")
	prefix := []string{"outer"}
	got := PatternBindings(m.File, pattern, prefix)
	if len(got) != 1 {
		t.Fatalf("bindings = %+v, want one", got)
	}
	if want := []string{"outer", "a"}; !reflect.DeepEqual(got[0].Path, want) {
		t.Errorf("Path = %v, want %v", got[0].Path, want)
	}
	if !reflect.DeepEqual(prefix, []string{"outer"}) {
		t.Errorf("prefix changed to %v", prefix)
	}
	if PatternBindings(m.File, nil, nil) != nil {
		t.Error("PatternBindings(nil) is not nil")
	}
}
