package catalog

import "testing"

func TestMatchKinds(t *testing.T) {
	tests := []struct {
		sym   string
		kind  Kind
		class string
	}{
		{"@clerk/nextjs/server#auth.protect", Guard, ""},
		{"@clerk/nextjs/server#auth", Identity, ""},
		{"@clerk/nextjs/server#auth().has", RoleCheck, ""},
		{"next-auth#default().auth", Identity, ""},
		{"next-auth#default().handlers.GET", Delegated, ""},
		{"next/navigation#redirect", Exit, ""},
		{"@prisma/client#PrismaClient().user.create", Effect, "write"},
		{"@prisma/client#PrismaClient().user.findMany", Effect, "read"},
		{"drizzle-orm/postgres-js#drizzle().insert", Effect, "write"},
		{"drizzle-orm/neon-http#drizzle().select", Effect, "read"},
		{"?#supabase.auth.getUser", Identity, ""},
		{"@supabase/ssr#createServerClient().auth.getSession", Unverified, ""},
		{"?#db.user.update", Effect, "write"},
		{"?#tx.insert", Effect, "write"},
		{"?#db.select", Effect, "read"},
		{"fs#writeFile", Effect, "write"},
		{"fs#readFile", Effect, "read"},
		{"next/headers#cookies().set", Effect, "write"},
		{"next/headers#cookies().get", Credential, ""},
		{"next/headers#headers", Pure, ""},
		{"stripe#default().prices.list", Effect, "read"},
		{"stripe#default().customers.create", Effect, "write"},
	}
	for _, tt := range tests {
		r, ok := Match(tt.sym)
		if !ok {
			t.Errorf("Match(%q) found no rule", tt.sym)
			continue
		}
		if r.Kind != tt.kind {
			t.Errorf("Match(%q).Kind = %d, want %d (pattern %s)", tt.sym, r.Kind, tt.kind, r.Pattern)
		}
		if r.Class != tt.class {
			t.Errorf("Match(%q).Class = %q, want %q", tt.sym, r.Class, tt.class)
		}
	}
}

func TestMatchUnknown(t *testing.T) {
	for _, sym := range []string{
		"?#formData.get",
		"?#prices.data.map",
		"zod#z.object",
		"?#user.update", // "user" is not a database client name
		"drizzle#drizzle().insert",
	} {
		if r, ok := Match(sym); ok {
			t.Errorf("Match(%q) = %s, want no rule", sym, r.Pattern)
		}
	}
}

func TestLooksLikeGuard(t *testing.T) {
	tests := map[string]bool{
		"requireUser":      true,
		"assertTeamMember": true,
		"ensureSignedIn":   true,
		"checkPermission":  true,
		"withAuth":         true,
		"protect":          true,
		"getUserById":      false,
		"validateEmail":    false,
		"formatPrice":      false,
		"withErrorHandler": false,
	}
	for name, want := range tests {
		if got := LooksLikeGuard(name); got != want {
			t.Errorf("LooksLikeGuard(%q) = %v, want %v", name, got, want)
		}
	}
}
