// Package rules holds actionguard's rules: their names, severities and help
// text, and the step that turns an entry's verdict into findings.
package rules

import (
	"fmt"
	"sort"
)

// Rule names.
const (
	MissingAuth         = "missing-auth"
	AuthAfterEffect     = "auth-after-effect"
	AuthNotEnforced     = "auth-not-enforced"
	MissingRoleCheck    = "missing-role-check"
	FailOpenAllowlist   = "fail-open-allowlist"
	UnverifiedGuard     = "unverified-guard"
	CallerSupplied      = "caller-supplied-identity"
	PublicWithoutReason = "public-without-reason"
	StalePolicy         = "stale-policy"
	ParseError          = "parse-error"
	// VulnerableNextVersion reports an installed next or
	// react-server-dom-* version that a security advisory affects.
	VulnerableNextVersion = "vulnerable-next-version"
)

// Rule is one rule's documentation, which `actionguard explain` prints.
type Rule struct {
	Name     string
	Severity string // how the severity is chosen
	Summary  string // one line
	Why      string
	Fix      string
	Example  string
}

// All lists the rules in the order `actionguard explain` shows them.
var All = []Rule{
	{
		Name:     MissingAuth,
		Severity: "P0 when a write effect is reachable, P1 for read or unknown effects, P3 when the entry has no side effect",
		Summary:  "An entry point reaches a side effect with no authentication guard on the way.",
		Why: `A Server Action is a public POST endpoint: its ID ships in the client bundle, and
Next.js only checks that the request comes from the same site. Middleware gates
pages, not actions, and route handlers under /api are often outside its matcher.
Any visitor, signed in or not, can replay the call. An entry that writes to the
database or calls an outside service without first establishing who is calling
lets an anonymous caller do it.`,
		Fix: `Establish the caller's identity first, fail closed: call your guard
(requireUser(), auth.protect()) or read the session and leave when it is
missing. If the entry is public by design, open it in actionguard.json with
"access": "public" and a reason, or with an inline comment.`,
		Example: `"use server"
export async function createWebinar(input: WebinarInput) {
  const session = await auth()
  if (!session?.user) throw new Error("Unauthorized")   // fail closed first
  await db.insert(webinars).values({ ...input, ownerId: session.user.id })
}`,
	},
	{
		Name:     AuthAfterEffect,
		Severity: "P0 if the earlier effect is a write, else P1",
		Summary:  "A guard exists, but a side effect runs before it.",
		Why: `The guard only protects what comes after it. An effect placed before the check,
such as an audit log write or a lookup by an ID from the request, runs for
every caller, including anonymous ones.`,
		Fix: `Move the guard to the top of the entry, before the first call that touches the
database, the network or the file system.`,
		Example: `export async function deleteTask(id: string) {
  const { userId } = await auth()
  if (!userId) throw new Error("Unauthorized")       // first
  await prisma.activity.create({ data: { kind: "delete", taskId: id } })
  await prisma.task.delete({ where: { id } })
}`,
	},
	{
		Name:     AuthNotEnforced,
		Severity: "as missing-auth",
		Summary:  "The identity is read, but the missing-identity case does not leave the entry before the side effect.",
		Why: `Reading the session is not a check. When nobody is signed in, auth() returns
null and the code goes on: a branch that only logs, a 401 response built but
not returned, a guard whose error a catch block swallows, or a check of the
object where the identity is in a field (Clerk's auth().userId) all let the
anonymous caller through.`,
		Fix: `Leave the function when the identity is missing: throw, return, or call
redirect()/notFound()/unauthorized(). Do not catch the guard's error and go on.`,
		Example: `const session = await auth()
if (!session?.user) return { error: "Not signed in" }   // leaves
await db.update(webinars).set(input).where(eq(webinars.id, id))`,
	},
	{
		Name:     MissingRoleCheck,
		Severity: "P1",
		Summary:  "The entry must be restricted to a role, and no authorization guard is on the way.",
		Why: `Authentication is the floor, not the ceiling. A signed-in user without rights
must not reach an admin mutation. An entry counts as restricted when the policy
file gives it "access": "role", or when its route segment, file or name says
admin.`,
		Fix: `Check the caller's role or permission after authenticating, and fail closed:
if (session.user.role !== "admin") throw new Error("Forbidden").`,
		Example: `const user = await requireUser()
if (user.role !== "admin") forbidden()
await prisma.payout.update({ where: { id }, data: { status: "approved" } })`,
	},
	{
		Name:     FailOpenAllowlist,
		Severity: "P1",
		Summary:  "An allowlist or shared secret from configuration lets everyone through when it is empty or unset.",
		Why: `if (allowed.length && !allowed.includes(email)) skips the check when the list is
empty, and a comparison with "Bearer " + process.env.CRON_SECRET passes for
"Bearer undefined" when the secret is unset. A missing variable in one
environment opens the endpoint.`,
		Fix: `Reject when the list is empty or the secret is missing, before comparing.`,
		Example: `const secret = process.env.CRON_SECRET
if (!secret || request.headers.get("authorization") !== "Bearer " + secret) {
  return new Response("Unauthorized", { status: 401 })
}`,
	},
	{
		Name:     UnverifiedGuard,
		Severity: "P2",
		Summary:  "A call looks like a guard, but its behaviour could not be proven.",
		Why: `The call's name reads like an authentication or authorization check, but its
code could not be followed: it comes from a package actionguard has no
knowledge of, from a module that could not be resolved, or it reads an
identity without verifying it (a cookie's presence, Supabase getSession on the
server). actionguard never trusts such a call and never calls it missing
either: a reviewer must look.`,
		Fix: `Make the guard's code visible to the scan (a project file, a resolvable
workspace package), or declare it in actionguard.json under
"guards": { "authentication": ["name"] } if it fails closed.`,
		Example: `{
  "guards": { "authentication": ["@acme/permissions#assertTeamMember"] }
}`,
	},
	{
		Name:     CallerSupplied,
		Severity: "P2",
		Summary:  "An authenticated entry selects or changes rows by an ID the caller chose, without comparing it with the session.",
		Why: `Authentication says who is calling, not what they may touch. An action that
takes userId, orgId or teamId from its input and passes it to a query lets any
signed-in user act on another user's or tenant's rows: the ID is in the
request, and the caller writes the request.`,
		Fix: `Take the identity from the session (session.user.id), or compare the input ID
with it, or check membership (the caller belongs to that org or team) before
the query. Filtering the query by the session's user ID also works.`,
		Example: `const user = await requireUser()
await prisma.project.update({
  where: { id: projectId, ownerId: user.id },   // not ownerId from the input
  data: { name },
})`,
	},
	{
		Name:     PublicWithoutReason,
		Severity: "P2",
		Summary:  "The policy opens an entry to the public with no reason.",
		Why: `Opening an entry is a decision someone must be able to review later. Without a
reason nobody knows whether it was meant or a shortcut.`,
		Fix:     `Add "reason" to the policy rule, or text after "--" in the inline comment.`,
		Example: `// actionguard: public -- newsletter form, rate limited by IP`,
	},
	{
		Name:     StalePolicy,
		Severity: "P3",
		Summary:  "The policy names an entry or file that does not exist.",
		Why: `A rule that matches nothing usually means the entry was renamed or moved, and
its replacement is now under the default policy.`,
		Fix:     `Update or remove the rule.`,
		Example: `"app/(marketing)/actions.ts#subscribe": { "access": "public", "reason": "newsletter" }`,
	},
	{
		Name:     ParseError,
		Severity: "P2",
		Summary:  "A source file could not be parsed; entries in it may be missing.",
		Why: `actionguard parses TypeScript and JavaScript with tree-sitter. Where a file has
syntax it cannot read, entry points in the unreadable part are not analyzed,
so the report may be incomplete for that file.`,
		Fix: `Check that the file compiles. If it does, report the construct to the
actionguard maintainers.`,
		Example: `app/actions.ts:12:5: syntax error`,
	},
	{
		Name:     VulnerableNextVersion,
		Severity: "P0 for remote code execution, P1 for the middleware bypass when the app's middleware authenticates (else P2), P2 for server-side request forgery, P3 for denial of service and source exposure; at most P2 when only a package.json range is known",
		Summary:  "The installed next or react-server-dom-* version is affected by a security advisory that touches server-side entry points.",
		Why: `Some flaws sit below the app's own code. CVE-2025-55182 (React2Shell) lets an
anonymous request run code through a Server Function payload, whatever the
actions check. CVE-2025-29927 lets a request skip middleware with the
x-middleware-subrequest header, so an app that authenticates in middleware is
open. The version comes from the lockfile (npm, pnpm, Yarn or Bun); without one,
the lowest version the package.json range admits is checked, and the finding
says the app may be affected. Advisories are built in, and --advisories FILE
adds OSV records.`,
		Fix: `Upgrade to the fixed release the finding names (or any later one) and
commit the updated lockfile. Until then, for the middleware bypass, strip the
x-middleware-subrequest header at the proxy in front of the app, and check the
caller in each entry point rather than in middleware only.`,
		Example: `// package.json
"dependencies": {
  "next": "15.2.3"          // was 15.2.2, affected by CVE-2025-29927
}`,
	},
}

// Lookup returns the rule called name.
func Lookup(name string) (Rule, bool) {
	for _, r := range All {
		if r.Name == name {
			return r, true
		}
	}
	return Rule{}, false
}

// Names returns every rule name, sorted.
func Names() []string {
	var out []string
	for _, r := range All {
		out = append(out, r.Name)
	}
	sort.Strings(out)
	return out
}

// Explain renders a rule's help text.
func Explain(r Rule) string {
	return fmt.Sprintf("%s\n\n%s\n\nSeverity: %s\n\nWhy it matters:\n%s\n\nHow to fix:\n%s\n\nExample:\n%s\n",
		r.Name, r.Summary, r.Severity, indent(r.Why), indent(r.Fix), indent(r.Example))
}

func indent(s string) string {
	out := "  "
	for _, c := range s {
		out += string(c)
		if c == '\n' {
			out += "  "
		}
	}
	return out
}
