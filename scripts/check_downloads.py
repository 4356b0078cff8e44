#!/usr/bin/env python3
"""Reads the Data page's downloads back as an analyst would, and checks them.

Every CSV file is read with pandas.read_csv, with its default settings and
encoding="utf-8" (what a researcher types first), then:

- the header's first column name has no byte order mark left in it (pandas
  must strip it), and the file starts with one and ends its lines with CRLF;
- each mission's table agrees with the mission's JSON: as many rows, and the
  values (resolution numbers and dates, names, amounts, source ids and their
  addresses, the Arabic texts character for character);
- each all-missions table is the missions' tables one after another, with
  the mission's id in its first column;
- downloads/index.json lists every file with its size in bytes;
- the zip opens with zipfile, testzip() finds nothing wrong, and it holds
  exactly the expected files, each the same bytes as the published one.

Usage: check_downloads.py [DOWNLOADS_DIR [DATA_ROOT]]
  DOWNLOADS_DIR  the downloads folder (default target/generated/downloads;
                 dist/downloads for a build)
  DATA_ROOT      the folder that holds data/ (default .; dist for a build)

Exits 1 naming each file, row and column that is wrong (`make check-downloads`).
"""

import json
import math
import os
import sys
import zipfile

import pandas as pd

TABLES = ["resolutions", "heads-of-mission", "personnel", "budgets", "offices", "sources"]
ZIP_ROOT = "mission-pages-data/"
BOM = "\ufeff"

# What pandas reads as missing by default (pandas.read_csv's na_values): a
# cell holding exactly one of these comes back NaN, which the check accepts
# for a text that is one of them (an office in Namibia has the code "NA").
PANDAS_NA = {
    "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND",
    "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null",
}

errors = []


def fail(where, message):
    errors.append(f"{where}: {message}")


def cell(value):
    """A cell as text, whatever type pandas inferred: NaN is empty, a float
    that is a whole number (an int column with gaps) loses its ".0"."""
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer():
            return str(int(value))
    return str(value)


def agrees(expected, got):
    return expected == got or (got == "" and expected in PANDAS_NA)


def text(value, lang):
    """A text of the data in one language, exactly: empty when it has none."""
    if not value:
        return ""
    return value.get(lang, "") if lang != "en" else value["en"]


def yes_no(flag):
    return "yes" if flag else "no"


def read_csv(path, where):
    """The file read as pandas reads it, and its raw bytes checked."""
    with open(path, "rb") as f:
        raw = f.read()
    if not raw.startswith(BOM.encode("utf-8")):
        fail(where, "does not start with a UTF-8 byte order mark")
    # Every record ends with CRLF; a bare line feed may stand only inside a
    # quoted field (a text of several lines).
    quoted = False
    for at, byte in enumerate(raw):
        if byte == 0x22:
            quoted = not quoted
        elif byte == 0x0A and not quoted and raw[at - 1 : at] != b"\r":
            line = raw[:at].count(b"\n") + 1
            fail(where, f"line {line} ends with LF, not CRLF")
            break
    if not raw.endswith(b"\r\n"):
        fail(where, "the last line does not end with CRLF")
    frame = pd.read_csv(path, encoding="utf-8")
    first = frame.columns[0] if len(frame.columns) else ""
    if first.startswith(BOM) or first.startswith("ï»¿"):
        fail(where, f"the first column's name keeps the byte order mark: {first!r}")
    return frame


def rows_of(frame):
    return [[cell(v) for v in row] for row in frame.itertuples(index=False, name=None)]


