//! Dossier's desktop app: a Tauri 2 window over the core API. The commands (`commands`) are
//! thin adapters over `session::Session`, which holds the open `dossier::Project`.

pub mod bindings;
mod commands;
pub mod dto;
pub mod error;
pub mod paths;
pub mod session;

use tauri::webview::NewWindowResponse;
use tauri::{Manager, Url, WebviewUrl, WebviewWindowBuilder};

use session::Session;

include!("command_list.rs");

/// The name of every command the window may call (`command_list.rs`), as `invoke` spells it.
pub const COMMANDS: &[&str] = app_commands!(command_names);

/// The invoke handler of every command in the list.
macro_rules! handlers {
    ($($command:ident),* $(,)?) => {
        tauri::generate_handler![$(commands::$command),*]
    };
}

/// Whether the webview may load `url`: only the app's own pages (and the dev server in debug
/// builds), and `about:srcdoc`, the briefing preview's frame, whose content only the app itself
/// can set (WebKitGTK asks about frames too). Links out go through the opener, never through
/// navigation.
pub fn is_app_url(url: &Url) -> bool {
    match url.scheme() {
        "about" => url.path() == "srcdoc",
        "tauri" => url.host_str() == Some("localhost"),
        "http" | "https" => {
            url.host_str() == Some("tauri.localhost")
                || (cfg!(debug_assertions)
                    && url.host_str() == Some("localhost")
                    && url.port() == Some(5173))
        }
        _ => false,
    }
}

pub fn run() {
    let initial = std::env::args_os().nth(1).map(std::path::PathBuf::from);
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(move |app| {
            let recent = app
                .path()
                .app_config_dir()
                .ok()
                .map(|d| d.join("recent.json"));
            let initial = initial.and_then(|p| std::path::absolute(p).ok());
            let mut session = Session::new(recent, initial);
            session.user_templates = dossier::user_templates_dir(
                std::env::var_os("XDG_CONFIG_HOME"),
                std::env::var_os("HOME"),
            );
            app.manage(session);
            // The window is built here, not in tauri.conf.json, to attach the navigation guards.
            WebviewWindowBuilder::new(app, "main", WebviewUrl::App("index.html".into()))
                .title("Dossier")
                .inner_size(1280.0, 800.0)
                .min_inner_size(1024.0, 640.0)
                .on_navigation(is_app_url)
                .on_new_window(|_, _| NewWindowResponse::Deny)
                .build()?;
            Ok(())
        })
        .invoke_handler(app_commands!(handlers))
        .run(tauri::generate_context!())
        .expect("the Dossier window could not start");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_app_itself_may_be_loaded() {
        for ok in [
            "tauri://localhost/index.html",
            "http://tauri.localhost/",
            "about:srcdoc",
            "about:srcdoc#fn-1",
        ] {
            assert!(is_app_url(&ok.parse().unwrap()), "{ok}");
        }
        for bad in [
            "https://example.com/",
            "http://tauri.localhost.evil.com/",
            "javascript:alert(1)",
            "file:///etc/passwd",
            "data:text/html,<script>1</script>",
            "tauri://evil/",
            "about:srcdocx",
            "about:blank#x",
        ] {
            assert!(!is_app_url(&bad.parse().unwrap()), "{bad}");
        }
    }
}
