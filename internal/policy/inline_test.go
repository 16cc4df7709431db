package policy

import "testing"

func TestParseInlineComment(t *testing.T) {
	tests := []struct {
		comment string
		ok      bool
		reason  string
	}{
		{"// actionguard: public -- newsletter form", true, "newsletter form"},
		{"//actionguard:public--newsletter form", true, "newsletter form"},
		{"//   actionguard :  public   --   spaced out   ", true, "spaced out"},
		{"/* actionguard: public -- block form */", true, "block form"},
		{"/*actionguard:public*/", true, ""},
		{"/**\n * actionguard: public --\n * health check for the\n * load balancer\n */", true, "health check for the load balancer"},
		{"// actionguard: public -- a -- b", true, "a -- b"},
		{"// actionguard: public", true, ""},
		{"// actionguard: public --", true, ""},
		{"// actionguard: public --   ", true, ""},
		{"actionguard: public -- no markers", true, "no markers"},

		{"// actionguard: authenticated -- signed in", false, ""},
		{"// actionguard: role -- admins", false, ""},
		{"// actionguard: Public -- capitalised", false, ""},
		{"// actionguard: public - one dash", false, ""},
		{"// actionguard: public reason without dashes", false, ""},
		{"// actionguard public -- no colon", false, ""},
		{"// actionguard: -- no level", false, ""},
		{"// actionguardx: public -- other tool", false, ""},
		{"// eslint-disable-next-line actionguard: public", false, ""},
		{"// TODO: make this public", false, ""},
		{"", false, ""},
	}

	for _, tt := range tests {
		got, ok := ParseInlineComment(tt.comment)

		if ok != tt.ok {
			t.Errorf("ParseInlineComment(%q) ok = %v, want %v", tt.comment, ok, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		if got.Access != AccessPublic {
			t.Errorf("ParseInlineComment(%q) access = %q, want %q", tt.comment, got.Access, AccessPublic)
		}
		if got.Reason != tt.reason {
			t.Errorf("ParseInlineComment(%q) reason = %q, want %q", tt.comment, got.Reason, tt.reason)
		}
	}
}
