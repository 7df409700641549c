//! A small JSON reader and writer for Temper's own formats (stored data,
//! drafts, backups).
//!
//! Why not serde_json: the derive-based code for a handful of structs cost
//! about 46 KB of wasm before compression, about a third of the first-load
//! budget's headroom; this module and the hand-written conversions in
//! `store` do the same job in a fraction of that (see README, Performance).
//!
//! - Reading: RFC 8259 JSON into a [`Value`] tree, with the line and column
//!   of any syntax error, a nesting limit (so a hostile file can't exhaust
//!   the stack) and duplicate object keys refused. Numbers are whole numbers
//!   (i64); any other number reads as [`Value::Frac`], which no Temper field
//!   accepts.
//! - Writing: compact JSON; strings escaped per RFC 8259, non-ASCII kept
//!   as UTF-8.

/// Deepest nesting of arrays and objects accepted.
pub const MAX_DEPTH: usize = 64;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    /// A number with a fraction or exponent, or outside i64.
    Frac,
    Str(String),
    Arr(Vec<Value>),
    /// Members in file order; keys are unique.
    Obj(Vec<(String, Value)>),
}

/// Why text is not JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Ends in the middle of a value.
    Eof,
    /// Not JSON at this point.
    Syntax,
    /// Nested deeper than [`MAX_DEPTH`].
    Deep,
    /// An object has the same key twice.
    Duplicate,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Error {
    pub problem: Problem,
    pub line: usize,
    pub column: usize,
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = match self.problem {
            Problem::Eof => "it ends too early (truncated?)",
            Problem::Syntax => "it is not valid JSON",
            Problem::Deep => "it is nested too deeply",
            Problem::Duplicate => "a key appears twice in one object",
        };
        write!(f, "{what} (line {}, column {})", self.line, self.column)
    }
}

/// Parse a whole text as one JSON value.
pub fn parse(text: &str) -> Result<Value, Error> {
    let mut p = Parser {
        b: text.as_bytes(),
        i: 0,
        depth: 0,
    };
    let v = p.value().map_err(|problem| p.error(problem))?;
    p.ws();
    if p.i < p.b.len() {
        return Err(p.error(Problem::Syntax));
    }
    Ok(v)
}

struct Parser<'a> {
    b: &'a [u8],
    i: usize,
    depth: usize,
}

