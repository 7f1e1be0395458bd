#!/usr/bin/env node
// Entry point of the `wsaudit` command: runs the compiled CLI.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
await import("../dist/src/cli/main.js");
