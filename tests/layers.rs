//! The crate's layers point one way (ARCHITECTURE.md): each module uses only
//! modules of its own layer or of layers below it, and no modules use each
//! other in a circle. Read from the sources (`crate::…` paths and `use`
//! lines), so a new upward import fails here, not in a review.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// The layers, bottom to top, by top-level module: a folder each, and the
/// app's files at the top.
const LAYERS: &[(&str, &[&str])] = &[
    ("data", &["data"]),
    ("site: words and addresses", &["site"]),
    ("facts", &["facts"]),
    ("components", &["components"]),
    ("pages", &["pages"]),
    ("app", &["app", "takeover", "lib"]),
];

/// The build-time tools (src/bin) use data and facts only, but the
/// prerenderer, which renders the app.
const TOOLS_MAY_USE: &str = "facts";
const RENDERS_THE_APP: &str = "prerender";

fn layer_of(module: &str) -> usize {
    LAYERS
        .iter()
        .position(|(_, modules)| modules.contains(&module))
        .unwrap_or_else(|| panic!("src/{module}: in no layer of tests/layers.rs"))
}

/// Each source file's module path (`components::cite`) and text.
fn sources(dir: &Path, prefix: &str, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .expect("src/ is readable")
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path
            .file_stem()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        if path.is_dir() {
            if name == "bin" && prefix.is_empty() {
                continue;
            }
            sources(&path, &format!("{prefix}{name}::"), out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let module = match name.as_str() {
                "mod" => prefix.trim_end_matches("::").to_owned(),
                "main" if prefix.is_empty() => continue,
                _ => format!("{prefix}{name}"),
            };
            out.push((
                module,
                fs::read_to_string(&path).expect("a readable source"),
            ));
        }
    }
}

/// The paths a source names after `root::` (`crate::facts::timeline::Entry`
/// gives `facts::timeline::Entry`), a `{…}` group giving one path per item
/// at its own level: `crate::site::{dom, SiteBase}` gives `site::dom` and
/// `site::SiteBase`. In a tool, `root` is `mission_pages`.
fn used_paths(text: &str, root: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let needle = format!("{root}::");
    let mut rest = text;
    while let Some(at) = rest.find(&needle) {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + needle.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let path: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        let after = &rest[path.len()..];
        let prefix = path.trim_end_matches(':');
        let Some(group) = after
            .strip_prefix('{')
            .filter(|_| path.is_empty() || path.ends_with("::"))
        else {
            if !prefix.is_empty() {
                found.insert(prefix.to_owned());
            }
            continue;
        };
        // The group's items at its own level: `{x, y::{A, B}}` names x and y.
        let mut depth = 0;
        let mut item_start = true;
        let mut name = String::new();
        let mut add = |name: &mut String| {
            let item = std::mem::take(name);
            found.insert(if prefix.is_empty() {
                item
            } else {
                format!("{prefix}::{item}")
            });
        };
        for c in group.chars() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => break,
                '}' => depth -= 1,
                ',' if depth == 0 => item_start = true,
                c if depth == 0 && item_start && (c.is_alphanumeric() || c == '_') => name.push(c),
                _ if depth == 0 && item_start && !name.is_empty() => {
                    add(&mut name);
                    item_start = false;
                }
                _ => {}
            }
        }
        if !name.is_empty() {
            add(&mut name);
        }
    }
    found
}

/// The top-level modules a source names (see [`used_paths`]).
fn used_modules(text: &str, root: &str) -> BTreeSet<String> {
    used_paths(text, root)
        .iter()
        .map(|p| top(p).to_owned())
        .collect()
}

/// The part of the tree a module is in, as the circle test counts it: a
/// module of a layer's folder (`facts::timeline`, with `facts::search::x`
/// in `facts::search`), or a top-level file (`app`). `modules` is every
/// module of the crate.
fn part_of(path: &str, modules: &BTreeSet<String>) -> String {
    let two: Vec<&str> = path.split("::").take(2).collect();
    let joined = two.join("::");
    if two.len() == 2 && modules.contains(&joined) {
        joined
    } else {
        top(path).to_owned()
    }
}

fn top(module: &str) -> &str {
    module.split("::").next().unwrap_or(module)
}

#[test]
fn no_module_uses_one_of_a_higher_layer() {
    let mut files = Vec::new();
    sources(Path::new("src"), "", &mut files);
    let mut wrong = Vec::new();
    for (module, text) in &files {
        let own = layer_of(top(module));
        for used in used_modules(text, "crate") {
            if layer_of(&used) > own {
                wrong.push(format!(
                    "{module} ({}) uses {used} ({})",
                    LAYERS[own].0,
                    LAYERS[layer_of(&used)].0
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "upward imports:\n{}", wrong.join("\n"));
}

#[test]
fn the_build_tools_use_data_and_facts_only_but_the_prerenderer() {
    let limit = LAYERS
        .iter()
        .position(|(name, _)| *name == TOOLS_MAY_USE)
        .expect("the facts layer");
    let mut wrong = Vec::new();
    for entry in fs::read_dir("src/bin").expect("src/bin is readable") {
        let path = entry.expect("a directory entry").path();
        let tool = path
            .file_stem()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        if tool == RENDERS_THE_APP {
            continue;
        }
        let text = fs::read_to_string(&path).expect("a readable source");
        for used in used_modules(&text, "mission_pages") {
            if layer_of(&used) > limit {
                wrong.push(format!("src/bin/{tool}.rs uses {used}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn no_modules_use_each_other_in_a_circle() {
    let mut files = Vec::new();
    sources(Path::new("src"), "", &mut files);
    let modules: BTreeSet<String> = files.iter().map(|(m, _)| m.clone()).collect();
    // Between the modules of each layer's folder, and the app's files: a
    // folder's `super::x` is its sibling `x`.
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, text) in &files {
        let from = part_of(module, &modules);
        let parent = module.rsplit_once("::").map_or("", |(p, _)| p);
        let siblings = used_paths(text, "super")
            .into_iter()
            .map(|p| format!("{parent}::{p}"));
        let edges = graph.entry(from.clone()).or_default();
        for used in used_paths(text, "crate").into_iter().chain(siblings) {
            let to = part_of(&used, &modules);
            if to != from {
                edges.insert(to);
            }
        }
    }
    // Depth-first search for a back edge, naming the circle it closes.
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
        circles: &mut Vec<String>,
    ) {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut circle = path[at..].to_vec();
            circle.push(node.to_owned());
            circles.push(circle.join(" → "));
            return;
        }
        if !done.insert(node.to_owned()) {
            return;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            visit(next, graph, path, done, circles);
        }
        path.pop();
    }
    let mut circles = Vec::new();
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        visit(node, &graph, &mut Vec::new(), &mut done, &mut circles);
    }
    assert!(
        circles.is_empty(),
        "import circles:\n{}",
        circles.join("\n")
    );
}
