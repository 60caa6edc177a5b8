// The coroutine library (lcorolib.c), over the VM's thread switching (lang/vm/coro.ts).

import { Tag } from '../lang/heap/tags.js';
import type { LuaState } from '../lang/vm/state.js';
import { upvalueIndex } from '../lang/vm/consts.js';
import { CoStatus } from '../lang/vm/thread.js';
import { closeThread, newThread, resumeThread } from '../lang/vm/coro.js';
import { where } from '../lang/vm/debug.js';
import type { HostFn } from '../lang/vm/types.js';

function getco(L: LuaState): number {
  const th = L.toThread(1);
  if (th === 0) L.typeError(1, 'thread');
  return th;
}

function checkFunction(L: LuaState, arg: number): void {
  const t = L.type(arg);
  if ((t !== Tag.LFunc && t !== Tag.HFunc) || L.isNone(arg)) L.typeError(arg, 'function');
}

const create: HostFn = (L) => {
  checkFunction(L, 1);
  newThread(L, 1);
  return 1;
};

const resume: HostFn = (L) => {
  const co = getco(L);
  const r = resumeThread(L, L.threadData(co), L.gettop() - 1);
  if (r < 0) {
    L.pushBoolean(false);
    L.insert(-2);
    return 2;
  }
  L.pushBoolean(true);
  L.insert(-(r + 1));
  return r + 1;
};

const auxwrap: HostFn = (L) => {
  const th = L.toThread(upvalueIndex(1));
  const co = L.threadData(th);
  const r = resumeThread(L, co, L.gettop());
  if (r < 0) {
    if (co.errored) {
      // close its pending to-be-closed variables; their errors replace the message
      L.pop();
      closeThread(L, co);
    }
    if (L.type(-1) === Tag.Str) {
      L.pushString(where(L, 1));
      L.insert(-2);
      L.concat(2);
    }
    return L.error();
  }
  return r;
};

const wrap: HostFn = (L) => {
  create(L, L.base, L.gettop());
  L.pushHostFunction(auxwrap, 1, 'wrap');
  return 1;
};

const yield_: HostFn = (L) => L.yield(L.gettop());

const STATNAMES = ['running', 'suspended', 'normal', 'dead'];

function auxStatus(L: LuaState, th: number): number {
  if (th === L.th) return CoStatus.Running;
  return L.threadData(th).status;
}

const status: HostFn = (L) => {
  const th = getco(L);
  L.pushString(STATNAMES[auxStatus(L, th)]!);
  return 1;
};

const running: HostFn = (L) => {
  const ismain = L.pushThread();
  L.pushBoolean(ismain);
  return 2;
};

const isyieldable: HostFn = (L) => {
  const th = L.isNone(1) ? L.th : getco(L);
  const td = L.threadData(th);
  L.pushBoolean(td.nny === 0);
  return 1;
};

const close: HostFn = (L) => {
  const th = getco(L);
  const st = auxStatus(L, th);
  if (st === CoStatus.Dead || st === CoStatus.Suspended) {
    if (closeThread(L, L.threadData(th))) { L.pushBoolean(true); return 1; }
    L.pushBoolean(false);
    L.insert(-2);
    return 2;
  }
  return L.errorMsg(`cannot close a ${STATNAMES[st]} coroutine`);
};

export function openCoroutine(L: LuaState): number {
  L.newLib({ create, resume, running, status, wrap, yield: yield_, isyieldable, close });
  return 1;
}
