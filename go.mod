module github.com/actionguard/actionguard

go 1.26

require (
	github.com/Masterminds/semver/v3 v3.5.0
	github.com/tailscale/hujson v0.0.0-20260727124030-b80ff77dac4f
	go.yaml.in/yaml/v3 v3.0.6
)
