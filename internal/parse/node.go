package parse

import (
	sitter "github.com/smacker/go-tree-sitter"
)

// Node is an immutable syntax tree node. Trees are copied out of tree-sitter
// once, right after parsing, because go-tree-sitter caches nodes in a map
// that is not safe for concurrent use. The copies also spare the analysis a
// cgo call for every node attribute it reads.
type Node struct {
	typ        string
	named      bool
	missing    bool
	hasError   bool
	start, end uint32
	point      Point
	parent     *Node
	children   []*Node
	fields     []string // field name of each child, "" when it has none
	named_     []*Node
}

// Point is a 0-based row and byte column, as tree-sitter counts them.
type Point struct {
	Row    uint32
	Column uint32
}

func convert(c *sitter.TreeCursor, parent *Node) *Node {
	sn := c.CurrentNode()
	n := &Node{
		typ:    sn.Type(),
		named:  sn.IsNamed(),
		start:  sn.StartByte(),
		end:    sn.EndByte(),
		parent: parent,
	}
	// A node below an error-free parent is error-free too, which saves two
	// cgo calls for almost every node.
	if parent == nil || parent.hasError {
		n.missing = sn.IsMissing()
		n.hasError = sn.HasError() || n.missing
	}
	p := sn.StartPoint()
	n.point = Point{Row: p.Row, Column: p.Column}
	if c.GoToFirstChild() {
		for {
			field := c.CurrentFieldName()
			child := convert(c, n)
			n.children = append(n.children, child)
			n.fields = append(n.fields, field)
			if child.named {
				n.named_ = append(n.named_, child)
			}
			if !c.GoToNextSibling() {
				break
			}
		}
		c.GoToParent()
	}
	return n
}

// Type returns the grammar's name for the node.
func (n *Node) Type() string { return n.typ }

// IsNamed reports whether the node is a named node, not punctuation.
func (n *Node) IsNamed() bool { return n.named }

// IsMissing reports a node the parser inserted to recover from an error.
func (n *Node) IsMissing() bool { return n.missing }

// IsError reports an ERROR node.
func (n *Node) IsError() bool { return n.typ == "ERROR" }

// HasError reports whether the node or a descendant is an error.
func (n *Node) HasError() bool { return n.hasError }

// StartByte and EndByte delimit the node's source text.
func (n *Node) StartByte() uint32 { return n.start }
func (n *Node) EndByte() uint32   { return n.end }

// StartPoint returns the node's 0-based start position.
func (n *Node) StartPoint() Point { return n.point }

// Parent returns the enclosing node, nil for the root.
func (n *Node) Parent() *Node { return n.parent }

// ChildCount and Child give all children, named or not.
func (n *Node) ChildCount() uint32      { return uint32(len(n.children)) }
func (n *Node) Child(i int) *Node       { return n.children[i] }
func (n *Node) NamedChildCount() uint32 { return uint32(len(n.named_)) }

// NamedChild returns the i-th named child, or nil past the end.
func (n *Node) NamedChild(i int) *Node {
	if i < 0 || i >= len(n.named_) {
		return nil
	}
	return n.named_[i]
}

// ChildByFieldName returns the first child in the named field, or nil.
func (n *Node) ChildByFieldName(name string) *Node {
	for i, f := range n.fields {
		if f == name {
			return n.children[i]
		}
	}
	return nil
}