def expected_rows(mission, table):
    """What the mission's JSON says each row holds, column by column (the
    columns checked; the table may have more)."""
    sources = {s["id"]: s["url"] for s in mission.get("sources", [])}

    def sourced(refs):
        return {
            "source_ids": " ".join(refs),
            "source_urls": " ".join(sources[r] for r in refs if r in sources),
        }

    def date(d):
        return d or ""

    if table == "resolutions":
        return [
            {
                "number": str(r["number"]),
                "year": str(r["year"]),
                "adopted": r["adopted"],
                "milestone": yes_no(r.get("milestone", False)),
                "effect_en": text(r["effect"], "en"),
                "effect_ar": text(r["effect"], "ar"),
                **sourced(r["sources"]),
            }
            for r in mission.get("resolutions", [])
        ]
    if table == "heads-of-mission":
        heads = [p for p in mission.get("leadership", []) if not p.get("reports_to")]
        post = heads[0] if heads else None
        return [
            {
                "post_id": post["id"],
                "post_en": text(post["title"], "en"),
                "post_ar": text(post["title"], "ar"),
                "name_en": text(h["name"], "en"),
                "name_ar": text(h["name"], "ar"),
                "nationality_ar": text(h.get("nationality"), "ar"),
                "from": date(h.get("from")),
                "to": date(h.get("to")),
                "acting": yes_no(h.get("acting", False)),
                "note_ar": text(h.get("note"), "ar"),
                **sourced(h["sources"]),
            }
            for h in (post["holders"] if post else [])
        ]
    if table == "personnel":
        return [
            {
                "as_of": date(p.get("as_of")),
                "people": str(p["total"]),
                "approximate": yes_no(p.get("approximate", False)),
                "measure": p.get("measure", "headcount"),
                "date_note_ar": text(p.get("date_note"), "ar"),
                "note_en": text(p.get("note"), "en"),
                "note_ar": text(p.get("note"), "ar"),
                **sourced(p["sources"]),
            }
            for p in mission.get("personnel", [])
        ]
    if table == "budgets":
        return [
            {
                "period_en": text(b["period"], "en"),
                "period_ar": text(b["period"], "ar"),
                "year": str(b["year"]),
                "amount_usd": str(b["amount_usd"]),
                "stage": b["kind"],
                "note_ar": text(b.get("note"), "ar"),
                **sourced(b["sources"]),
            }
            for b in mission.get("budget", [])
        ]
    if table == "offices":
        return [
            {
                "id": o["id"],
                "name_en": text(o["name"], "en"),
                "name_ar": text(o["name"], "ar"),
                "role_ar": text(o.get("role"), "ar"),
                "country_code": (o.get("place") or {}).get("country", ""),
                "opened": date(o.get("opened")),
                "closed": date(o.get("closed")),
                **sourced(o["sources"]),
            }
            for o in mission.get("offices", [])
        ]
    if table == "sources":
        return [
            {
                "number": str(i + 1),
                "id": s["id"],
                "title_en": text(s["title"], "en"),
                "title_ar": text(s["title"], "ar"),
                "publisher_ar": text(s["publisher"], "ar"),
                "url": s["url"],
                "date": date(s.get("date")),
            }
            for i, s in enumerate(mission.get("sources", []))
        ]
    raise ValueError(table)


def check_mission_table(where, frame, mission, table):
    expected = expected_rows(mission, table)
    if len(frame) != len(expected):
        fail(where, f"{len(frame)} rows, but the JSON has {len(expected)}")
        return
    columns = list(frame.columns)
    got_rows = rows_of(frame)
    for i, (want, got) in enumerate(zip(expected, got_rows)):
        for column, value in want.items():
            if column not in columns:
                fail(where, f"no column {column!r}")
                return
            actual = got[columns.index(column)]
            if not agrees(value, actual):
                fail(where, f"row {i + 1} (line {i + 2}), column {column!r}: the JSON has {value!r}, pandas read {actual!r}")
    # Coordinates as numbers: pandas reads them as floats.
    if table == "offices":
        for i, o in enumerate(mission.get("offices", [])):
            for axis in ("lat", "lon"):
                want = (o.get("coordinates") or {}).get(axis)
                got = frame[axis].iloc[i]
                if want is None:
                    if not pd.isna(got):
                        fail(where, f"row {i + 1}, column {axis!r}: no coordinates in the JSON, pandas read {got!r}")
                elif pd.isna(got) or abs(float(got) - want) > 1e-9:
                    fail(where, f"row {i + 1}, column {axis!r}: the JSON has {want}, pandas read {got!r}")


