//! Keeping the answers and handing them on, with the resident holding them (`crate::saved`):
//! 保存这些回答 downloads a file, 打开保存的回答 reads one back, the results carry a QR code of a link
//! whose fragment holds the answers, and the hotline takes such a link pasted or scanned. The page
//! stores nothing itself: saving is only ever the user's own action.

use yew::prelude::*;

use super::route::{Navigator, Route};
use super::state::Action;
use super::{assess_answers, today, use_assessment, Assessed, NotAssessed, Store};
use crate::engine::Assessment;
use crate::saved::{opened_note, Opened, Saved};

/// The answers as they stand, with the day and the standard their result (the app's assessment of
/// them, not a second one) uses.
fn saved_now(store: &Store, assessment: &Result<Assessment, NotAssessed>, with_household: bool) -> Saved {
    let standard = assessment.as_ref().ok().and_then(|a| a.standard.as_ref()).map(|s| s.describe());
    Saved::new(&store.answers, today().to_string(), standard, with_household)
}

/// Restores saved answers (checked already), saying when they were saved and what differs now.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn restore(store: &Store, saved: Opened) {
    let standard_now = assess_answers(&saved.answers).ok().and_then(|a| a.standard.map(|s| s.describe()));
    let note = opened_note(&saved, standard_now);
    store.dispatch(Action::Restore(Box::new(saved.answers), note));
}

#[cfg(target_arch = "wasm32")]
mod browser {
    //! The browser's own JSON and files: the page carries no JSON parser of its own.
    use serde::Serialize;
    use wasm_bindgen::{JsCast, JsValue};

    use crate::saved::{check, decode, message, Header, Opened, Saved, MAX_FILE_BYTES};

    pub fn to_json(saved: &Saved, pretty: bool) -> Option<String> {
        let value = saved.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).ok()?;
        let text = if pretty {
            js_sys::JSON::stringify_with_replacer_and_space(&value, &JsValue::NULL, &JsValue::from(2))
        } else {
            js_sys::JSON::stringify(&value)
        };
        text.ok()?.as_string()
    }

    pub fn from_json(text: &str) -> Result<Opened, String> {
        if text.len() > MAX_FILE_BYTES {
            return Err(message::TOO_LARGE.to_string());
        }
        let value = js_sys::JSON::parse(text).map_err(|_| message::NOT_JSON.to_string())?;
        check(serde_wasm_bindgen::from_value::<Header>(value.clone()).map_err(|e| e.to_string()), || {
            serde_wasm_bindgen::from_value::<Opened>(value).map_err(|e| e.to_string())
        })
    }

    pub fn from_link(link: &str) -> Result<Opened, String> {
        from_json(&decode(crate::saved::code_in(link)?)?)
    }

    /// Offers `text` as a file to download: a `blob:` URL, made and revoked here; nothing is sent.
    pub fn download(text: &str, name: &str) -> Option<()> {
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("application/json");
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let link: web_sys::HtmlAnchorElement = gloo::utils::document().create_element("a").ok()?.dyn_into().ok()?;
        link.set_href(&url);
        link.set_download(name);
        link.click();
        // Revoked once the browser has taken the download (some revoke-at-once downloads fail).
        crate::ui::after_render(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        });
        Some(())
    }

    /// This page's address without its fragment: the start of every code's link.
    pub(super) fn page_address() -> Option<String> {
        let location = gloo::utils::window().location();
        Some(format!("{}{}{}", location.origin().ok()?, location.pathname().ok()?, location.search().ok()?))
    }
}

/// This page's address without its fragment: the start of every code's link (empty when rendered
/// natively, in the tests).
pub fn page_address() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    return browser::page_address();
    #[cfg(not(target_arch = "wasm32"))]
    Some(String::new())
}

