// Package resolve maps the import specifiers of a Next.js app to the files
// they name, the way TypeScript (moduleResolution "bundler") and Next.js
// resolve them, so that the analyzer can follow guards and side effects
// across files and workspace packages.
//
// A Resolver takes the folder of one app. For each importing file and
// specifier it returns a Result. The Result names a project or workspace
// source file, an npm package or Node built-in (by package and subpath), or
// a file that is not source code, such as a stylesheet. Otherwise it gives
// the reason the specifier could not be resolved. It reads tsconfig.json and jsconfig.json (baseUrl,
// paths, extends), package.json (exports, imports, main, workspaces) and
// pnpm-workspace.yaml. It never runs code of the project, never returns a
// file inside node_modules and never returns a file outside the workspace
// root.
package resolve
