//! The layers go one way: a module may use only modules of its own layer or below, so
//! the data never learns of the terminal and the state never learns of the screen. This
//! reads every `crate::…` path in `src/` and checks it against the declared order.

use std::path::{Path, PathBuf};

/// Lowest first. A module may use its own layer and those before it; modules sharing a
/// layer are independent of each other.
const LAYERS: &[&[&str]] = &[
    &["atomic", "sanitize"],
    &["diagnostic"],
    &["data"],
    &["query"],
    &["doc"],
    &["layout"],
    &["action"],
    &["keymap"],
    &["config"],
    &["state", "export", "import"],
    &["sources"],
    &["app"],
    &["session"],
    &["ui"],
    &["tui"],
    &["cli"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level modules a file's code names through `crate::` (comments left out), with
/// the line each is named on. A `use crate::{…}` group may span lines and nest.
fn uses(text: &str) -> Vec<(usize, String)> {
    let code: String = text
        .lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let line_of = |at: usize| code[..at].matches('\n').count() + 1;
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(offset) = code[from..].find("crate::") {
        let at = from + offset + "crate::".len();
        from = at;
        let rest = &code[at..];
        if let Some(group) = rest.strip_prefix('{') {
            // The group's top-level items: split on commas outside nested braces.
            let mut depth = 0;
            let mut item_start = 0;
            for (k, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        let item = &group[item_start..k];
                        let lead = item.len() - item.trim_start().len();
                        let name = ident(item.trim_start());
                        if !name.is_empty() {
                            found.push((line_of(at + 1 + item_start + lead), name));
                        }
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        let item = &group[item_start..k];
                        let lead = item.len() - item.trim_start().len();
                        let name = ident(item.trim_start());
                        if !name.is_empty() {
                            found.push((line_of(at + 1 + item_start + lead), name));
                        }
                        item_start = k + 1;
                    }
                    _ => {}
                }
            }
        } else {
            found.push((line_of(at), ident(rest)));
        }
    }
    found
}

#[test]
fn no_module_uses_a_layer_above_its_own() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut wrong = Vec::new();
    let mut unplaced = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).unwrap();
        let top = relative
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let module = top.trim_end_matches(".rs").to_owned();
        if module == "lib" || module == "main" {
            continue;
        }
        let Some(own) = layer_of(&module) else {
            unplaced.push(module);
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap();
        for (line, used) in uses(&text) {
            if used == module {
                continue;
            }
            match layer_of(&used) {
                Some(layer) if layer < own => {}
                Some(_) => wrong.push(format!(
                    "src/{}:{line}: `{module}` uses `{used}`, which is not below it",
                    relative.display()
                )),
                None => unplaced.push(used),
            }
        }
    }
    unplaced.sort();
    unplaced.dedup();
    assert!(
        unplaced.is_empty(),
        "modules missing from LAYERS: {unplaced:?}"
    );
    assert!(
        wrong.is_empty(),
        "imports against the layer order:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_checker_sees_grouped_and_inline_paths() {
    let found = uses(
        "use crate::{app::App, data};\nlet x = crate::ui::draw(); // crate::cli\nuse crate::{\n    doc::{Doc, Hit},\n    tui,\n};\n",
    );
    let names: Vec<(usize, &str)> = found.iter().map(|(l, n)| (*l, n.as_str())).collect();
    assert_eq!(
        names,
        [(1, "app"), (1, "data"), (2, "ui"), (4, "doc"), (5, "tui")]
    );
}
