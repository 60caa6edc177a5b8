// os.date / os.time cores: strftime in the C locale with glibc's output for every conversion
// Lua 5.4 accepts on Linux (LUA_STRFTIMEOPTIONS for C99, with the E and O modifiers), the
// broken-down time of a time value (gmtime / localtime) and mktime's normalisation.
//
//   osDate(fmt, t): string | DateTm       os.date(fmt, t): '!' prefix = UTC, "*t" = fields
//   strftime(fmt, tm): string             the conversions alone (no '!' / "*t" handling)
//   breakDown(t, utc): DateTm             gmtime / localtime of t (seconds, number or int64)
//   osTime(fields): { time, tm }          os.time(table): fields are the table's values
//                                         (undefined/null when absent); `time` is the int64
//                                         result, `tm` the normalised fields to write back.
//
// DateTm uses Lua's field conventions (month 1-12, yday 1-366, wday 1-7 with 1 = Sunday) plus
// the zone offset (seconds east of UTC) and name that %z / %Z print.
//
// Errors: ArgError(1, "invalid conversion specifier '%Ez'", 'date'); LuaRuntimeError for
// "date result cannot be represented in this installation", "time result cannot be
// represented in this installation", "field 'day' missing in date table",
// "field 'hour' is not an integer", "field 'year' is out-of-bound".
//
// Local time comes from JS Date (the process's TZ). Limits: outside JS Date's range
// (+-8.64e15 ms) local time is taken as UTC; %Z prints the abbreviation Intl reports (exact for
// UTC and for zones whose abbreviations Intl knows, e.g. US zones, though Intl has no historical
// names such as 1942-45 "EWT", printed as "EDT"; "GMT+1"-style names are
// printed glibc-style as "+01"); os.time honours an explicit isdst by shifting one DST step,
// as glibc does for a mismatched hint.

import { LuaRuntimeError } from '../../lang/heap/errors.js';
import { str2number, float2int } from '../../lang/num/index.js';
import { ArgError, type LuaArg } from './args.js';

export interface DateTm {
  year: number; month: number; day: number; hour: number; min: number; sec: number;
  yday: number; wday: number; isdst: boolean;
  gmtoff: number; zone: string;
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

const SINGLE = 'aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%';
const DOUBLE = ['Ec', 'EC', 'Ex', 'EX', 'Ey', 'EY', 'Od', 'Oe', 'OH', 'OI', 'Om', 'OM', 'OS', 'Ou',
  'OU', 'OV', 'Ow', 'OW', 'Oy'];

const INT_MAX = 2147483647;
const INT_MIN = -2147483648;

function fdiv(a: number, b: number): number { return Math.floor(a / b); }
function fmod(a: number, b: number): number { return a - Math.floor(a / b) * b; }

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1-12). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = fdiv(y, 400);
  const yoe = y - era * 400;
  const doy = fdiv(153 * (m > 2 ? m - 3 : m + 9) + 2, 5) + d - 1;
  const doe = yoe * 365 + fdiv(yoe, 4) - fdiv(yoe, 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = fdiv(z, 146097);
  const doe = z - era * 146097;
  const yoe = fdiv(doe - fdiv(doe, 1460) + fdiv(doe, 36524) - fdiv(doe, 146096), 365);
  let y = yoe + era * 400;
  const doy = doe - (365 * yoe + fdiv(yoe, 4) - fdiv(yoe, 100));
  const mp = fdiv(5 * doy + 2, 153);
  const d = doy - fdiv(153 * mp + 2, 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) y++;
  return [y, m, d];
}

function isLeap(y: number): boolean {
  return fmod(y, 4) === 0 && (fmod(y, 100) !== 0 || fmod(y, 400) === 0);
}

const JS_DATE_MAX_S = 8.64e12;
const CYCLE_400Y = 12622780800; // seconds in 400 Gregorian years (a whole number of weeks)
const YEAR_2100 = 4102444800;

/** A time JS Date can represent with the same local rules as t: far-future times move by
 *  400-year cycles (zone rules then repeat yearly), far-past ones take the earliest offset. */
function inRange(t: number): number {
  if (t > JS_DATE_MAX_S) return t - Math.ceil((t - YEAR_2100) / CYCLE_400Y) * CYCLE_400Y;
  if (t < -JS_DATE_MAX_S) return -JS_DATE_MAX_S;
  return t;
}

