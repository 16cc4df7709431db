module github.com/actionguard/actionguard

go 1.26
