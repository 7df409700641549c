//! Browser tests (wasm-bindgen-test in headless Chromium): the storage
//! adapter and the app's start-up against real localStorage.

use temper::state::{self, Status};
use temper::storage::{self, DATA_KEY};
use temper_core::content::{items_of, Mode, CONTENT_VERSION};
use temper_core::store::{self, CheckIn, Data};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn sample() -> Data {
    let answers = items_of(CONTENT_VERSION)
        .map(|i| (i.id.to_string(), 3))
        .collect();
    let mut d = Data::default();
    d.upsert(CheckIn::new(
        "t1".into(),
        1_763_800_000_000,
        Mode::Full,
        answers,
        None,
    ));
    d
}

#[wasm_bindgen_test]
fn storage_round_trips_through_local_storage() {
    assert!(storage::available());
    storage::write("temper.test", "hello").unwrap();
    assert_eq!(
        storage::read("temper.test").unwrap().as_deref(),
        Some("hello")
    );
    storage::remove("temper.test").unwrap();
    assert_eq!(storage::read("temper.test").unwrap(), None);
}

/// The stored format's code, as start-up fetches it when data is stored.
async fn codec() {
    assert!(temper::lazy::codec().await.is_ok());
}

#[wasm_bindgen_test]
async fn saved_data_loads_back() {
    codec().await;
    storage::write(DATA_KEY, &store::save(&sample())).unwrap();
    let (data, status) = state::load();
    assert_eq!(status, Status::Saving);
    assert_eq!(data, sample());
    storage::remove(DATA_KEY).unwrap();
}

#[wasm_bindgen_test]
async fn corrupt_data_is_kept_and_never_overwritten() {
    codec().await;
    storage::write(DATA_KEY, "{not json").unwrap();
    let (data, status) = state::load();
    assert!(data.checkins.is_empty());
    assert!(
        matches!(status, Status::Corrupt { ref raw, ref reason } if raw == "{not json" && reason.why != temper_core::reason::Why::NoCode)
    );
    // Saving in this state must not touch the stored text.
    let owner = leptos::prelude::Owner::new();
    let st = owner.with(state::AppState::new);
    assert!(!owner.with(|| st.add_checkin(sample().checkins[0].clone())));
    assert_eq!(
        storage::read(DATA_KEY).unwrap().as_deref(),
        Some("{not json")
    );
    storage::remove(DATA_KEY).unwrap();
}

/// Let effects and a frame run.
async fn tick() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

#[wasm_bindgen_test]
async fn app_mounts_and_shows_the_home_screen() {
    storage::remove(DATA_KEY).unwrap();
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/")
        .unwrap();
    let texts = temper_core::i18n::Texts::parse(include_str!("../i18n/en.json")).unwrap();
    temper::set_language(temper_core::i18n::Lang::EN, texts);
    leptos::mount::mount_to_body(|| {
        temper::App(temper::AppProps {
            st: state::AppState::new(),
        })
    });
    tick().await;
    let doc = web_sys::window().unwrap().document().unwrap();
    let h1 = doc.query_selector("main h1").unwrap().expect("a heading");
    assert_eq!(
        h1.text_content().unwrap(),
        "How are you really doing at work?"
    );
    let start = doc
        .query_selector("a.button.primary")
        .unwrap()
        .expect("start button");
    assert_eq!(start.get_attribute("href").as_deref(), Some("#/checkin"));
}
