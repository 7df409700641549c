//! Markup templates: a screen's structure as text data instead of code.
//!
//! Building DOM trees call by call costs wasm code for every element; a
//! template is a string constant that gzip squeezes well, filled by this
//! one function. The shell hands the result to the browser as markup.
//!
//! Syntax, in otherwise plain HTML:
//! - `{0}` ..= `{9}`: an argument, escaped for text and attribute values;
//! - `{=0}` ..= `{=9}`: an argument inserted as is; only for markup made by
//!   [`render`] itself;
//! - `{some.key}`: the text for that key in the current language, escaped.
//!
//! Everything a person typed goes in through `{n}`, so it is always text,
//! never markup.

/// Append `s` with `& < > " '` escaped.
pub fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// Fill a template. `text(key)` gives the translation of a key.
#[inline(never)]
pub fn render(template: &str, args: &[&str], text: &dyn Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let slot = &after[..close];
        let (raw, name) = match slot.strip_prefix('=') {
            Some(n) => (true, n),
            None => (false, slot),
        };
        match name.parse::<usize>() {
            Ok(i) => {
                let arg = args.get(i).copied().unwrap_or("");
                if raw {
                    out.push_str(arg);
                } else {
                    escape_into(&mut out, arg);
                }
            }
            Err(_) => escape_into(&mut out, &text(name)),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn upper(k: &str) -> String {
        format!("<{}>", k.to_uppercase())
    }

    #[test]
    fn fills_arguments_keys_and_markup() {
        let got = render(
            r#"<p class="x" data-id="{0}">{a.b}: {1}{=2}</p>"#,
            &["i\"d", "<b>&'", "<i>ok</i>"],
            &upper,
        );
        assert_eq!(
            got,
            r#"<p class="x" data-id="i&quot;d">&lt;A.B&gt;: &lt;b&gt;&amp;&#39;<i>ok</i></p>"#
        );
        assert_eq!(render("{5} and {", &[], &upper), " and {");
    }

    proptest! {
        /// Whatever a person types, it comes out as text: no tag, no
        /// attribute break-out.
        #[test]
        fn arguments_never_become_markup(input in any::<String>()) {
            let got = render("{0}", &[&input], &upper);
            prop_assert!(!got.contains(['<', '>', '"', '\'']));
        }
    }
}
