//! `make validate`: checks every file under data/ and lists every problem as
//! `file:line:column: field: message`. Exits with 1 when there is any.
//!
//! Usage: validate [ROOT]   (ROOT holds data/; default: the current folder)

// A native tool: the data files are read from disk. In the browser build
// (`clippy --target wasm32`) it is an empty program.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::process::ExitCode;

    use mission_pages::data::tree::root_argument;
    use mission_pages::data::validate::validate_tree;

    pub fn main() -> ExitCode {
        let root = root_argument();
        let issues = validate_tree(&root);
        for issue in &issues {
            println!("{issue}");
        }
        if issues.is_empty() {
            println!("{}: the data is valid", root.join("data").display());
            ExitCode::SUCCESS
        } else {
            let files: std::collections::BTreeSet<&str> =
                issues.iter().map(|i| i.file.as_str()).collect();
            println!(
                "{} problem{} in {} file{}",
                issues.len(),
                if issues.len() == 1 { "" } else { "s" },
                files.len(),
                if files.len() == 1 { "" } else { "s" }
            );
            ExitCode::FAILURE
        }
    }
}
