// The libraries LuaState.openLibs() opens, in this order (luaL_openlibs). Each entry is
// [module name, opener]; the opener pushes the module table and returns 1. Library authors:
// append your line here.

import type { HostFn } from '../lang/vm/types.js';
import { openBase } from './base.js';
import { openCoroutine } from './coroutine.js';
import { openTable } from './table.js';
import { openMath } from './math.js';
import { openUtf8 } from './utf8.js';
import { openString } from './string.js';
import { openIo } from './io.js';
import { openOs } from './os.js';
import { openPackage } from './package.js';
import { openDebug } from './debug.js';

export const LIBS: [string, HostFn][] = [
  ['_G', openBase],
  ['package', openPackage],
  ['coroutine', openCoroutine],
  ['table', openTable],
  ['math', openMath],
  ['utf8', openUtf8],
  ['string', openString],
  ['io', openIo],
  ['os', openOs],
  ['debug', openDebug],
];
