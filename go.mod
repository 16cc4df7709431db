module github.com/actionguard/actionguard

go 1.26

require (
	github.com/dlclark/regexp2 v1.12.0
	github.com/smacker/go-tree-sitter v0.0.0-20240827094217-dd81d9e9be82
	github.com/soongo/path-to-regexp v1.6.4
)
