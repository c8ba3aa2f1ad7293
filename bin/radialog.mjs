#!/usr/bin/env node
// The command line. It runs the JavaScript compiled from src/ into build/, compiling first when the sources
// changed, so `npx radialog` works on a fresh clone and after a pull without a build step of its own.
import { importCompiled } from './compile.mjs';

const { main } = await importCompiled('node/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
