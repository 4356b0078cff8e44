//! Generates the typed UI strings from `locales/*.json` (see docs/languages.md).
//!
//! Every file is a locale: its name is the language code (`ar.json` → `/ar/`),
//! `_meta` says how it is written, and every other key is a message. English
//! (`en.json`) is the reference: a message the code uses must be there, or the
//! build fails (each message is a method of `Strings`). Placeholders are
//! `{name}` and become the method's arguments, in alphabetical order of
//! their names (each language orders them its own way); a message whose value is an
//! object of plural forms (`one`, `other`; Arabic also `zero`, `two`, `few`,
//! `many`) takes a count `n`. A published locale must have every message with
//! the same placeholders, or the build fails naming them; an unpublished one
//! (`"published": false`, a language being prepared) falls back to English.
//!
//! Adding a language is adding a file: nothing in Rust names a locale.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use serde_json::{Map, Value};

const PLURAL_FORMS: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

struct Locale {
    code: String,
    variant: String,
    name: String,
    rtl: bool,
    published: bool,
    plural_rules: String,
    messages: Map<String, Value>,
}

fn fail(message: String) -> ! {
    panic!("\n\nlocales: {message}\n\n");
}

fn variant_name(code: &str) -> String {
    code.split(['-', '_'])
        .map(|part| {
            let mut c = part.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + &c.as_str().to_ascii_lowercase())
                .unwrap_or_default()
        })
        .collect()
}

/// The `{name}` placeholders of a message, in order of first use.
fn placeholders(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        let name = &rest[start + 1..start + len];
        if !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            && !out.iter().any(|n| n == name)
        {
            out.push(name.to_owned());
        }
        rest = &rest[start + len + 1..];
    }
    out
}

