// Package parse turns TypeScript and JavaScript source files into tree-sitter
// syntax trees.
//
// The grammar is chosen by file extension: .ts, .mts and .cts use the
// TypeScript grammar, .tsx the TSX grammar, and .js, .jsx, .mjs and .cjs the
// JavaScript grammar, which accepts JSX. A tree-sitter parser is not safe for
// concurrent use, so parsers are pooled per grammar and each goroutine takes
// its own.
package parse

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/javascript"
	"github.com/smacker/go-tree-sitter/typescript/tsx"
	"github.com/smacker/go-tree-sitter/typescript/typescript"
)

// File is one parsed source file. Its tree is immutable after Parse
// returns, so many goroutines may walk it at once.
type File struct {
	Path string // absolute path
	Src  []byte
	Root *Node
	// SyntaxError is the position of the first ERROR or MISSING node, or zero
	// when the file parsed cleanly.
	SyntaxError Position
}

// Position is a 1-based line and column; the column counts bytes.
type Position struct {
	Line   int
	Column int
}

// IsZero reports whether p is the zero position.
func (p Position) IsZero() bool { return p.Line == 0 }

// Extensions lists the source file extensions the analyzer reads.
var Extensions = []string{".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts"}

// IsSource reports whether path names a source file the analyzer reads;
// declaration files (.d.ts and kin) hold no code and are excluded.
func IsSource(path string) bool {
	base := strings.ToLower(filepath.Base(path))
	for _, ext := range []string{".d.ts", ".d.mts", ".d.cts"} {
		if strings.HasSuffix(base, ext) {
			return false
		}
	}
	return language(base) != nil
}

var (
	tsLang  = typescript.GetLanguage()
	tsxLang = tsx.GetLanguage()
	jsLang  = javascript.GetLanguage()
)

func language(path string) *sitter.Language {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".ts", ".mts", ".cts":
		return tsLang
	case ".tsx":
		return tsxLang
	case ".js", ".jsx", ".mjs", ".cjs":
		return jsLang
	}
	return nil
}

var pools sync.Map // *sitter.Language -> *sync.Pool of *sitter.Parser

func parserFor(lang *sitter.Language) (*sitter.Parser, func()) {
	v, _ := pools.LoadOrStore(lang, &sync.Pool{New: func() any {
		p := sitter.NewParser()
		p.SetLanguage(lang)
		return p
	}})
	pool := v.(*sync.Pool)
	p := pool.Get().(*sitter.Parser)
	return p, func() { pool.Put(p) }
}

// ReadFile reads and parses the file at path.
func ReadFile(path string) (*File, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, src)
}

// Parse parses src as the language its path's extension names. A file with
// syntax errors still yields a tree, with SyntaxError set; only an unknown
// extension or a parser failure is an error.
func Parse(path string, src []byte) (*File, error) {
	lang := language(path)
	if lang == nil {
		return nil, fmt.Errorf("%s: not a TypeScript or JavaScript file (extensions: %s)", path, strings.Join(Extensions, " "))
	}
	parser, release := parserFor(lang)
	defer release()

	tree, err := parser.ParseCtx(context.Background(), nil, src)
	if err != nil {
		return nil, fmt.Errorf("%s: parse failed: %w", path, err)
	}
	cursor := sitter.NewTreeCursor(tree.RootNode())
	root := convert(cursor, nil)
	cursor.Close()
	tree.Close()
	f := &File{Path: path, Src: src, Root: root}
	if f.Root.HasError() {
		f.SyntaxError = firstError(f.Root)
	}
	return f, nil
}

func firstError(n *Node) Position {
	if n.IsError() || n.IsMissing() {
		return PositionOf(n)
	}
	for i := 0; i < int(n.ChildCount()); i++ {
		c := n.Child(i)
		if c.HasError() || c.IsMissing() {
			return firstError(c)
		}
	}
	return PositionOf(n)
}

// PositionOf returns the 1-based start position of n.
func PositionOf(n *Node) Position {
	p := n.StartPoint()
	return Position{Line: int(p.Row) + 1, Column: int(p.Column) + 1}
}

// Text returns the source text of n.
func (f *File) Text(n *Node) string {
	if n == nil {
		return ""
	}
	return string(f.Src[n.StartByte():n.EndByte()])
}

// TopLevelError reports whether a syntax error may hide an import or an
// export: the whole file failed, or an error sits among the top-level
// statements or inside an import or export statement. An error deep in a
// function body, such as a bare & in JSX text, leaves them intact.
func (f *File) TopLevelError() bool {
	if f.SyntaxError.IsZero() {
		return false
	}
	if f.Root.IsError() {
		return true
	}
	for i := 0; i < int(f.Root.ChildCount()); i++ {
		c := f.Root.Child(i)
		if c.IsError() || c.IsMissing() {
			return true
		}
		switch c.Type() {
		case "import_statement":
			if c.HasError() {
				return true
			}
		case "export_statement":
			if c.HasError() && c.ChildByFieldName("declaration") == nil {
				return true
			}
		}
	}
	return false
}