def main():
    downloads = sys.argv[1] if len(sys.argv) > 1 else "target/generated/downloads"
    root = sys.argv[2] if len(sys.argv) > 2 else "."

    def site_file(path):
        if path.startswith("downloads/"):
            return os.path.join(downloads, path[len("downloads/"):])
        return os.path.join(root, path)

    index_path = os.path.join(downloads, "index.json")
    with open(index_path, encoding="utf-8") as f:
        listed = json.load(f)["files"]
    with open(os.path.join(root, "data/index.json"), encoding="utf-8") as f:
        ids = sorted(m["id"] for m in json.load(f)["missions"])

    # The list: every file there, its size right; every CSV on disk listed.
    for entry in listed:
        path = site_file(entry["path"])
        if not os.path.isfile(path):
            fail(index_path, f"lists {entry['path']}, which is not at {path}")
        elif os.path.getsize(path) != entry["bytes"]:
            fail(index_path, f"{entry['path']}: listed as {entry['bytes']} bytes, the file has {os.path.getsize(path)}")
    kinds = [e["kind"] for e in listed]
    if kinds[:2] != ["zip", "index"]:
        fail(index_path, f"should list the zip, then the index, first: {kinds[:2]}")
    on_disk = set()
    for folder, _, names in os.walk(downloads):
        for name in names:
            if name.endswith(".csv"):
                on_disk.add(os.path.relpath(os.path.join(folder, name), downloads).replace(os.sep, "/"))
    listed_csv = {e["path"][len("downloads/"):] for e in listed if e["kind"] == "csv"}
    for missing in sorted(on_disk - listed_csv):
        fail(index_path, f"does not list {missing}")
    expected_csv = {f"missions/{i}/{t}.csv" for i in ids for t in TABLES} | {f"all/{t}.csv" for t in TABLES}
    for missing in sorted(expected_csv - listed_csv):
        fail(index_path, f"does not list the expected {missing}")

    # Each mission's tables against its JSON; the all-missions tables.
    missions = {}
    for i in ids:
        with open(os.path.join(root, f"data/missions/{i}.json"), encoding="utf-8") as f:
            missions[i] = json.load(f)
    checked = 0
    for table in TABLES:
        parts = []
        for i in ids:
            path = os.path.join(downloads, f"missions/{i}/{table}.csv")
            if not os.path.isfile(path):
                fail(path, "missing")
                continue
            frame = read_csv(path, path)
            check_mission_table(path, frame, missions[i], table)
            parts.append((i, list(frame.columns), rows_of(frame)))
            checked += 1
        path = os.path.join(downloads, f"all/{table}.csv")
        if not os.path.isfile(path):
            fail(path, "missing")
            continue
        frame = read_csv(path, path)
        checked += 1
        columns = list(frame.columns)
        if columns[0] != "mission":
            fail(path, f"the first column is {columns[0]!r}, not 'mission'")
            continue
        expected = [[i] + row for i, _, rows in parts for row in rows]
        got = rows_of(frame)
        if len(got) != len(expected):
            fail(path, f"{len(got)} rows, but the missions' tables have {len(expected)} together")
        for i, (want, have) in enumerate(zip(expected, got)):
            if want != have:
                diff = [columns[k] for k in range(min(len(want), len(have))) if want[k] != have[k]]
                fail(path, f"row {i + 1} (line {i + 2}) is not row of {want[0]}'s table: columns {diff}")
                break
        for _, mcolumns, _ in parts[:1]:
            if columns[1:] != mcolumns:
                fail(path, f"columns {columns[1:]} are not the missions' {mcolumns}")

    # The zip.
    zip_path = os.path.join(downloads, "mission-pages-data.zip")
    with zipfile.ZipFile(zip_path) as z:
        bad = z.testzip()
        if bad is not None:
            fail(zip_path, f"{bad} is damaged (zipfile's testzip)")
        names = z.namelist()
        schemas = sorted(n for n in os.listdir(os.path.join(root, "data/schema")) if n.endswith(".json"))
        expected = (
            ["README.txt", "data/index.json", "data/spellings.json"]
            + [f"data/schema/{n}" for n in schemas]
            + [f"data/missions/{i}.json" for i in ids]
            + [f"csv/missions/{i}/{t}.csv" for i in ids for t in TABLES]
            + [f"csv/all/{t}.csv" for t in TABLES]
        )
        if sorted(names) != sorted(ZIP_ROOT + n for n in expected):
            have = {n[len(ZIP_ROOT):] for n in names}
            fail(zip_path, f"missing {sorted(set(expected) - have)[:5]}, unexpected {sorted(have - set(expected))[:5]}")
        for name in expected:
            member = ZIP_ROOT + name
            if member not in names or name == "README.txt":
                continue
            disk = site_file("downloads/" + name[len("csv/"):]) if name.startswith("csv/") else os.path.join(root, name)
            with open(disk, "rb") as f:
                if z.read(member) != f.read():
                    fail(zip_path, f"{member} differs from {disk}")
        readme = z.read(ZIP_ROOT + "README.txt").decode("utf-8") if ZIP_ROOT + "README.txt" in names else ""
        if "https://creativecommons.org/licenses/by/4.0/" not in readme:
            fail(zip_path, "README.txt does not give the data's licence")
        if any(i.compress_type != zipfile.ZIP_DEFLATED for i in z.infolist() if i.file_size > 1024):
            fail(zip_path, "a file over 1 KiB is not deflate-compressed")

    if errors:
        for e in errors[:100]:
            print(f"FAIL {e}", file=sys.stderr)
        if len(errors) > 100:
            print(f"... and {len(errors) - 100} more", file=sys.stderr)
        print(f"check_downloads: {len(errors)} problems in {downloads}", file=sys.stderr)
        return 1
    print(
        f"check_downloads: {checked} CSV files read with pandas {pd.__version__} agree with the JSON; "
        f"{len(listed)} files listed with their sizes; the zip holds {len(expected)} files, all sound"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
