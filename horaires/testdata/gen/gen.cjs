// gen.cjs asks the reference implementation of the OpenStreetMap opening_hours
// syntax (npm package opening_hours, run at development time only) how it reads
// every distinct "horaires" value of the real data sets plus hand-written tricky
// cases, and prints a JSON fixture that the Go tests compare the parser against.
//
// Usage (see README.md beside this file):
//   NODE_PATH=/tmp/oh/node_modules node gen.cjs DATA_DIR > ../reference.json
'use strict';

process.env.TZ = 'UTC'; // no daylight saving jumps inside the reference weeks

const fs = require('fs');
const path = require('path');
const OpeningHours = require('opening_hours');
const version = require('opening_hours/package.json').version;

// Paris, so that public holidays are the French ones (without the Alsace-Moselle extras).
const place = { lat: 48.8566, lon: 2.3522, address: { country_code: 'fr', state: 'Île-de-France' } };
const options = { mode: 0, locale: 'en' }; // mode 0: time ranges only, as in the standard

const minute = 60 * 1000;
const day = 24 * 60 * minute;

// A week without public holidays, starting on a Monday.
const plainWeek = '2025-01-06';
// One date per weekday (Monday first) on which a French public holiday falls.
const holidays = ['2025-04-21', '2025-11-11', '2024-12-25', '2025-05-01', '2025-08-15', '2025-11-01', '2026-11-01'];