/// "保存这些回答": the answers as a file (docs/FORMATS.md, "Saved answers").
#[function_component(SaveAnswers)]
pub fn save_answers() -> Html {
    let assessment = use_assessment();
    let Some(store) = use_context::<Store>() else { return html! {} };
    let onclick = Callback::from(move |_: MouseEvent| {
        let saved = saved_now(&store, &assessment, true);
        #[cfg(target_arch = "wasm32")]
        if let Some(text) = browser::to_json(&saved, true) {
            let _ = browser::download(&text, &format!("社会救助自评回答-{}.json", saved.saved_on));
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = saved;
    });
    html! {
        <button type="button" class="button secondary" id="save-answers" {onclick}>{ "保存这些回答（下载文件）" }</button>
    }
}

/// "打开保存的回答": reads a saved file; a damaged or foreign one is refused beside the control and
/// the current answers stay.
#[function_component(OpenAnswers)]
pub fn open_answers() -> Html {
    let error = use_state(|| None::<String>);
    let (Some(store), navigator) = (use_context::<Store>(), use_context::<Navigator>()) else { return html! {} };
    let onchange = {
        let error = error.clone();
        Callback::from(move |e: Event| {
            #[cfg(target_arch = "wasm32")]
            {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
                input.set_value("");
                if file.size() > crate::saved::MAX_FILE_BYTES as f64 {
                    error.set(Some(crate::saved::message::TOO_LARGE.to_string()));
                    return;
                }
                let (store, navigator, error) = (store.clone(), navigator.clone(), error.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string());
                    match text
                        .ok_or_else(|| crate::saved::message::NOT_JSON.to_string())
                        .and_then(|t| browser::from_json(&t))
                    {
                        Ok(saved) => {
                            error.set(None);
                            restore(&store, saved);
                            if let Some(navigator) = &navigator {
                                navigator.push(Route::Results);
                            }
                        }
                        Err(message) => error.set(Some(message)),
                    }
                });
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (&e, &store, &navigator, &error);
        })
    };
    html! {
        <div class={classes!("field", error.is_some().then_some("field-error"))}>
            <label for="open-answers">{ "打开保存的回答（选择之前下载的文件）" }</label>
            if let Some(message) = &*error {
                <p class="error-message" id="open-answers-error" role="alert">
                    <span class="visually-hidden">{ "错误：" }</span>{ message.clone() }
                </p>
            }
            <input type="file" id="open-answers" accept=".json,application/json" {onchange}
                aria-describedby={error.is_some().then_some("open-answers-error")} />
        </div>
    }
}

/// The modules of a QR code as one SVG path, a run of dark modules per subpath (a version 25 code
/// is about 2,000 runs rather than 7,000 squares).
pub fn qr_path(qr: &qrcodegen::QrCode) -> String {
    let size = qr.size();
    let mut path = String::with_capacity(32 * 1024);
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if qr.get_module(x, y) {
                let start = x;
                while x < size && qr.get_module(x, y) {
                    x += 1;
                }
                path.push_str(&format!("M{},{}h{}v1h-{}z", start + 4, y + 4, x - start, x - start));
            } else {
                x += 1;
            }
        }
    }
    path
}

#[derive(Properties, PartialEq)]
pub struct ShareCodeProps {
    /// The page's own address (`https://…/index.html`), to which the code's fragment is added.
    pub address: AttrValue,
}

