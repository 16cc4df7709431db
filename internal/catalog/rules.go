package catalog

import "strings"

// Rules is the catalogue, tried in order: put specific patterns before the
// general ones of the same library.
var Rules = concat(
	navigationRules,
	authRules,
	actionClientRules,
	databaseRules,
	networkRules,
	systemRules,
)

func concat(lists ...[]Rule) []Rule {
	var out []Rule
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// each expands one pattern with a {} placeholder into a rule per name.
func each(pattern string, names []string, r Rule) []Rule {
	var out []Rule
	for _, n := range names {
		r.Pattern = replaceBraces(pattern, n)
		out = append(out, r)
	}
	return out
}

func replaceBraces(pattern, name string) string {
	for i := 0; i+1 < len(pattern); i++ {
		if pattern[i] == '{' && pattern[i+1] == '}' {
			return pattern[:i] + name + pattern[i+2:]
		}
	}
	return pattern
}

// next/navigation's redirect family works by throwing.
var navigationRules = each("next/navigation#{}", []string{"redirect", "permanentRedirect", "notFound", "unauthorized", "forbidden"},
	Rule{Kind: Exit})

var authRules = concat(
	[]Rule{
		// Auth.js v5: export const { auth } = NextAuth(config), usually in the app's auth.ts.
		{Pattern: "next-auth#default().auth", Kind: Identity, Awaited: true, Need: needSelf, HandlerIdentity: "auth"},
		{Pattern: "next-auth#NextAuth().auth", Kind: Identity, Awaited: true, Need: needSelf, HandlerIdentity: "auth"},
		{Pattern: "next-auth#default().handlers", Kind: Delegated},
		{Pattern: "next-auth#default().handlers.*", Kind: Delegated},
		{Pattern: "better-auth/next-js#toNextJsHandler()", Kind: Delegated},
		{Pattern: "better-auth/next-js#toNextJsHandler().*", Kind: Delegated},
		{Pattern: "next-auth#getServerSession", Kind: Identity, Awaited: true, Need: needSelf},
		{Pattern: "next-auth/next#getServerSession", Kind: Identity, Awaited: true, Need: needSelf},
		{Pattern: "next-auth/jwt#getToken", Kind: Identity, Awaited: true, Need: needSelf},
		{Pattern: "next-auth/react#getSession", Kind: Unverified, Need: needSelf, Why: "next-auth/react's getSession is a client-side helper; on the server it does not verify the request"},

		// Clerk.
		{Pattern: "@clerk/nextjs/server#auth.protect", Kind: Guard, Awaited: true, Authorizes: true},
		{Pattern: "@clerk/nextjs/server#auth().protect", Kind: Guard, Awaited: true, Authorizes: true},
		{Pattern: "@clerk/nextjs/server#auth().has", Kind: RoleCheck},
		{Pattern: "@clerk/nextjs#auth().has", Kind: RoleCheck},
		{Pattern: "@clerk/nextjs/server#auth", Kind: Identity, Need: [][]string{{"userId"}, {"isAuthenticated"}, {"sessionId"}}},
		{Pattern: "@clerk/nextjs/server#currentUser", Kind: Identity, Awaited: true, Need: needSelf},
		{Pattern: "@clerk/nextjs#auth", Kind: Identity, Need: [][]string{{"userId"}, {"isAuthenticated"}, {"sessionId"}}},
		{Pattern: "@clerk/nextjs#currentUser", Kind: Identity, Need: needSelf},
		{Pattern: "@clerk/nextjs/server#clerkClient().**.get*", Kind: Effect, Class: "read", Category: "identity provider"},
		{Pattern: "@clerk/nextjs/server#clerkClient().**", Kind: Effect, Class: "write", Category: "identity provider"},

		// better-auth: export const auth = betterAuth({...}) in the app.
		{Pattern: "better-auth#betterAuth().api.getSession", Kind: Identity, Awaited: true, Need: needSelf},
		{Pattern: "better-auth#betterAuth().api.userHasPermission", Kind: RoleCheck, Need: [][]string{{"success"}}, Awaited: true},
		{Pattern: "better-auth/cookies#getSessionCookie", Kind: Unverified, Need: needSelf, Why: "getSessionCookie only tests that a session cookie is present, not that it is valid"},

		// Supabase.
		{Pattern: "*#**.auth.getUser", Kind: Identity, Awaited: true, Need: [][]string{{"data", "user"}}},
		{Pattern: "*#**.auth.getClaims", Kind: Identity, Awaited: true, Need: [][]string{{"data", "claims"}}},
		{Pattern: "*#**.auth.getSession", Kind: Unverified, Need: [][]string{{"data", "session"}}, Why: "supabase.auth.getSession() on the server reads the session cookie without verifying it; use auth.getUser() or auth.getClaims()"},

		// Auth0.
		{Pattern: "@auth0/nextjs-auth0*#Auth0Client().getSession", Kind: Identity, Awaited: true, Need: needSelf},
		{Pattern: "@auth0/nextjs-auth0*#getSession", Kind: Identity, Need: needSelf},

		// WorkOS AuthKit.
		{Pattern: "@workos-inc/authkit-nextjs#withAuth", Kind: Identity, Need: [][]string{{"user"}}, GuardOption: "ensureSignedIn"},

		// Kinde.
		{Pattern: "@kinde-oss/kinde-auth-nextjs/server#getKindeServerSession().isAuthenticated", Kind: BoolCheck, Awaited: true},
		// getKindeServerSession() returns the helpers, not a session.
		{Pattern: "@kinde-oss/kinde-auth-nextjs/server#getKindeServerSession", Kind: Pure},
		{Pattern: "@kinde-oss/kinde-auth-nextjs/server#getKindeServerSession().getUser", Kind: Identity, Awaited: true, Need: needSelf},
		{Pattern: "@kinde-oss/kinde-auth-nextjs/server#getKindeServerSession().getPermission", Kind: RoleCheck, Need: [][]string{{"isGranted"}}, Awaited: true},

		// iron-session: the session object always exists; the app's own field holds the identity.
		{Pattern: "iron-session#getIronSession", Kind: Identity, Awaited: true, Need: needAny},

		// Lucia v3.
		{Pattern: "lucia#Lucia().validateSession", Kind: Identity, Awaited: true, Need: [][]string{{"user"}, {"session"}}},

		// Firebase: getAuth() and admin.auth() return the Auth client, and
		// verification rejects on an invalid token.
		{Pattern: "firebase-admin*#getAuth", Kind: Pure},
		{Pattern: "firebase-admin*#**.auth", Kind: Pure},
		{Pattern: "firebase-admin*#**.verifyIdToken", Kind: Guard, Awaited: true},
		{Pattern: "firebase-admin*#**.verifySessionCookie", Kind: Guard, Awaited: true},
		{Pattern: "next-firebase-auth-edge*#getTokens", Kind: Identity, Need: needSelf},

		// Stack Auth.
		{Pattern: "@stackframe/stack#StackServerApp().getUser", Kind: Identity, Awaited: true, Need: needSelf, GuardOption: "or"},

		// Appwrite: account.get() throws without a session.
		{Pattern: "node-appwrite#Account().get", Kind: Guard, Awaited: true},

		// jose/jsonwebtoken verify throw on a bad token; decode does not verify.
		{Pattern: "jose#jwtVerify", Kind: Guard, Awaited: true},
		{Pattern: "jsonwebtoken#verify", Kind: Guard, NoCallback: true},
		{Pattern: "jsonwebtoken#default.verify", Kind: Guard, NoCallback: true},
		// Machine-to-machine callers: webhook signatures. Each call throws or
		// rejects when the signature does not match, so code after it runs
		// only for the sender that holds the secret.
		{Pattern: "stripe#default().webhooks.constructEvent", Kind: Guard, Machine: true},
		{Pattern: "stripe#Stripe().webhooks.constructEvent", Kind: Guard, Machine: true},
		{Pattern: "stripe#default().webhooks.constructEventAsync", Kind: Guard, Awaited: true, Machine: true},
		{Pattern: "stripe#Stripe().webhooks.constructEventAsync", Kind: Guard, Awaited: true, Machine: true},
		{Pattern: "svix#Webhook().verify", Kind: Guard, Machine: true},
		{Pattern: "standard-webhooks#Webhook().verify", Kind: Guard, Machine: true},
		{Pattern: "standard-webhooks#default().verify", Kind: Guard, Machine: true},
		// @upstash/qstash 2.x: Receiver.verify rejects with a SignatureError
		// (it resolves only to true), and the nextjs wrappers answer 403 or
		// 400 without calling the handler.
		{Pattern: "@upstash/qstash#Receiver().verify", Kind: Guard, Awaited: true, Machine: true},
		{Pattern: "@upstash/qstash/nextjs#verifySignature", Kind: GuardWrapper, Machine: true},
		{Pattern: "@upstash/qstash/nextjs#verifySignatureAppRouter", Kind: GuardWrapper, Machine: true},
		{Pattern: "@upstash/qstash/nextjs#verifySignatureEdge", Kind: GuardWrapper, Machine: true},
		// A constant-time comparison is a boolean check: it proves the caller
		// holds the secret only where its false result leaves the function.
		{Pattern: "crypto#timingSafeEqual", Kind: BoolCheck, Machine: true},
		{Pattern: "crypto#default.timingSafeEqual", Kind: BoolCheck, Machine: true},

		{Pattern: "jsonwebtoken#decode", Kind: Unverified, Need: needSelf, Why: "jwt.decode does not verify the token's signature"},
		{Pattern: "jsonwebtoken#default.decode", Kind: Unverified, Need: needSelf, Why: "jwt.decode does not verify the token's signature"},
		{Pattern: "jose#decodeJwt", Kind: Unverified, Need: needSelf, Why: "decodeJwt does not verify the token's signature"},
	},
)

var actionClientRules = []Rule{
	// Memoizing wrappers keep the wrapped function's behaviour.
	{Pattern: "react#cache", Kind: PassThrough},
	{Pattern: "react#default.cache", Kind: PassThrough},
	{Pattern: "next/cache#unstable_cache", Kind: PassThrough},

	{Pattern: "next-safe-action#createSafeActionClient", Kind: SafeActionClient},
	// A standalone middleware: createMiddleware().define(fn) returns fn.
	{Pattern: "next-safe-action#createMiddleware().define", Kind: PassThrough},
	// oRPC procedures: os.$context<T>() starts a builder whose .use()
	// middlewares call next() like next-safe-action's.
	{Pattern: "@orpc/server#os.$context", Kind: SafeActionClient},
	{Pattern: "zsa#createServerActionProcedure", Kind: ZSAProcedure},
	{Pattern: "zsa#createServerAction", Kind: ZSAAction},
}

var prismaWrites = []string{"create", "createMany", "createManyAndReturn", "update", "updateMany", "updateManyAndReturn", "upsert", "delete", "deleteMany"}
var prismaReads = []string{"findMany", "findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "count", "aggregate", "groupBy"}

var databaseRules = concat(
	[]Rule{
		{Pattern: "@prisma/client#PrismaClient().$transaction", Kind: Invoker},
		{Pattern: "@prisma/client#PrismaClient().$executeRaw*", Kind: Effect, Class: "write", Category: "database"},
		{Pattern: "@prisma/client#PrismaClient().$queryRaw*", Kind: Effect, Class: "read", Category: "database"},
	},
	each("@prisma/client#PrismaClient().*.{}", prismaWrites, Rule{Kind: Effect, Class: "write", Category: "database"}),
	each("@prisma/client#PrismaClient().*.{}", prismaReads, Rule{Kind: Effect, Class: "read", Category: "database"}),
	[]Rule{
		// Drizzle: db = drizzle(...) from any drizzle-orm driver module.
		{Pattern: "drizzle-orm*#drizzle().transaction", Kind: Invoker},
		{Pattern: "drizzle-orm*#drizzle().query.*.*", Kind: Effect, Class: "read", Category: "database"},
		{Pattern: "drizzle-orm*#drizzle().select*", Kind: Effect, Class: "read", Category: "database"},
		{Pattern: "drizzle-orm*#drizzle().$count", Kind: Effect, Class: "read", Category: "database"},
		{Pattern: "drizzle-orm*#drizzle().insert", Kind: Effect, Class: "write", Category: "database"},
		{Pattern: "drizzle-orm*#drizzle().update", Kind: Effect, Class: "write", Category: "database"},
		{Pattern: "drizzle-orm*#drizzle().delete", Kind: Effect, Class: "write", Category: "database"},
		{Pattern: "drizzle-orm*#drizzle().execute", Kind: Effect, Class: "write", Category: "database"},
		{Pattern: "drizzle-orm*#drizzle().run", Kind: Effect, Class: "write", Category: "database"},

		// Kysely.
		{Pattern: "kysely#Kysely().selectFrom", Kind: Effect, Class: "read", Category: "database"},
		{Pattern: "kysely#Kysely().insertInto", Kind: Effect, Class: "write", Category: "database"},
		{Pattern: "kysely#Kysely().updateTable", Kind: Effect, Class: "write", Category: "database"},
		{Pattern: "kysely#Kysely().deleteFrom", Kind: Effect, Class: "write", Category: "database"},
		{Pattern: "kysely#Kysely().replaceInto", Kind: Effect, Class: "write", Category: "database"},

		// Supabase query builder and storage.
		{Pattern: "*#**.from().select", Kind: Effect, Class: "read", Category: "database"},
		{Pattern: "*#**.from().insert", Kind: Effect, Class: "write", Category: "database"},
		{Pattern: "*#**.from().update", Kind: Effect, Class: "write", Category: "database"},
		{Pattern: "*#**.from().upsert", Kind: Effect, Class: "write", Category: "database"},
		{Pattern: "*#**.from().delete", Kind: Effect, Class: "write", Category: "database"},
		{Pattern: "*#**.storage.from().upload", Kind: Effect, Class: "write", Category: "storage"},
		{Pattern: "*#**.storage.from().remove", Kind: Effect, Class: "write", Category: "storage"},
		{Pattern: "@supabase/*#*().rpc", Kind: Effect, Class: "write", Category: "database"},

		// Raw SQL clients; tagged templates are classed by their SQL verb.
		{Pattern: "@vercel/postgres#sql", Kind: Effect, Class: "sql", Category: "database"},
		{Pattern: "@vercel/postgres#db.query", Kind: Effect, Class: "sql", Category: "database"},
		{Pattern: "postgres#default()", Kind: Effect, Class: "sql", Category: "database"},
		{Pattern: "@neondatabase/serverless#neon()", Kind: Effect, Class: "sql", Category: "database"},
		{Pattern: "pg#*().query", Kind: Effect, Class: "sql", Category: "database"},
		{Pattern: "mysql2*#**.query", Kind: Effect, Class: "sql", Category: "database"},
		{Pattern: "mysql2*#**.execute", Kind: Effect, Class: "sql", Category: "database"},
		{Pattern: "@libsql/client#createClient().execute", Kind: Effect, Class: "sql", Category: "database"},
		{Pattern: "better-sqlite3#default().prepare().run", Kind: Effect, Class: "write", Category: "database"},
		{Pattern: "better-sqlite3#default().prepare().*", Kind: Effect, Class: "read", Category: "database"},

		// Mongoose models and the MongoDB driver.
		{Pattern: "mongoose#**.find*", Kind: Effect, Class: "read", Category: "database"},
		{Pattern: "mongoose#**.count*", Kind: Effect, Class: "read", Category: "database"},
		{Pattern: "mongodb#**.collection().find*", Kind: Effect, Class: "read", Category: "database"},
		{Pattern: "mongodb#**.collection().*", Kind: Effect, Class: "write", Category: "database"},
	},
	each("mongoose#**.{}", []string{"create", "insertMany", "updateOne", "updateMany", "deleteOne", "deleteMany", "findByIdAndUpdate", "findOneAndUpdate", "replaceOne", "save", "bulkWrite"},
		Rule{Kind: Effect, Class: "write", Category: "database"}),
	[]Rule{
		// Redis clients.
		{Pattern: "@upstash/redis#Redis().get*", Kind: Effect, Class: "read", Category: "database"},
		{Pattern: "@upstash/redis#Redis().*", Kind: Effect, Class: "write", Category: "database"},
		{Pattern: "ioredis#default().get*", Kind: Effect, Class: "read", Category: "database"},
		{Pattern: "ioredis#default().*", Kind: Effect, Class: "write", Category: "database"},
		{Pattern: "@vercel/kv#kv.get*", Kind: Effect, Class: "read", Category: "database"},
		{Pattern: "@vercel/kv#kv.*", Kind: Effect, Class: "write", Category: "database"},
	},
)

var networkRules = []Rule{
	{Pattern: "global#fetch", Kind: Effect, Class: "fetch", Category: "network"},
	{Pattern: "axios#default.get", Kind: Effect, Class: "read", Category: "network"},
	{Pattern: "axios#default.head", Kind: Effect, Class: "read", Category: "network"},
	{Pattern: "axios#default.*", Kind: Effect, Class: "write", Category: "network"},
	{Pattern: "axios#default", Kind: Effect, Class: "unknown", Category: "network"},
	{Pattern: "stripe#default().**.list", Kind: Effect, Class: "read", Category: "network"},
	{Pattern: "stripe#default().**.retrieve", Kind: Effect, Class: "read", Category: "network"},
	{Pattern: "stripe#default().**.search", Kind: Effect, Class: "read", Category: "network"},
	{Pattern: "stripe#default().webhooks.**", Kind: Pure},
	{Pattern: "stripe#default().**", Kind: Effect, Class: "write", Category: "network"},
	{Pattern: "resend#Resend().**", Kind: Effect, Class: "write", Category: "email"},
	{Pattern: "nodemailer#**.sendMail", Kind: Effect, Class: "write", Category: "email"},
	{Pattern: "@sendgrid/mail#**.send", Kind: Effect, Class: "write", Category: "email"},
	{Pattern: "openai#default().**", Kind: Effect, Class: "write", Category: "network"},
	{Pattern: "@anthropic-ai/sdk#default().**", Kind: Effect, Class: "write", Category: "network"},
	{Pattern: "ai#generate*", Kind: Effect, Class: "write", Category: "network"},
	{Pattern: "ai#stream*", Kind: Effect, Class: "write", Category: "network"},
	{Pattern: "@vercel/blob#put", Kind: Effect, Class: "write", Category: "storage"},
	{Pattern: "@vercel/blob#del", Kind: Effect, Class: "write", Category: "storage"},
	{Pattern: "@aws-sdk/*#*().send", Kind: Effect, Class: "command", Category: "network"},
	{Pattern: "twilio#**.create", Kind: Effect, Class: "write", Category: "network"},
	{Pattern: "@slack/web-api#**.postMessage", Kind: Effect, Class: "write", Category: "network"},
}

var fsReads = []string{"readFile", "readFileSync", "readdir", "readdirSync", "stat", "statSync", "lstat", "lstatSync", "exists", "existsSync", "access", "accessSync", "createReadStream", "realpath", "opendir"}

var systemRules = concat(
	// Node.js file system; "fs" and "node:fs" both resolve to the package "fs".
	each("fs#{}", fsReads, Rule{Kind: Effect, Class: "read", Category: "file system"}),
	each("fs#default.{}", fsReads, Rule{Kind: Effect, Class: "read", Category: "file system"}),
	each("fs/promises#{}", fsReads, Rule{Kind: Effect, Class: "read", Category: "file system"}),
	each("fs/promises#default.{}", fsReads, Rule{Kind: Effect, Class: "read", Category: "file system"}),
	each("fs#promises.{}", fsReads, Rule{Kind: Effect, Class: "read", Category: "file system"}),
	each("fs#default.promises.{}", fsReads, Rule{Kind: Effect, Class: "read", Category: "file system"}),
	[]Rule{
		{Pattern: "fs#**", Kind: Effect, Class: "write", Category: "file system"},
		{Pattern: "fs/promises#**", Kind: Effect, Class: "write", Category: "file system"},
		{Pattern: "child_process#**", Kind: Effect, Class: "write", Category: "process"},
		{Pattern: "execa#**", Kind: Effect, Class: "write", Category: "process"},

		// Cookie writes; reads of cookies and headers are input, not effects.
		{Pattern: "next/headers#cookies().get", Kind: Credential},
		{Pattern: "*#**.cookies.get", Kind: Credential},
		{Pattern: "next/headers#cookies().set", Kind: Effect, Class: "write", Category: "cookie"},
		{Pattern: "next/headers#cookies().delete", Kind: Effect, Class: "write", Category: "cookie"},
		{Pattern: "next/headers#**", Kind: Pure},

		{Pattern: "global#Promise.*", Kind: Invoker},
	},
)

// dbReceivers are the names that, as the root of a call the analysis could
// not trace, are taken to be a database client.
var dbReceivers = setOf("db", "prisma", "tx", "trx", "database", "sql", "knex", "kysely", "supabase", "mongo", "redis", "kv", "pool", "conn", "connection", "drizzle", "turso", "firestore")

var fallbackWrites = setOf("create", "createMany", "update", "updateMany", "upsert", "delete", "deleteMany", "insert", "insertInto", "insertOne", "insertMany", "updateOne", "updateTable", "deleteOne", "deleteFrom", "replaceOne", "findOneAndUpdate", "findOneAndDelete", "findByIdAndUpdate", "findByIdAndDelete", "save", "destroy", "bulkWrite", "set", "del", "hset", "incr", "execute", "$executeRaw", "$executeRawUnsafe")

var fallbackReads = setOf("findMany", "findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findOne", "findById", "find", "select", "selectFrom", "count", "aggregate", "get", "hget", "query", "$queryRaw", "$queryRawUnsafe")

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// matchFallback classes a call on a receiver that could not be traced to an
// import ("?#db.user.create") by the receiver's name and the method's name.
func matchFallback(path string) (Rule, bool) {
	segs := splitPath(path)
	if len(segs) < 2 {
		return Rule{}, false
	}
	root := strings.TrimSuffix(segs[0], "()")
	method := strings.TrimSuffix(segs[len(segs)-1], "()")
	if !dbReceivers[root] {
		return Rule{}, false
	}
	switch {
	case fallbackWrites[method]:
		return Rule{Pattern: "?#" + root + ".**." + method, Kind: Effect, Class: "write", Category: "database"}, true
	case fallbackReads[method]:
		return Rule{Pattern: "?#" + root + ".**." + method, Kind: Effect, Class: "read", Category: "database"}, true
	}
	return Rule{}, false
}