impl Parser<'_> {
    fn error(&self, problem: Problem) -> Error {
        let before = &self.b[..self.i.min(self.b.len())];
        let line = before.iter().filter(|c| **c == b'\n').count() + 1;
        let start = before
            .iter()
            .rposition(|c| *c == b'\n')
            .map_or(0, |p| p + 1);
        // Columns count characters, not bytes.
        let column = before[start..]
            .iter()
            .filter(|c| (**c & 0xC0) != 0x80)
            .count()
            + 1;
        Error {
            problem,
            line,
            column,
        }
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.b.get(self.i) {
            self.i += 1;
        }
    }

    fn peek(&self) -> Result<u8, Problem> {
        self.b.get(self.i).copied().ok_or(Problem::Eof)
    }

    fn expect(&mut self, word: &[u8]) -> Result<(), Problem> {
        for c in word {
            if self.peek()? != *c {
                return Err(Problem::Syntax);
            }
            self.i += 1;
        }
        Ok(())
    }

    fn value(&mut self) -> Result<Value, Problem> {
        self.ws();
        match self.peek()? {
            b'n' => self.expect(b"null").map(|_| Value::Null),
            b't' => self.expect(b"true").map(|_| Value::Bool(true)),
            b'f' => self.expect(b"false").map(|_| Value::Bool(false)),
            b'"' => self.string().map(Value::Str),
            b'[' | b'{' => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err(Problem::Deep);
                }
                let v = if self.peek()? == b'[' {
                    self.array()
                } else {
                    self.object()
                };
                self.depth -= 1;
                v
            }
            b'-' | b'0'..=b'9' => self.number(),
            _ => Err(Problem::Syntax),
        }
    }

    /// After a value inside `[...]` or `{...}`: a comma (more to come) or
    /// the closing bracket.
    fn more(&mut self, close: u8) -> Result<bool, Problem> {
        self.ws();
        let c = self.peek()?;
        self.i += 1;
        match c {
            b',' => Ok(true),
            c if c == close => Ok(false),
            _ => Err(Problem::Syntax),
        }
    }

    fn array(&mut self) -> Result<Value, Problem> {
        self.i += 1;
        let mut out = Vec::new();
        self.ws();
        if self.peek()? == b']' {
            self.i += 1;
            return Ok(Value::Arr(out));
        }
        loop {
            out.push(self.value()?);
            if !self.more(b']')? {
                return Ok(Value::Arr(out));
            }
        }
    }

    fn object(&mut self) -> Result<Value, Problem> {
        self.i += 1;
        let mut out: Vec<(String, Value)> = Vec::new();
        self.ws();
        if self.peek()? == b'}' {
            self.i += 1;
            return Ok(Value::Obj(out));
        }
        // While the keys come in ascending order (as in the language files),
        // a new key above the last one can't be a duplicate: no scan needed.
        let mut ascending = true;
        loop {
            self.ws();
            if self.peek()? != b'"' {
                return Err(Problem::Syntax);
            }
            let at = self.i;
            let key = self.string()?;
            let above_last = out.last().is_none_or(|(k, _)| *k < key);
            if !(ascending && above_last) && out.iter().any(|(k, _)| *k == key) {
                self.i = at;
                return Err(Problem::Duplicate);
            }
            ascending &= above_last;
            self.ws();
            self.expect(b":")?;
            let v = self.value()?;
            out.push((key, v));
            if !self.more(b'}')? {
                return Ok(Value::Obj(out));
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while let Some(b'0'..=b'9') = self.b.get(self.i) {
            self.i += 1;
        }
        self.i - start
    }

    fn number(&mut self) -> Result<Value, Problem> {
        let start = self.i;
        if self.peek()? == b'-' {
            self.i += 1;
        }
        let int_start = self.i;
        match self.digits() {
            0 => {
                return Err(if self.i >= self.b.len() {
                    Problem::Eof
                } else {
                    Problem::Syntax
                })
            }
            n if n > 1 && self.b[int_start] == b'0' => return Err(Problem::Syntax),
            _ => {}
        }
        let mut whole = true;
        if self.b.get(self.i) == Some(&b'.') {
            self.i += 1;
            whole = false;
            if self.digits() == 0 {
                return Err(Problem::Syntax);
            }
        }
        if let Some(b'e' | b'E') = self.b.get(self.i) {
            self.i += 1;
            whole = false;
            if let Some(b'+' | b'-') = self.b.get(self.i) {
                self.i += 1;
            }
            if self.digits() == 0 {
                return Err(Problem::Syntax);
            }
        }
        if !whole {
            return Ok(Value::Frac);
        }
        let text = std::str::from_utf8(&self.b[start..self.i]).map_err(|_| Problem::Syntax)?;
        Ok(text.parse::<i64>().map_or(Value::Frac, Value::Int))
    }

    fn hex4(&mut self) -> Result<u32, Problem> {
        let mut n = 0;
        for _ in 0..4 {
            let d = match self.peek()? {
                c @ b'0'..=b'9' => c - b'0',
                c @ b'a'..=b'f' => c - b'a' + 10,
                c @ b'A'..=b'F' => c - b'A' + 10,
                _ => return Err(Problem::Syntax),
            };
            n = n * 16 + u32::from(d);
            self.i += 1;
        }
        Ok(n)
    }

    fn string(&mut self) -> Result<String, Problem> {
        self.i += 1;
        let mut out: Vec<u8> = Vec::new();
        loop {
            let c = self.peek()?;
            self.i += 1;
            match c {
                b'"' => break,
                0..=0x1F => return Err(Problem::Syntax),
                b'\\' => {
                    let e = self.peek()?;
                    self.i += 1;
                    let ch = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                self.expect(b"\\u")?;
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(Problem::Syntax);
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            char::from_u32(code).ok_or(Problem::Syntax)?
                        }
                        _ => return Err(Problem::Syntax),
                    };
                    let mut buf = [0; 4];
                    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                }
                c => out.push(c),
            }
        }
        // The input is a &str and escapes add whole characters: valid UTF-8.
        String::from_utf8(out).map_err(|_| Problem::Syntax)
    }
}

