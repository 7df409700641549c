//! Static structure as data. A screen's non-interactive parts (text, tables,
//! charts, meters) are built as an [`El`] tree and turned into DOM nodes by
//! one small, non-generic function. Each `view!` shape in Leptos compiles to
//! its own code, so describing static structure as data instead keeps the
//! wasm small; interactive widgets stay in `view!`.
//!
//! Text is always set with `textContent`/text nodes, never parsed as HTML.
//! Clicks inside a tree go to one delegated handler: elements carry
//! `data-action` (and `data-id`), and the handler dispatches on them.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

const SVG_NS: &str = "http://www.w3.org/2000/svg";

pub struct El {
    tag: &'static str,
    svg: bool,
    attrs: Vec<(&'static str, String)>,
    kids: Vec<Kid>,
}

enum Kid {
    El(El),
    Text(String),
    /// Markup from [`crate::html`], parsed by the browser in one go: much
    /// faster than element-by-element for big tables.
    Markup(String),
}

/// An HTML element.
#[inline(never)]
pub fn el(tag: &'static str) -> El {
    El {
        tag,
        svg: false,
        attrs: Vec::new(),
        kids: Vec::new(),
    }
}

/// An SVG element.
#[inline(never)]
pub fn svg(tag: &'static str) -> El {
    El {
        tag,
        svg: true,
        attrs: Vec::new(),
        kids: Vec::new(),
    }
}

// The builder methods are kept out of line: a screen is a long chain of
// calls, and inlining each push would multiply the code size.
impl El {
    pub fn attr(self, name: &'static str, value: impl ToString) -> El {
        self.set(name, value.to_string())
    }
    #[inline(never)]
    fn set(mut self, name: &'static str, value: String) -> El {
        self.attrs.push((name, value));
        self
    }
    #[inline(never)]
    pub fn class(self, value: &str) -> El {
        self.set("class", value.to_string())
    }
    pub fn text(self, text: impl Into<String>) -> El {
        self.add(Kid::Text(text.into()))
    }
    pub fn child(self, child: El) -> El {
        self.add(Kid::El(child))
    }
    #[inline(never)]
    fn add(mut self, kid: Kid) -> El {
        self.kids.push(kid);
        self
    }
    /// Markup made by [`crate::html`] (arguments already escaped) as the
    /// element's content.
    pub fn markup(self, html: String) -> El {
        self.add(Kid::Markup(html))
    }
    pub fn kids(mut self, children: impl IntoIterator<Item = El>) -> El {
        self.kids.extend(children.into_iter().map(Kid::El));
        self
    }

    fn build(&self, doc: &web_sys::Document) -> Option<web_sys::Element> {
        let node = if self.svg {
            doc.create_element_ns(Some(SVG_NS), self.tag).ok()?
        } else {
            doc.create_element(self.tag).ok()?
        };
        for (k, v) in &self.attrs {
            node.set_attribute(k, v).ok()?;
        }
        for kid in &self.kids {
            match kid {
                Kid::El(e) => {
                    let child = e.build(doc)?;
                    node.append_child(&child).ok()?;
                }
                Kid::Text(t) => {
                    node.append_child(&doc.create_text_node(t)).ok()?;
                }
                Kid::Markup(m) => node.insert_adjacent_html("beforeend", m).ok()?,
            }
        }
        Some(node)
    }
}

/// What a static screen part is made of.
pub enum Content {
    Tree(El),
    /// Markup from [`crate::html`] (arguments already escaped).
    Markup(String),
}

/// Mount a static tree. `on_action(action, id)` receives clicks on elements
/// marked with `data-action`.
pub fn mount(tree: El, on_action: impl Fn(&str, &str) + 'static) -> AnyView {
    mount_dyn(Content::Tree(tree), std::rc::Rc::new(on_action))
}

/// Mount markup made by [`crate::html`], with actions as for [`mount`].
pub fn mount_markup(markup: String, on_action: impl Fn(&str, &str) + 'static) -> AnyView {
    mount_dyn(Content::Markup(markup), std::rc::Rc::new(on_action))
}

/// What a click on a `data-action` element calls: `(action, id)`.
type Action = std::rc::Rc<dyn Fn(&str, &str)>;

/// The one, non-generic implementation behind [`mount`].
#[inline(never)]
fn mount_dyn(tree: Content, on_action: Action) -> AnyView {
    let host = NodeRef::<leptos::html::Div>::new();
    let tree = std::cell::RefCell::new(Some(tree));
    Effect::new(move |_| {
        let (Some(div), Some(doc)) = (host.get(), document()) else {
            return;
        };
        // The host may be reused for another screen of the same shape:
        // replace, never add to, what it holds.
        match tree.borrow_mut().take() {
            Some(Content::Tree(t)) => {
                if let Some(node) = t.build(&doc) {
                    div.set_text_content(None);
                    let _ = div.append_child(&node);
                }
            }
            Some(Content::Markup(m)) => div.set_inner_html(&m),
            None => {}
        }
    });
    let on_change = on_action.clone();
    let on_submit = on_action.clone();
    let click = move |ev: leptos::ev::MouseEvent| dispatch(&ev, "data-action", &on_action);
    let change = move |ev: leptos::ev::Event| dispatch(&ev, "data-change", &on_change);
    // A form (Enter in a field) goes to its `data-submit` action; the page
    // never navigates (and the CSP forbids form actions anyway).
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        dispatch(&ev, "data-submit", &on_submit);
    };
    view! { <div class="static" node_ref=host on:click=click on:change=change on:submit=submit></div> }
        .into_any()
}

