#!/usr/bin/env node
// The command line: TypeScript sources run through tsx, so `npx radialog` works on a fresh clone without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/node/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