// ------------------------------------------------------------- writing

/// Append `s` as a JSON string.
pub fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                for shift in [4, 0] {
                    let d = (c as u32 >> shift) & 0xF;
                    out.push(char::from_digit(d, 16).unwrap_or('0'));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Writes one JSON object, member by member.
pub struct ObjWriter<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> ObjWriter<'a> {
    pub fn new(out: &'a mut String) -> Self {
        out.push('{');
        ObjWriter { out, first: true }
    }
    /// Start a member; the caller then writes its value into the buffer.
    pub fn key(&mut self, k: &str) -> &mut String {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        write_str(self.out, k);
        self.out.push(':');
        self.out
    }
    pub fn str(&mut self, k: &str, v: &str) {
        write_str(self.key(k), v);
    }
    pub fn int(&mut self, k: &str, v: i64) {
        let out = self.key(k);
        out.push_str(&v.to_string());
    }
    pub fn end(self) {
        self.out.push('}');
    }
}

/// Append a JSON array, writing each item with `item`.
pub fn write_arr<T>(out: &mut String, items: &[T], item: impl Fn(&mut String, &T)) {
    out.push('[');
    for (n, v) in items.iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        item(out, v);
    }
    out.push(']');
}

// ------------------------------------------------------------- reading

/// "`field`: a value has the wrong type or is missing".
pub fn wrong(field: &str) -> String {
    format!("\"{field}\": a value has the wrong type or is missing")
}

/// The members of an object, or a "wrong type" message naming `what`.
pub fn members<'a>(v: &'a Value, what: &str) -> Result<&'a [(String, Value)], String> {
    match v {
        Value::Obj(m) => Ok(m),
        _ => Err(wrong(what)),
    }
}

/// A member by key.
pub fn get<'a>(m: &'a [(String, Value)], k: &str) -> Option<&'a Value> {
    m.iter().find(|(key, _)| key == k).map(|(_, v)| v)
}

/// A required string member.
pub fn str_of<'a>(m: &'a [(String, Value)], k: &str) -> Result<&'a str, String> {
    match get(m, k) {
        Some(Value::Str(s)) => Ok(s),
        _ => Err(wrong(k)),
    }
}

/// An optional string member ("" when absent).
pub fn opt_str<'a>(m: &'a [(String, Value)], k: &str) -> Result<&'a str, String> {
    match get(m, k) {
        None | Some(Value::Null) => Ok(""),
        Some(Value::Str(s)) => Ok(s),
        _ => Err(wrong(k)),
    }
}

/// A required whole-number member within `range`.
pub fn int_of(
    m: &[(String, Value)],
    k: &str,
    range: std::ops::RangeInclusive<i64>,
) -> Result<i64, String> {
    match get(m, k) {
        Some(Value::Int(n)) if range.contains(n) => Ok(*n),
        _ => Err(wrong(k)),
    }
}

