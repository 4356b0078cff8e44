// The limits of issue 9: the site as it would be with 1,000 missions, one of
// them (UNAMI) with a 10,000-entry timeline. Made from a release build the
// way `make build` makes the real site from the data: the search documents
// by the project's own search_data tool and the pages by its prerenderer, so
// the benchmark measures it like the real site.
//
//   import { makeLargeSite } from './large-site.mjs';
//   const site = makeLargeSite('dist', { siteUrl });   // site.root, site.cleanup()
//
// The missions are the shipped ones again and again under new ids (unami,
// unami-1, unami-2…), each with words of its own in its name so search sees
// 1,000 different missions; the extra timeline entries repeat UNAMI's with
// numbered titles. Needs target/debug/search_data and target/debug/prerender
// (`make build` leaves both there).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Appends `extra` to every language of a localised text. */
const suffixed = (text, extra) => Object.fromEntries(Object.entries(text).map(([lang, value]) => [lang, `${value} ${extra}`]));

/** The shipped data grown to `missions` missions and `events` entries (resolutions and events) on UNAMI's timeline. */
export function largeData({ missions = 1000, events = 10000 } = {}) {
  const read = (rel) => JSON.parse(readFileSync(path.join(REPO, 'data', rel), 'utf8'));
  const shipped = read('index.json');
  const files = new Map();
  const index = { ...shipped, missions: [] };
  for (let k = 0; index.missions.length < missions; k++) {
    for (const summary of shipped.missions) {
      if (index.missions.length >= missions) break;
      const id = k === 0 ? summary.id : `${summary.id}-${k}`;
      const own = k === 0 ? {} : { acronym: `${summary.acronym}-${k}`, name: suffixed(summary.name, `(${k})`) };
      index.missions.push({ ...summary, id, ...own });
      const mission = read(`missions/${summary.id}.json`);
      files.set(`missions/${id}.json`, { ...mission, id, ...own });
    }
  }
  // `events` entries in all on UNAMI's timeline, its resolutions included.
  const unami = files.get('missions/unami.json');
  const shippedEvents = [...unami.events];
  const entries = () => unami.resolutions.length + unami.events.length;
  for (let n = 1; entries() < events; n++) {
    for (const event of shippedEvents) {
      if (entries() >= events) break;
      unami.events.push({ ...event, id: `${event.id}-${n}`, title: suffixed(event.title, `(${n})`) });
    }
  }
  files.set('index.json', index);
  return { index, files };
}

/** The year with the most timeline entries (resolutions and events) of `mission`. */
function busiest(mission) {
  const years = new Map();
  const add = (date) => years.set(Number(date.slice(0, 4)), (years.get(Number(date.slice(0, 4))) ?? 0) + 1);
  for (const r of mission.resolutions ?? []) add(r.adopted);
  for (const e of mission.events ?? []) add(e.date);
  const [year, entries] = [...years].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  return { year, entries };
}

/**
 * A copy of the build `dist` with the large data, its search documents and
 * the pages the benchmark measures prerendered from it. Returns `{ root,
 * missions, events, pages (the site paths prerendered), timelineYear (the
 * path of the busiest year's timeline page), timelineYearEntries, bytes,
 * cleanup() }`. `extraPages`: more site paths to prerender (`ar/missions/unami/`).
 */
export function makeLargeSite(dist, { siteUrl = '', missions = 1000, events = 10000, extraPages = [] } = {}) {
  const work = mkdtempSync(path.join(os.tmpdir(), 'mission-pages-large-'));
  const root = path.join(work, 'site');
  cpSync(dist, root, { recursive: true });
  // The build's pages are of the shipped data: only those made below stay
  // (an address without a page gets the host's 404.html, as on a real host).
  for (const dir of ['missions', 'ar', 'about', 'search', 'compare']) rmSync(path.join(root, dir), { recursive: true, force: true });
  const { files } = largeData({ missions, events });
  // The project's tools read data/ (and write target/generated/) under their working folder.
  const data = path.join(work, 'data');
  mkdirSync(path.join(data, 'missions'), { recursive: true });
  cpSync(path.join(REPO, 'data', 'spellings.json'), path.join(data, 'spellings.json'));
  let bytes = 0;
  for (const [rel, value] of files) {
    const text = `${JSON.stringify(value, null, 2)}\n`;
    bytes += Buffer.byteLength(text);
    writeFileSync(path.join(data, rel), text);
  }
  const tool = (name, args) => execFileSync(path.join(REPO, 'target', 'debug', name), args, { cwd: work, stdio: ['ignore', 'ignore', 'pipe'] });
  tool('search_data', []);
  rmSync(path.join(root, 'data'), { recursive: true, force: true });
  cpSync(data, path.join(root, 'data'), { recursive: true });
  cpSync(path.join(work, 'target', 'generated', 'search-data'), path.join(root, 'search-data'), { recursive: true });
  // The maps stay the shipped ones: the prerenderer looks for them here.
  mkdirSync(path.join(work, 'target', 'generated'), { recursive: true });
  cpSync(path.join(dist, 'maps'), path.join(work, 'target', 'generated', 'maps'), { recursive: true });
  // A made-up site has no history of its own, and nothing to download: the
  // files say so, as a build from a tarball's would (src/bin/history.rs).
  const generated = {
    'history/history.json': { changes: null, unavailable: 'a generated large site has no history' },
    'history/dates.json': { available: false, missions: {} },
    'downloads/index.json': { files: [] },
  };
  for (const [file, value] of Object.entries(generated)) {
    for (const at of [path.join(work, 'target', 'generated'), root]) {
      mkdirSync(path.dirname(path.join(at, file)), { recursive: true });
      writeFileSync(path.join(at, file), JSON.stringify(value));
    }
  }
  // A timeline that long has pages by year: the busiest year's first is the
  // heaviest, and a year past 250 entries has a second page too.
  const busiestYear = busiest(files.get('missions/unami.json'));
  const timelineYear = `missions/unami/timeline/${busiestYear.year}/`;
  const yearPages = busiestYear.entries > 250 ? [timelineYear, `${timelineYear}2/`] : [timelineYear];
  const pages = ['', 'missions/unami/', 'missions/unami/timeline/', ...yearPages, 'search/', ...extraPages];
  tool('prerender', ['--template', path.join(root, 'shell.html'), '--out', root, '--site-url', siteUrl, ...pages.map((p) => `/${p}`)]);
  execFileSync(process.execPath, [path.join(REPO, 'scripts', 'service-worker.mjs'), root], { stdio: 'ignore' });
  return {
    root,
    missions,
    events,
    pages,
    timelineYear,
    timelineYearEntries: busiestYear.entries,
    bytes,
    cleanup: () => rmSync(work, { recursive: true, force: true }),
  };
}