// Hand-written cases: what the subset must handle, and what it must refuse.
const handWritten = [
  // Subset.
  'Mo-Fr 09:00-12:00,14:00-17:00; We off; Sa 09:00-12:00',
  'Mo-Fr 09:00-12:00; Tu,Th 14:00-17:00',
  'Tu,Th 09:00-12:00',
  'Mo,We,Fr 09:00-12:00; Tu,Th 14:00-17:00',
  'Sa-Mo 10:00-12:00',
  'Fr-Mo 10:00-12:00',
  'Su-Sa 10:00-12:00',
  'Mo-Su 10:00-12:00',
  'Mo-Mo 10:00-12:00',
  'Mo-Fr 08:00-12:00,11:00-14:00',
  'Mo-Fr 08:00-12:00,12:00-14:00',
  'Mo-Fr 14:00-17:00,09:00-12:00',
  'Mo-Fr 09:00-12:00; Mo-Fr 14:00-17:00',
  'Mo-Fr 09:00-12:00; PH off',
  'Mo-Fr 09:00-12:00; PH 10:00-12:00',
  'Mo-Sa 09:00-12:00; Su,PH off',
  'Mo-Fr 09:00-12:00; PH,Su off',
  'Mo-Fr,PH 10:00-12:00',
  'PH off',
  '24/7',
  '24/7; PH off',
  '24/7; Su off',
  'Mo-Fr 00:00-24:00',
  'Mo-Fr 10:00-24:00',
  'Mo-Fr 00:00-02:00,10:00-12:00',
  'Mo-Fr 09:00-12:00 "sur rendez-vous"',
  'Mo-Fr 09:00-12:00 "sur rendez-vous"; We off',
  'Mo-Fr 09:00-12:00; Sa 09:00-12:00 "un samedi sur deux"',
  'Mo-Fr 09:00-12:00 open "accueil libre"',
  'Mo-Fr 09:00-12:00; Sa "sur rendez-vous"',
  'Mo-Fr 09:00-12:00; We off "fermé pendant les vacances scolaires"',
  'Mo-Fr 09:00-12:00; Sa unknown',
  'Mo 10:00-12:00 unknown',
  'Mo-Fr 09:00-12:00; Mo open',
  '"sur rendez-vous"',
  'Mo-Fr 09:00-12:00; "sur rendez-vous"',
  'off',
  'Mo-Fr 09:00-12:00 closed',
  'Mo-Fr 09:00-12:00; We closed',
  'Mo-Fr 09:00-12:00; We OFF',
  'mo-fr 09:00-12:00',
  'MO-FR 09:00-12:00',
  'Mo-Fr 9:00-12:00',
  'Mo - Fr  09:00 - 12:00 ,  14:00-17:00 ;Sa 10:00-12:00',
  '  Mo-Fr 09:00-12:00  ',
  'Mo-Fr\t09:00-12:00',
  'Mo-Fr\u00a009:00-12:00',
  'Mo-Fr 09:00-12:00;Sa 10:00-12:00',
  'Mo-Fr 09:00-12:00;',
  'Mo-Fr 09:00-12:00;; Sa 10:00-12:00',
  'Mo-Fr 09:00-12:00, We 14:00-16:00',
  'Mo-Fr 09:00-12:00,We 14:00-16:00',
  'Mo-Fr 09:00-12:00, Sa 10:00-12:00',
  'Mo-Fr 09:00-12:00 "a", We 14:00-16:00',
  'Mo-Fr 08:00-12:00, We off',
  'Mo-Fr 22:00-02:00',
  'Su 22:00-02:00',
  'Fr,Sa 20:00-01:00; Su off',
  'Mo 22:00-02:00; Tu off',
  'Mo 22:00-02:00; Tu 10:00-12:00',
  'Tu 10:00-12:00; Mo 22:00-02:00',
  'Mo 22:00-02:00; Mo 10:00-12:00',
  'Mo 10:00-26:00',
  'PH off; Mo-Fr 09:00-12:00',
  'Mo-Fr 09:00-12:00; PH off; Sa 10:00-12:00',
  'Su 22:00-02:00; PH off',
  'PH 22:00-02:00',
  'Mo 14:00-14:00',
  // Malformed or outside the subset.
  '',
  'Mo-Fr',
  'Mo open',
  'Mo-Fr 24/7',
  '08:00-17:00',
  'Mo 14-17',
  'Mo-Fr 9h-12h30',
  'Mo 08:45-12:00-13:45',
  'Mo 09:00',
  'Mo 09:00-',
  'Mo 25:00-26:00',
  'Mo 09:60-10:00',
  'Mo 24:00-25:00',
  'Mo-Fr 09:00-12:00 Sa 10:00-12:00',
  'Mo-Fr 09.00-12.00',
  'lundi 09:00-12:00',
  'Mon-Fri 09:00-12:00',
  'Mo-Fr: 09:00-12:00',
  'Mo-Fr 09:00-12:00 "sans fin',
  'Mo-Fr 09:00-12:00 || "sur rendez-vous"',
  'Jan-Jun Mo-Fr 09:00-12:00',
  'Dec 25 off',
  'week 1-53/2 Fr 13:30-16:30; PH off',
  '2025 Mo-Fr 09:00-12:00',
  'Mo-Fr 09:00-12:00; SH off',
  'Mo[1] 09:00-12:00',
  'Mo-Fr sunrise-sunset',
  'Mo-Fr 09:00-(sunset-01:00)',
  'Mo-Fr 09:00+',
  'Mo-Fr 09:00-17:00/01:00',
  'PH +1 day off',
  'easter off',
  'Mo-Fr 09:00-12:00 off',
  'Mo-Fr 09:00-12:00; We 10:00-11:00 off',
  'Mo-Fr 09:00-12:00; We 10:00-11:00 closed "réunion"',
  // More corners of the subset.
  'Mo 10:00-36:00',
  'Mo 22:00-08:00',
  'Mo 00:00-00:00',
  'Sa-Mo 22:00-02:00',
  'Mo-Fr 09:00-12:00 ""',
  'Mo-Fr 09:00-12:00,',
  'Mo-Fr 09:00-12:00; We off "a", We 10:00-11:00',
  'Sa "sur rendez-vous", Sa 10:00-12:00',
  'Mo-Fr 09:00-12:00 "a", We 14:00-16:00 "a"',
  '"sur rendez-vous"; Mo-Fr 09:00-12:00',
  'open',
  'unknown',
  'off "fermé pour travaux"',
  'Mo-Fr 09:00-12:00; PH "sur rendez-vous"',
  'Mo-Su 09:00-12:00; PH 10:00-12:00',
  'PH off; Mo-Su 10:00-12:00',
  'Mo-Fr 09:00-12:00, PH 14:00-16:00',
  'Mo-Fr 09:00–12:00',
  'Mo-Fr 09:00-12:00 “rdv”',
  'Mo,SH off',
  'Mo-Fr 09:00-12:00 "l\'après-midi  sur rendez-vous"',
  'Mo-Fr 09:00-12:00 open; Sa 10:00-12:00 unknown "à confirmer"',
];