/// The QR code on the results and the printout: a link to this page with the answers in its
/// fragment, and one sentence on what it holds and who can read it.
#[function_component(ShareCode)]
pub fn share_code(props: &ShareCodeProps) -> Html {
    let assessment = use_assessment();
    let Some(store) = use_context::<Store>() else { return html! {} };
    // Once per assessment, i.e. once per change of the answers.
    let code = use_memo((Assessed(assessment), props.address.clone()), |(assessed, address)| {
        let saved = saved_now(&store, &assessed.0, false);
        #[cfg(target_arch = "wasm32")]
        let json = browser::to_json(&saved, false).unwrap_or_default();
        #[cfg(not(target_arch = "wasm32"))]
        let json = serde_json::to_string(&saved).unwrap_or_default();
        let link = format!("{address}{}{}", crate::saved::CODE_FRAGMENT, crate::saved::encode(&json));
        qrcodegen::QrCode::encode_text(&link, qrcodegen::QrCodeEcc::Low).ok().map(|qr| (link, qr.size(), qr_path(&qr)))
    });
    // A QR code holds about 2,900 characters: a very large household's answers may not fit.
    let Some((link, size, path)) = code.as_ref() else {
        return html! { <p class="warning" id="share-too-large">{ "回答太多，放不进一个二维码。请用下面的“保存这些回答”保存成文件。" }</p> };
    };
    html! {
        <figure class="share-code">
            <svg viewBox={format!("0 0 {0} {0}", size + 8)} role="img" aria-label="打开这些回答的二维码" id="share-qr" data-link={link.clone()}>
                <rect width="100%" height="100%" fill="#fff" />
                <path d={path.clone()} fill="#000" />
            </svg>
            <figcaption>
                { "用手机扫这个二维码，可以在手机上打开这些回答和结果，也可以给帮您申请的人或窗口工作人员扫。二维码里是您填写的全部回答（不含姓名、证件号）：任何人扫到或拿到它，都能看到这些回答。" }
            </figcaption>
        </figure>
    }
}

/// `#/a/<code>`: opens the answers a scanned or followed link carries, then shows the results; a
/// link that cannot be read says why and leaves the current answers alone.
#[function_component(OpenCodePage)]
pub fn open_code_page() -> Html {
    let error = use_state(|| None::<String>);
    let (Some(store), navigator) = (use_context::<Store>(), use_context::<Navigator>()) else { return html! {} };
    let back = navigator.clone();
    {
        let error = error.clone();
        use_effect_with((), move |_| {
            #[cfg(target_arch = "wasm32")]
            {
                let hash = gloo::utils::window().location().hash().unwrap_or_default();
                match browser::from_link(&hash) {
                    Ok(saved) => {
                        restore(&store, saved);
                        if let Some(navigator) = &navigator {
                            navigator.replace(Route::Results);
                        }
                    }
                    Err(message) => error.set(Some(message)),
                }
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (&store, &navigator, &error);
        });
    }
    html! {
        <>
            <h1>{ "打开保存的回答" }</h1>
            if let Some(message) = &*error {
                <div class="error-summary" role="alert"><p>{ message.clone() }</p></div>
                { super::route::route_link(back.as_ref(), Route::Start, "button", html! { "回到开始" }) }
            } else {
                <p role="status">{ "正在打开……" }</p>
            }
        </>
    }
}

/// The hotline's field for a link pasted or a code scanned (a USB scanner types like a keyboard and
/// ends with Enter): the answers then fill the grid.
#[function_component(PasteCode)]
pub fn paste_code() -> Html {
    let error = use_state(|| None::<String>);
    let Some(store) = use_context::<Store>() else { return html! {} };
    let open = {
        let error = error.clone();
        Callback::from(move |link: String| {
            if link.trim().is_empty() {
                return;
            }
            #[cfg(target_arch = "wasm32")]
            match browser::from_link(&link) {
                Ok(saved) => {
                    error.set(None);
                    restore(&store, saved);
                }
                Err(message) => error.set(Some(message)),
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (&store, &error);
        })
    };
    let onkeydown = {
        let open = open.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                e.prevent_default();
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                open.emit(input.value());
                input.set_value("");
            }
        })
    };
    let onchange = Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        open.emit(input.value());
        input.set_value("");
    });
    html! {
        <div class={classes!("field", "paste-code", error.is_some().then_some("field-error"))}>
            <label for="paste-code">{ "粘贴来电人的链接，或用扫码枪扫二维码（回车打开）" }</label>
            if let Some(message) = &*error {
                <p class="error-message" id="paste-code-error" role="alert"><span class="visually-hidden">{ "错误：" }</span>{ message.clone() }</p>
            }
            <input type="text" id="paste-code" autocomplete="off" spellcheck="false" maxlength="4000" {onkeydown} {onchange}
                aria-describedby={error.is_some().then_some("paste-code-error")} />
        </div>
    }
}
