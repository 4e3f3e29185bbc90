#!/usr/bin/env node
// The `checkpoint` command runs the TypeScript source through tsx, so it is never out of date.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/cli/main.ts', import.meta.url).href);
