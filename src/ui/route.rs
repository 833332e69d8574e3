//! The page's routes: hash URLs (`#/place`) for the full page, so the Back button and bookmarks
//! work, and an in-memory route for the widget embedded in a partner's page, whose URL it must not
//! touch.
//!
//! Hand-written rather than yew-router: the page has eight fixed routes and no parameters, and
//! yew-router with gloo-history (history state through serde, query strings, float formatting) was
//! 49 KB of the page's WebAssembly, 15 KB brotli, for this. The browser tests cover the Back button,
//! deep links, and the embedded widget leaving the host's URL alone.

use yew::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Route {
    Start,
    Place,
    Household,
    Money,
    Review,
    Results,
    /// The 12345 operator's one-screen mode.
    Hotline,
    /// `#/a/<code>`: saved answers carried in the link (`crate::saved`), opened then shown.
    Open,
    NotFound,
}

const PATHS: [(Route, &str); 7] = [
    (Route::Start, "/"),
    (Route::Place, "/place"),
    (Route::Household, "/household"),
    (Route::Money, "/money"),
    (Route::Review, "/review"),
    (Route::Results, "/results"),
    (Route::Hotline, "/hotline"),
];

impl Route {
    pub fn path(self) -> &'static str {
        PATHS.iter().find(|(route, _)| *route == self).map(|(_, path)| *path).unwrap_or("/404")
    }

    /// The route of a URL fragment (`#/place`, `/place/`, or empty for the start page).
    pub fn from_fragment(fragment: &str) -> Route {
        let path = fragment.strip_prefix('#').unwrap_or(fragment);
        let path = if path.len() > 1 { path.trim_end_matches('/') } else { path };
        if path.is_empty() {
            return Route::Start;
        }
        if path.starts_with("/a/") {
            return Route::Open;
        }
        PATHS.iter().find(|(_, p)| *p == path).map(|(route, _)| *route).unwrap_or(Route::NotFound)
    }

    pub fn href(self) -> String {
        format!("#{}", self.path())
    }
}

/// The current route and the way to change it, provided by `App` as a context. It changes only on
/// navigation, so the pages that read it are not re-rendered by a keystroke.
#[derive(Clone, PartialEq)]
pub struct Navigator {
    pub current: Route,
    /// Whether the user has moved from the first route shown: a step then takes focus (its heading),
    /// which on first load would take it from the page the widget is embedded in.
    pub moved: bool,
    embedded: bool,
    set: UseStateSetter<(Route, bool)>,
}

impl Navigator {
    /// Whether the app is the widget inside a partner's page (in-memory routes): links to the
    /// page's own files would resolve against the host's address there.
    pub fn embedded(&self) -> bool {
        self.embedded
    }

    /// Goes to `route` in place of the current entry (no new history entry): an opened `#/a/…`
    /// link becomes the results, so Back leaves the page rather than opening the answers again,
    /// and the link with the answers does not stay in the history.
    pub fn replace(&self, route: Route) {
        self.set.set((route, true));
        #[cfg(target_arch = "wasm32")]
        if !self.embedded {
            if let Ok(history) = gloo::utils::window().history() {
                let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&route.href()));
            }
        }
    }

    /// Goes to `route`: a new history entry (the hash) on the page, the in-memory route when embedded.
    pub fn push(&self, route: Route) {
        // The route changes now, not when `hashchange` arrives (a later task), so the next page is
        // on screen before the next click or key press.
        self.set.set((route, true));
        #[cfg(target_arch = "wasm32")]
        if !self.embedded {
            let _ = gloo::utils::window().location().set_hash(route.path());
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = self.embedded;
    }
}

/// The router's state: from the URL's fragment on the page (kept in step with it by `hashchange`),
/// from `start` when embedded.
#[hook]
pub fn use_router(embedded: bool, start: Route) -> Navigator {
    let route = use_state(move || {
        (if embedded { start } else { current_fragment().map_or(start, |f| Route::from_fragment(&f)) }, false)
    });
    let set = route.setter();
    {
        let set = set.clone();
        use_effect_with(embedded, move |embedded| {
            #[cfg(target_arch = "wasm32")]
            let listener = (!*embedded).then(|| {
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    if let Some(fragment) = current_fragment() {
                        set.set((Route::from_fragment(&fragment), true));
                    }
                })
            });
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (embedded, set);
            move || {
                #[cfg(target_arch = "wasm32")]
                drop(listener);
            }
        });
    }
    let (current, moved) = *route;
    Navigator { current, moved, embedded, set }
}

pub(crate) fn current_fragment() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        gloo::utils::window().location().hash().ok()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

/// A button that goes to a route: the steps' 上一步 and 继续 (a button, so Space works as well as
/// Enter, as for any form's button).
pub fn route_button(navigator: Option<&Navigator>, to: Route, class: &'static str, label: &'static str) -> Html {
    let onclick = navigator.cloned().map(|navigator| Callback::from(move |_: MouseEvent| navigator.push(to)));
    html! { <button type="button" {class} {onclick}>{ label }</button> }
}

/// A link to a route: a real `href` (so it can be opened in a new tab on the page), and a click that
/// navigates through the `Navigator`, which the embedded widget needs to keep the host's URL.
pub fn route_link(navigator: Option<&Navigator>, to: Route, class: &'static str, children: Html) -> Html {
    let onclick = navigator.cloned().map(|navigator| {
        Callback::from(move |e: MouseEvent| {
            if e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0 {
                return;
            }
            e.prevent_default();
            navigator.push(to);
        })
    });
    html! { <a href={to.href()} class={(!class.is_empty()).then_some(class)} {onclick}>{ children }</a> }
}

#[cfg(test)]
mod tests {
    use super::Route;

    #[test]
    fn every_route_reads_back_from_its_own_link() {
        for route in
            [Route::Start, Route::Place, Route::Household, Route::Money, Route::Review, Route::Results, Route::Hotline]
        {
            assert_eq!(Route::from_fragment(&route.href()), route);
        }
    }

    #[test]
    fn an_empty_or_trailing_slash_fragment_is_read_and_anything_else_is_not_found() {
        assert_eq!(Route::from_fragment(""), Route::Start);
        assert_eq!(Route::from_fragment("#"), Route::Start);
        assert_eq!(Route::from_fragment("#/"), Route::Start);
        assert_eq!(Route::from_fragment("#/place/"), Route::Place);
        assert_eq!(Route::from_fragment("#/placex"), Route::NotFound);
        assert_eq!(Route::from_fragment("#main-content"), Route::NotFound);
    }
}