let offFmt: Intl.DateTimeFormat | undefined;
let offFmtTz: string | undefined;

/** Offset of local time from UTC (seconds east) at UTC time t (seconds). */
function localOffset(t: number): number {
  t = inRange(t);
  const off = Math.round(-new Date(t * 1000).getTimezoneOffset() * 60);
  // Date rounds local mean time offsets (-4:56:02) to minutes; Intl has the seconds
  if (t < 0) {
    const tz = process.env.TZ;
    if (offFmt === undefined || offFmtTz !== tz) {
      offFmt = new Intl.DateTimeFormat('en-US', { timeZoneName: 'longOffset' });
      offFmtTz = tz;
    }
    const name = offFmt.formatToParts(new Date(t * 1000)).find((p) => p.type === 'timeZoneName');
    const m = name && /^GMT([+-])(\d\d):(\d\d)(?::(\d\d))?$/.exec(name.value);
    if (m) {
      const v = +m[2]! * 3600 + +m[3]! * 60 + (m[4] ? +m[4] : 0);
      return m[1] === '-' ? -v : v;
    }
  }
  return off;
}

function yearOffsets(t: number): [number, number] {
  const y = new Date(inRange(t) * 1000).getFullYear();
  const jan = Math.round(-new Date(y, 0, 1).getTimezoneOffset() * 60);
  const jul = Math.round(-new Date(y, 6, 1).getTimezoneOffset() * 60);
  return [jan, jul];
}

function isDstAt(t: number, off: number): boolean {
  const [jan, jul] = yearOffsets(t);
  return jan !== jul && off === Math.max(jan, jul);
}

let zoneFmt: Intl.DateTimeFormat | undefined;
let zoneFmtTz: string | undefined;

function intlZone(t: number): string | undefined {
  const tz = process.env.TZ;
  if (zoneFmt === undefined || zoneFmtTz !== tz) {
    zoneFmt = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' });
    zoneFmtTz = tz;
  }
  const part = zoneFmt.formatToParts(new Date(t * 1000)).find((p) => p.type === 'timeZoneName');
  if (part === undefined || /^GMT[+-]/.test(part.value)) return undefined;
  return part.value;
}

const REF_JAN = 1577836800; // 2020-01-01
const REF_JUL = 1593561600; // 2020-07-01

function zoneName(t: number, off: number): string {
  // Intl names only the offsets of its metazone era; older times borrow the name of a recent
  // date with the same offset (EST in 1969 is still EST)
  let name = intlZone(inRange(t));
  if (name === undefined) {
    for (const r of [REF_JAN, REF_JUL]) {
      if (localOffset(r) === off) { name = intlZone(r); if (name !== undefined) break; }
    }
  }
  if (name !== undefined) return name === 'GMT' && off === 0 ? 'UTC' : name;
  if (off === 0) return 'UTC';
  if (off % 60 !== 0) return 'LMT'; // only local mean time has offsets with seconds
  const a = Math.abs(off);
  const hh = String(Math.floor(a / 3600)).padStart(2, '0');
  const mm = Math.floor(a / 60) % 60;
  return (off < 0 ? '-' : '+') + hh + (mm ? String(mm).padStart(2, '0') : '');
}

/** gmtime / localtime: fields of time t (seconds since the epoch). */
export function breakDown(t: number | bigint, utc: boolean): DateTm {
  const tn = typeof t === 'bigint' ? Number(t) : t;
  const off = utc ? 0 : localOffset(tn);
  let days: number;
  let sod: number;
  if (typeof t === 'bigint') {
    const lt = t + BigInt(off);
    let q = lt / 86400n;
    if (lt < 0n && q * 86400n !== lt) q -= 1n;
    days = Number(q);
    sod = Number(lt - q * 86400n);
  } else {
    const lt = t + off;
    days = Math.floor(lt / 86400);
    sod = lt - days * 86400;
  }
  const [y, m, d] = civilFromDays(days);
  if (y - 1900 > INT_MAX || y - 1900 < INT_MIN) {
    throw new LuaRuntimeError('date result cannot be represented in this installation');
  }
  return {
    year: y, month: m, day: d,
    hour: Math.floor(sod / 3600), min: Math.floor(sod / 60) % 60, sec: sod % 60,
    yday: days - daysFromCivil(y, 1, 1) + 1,
    wday: fmod(days + 4, 7) + 1,
    isdst: utc ? false : isDstAt(tn, off),
    gmtoff: off,
    zone: utc ? 'GMT' : zoneName(tn, off),
  };
}