/// Every text of a message (one, or each plural form).
fn texts(value: &Value) -> Vec<&str> {
    match value {
        Value::String(s) => vec![s.as_str()],
        Value::Object(forms) => forms.values().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn read(path: &Path) -> Locale {
    let code = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_owned();
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| fail(format!("cannot read {}: {e}", path.display())));
    let mut messages: Map<String, Value> = serde_json::from_str(&text)
        .unwrap_or_else(|e| fail(format!("{} is not a JSON object: {e}", path.display())));
    let meta = messages
        .remove("_meta")
        .unwrap_or_else(|| fail(format!("{} has no \"_meta\"", path.display())));
    let field = |name: &str| meta.get(name).and_then(Value::as_str).map(str::to_owned);
    Locale {
        variant: variant_name(&code),
        name: field("name").unwrap_or_else(|| fail(format!("{code}.json: _meta.name is missing"))),
        rtl: match field("dir").as_deref() {
            Some("rtl") => true,
            Some("ltr") => false,
            other => fail(format!(
                "{code}.json: _meta.dir must be \"ltr\" or \"rtl\", not {other:?}"
            )),
        },
        published: meta
            .get("published")
            .and_then(Value::as_bool)
            .unwrap_or(true),
        plural_rules: field("plural_rules").unwrap_or_else(|| "one-other".to_owned()),
        code,
        messages,
    }
}

/// The names in `shared-names.json` that the Rust code uses, as constants
/// (`src/site/base.rs` includes them): the build's JavaScript reads the same file.
fn shared_names() {
    const FILE: &str = "shared-names.json";
    let fail = |message: String| -> ! { panic!("\n\n{FILE}: {message}\n\n") };
    println!("cargo::rerun-if-changed={FILE}");
    let text =
        std::fs::read_to_string(FILE).unwrap_or_else(|e| fail(format!("cannot read it: {e}")));
    let names: Map<String, Value> =
        serde_json::from_str(&text).unwrap_or_else(|e| fail(e.to_string()));
    let mut out = String::new();
    for (key, constant) in [
        ("manifest", "MANIFEST_FILE"),
        ("versionMeta", "VERSION_META"),
    ] {
        let Some(value) = names.get(key).and_then(Value::as_str) else {
            fail(format!("no string {key:?}"))
        };
        writeln!(
            out,
            "/// `{key}` in `{FILE}`.\npub const {constant}: &str = {value:?};"
        )
        .unwrap();
    }
    let dest =
        Path::new(&std::env::var("OUT_DIR").unwrap_or_else(|_| fail("OUT_DIR is not set".into())))
            .join("shared_names.rs");
    std::fs::write(&dest, out)
        .unwrap_or_else(|e| fail(format!("cannot write {}: {e}", dest.display())));
}

/// The prefix of messages only pages made at build time use.
const BUILT_ONLY_PREFIX: &str = "built_";

fn main() {
    shared_names();
    println!("cargo::rerun-if-changed=locales");
    let mut files: Vec<_> = std::fs::read_dir("locales")
        .unwrap_or_else(|e| fail(format!("cannot list locales/: {e}")))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    for f in &files {
        println!("cargo::rerun-if-changed={}", f.display());
    }
    let mut locales: Vec<Locale> = files.iter().map(|p| read(p)).collect();
    // English first: it is the default and the reference.
    let en_at = locales
        .iter()
        .position(|l| l.code == "en")
        .unwrap_or_else(|| fail("locales/en.json is missing: English is the reference".into()));
    let en = locales.remove(en_at);
    locales.insert(0, en);
    for l in &locales {
        if !matches!(l.plural_rules.as_str(), "one-other" | "arabic") {
            fail(format!(
                "{}.json: _meta.plural_rules must be \"one-other\" or \"arabic\"",
                l.code
            ));
        }
    }

    // Messages of the pages made only at build time (keys `built_…`:
    // src/pages/built.rs) are left out of the browser build: the app never
    // shows them, and each costs the WebAssembly its bytes in every language.
    let browser = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    if browser {
        for l in &mut locales {
            l.messages
                .retain(|key, _| !key.starts_with(BUILT_ONLY_PREFIX));
        }
    }
    let reference = &locales[0].messages;
    let mut problems = Vec::new();
    for (key, value) in reference {
        let ok_key = key.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !ok_key {
            problems.push(format!("en.json: the key \"{key}\" must be snake_case"));
        }
        match value {
            Value::String(_) => {}
            Value::Object(forms) if forms.contains_key("other") => {}
            _ => problems.push(format!(
                "en.json: \"{key}\" must be a string or plural forms with \"other\""
            )),
        }
    }
    for l in &locales[1..] {
        for (key, value) in &l.messages {
            let Some(en_value) = reference.get(key) else {
                problems.push(format!("{}.json: \"{key}\" is not in en.json", l.code));
                continue;
            };
            if en_value.is_object() != value.is_object() {
                problems.push(format!(
                    "{}.json: \"{key}\" must have plural forms as in en.json, or not",
                    l.code
                ));
            }
            let want: BTreeSet<String> = texts(en_value)
                .iter()
                .flat_map(|t| placeholders(t))
                .collect();
            for text in texts(value) {
                let have: BTreeSet<String> = placeholders(text).into_iter().collect();
                if !have.is_subset(&want) {
                    problems.push(format!(
                        "{}.json: \"{key}\" uses placeholders {have:?}, en.json has {want:?}",
                        l.code
                    ));
                }
            }
        }
        if l.published {
            let missing: Vec<&String> = reference
                .keys()
                .filter(|k| !l.messages.contains_key(*k))
                .collect();
            if !missing.is_empty() {
                problems.push(format!(
                    "{}.json is published but lacks {} message(s): {}",
                    l.code,
                    missing.len(),
                    missing
                        .iter()
                        .map(|k| k.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
        }
    }
    if !problems.is_empty() {
        fail(problems.join("\n"));
    }

    let mut out = String::new();
    out.push_str("// Generated by build.rs from locales/*.json: do not edit.\n\n");
    out.push_str("/// A language the site can be read in.\n#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum Locale {\n");
    for l in &locales {
        writeln!(out, "    /// {} (`locales/{}.json`)", l.name, l.code).unwrap();
        writeln!(out, "    {},", l.variant).unwrap();
    }
    out.push_str("}\n\nimpl Locale {\n");
    writeln!(
        out,
        "    /// Every locale, English first.\n    pub const ALL: [Locale; {}] = [{}];",
        locales.len(),
        locales
            .iter()
            .map(|l| format!("Locale::{}", l.variant))
            .collect::<Vec<_>>()
            .join(", ")
    )
    .unwrap();
    let arms = |f: &dyn Fn(&Locale) -> String| {
        locales
            .iter()
            .map(|l| format!("            Locale::{} => {},\n", l.variant, f(l)))
            .collect::<String>()
    };
    write!(out, "    /// The language code, as in the address (`/ar/`) and `lang`.\n    pub const fn code(self) -> &'static str {{\n        match self {{\n{}        }}\n    }}\n", arms(&|l| format!("{:?}", l.code))).unwrap();
    write!(out, "    /// The language's name in itself (`العربية`).\n    pub const fn native_name(self) -> &'static str {{\n        match self {{\n{}        }}\n    }}\n", arms(&|l| format!("{:?}", l.name))).unwrap();
    write!(out, "    /// Written right to left.\n    pub const fn is_rtl(self) -> bool {{\n        match self {{\n{}        }}\n    }}\n", arms(&|l| l.rtl.to_string())).unwrap();
    write!(out, "    /// Offered to readers (unpublished locales are being prepared).\n    pub const fn is_published(self) -> bool {{\n        match self {{\n{}        }}\n    }}\n", arms(&|l| l.published.to_string())).unwrap();
    write!(out, "    const fn plural_rules(self) -> PluralRules {{\n        match self {{\n{}        }}\n    }}\n", arms(&|l| if l.plural_rules == "arabic" { "PluralRules::Arabic".into() } else { "PluralRules::OneOther".into() })).unwrap();
    write!(out, "    /// The UI strings.\n    pub fn strings(self) -> &'static Strings {{\n        match self {{\n{}        }}\n    }}\n", arms(&|l| format!("&STRINGS_{}", l.code.to_ascii_uppercase().replace('-', "_")))).unwrap();
    out.push_str("}\n\n");

    out.push_str("/// Every UI message, in one language. Generated from `locales/en.json`.\npub struct Strings {\n    locale: Locale,\n");
    for (key, value) in reference {
        let ty = if value.is_object() {
            "[&'static str; 6]"
        } else {
            "&'static str"
        };
        writeln!(out, "    {key}: {ty},").unwrap();
    }
    out.push_str("}\n\nimpl Strings {\n    /// The locale these strings are in.\n    pub fn locale(&self) -> Locale {\n        self.locale\n    }\n");
    for (key, value) in reference {
        let example = texts(value)
            .first()
            .copied()
            .unwrap_or_default()
            .replace('\n', " ");
        let names: Vec<String> = texts(value)
            .iter()
            .flat_map(|t| placeholders(t))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        writeln!(out, "    /// en: {example:?}").unwrap();
        if value.is_object() {
            let args: Vec<String> = names
                .iter()
                .filter(|n| *n != "n")
                .map(|n| format!("{n}: impl core::fmt::Display"))
                .collect();
            let fills: Vec<String> = names
                .iter()
                .map(|n| {
                    if n == "n" {
                        "(\"n\", &n as &dyn core::fmt::Display)".to_owned()
                    } else {
                        format!("(\"{n}\", &{n} as &dyn core::fmt::Display)")
                    }
                })
                .collect();
            writeln!(out, "    pub fn {key}(&self, n: u32{}) -> String {{\n        fill(self.{key}[self.locale.plural_rules().form(n)], &[{}])\n    }}",
                args.iter().map(|a| format!(", {a}")).collect::<String>(), fills.join(", ")).unwrap();
        } else if names.is_empty() {
            writeln!(
                out,
                "    pub fn {key}(&self) -> &'static str {{\n        self.{key}\n    }}"
            )
            .unwrap();
        } else {
            let args: Vec<String> = names
                .iter()
                .map(|n| format!("{n}: impl core::fmt::Display"))
                .collect();
            let fills: Vec<String> = names
                .iter()
                .map(|n| format!("(\"{n}\", &{n} as &dyn core::fmt::Display)"))
                .collect();
            writeln!(
                out,
                "    pub fn {key}(&self, {}) -> String {{\n        fill(self.{key}, &[{}])\n    }}",
                args.join(", "),
                fills.join(", ")
            )
            .unwrap();
        }
    }
    out.push_str("}\n\n");

    for l in &locales {
        writeln!(
            out,
            "static STRINGS_{}: Strings = Strings {{\n    locale: Locale::{},",
            l.code.to_ascii_uppercase().replace('-', "_"),
            l.variant
        )
        .unwrap();
        for (key, en_value) in reference {
            let value = l.messages.get(key).unwrap_or(en_value);
            match (en_value, value) {
                (Value::Object(en_forms), Value::Object(forms)) => {
                    let other = forms
                        .get("other")
                        .or_else(|| en_forms.get("other"))
                        .and_then(Value::as_str)
                        .unwrap_or_default();
                    let all: Vec<String> = PLURAL_FORMS
                        .iter()
                        .map(|f| {
                            format!(
                                "{:?}",
                                forms.get(*f).and_then(Value::as_str).unwrap_or(other)
                            )
                        })
                        .collect();
                    writeln!(out, "    {key}: [{}],", all.join(", ")).unwrap();
                }
                (_, v) => {
                    writeln!(out, "    {key}: {:?},", v.as_str().unwrap_or_default()).unwrap()
                }
            }
        }
        out.push_str("};\n\n");
    }
    let dest =
        Path::new(&std::env::var("OUT_DIR").unwrap_or_else(|_| fail("OUT_DIR is not set".into())))
            .join("locales.rs");
    std::fs::write(&dest, out)
        .unwrap_or_else(|e| fail(format!("cannot write {}: {e}", dest.display())));
}
