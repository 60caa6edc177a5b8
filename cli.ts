#!/usr/bin/env node
// The `lunet` command; everything lives in lang/cli.
import { main } from './lang/cli/main.js';

await main(process.argv.slice(2));