function p2(n: number): string { return n < 10 ? '0' + n : String(n); }
function p3(n: number): string { return n < 10 ? '00' + n : n < 100 ? '0' + n : String(n); }

/** glibc's iso_week_days: days since the Monday starting the ISO week-year (yday 0-based). */
function isoWeekDays(yday: number, wday: number): number {
  return yday - (yday - wday + 4 + 378) % 7 + 3;
}

function isoYearWeek(tm: DateTm): [number, number] {
  // glibc keeps this year in a C int, so it wraps at the int limits
  let year = tm.year | 0;
  const yday = tm.yday - 1, wday = tm.wday - 1;
  let days = isoWeekDays(yday, wday);
  if (days < 0) {
    year = (year - 1) | 0;
    days = isoWeekDays(yday + (365 + (isLeap(year) ? 1 : 0)), wday);
  } else {
    const d = isoWeekDays(yday - (365 + (isLeap(year) ? 1 : 0)), wday);
    if (d >= 0) { year = (year + 1) | 0; days = d; }
  }
  return [year, Math.floor(days / 7) + 1];
}

function conv(c: string, tm: DateTm): string {
  const wday = tm.wday - 1;
  switch (c) {
    case 'a': return DAYS[wday]!.slice(0, 3);
    case 'A': return DAYS[wday]!;
    case 'b': case 'h': return MONTHS[tm.month - 1]!.slice(0, 3);
    case 'B': return MONTHS[tm.month - 1]!;
    case 'c':
      return `${conv('a', tm)} ${conv('b', tm)} ${conv('e', tm)} ${conv('T', tm)} ${tm.year}`;
    case 'C': return String(fdiv(tm.year, 100));
    case 'd': return p2(tm.day);
    case 'D': case 'x': return `${p2(tm.month)}/${p2(tm.day)}/${conv('y', tm)}`;
    case 'e': return tm.day < 10 ? ' ' + tm.day : String(tm.day);
    case 'F': return `${tm.year}-${p2(tm.month)}-${p2(tm.day)}`;
    case 'g': return p2(fmod(isoYearWeek(tm)[0], 100));
    case 'G': return String(isoYearWeek(tm)[0]);
    case 'H': return p2(tm.hour);
    case 'I': return p2(tm.hour % 12 === 0 ? 12 : tm.hour % 12);
    case 'j': return p3(tm.yday);
    case 'm': return p2(tm.month);
    case 'M': return p2(tm.min);
    case 'n': return '\n';
    case 'p': return tm.hour < 12 ? 'AM' : 'PM';
    case 'r': return `${conv('I', tm)}:${p2(tm.min)}:${p2(tm.sec)} ${conv('p', tm)}`;
    case 'R': return `${p2(tm.hour)}:${p2(tm.min)}`;
    case 'S': return p2(tm.sec);
    case 't': return '\t';
    case 'T': case 'X': return `${p2(tm.hour)}:${p2(tm.min)}:${p2(tm.sec)}`;
    case 'u': return String(wday === 0 ? 7 : wday);
    case 'U': return p2(Math.floor((tm.yday - 1 - wday + 7) / 7));
    case 'V': return p2(isoYearWeek(tm)[1]);
    case 'w': return String(wday);
    case 'W': return p2(Math.floor((tm.yday - 1 - (wday - 1 + 7) % 7 + 7) / 7));
    case 'y': return p2(fmod(tm.year, 100));
    case 'Y': return String(tm.year);
    case 'z': {
      const off = tm.gmtoff;
      const a = Math.floor(Math.abs(off) / 60);
      return (off < 0 ? '-' : '+') + p2(Math.floor(a / 60)) + p2(a % 60);
    }
    case 'Z': return tm.zone;
    default: return '%'; // '%%'
  }
}

function badSpec(rest: string): never {
  const z = rest.indexOf('\0');
  const shown = z < 0 ? rest : rest.slice(0, z);
  throw new ArgError(1, `invalid conversion specifier '%${shown}'`, 'date');
}