/// Send an event to the action named by `attr` on its target or the
/// nearest ancestor that has one: `data-action` for clicks, `data-change`
/// for edits of inputs (dates, selects).
fn dispatch(ev: &web_sys::Event, attr: &str, on_action: &Action) {
    let target = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    if let Some(hit) = target.and_then(|t| t.closest(&format!("[{attr}]")).ok().flatten()) {
        let action = hit.get_attribute(attr).unwrap_or_default();
        let id = hit.get_attribute("data-id").unwrap_or_default();
        on_action(&action, &id);
    }
}

/// The page's document (None only outside a browser page).
pub fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// The current value of the form control with this id ("" if none).
pub fn value(id: &str) -> String {
    document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| js_sys::Reflect::get(&e, &"value".into()).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Set the value of the form control with this id.
pub fn set_value(id: &str, value: &str) {
    if let Some(e) = document().and_then(|d| d.get_element_by_id(id)) {
        let _ = js_sys::Reflect::set(&e, &"value".into(), &value.into());
    }
}

/// Move keyboard focus to the element with this id, now.
pub fn focus(id: &str) {
    if let Some(e) = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = e.focus();
    }
}

/// Replace the text of the element with this id (e.g. a status line).
pub fn set_text(id: &str, text: &str) {
    if let Some(e) = document().and_then(|d| d.get_element_by_id(id)) {
        e.set_text_content(Some(text));
    }
}

/// The value of the checked radio button named `name`, if one is checked.
pub fn checked(name: &str) -> Option<String> {
    document()
        .and_then(|d| {
            d.query_selector(&format!("input[name=\"{name}\"]:checked"))
                .ok()
                .flatten()
        })
        .and_then(|e| e.get_attribute("value"))
}

/// Parts of a screen one after the other. One concrete view type for every
/// screen, instead of a tuple type (and its rendering code) per `view!`.
pub fn seq(parts: Vec<AnyView>) -> AnyView {
    parts.into_any()
}

/// A screen's heading (focused on arrival), as its own static part.
pub fn title(text: String) -> AnyView {
    show(crate::blocks::heading(text))
}

/// Mount a tree with no actions.
pub fn show(tree: El) -> AnyView {
    mount(tree, |_, _| {})
}

/// A message line (role="alert" for problems, "status" otherwise) with an
/// optional button that triggers `action`.
pub fn message(alert: bool, text: String, button: Option<(String, &'static str)>) -> El {
    let p = el("p")
        .class(if alert { "banner" } else { "notice" })
        .attr("role", if alert { "alert" } else { "status" })
        .text(text);
    match button {
        Some((label, action)) => p.text(" ").child(
            el("button")
                .attr("type", "button")
                .attr("data-action", action)
                .text(label),
        ),
        None => p,
    }
}