function main() {
  const dataDir = process.argv[2];
  if (!dataDir) {
    console.error('usage: node gen.cjs DATA_DIR > reference.json');
    process.exit(2);
  }
  const counts = new Map();
  for (const file of jsonFiles(dataDir)) {
    let rows;
    try {
      rows = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      continue;
    }
    if (!Array.isArray(rows)) continue;
    for (const row of rows) {
      if (row && typeof row.horaires === 'string') {
        counts.set(row.horaires, (counts.get(row.horaires) || 0) + 1);
      }
    }
  }
  const names = holidayNames();
  const cases = [];
  for (const value of [...counts.keys()].sort()) {
    cases.push(reference(value, counts.get(value), names));
  }
  for (const value of handWritten) {
    if (!counts.has(value)) cases.push(reference(value, 0, names));
  }
  const out = [];
  out.push('{');
  out.push(`"generator": ${JSON.stringify('npm opening_hours ' + version + ', mode 0, Paris (fr), TZ=UTC')},`);
  out.push(`"week": ${JSON.stringify(plainWeek)},`);
  out.push(`"holidays": ${JSON.stringify(holidays)},`);
  out.push('"cases": [');
  out.push(cases.map((c) => JSON.stringify(c)).join(',\n'));
  out.push(']}');
  process.stdout.write(out.join('\n') + '\n');
}

// short keeps the first 300 characters of a message, on one line.
function short(message) {
  const s = message.replace(/\s+/g, ' ').trim();
  return s.length > 300 ? s.slice(0, 300) + '…' : s;
}

function jsonFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...jsonFiles(p));
    else if (entry.name.endsWith('.json')) out.push(p);
  }
  return out.sort();
}

// holidayNames returns the name opening_hours gives each holiday date, checking
// that each chosen date is a holiday and that no other day of its week is one.
function holidayNames() {
  const probe = new OpeningHours('PH off', place, options);
  const names = {};
  for (const date of holidays) {
    const start = new Date(date + 'T00:00:00Z');
    const weekday = (start.getUTCDay() + 6) % 7;
    const monday = start.getTime() - weekday * day;
    for (let d = 0; d < 8; d++) {
      const t = new Date(monday + d * day);
      const name = probe.getComment(t);
      if ((d === weekday) !== (typeof name === 'string')) {
        throw new Error(`${date}: unexpected holiday layout on ${t.toISOString()}`);
      }
    }
    names[date] = probe.getComment(start);
  }
  return names;
}

function reference(value, count, names) {
  const c = { value, count };
  let oh;
  try {
    oh = new OpeningHours(value, place, options);
  } catch (e) {
    c.ok = false;
    c.error = short(String(e));
    return c;
  }
  c.ok = true;
  const warnings = oh.getWarnings();
  if (warnings.length > 0) c.warnings = warnings.map(short);
  const monday = new Date(plainWeek + 'T00:00:00Z').getTime();
  c.days = [];
  for (let d = 0; d < 7; d++) c.days.push(segments(oh, monday + d * day, null));
  // For each holiday, the holiday itself and the day after; omitted when
  // both read exactly as the same weekdays of the plain week.
  const ph = [];
  let differs = false;
  holidays.forEach((date, weekday) => {
    const start = new Date(date + 'T00:00:00Z').getTime();
    const pair = [segments(oh, start, names[date]), segments(oh, start + day, null)];
    if (JSON.stringify(pair[0]) !== JSON.stringify(c.days[weekday]) ||
        JSON.stringify(pair[1]) !== JSON.stringify(c.days[(weekday + 1) % 7])) {
      differs = true;
    }
    ph.push(pair);
  });
  if (differs) c.holidays = ph;
  return c;
}

// segments lists the state of one day as [start, end, state, comment?] in
// minutes since midnight, state being "open", "unknown" or "closed"; closed
// stretches without a comment are left out. holidayName, when given, is the
// comment opening_hours adds by itself on a holiday; it is dropped since it
// is not part of the value.
function segments(oh, start, holidayName) {
  const end = start + day;
  const out = [];
  const it = oh.getIterator(new Date(start));
  for (;;) {
    const from = Math.max(it.getDate().getTime(), start);
    const state = it.getState() ? 'open' : it.getUnknown() ? 'unknown' : 'closed';
    let comment = it.getComment();
    if (comment === holidayName) comment = undefined;
    const more = it.advance(new Date(end));
    const to = more ? Math.min(it.getDate().getTime(), end) : end;
    if (to > from && (state !== 'closed' || comment !== undefined)) {
      const seg = [(from - start) / minute, (to - start) / minute, state];
      if (comment !== undefined) seg.push(comment);
      const last = out[out.length - 1];
      if (last && last[1] === seg[0] && last[2] === seg[2] && last[3] === seg[3]) last[1] = seg[1];
      else out.push(seg);
    }
    if (!more || it.getDate().getTime() >= end) break;
  }
  return out;
}

main();