/** strftime over fmt (already stripped of os.date's '!'). */
export function strftime(fmt: string, tm: DateTm): string {
  const n = fmt.length;
  let out = '';
  let from = 0;
  let i = 0;
  while (i < n) {
    if (fmt.charCodeAt(i) !== 37) { i++; continue; }
    out += fmt.slice(from, i);
    i++;
    const c = fmt[i];
    if (c !== undefined && SINGLE.indexOf(c) >= 0) {
      out += conv(c, tm);
      i++;
    } else if (i + 1 < n && DOUBLE.indexOf(fmt.slice(i, i + 2)) >= 0) {
      // E and O select alternative representations, which the C locale does not have
      out += conv(fmt[i + 1]!, tm);
      i += 2;
    } else badSpec(fmt.slice(i));
    from = i;
  }
  return out + fmt.slice(from);
}

/** os.date(fmt, t). */
export function osDate(fmt: string, t: number | bigint): string | DateTm {
  let utc = false;
  if (fmt.charCodeAt(0) === 33) { utc = true; fmt = fmt.slice(1); }
  const tm = breakDown(t, utc);
  const z = fmt.indexOf('\0');
  if ((z < 0 ? fmt : fmt.slice(0, z)) === '*t') return tm;
  return strftime(fmt, tm);
}

export interface DateInput {
  year?: LuaArg; month?: LuaArg; day?: LuaArg; hour?: LuaArg; min?: LuaArg; sec?: LuaArg;
  isdst?: LuaArg;
}

/** loslib's getfield: the int value of a date field, minus delta. */
function getField(v: LuaArg | undefined, key: string, d: number, delta: number): number {
  let res: bigint | undefined;
  if (typeof v === 'bigint') res = v;
  else if (typeof v === 'number') res = float2int(v);
  else if (typeof v === 'string') {
    const n = str2number(v);
    res = n === undefined ? undefined : typeof n === 'bigint' ? n : float2int(n);
  }
  if (res === undefined) {
    if (v !== undefined && v !== null) throw new LuaRuntimeError(`field '${key}' is not an integer`);
    if (d < 0) throw new LuaRuntimeError(`field '${key}' missing in date table`);
    return d;
  }
  const ok = res >= 0n ? res <= BigInt(INT_MAX + delta) : BigInt(INT_MIN + delta) <= res;
  if (!ok) throw new LuaRuntimeError(`field '${key}' is out-of-bound`);
  return Number(res) - delta;
}

/** os.time(fields): mktime in local time. */
export function osTime(f: DateInput): { time: bigint; tm: DateTm } {
  const year = getField(f.year, 'year', -1, 1900) + 1900;
  const mon = getField(f.month, 'month', -1, 1);
  const day = getField(f.day, 'day', -1, 0);
  const hour = getField(f.hour, 'hour', 12, 0);
  const min = getField(f.min, 'min', 0, 0);
  const sec = getField(f.sec, 'sec', 0, 0);
  const dst = f.isdst === undefined || f.isdst === null ? -1 : f.isdst === false ? 0 : 1;
  const y = year + fdiv(mon, 12);
  const days = daysFromCivil(y, fmod(mon, 12) + 1, 1) + day - 1;
  const local = BigInt(days) * 86400n + BigInt(hour * 3600 + min * 60 + sec);
  const ln = Number(local);
  // two rounds like glibc's guess-and-correct: off1 from the wall time read as UTC, then the
  // offset at the instant it gives; a wall time inside a DST gap is read with the offset in
  // force before the gap (the smaller one), e.g. 02:30 on a spring-forward day is 03:30 DST
  const off1 = localOffset(ln);
  let off = localOffset(ln - off1);
  if (localOffset(ln - off) !== off) off = Math.min(off, off1);
  let t = local - BigInt(off);
  if (dst >= 0) {
    const tn = Number(t);
    const isDst = isDstAt(tn, off);
    if ((dst === 1) !== isDst) {
      // glibc moves a mismatched hint by the zone's DST step, an hour where it has none
      const [jan, jul] = yearOffsets(tn);
      const step = Math.abs(jul - jan) || 3600;
      t += BigInt(dst === 1 ? -step : step);
    }
  }
  let tm: DateTm;
  try {
    tm = breakDown(t, false);
  } catch {
    throw new LuaRuntimeError('time result cannot be represented in this installation');
  }
  if (t === -1n) throw new LuaRuntimeError('time result cannot be represented in this installation');
  return { time: t, tm };
}
