//! The one adapter for files: a download the person asked for, built in
//! memory as a Blob, and reading a file the person picked. Nothing is
//! uploaded anywhere.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

pub fn download(filename: &str, mime: &str, contents: &str) -> Result<(), String> {
    let fail =
        |e: wasm_bindgen::JsValue| e.as_string().unwrap_or_else(|| crate::t("store.refused"));
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = crate::dom::document().ok_or_else(|| crate::t("store.refused"))?;
    let a: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.unchecked_into();
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    web_sys::Url::revoke_object_url(&url).map_err(fail)?;
    Ok(())
}

/// Why a picked file could not be read.
pub enum ReadError {
    /// Larger than allowed; its size in bytes.
    TooLarge(usize),
    /// The browser could not read it.
    Unreadable,
}

/// Read a file the person picked, as text. Files over `max_bytes` are
/// refused before reading.
pub async fn read_text(file: web_sys::File, max_bytes: usize) -> Result<String, ReadError> {
    let size = file.size() as usize;
    if size > max_bytes {
        return Err(ReadError::TooLarge(size));
    }
    JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or(ReadError::Unreadable)
}