/// An optional array member (empty when absent).
pub fn arr_of<'a>(m: &'a [(String, Value)], k: &str) -> Result<&'a [Value], String> {
    match get(m, k) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Arr(a)) => Ok(a),
        _ => Err(wrong(k)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn s(v: &str) -> Value {
        Value::Str(v.into())
    }

    #[test]
    fn reads_every_kind_of_value() {
        let v = parse(r#" {"a":[1,-2,0,true,false,null,"x\n\u00e9\ud83d\ude00"],"b":{},"c":[],"d":1.5,"e":1e3} "#)
            .unwrap();
        let Value::Obj(m) = v else { panic!() };
        assert_eq!(
            m[0].1,
            Value::Arr(vec![
                Value::Int(1),
                Value::Int(-2),
                Value::Int(0),
                Value::Bool(true),
                Value::Bool(false),
                Value::Null,
                s("x\né😀"),
            ])
        );
        assert_eq!(m[1].1, Value::Obj(vec![]));
        assert_eq!(m[2].1, Value::Arr(vec![]));
        assert_eq!(m[3].1, Value::Frac);
        assert_eq!(m[4].1, Value::Frac);
        assert_eq!(parse("99999999999999999999"), Ok(Value::Frac));
        assert_eq!(parse("-9223372036854775808"), Ok(Value::Int(i64::MIN)));
    }

    #[test]
    fn refuses_what_is_not_json_and_says_where() {
        let cases = [
            ("", Problem::Eof),
            ("{", Problem::Eof),
            ("[1,", Problem::Eof),
            ("\"abc", Problem::Eof),
            ("hello", Problem::Syntax),
            ("{'a':1}", Problem::Syntax),
            ("[1,]", Problem::Syntax),
            ("{\"a\":1,}", Problem::Syntax),
            ("01", Problem::Syntax),
            ("1.", Problem::Syntax),
            ("-", Problem::Eof),
            ("[1] 2", Problem::Syntax),
            ("\"\\x\"", Problem::Syntax),
            ("\"\\ud800\"", Problem::Syntax),
            ("\"\\udc00\"", Problem::Syntax),
            ("\"a\u{1}b\"", Problem::Syntax),
            ("{\"a\":1,\"a\":2}", Problem::Duplicate),
            ("{\"a\":1,\"b\":2,\"a\":3}", Problem::Duplicate),
            ("nul", Problem::Eof),
            ("truth", Problem::Syntax),
        ];
        for (text, problem) in cases {
            assert_eq!(parse(text).map_err(|e| e.problem), Err(problem), "{text:?}");
        }
        let e = parse("{\n  \"é\": x}").unwrap_err();
        assert_eq!((e.line, e.column), (2, 8));
        assert!(e.to_string().contains("not valid JSON (line 2, column 8)"));
    }

    #[test]
    fn nesting_is_limited_without_overflowing_the_stack() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(parse(&deep).map_err(|e| e.problem), Err(Problem::Deep));
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn writes_escaped_strings_and_objects() {
        let mut out = String::new();
        let mut o = ObjWriter::new(&mut out);
        o.str("a", "q\"b\\s/\n\t\r\u{1}é");
        o.int("n", -5);
        write_arr(o.key("l"), &[1, 2], |out, v| out.push_str(&v.to_string()));
        o.end();
        assert_eq!(out, r#"{"a":"q\"b\\s/\n\t\r\u0001é","n":-5,"l":[1,2]}"#);
    }

    proptest! {
        #[test]
        fn any_string_round_trips(text in any::<String>()) {
            let mut out = String::new();
            write_str(&mut out, &text);
            prop_assert_eq!(parse(&out), Ok(Value::Str(text)));
        }

        #[test]
        fn any_integer_round_trips(n in any::<i64>()) {
            prop_assert_eq!(parse(&n.to_string()), Ok(Value::Int(n)));
        }

        /// Duplicates are found whatever the order, including after a run
        /// of ascending keys (where the parser skips its scan).
        #[test]
        fn an_object_is_refused_exactly_when_a_key_repeats(
            keys in proptest::collection::vec("[a-d]{1,2}", 0..12),
            sort_first in any::<bool>(),
        ) {
            let mut keys = keys;
            if sort_first {
                keys.sort();
            }
            let members: Vec<String> = keys.iter().map(|k| format!("\"{k}\":0")).collect();
            let text = format!("{{{}}}", members.join(","));
            let mut unique = keys.clone();
            unique.sort();
            unique.dedup();
            let refused = parse(&text).map_err(|e| e.problem) == Err(Problem::Duplicate);
            prop_assert_eq!(refused, unique.len() < keys.len(), "{}", text);
        }

        #[test]
        fn parse_never_panics(text in ".{0,200}") {
            let _ = parse(&text);
        }

        #[test]
        fn parse_never_panics_on_json_like_text(text in "[\\[\\]{}\",:0-9a-z\\\\. -]{0,200}") {
            let _ = parse(&text);
        }
    }
}
