//! What the CLI reads of its environment, all of it here: the clock (or `SOURCE_DATE_EPOCH`)
//! and the user's templates folder. The core reads neither; clippy forbids it everywhere else.

use std::path::PathBuf;

use dossier::World;

/// The world of this run: the system clock, stopped at `SOURCE_DATE_EPOCH` when it is set.
#[allow(
    clippy::disallowed_methods,
    reason = "the binary alone decides what now is: the system clock or SOURCE_DATE_EPOCH"
)]
pub fn world() -> Result<World, String> {
    let epoch = std::env::var("SOURCE_DATE_EPOCH").ok();
    World::for_run(epoch.as_deref(), chrono::Utc::now)
}

/// `$XDG_CONFIG_HOME/dossier/templates` (default `~/.config/dossier/templates`).
#[allow(
    clippy::disallowed_methods,
    reason = "the binary alone reads where the user's configuration is"
)]
pub fn user_templates_dir() -> Option<PathBuf> {
    dossier::user_templates_dir(
        std::env::var_os("XDG_CONFIG_HOME"),
        std::env::var_os("HOME"),
    )
}
