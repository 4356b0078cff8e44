//! Finding where a field is in a JSON text, so that errors found after parsing
//! (a duplicate id, a dangling source reference) can still name a line and column.

use std::fmt;

/// One step into a JSON document: an object key or an array index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// A path into a JSON document, written like `resolutions[2].sources[0]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldPath(pub Vec<Step>);

impl FieldPath {
    pub fn root() -> FieldPath {
        FieldPath(Vec::new())
    }

    /// This path, one key deeper.
    pub fn key(&self, key: &str) -> FieldPath {
        let mut steps = self.0.clone();
        steps.push(Step::Key(key.to_owned()));
        FieldPath(steps)
    }

    /// This path, one array element deeper.
    pub fn index(&self, index: usize) -> FieldPath {
        let mut steps = self.0.clone();
        steps.push(Step::Index(index));
        FieldPath(steps)
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str(".");
        }
        for (i, step) in self.0.iter().enumerate() {
            match step {
                Step::Key(k) if i == 0 => write!(f, "{k}")?,
                Step::Key(k) => write!(f, ".{k}")?,
                Step::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// The 1-based line and column where the value at `path` starts, if the text
/// is JSON and has that path. For a path that goes deeper than the text
/// does, the deepest value found is given.
pub fn locate(text: &str, path: &FieldPath) -> (usize, usize) {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        pos: 0,
        depth: 0,
    };
    scanner.skip_ws();
    let mut found = scanner.pos;
    for step in &path.0 {
        match scanner.enter(step) {
            Some(pos) => found = pos,
            None => break,
        }
    }
    line_column(text, found)
}

fn line_column(text: &str, byte: usize) -> (usize, usize) {
    let before = &text[..byte.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// How deep `skip_value` goes into nested arrays and objects before giving
/// up: more than any data file has (serde_json refuses beyond 128), and
/// little enough that a hostile text cannot overflow the stack.
const MAX_DEPTH: usize = 256;

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
    /// How many arrays and objects `skip_value` is inside.
    depth: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.pos += 1;
        }
    }

    /// With the scanner at a value, moves to the start of its child `step`.
    fn enter(&mut self, step: &Step) -> Option<usize> {
        match (self.peek()?, step) {
            (b'{', Step::Key(wanted)) => {
                self.pos += 1;
                loop {
                    self.skip_ws();
                    if self.peek()? == b'}' {
                        return None;
                    }
                    let key = self.string()?;
                    self.skip_ws();
                    (self.peek()? == b':').then_some(())?;
                    self.pos += 1;
                    self.skip_ws();
                    if &key == wanted {
                        return Some(self.pos);
                    }
                    self.skip_value()?;
                    self.skip_ws();
                    if self.peek()? == b',' {
                        self.pos += 1;
                    }
                }
            }
            (b'[', Step::Index(wanted)) => {
                self.pos += 1;
                let mut index = 0;
                loop {
                    self.skip_ws();
                    if self.peek()? == b']' {
                        return None;
                    }
                    if index == *wanted {
                        return Some(self.pos);
                    }
                    self.skip_value()?;
                    self.skip_ws();
                    if self.peek()? == b',' {
                        self.pos += 1;
                    }
                    index += 1;
                }
            }
            _ => None,
        }
    }

    /// Reads a string at the scanner, returning it with escapes left as written
    /// except `\"` and `\\` (enough to compare plain keys).
    fn string(&mut self) -> Option<String> {
        (self.peek()? == b'"').then_some(())?;
        self.pos += 1;
        let mut out = Vec::new();
        while let Some(b) = self.peek() {
            match b {
                b'"' => {
                    self.pos += 1;
                    return String::from_utf8(out).ok();
                }
                b'\\' => {
                    let escaped = *self.bytes.get(self.pos + 1)?;
                    out.push(escaped);
                    self.pos += 2;
                }
                _ => {
                    out.push(b);
                    self.pos += 1;
                }
            }
        }
        None
    }

    /// Moves past the value at the scanner. `None` when the text is not
    /// JSON there; every `Some` has moved forward, so no loop can stall.
    fn skip_value(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => self.string().map(|_| ()),
            open @ (b'{' | b'[') => {
                let close = if open == b'{' { b'}' } else { b']' };
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return None;
                }
                self.pos += 1;
                loop {
                    self.skip_ws();
                    match self.peek()? {
                        b if b == close => {
                            self.pos += 1;
                            self.depth -= 1;
                            return Some(());
                        }
                        b',' | b':' => self.pos += 1,
                        _ => self.skip_value()?,
                    }
                }
            }
            _ => {
                let start = self.pos;
                while let Some(b) = self.peek() {
                    if matches!(b, b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t') {
                        break;
                    }
                    self.pos += 1;
                }
                // A closing bracket that closes nothing (`[}`) is not a value.
                (self.pos > start).then_some(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "{\n  \"id\": \"unami\",\n  \"list\": [1, {\"a\": \"x\\\"y\"}, [2, 3]],\n  \"resolutions\": [\n    {\"number\": 1500},\n    {\"number\": 1770, \"sources\": [\"s1\", \"s2\"]}\n  ]\n}";

    fn path(steps: &[Step]) -> FieldPath {
        FieldPath(steps.to_vec())
    }

    #[test]
    fn finds_keys_and_indexes() {
        use Step::*;
        assert_eq!(locate(TEXT, &FieldPath::root()), (1, 1));
        assert_eq!(locate(TEXT, &path(&[Key("id".into())])), (2, 9));
        let number = path(&[Key("resolutions".into()), Index(1), Key("number".into())]);
        assert_eq!(locate(TEXT, &number), (6, 16));
        let source = path(&[
            Key("resolutions".into()),
            Index(1),
            Key("sources".into()),
            Index(1),
        ]);
        assert_eq!(locate(TEXT, &source), (6, 40));
    }

    #[test]
    fn skips_nested_values_and_escaped_quotes() {
        use Step::*;
        assert_eq!(
            locate(TEXT, &path(&[Key("list".into()), Index(2)])),
            (3, 30)
        );
    }

    #[test]
    fn stops_at_the_deepest_existing_value() {
        use Step::*;
        let missing = path(&[Key("resolutions".into()), Index(9)]);
        assert_eq!(locate(TEXT, &missing), (4, 18));
    }

    /// Found by tests/fuzz.rs: a bracket that closes nothing (`[}`) was
    /// skipped as an empty value without moving, and the scan never ended.
    #[test]
    fn gives_up_on_a_stray_closing_bracket() {
        use Step::*;
        let missing = path(&[Key("b".into())]);
        assert_eq!(locate("{\"a\": [}, \"b\": 1}", &missing), (1, 1));
        assert_eq!(locate("[[}]", &path(&[Index(1)])), (1, 1));
    }

    /// Deeply nested brackets do not overflow the stack.
    #[test]
    fn gives_up_on_deep_nesting() {
        use Step::*;
        let deep = format!("[{}1{}, 2]", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(locate(&deep, &path(&[Index(1)])), (1, 1));
        let fine = format!("[{}1{}, 2]", "[".repeat(100), "]".repeat(100));
        assert_eq!(locate(&fine, &path(&[Index(1)])), (1, 205));
    }

    #[test]
    fn writes_paths_like_serde_path_to_error() {
        let p = FieldPath::root()
            .key("resolutions")
            .index(2)
            .key("sources")
            .index(0);
        assert_eq!(p.to_string(), "resolutions[2].sources[0]");
        assert_eq!(FieldPath::root().to_string(), ".");
    }
}
