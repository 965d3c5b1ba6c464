#!/usr/bin/env node
// The CLI is TypeScript; tsx compiles it on the fly, in this process, so signals and the exit status are the CLI's own.
import { tsImport } from 'tsx/esm/api';

await tsImport('../src/cli/main.ts', import.meta.url);
