// Package middleware reads a Next.js app's middleware file (middleware.* or,
// since Next.js 16, proxy.*) and reports which request paths it makes an
// anonymous request fail on.
//
// It takes an app folder and gives a Middleware: the config.matcher entries,
// compiled the way Next.js compiles them, and what the exported function
// does to a request without a session, found by walking its body with
// tree-sitter. The walk over-approximates the paths a request can pass on,
// so a path it cannot prove is rejected is reported as not gated.
//
// Middleware protects a Server Action only if it rejects anonymous requests
// on every path, because the caller of an action chooses the page path it
// posts to. SamplePassThrough lists candidate paths it lets through.
package middleware
