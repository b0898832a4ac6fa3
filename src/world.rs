//! Everything outside the core: the file system and the clock, behind one value.
//!
//! The core never reads the clock or the environment itself (renders and imports are then
//! reproducible and testable); the CLI and the desktop shell build a [`World`] from the real
//! system, tests from fixed values.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::store::{Fs, OsFs};

#[derive(Clone)]
pub struct World {
    pub fs: Arc<dyn Fs>,
    now: DateTime<Utc>,
}

impl World {
    /// The real file system with a fixed "now" (the caller decides what now is).
    pub fn new(now: DateTime<Utc>) -> World {
        World {
            fs: Arc::new(OsFs),
            now,
        }
    }

    pub fn with_fs(fs: Arc<dyn Fs>, now: DateTime<Utc>) -> World {
        World { fs, now }
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }

    pub fn today(&self) -> chrono::NaiveDate {
        self.now.date_naive()
    }
}

/// "Now" for a program run: `SOURCE_DATE_EPOCH` when set (reproducible builds and tests),
/// else the system clock. Only binaries call this; the core takes the value as an argument.
pub fn now_from_env() -> Result<DateTime<Utc>, String> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(s) => s
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|secs| DateTime::from_timestamp(secs, 0))
            .ok_or_else(|| {
                format!("SOURCE_DATE_EPOCH='{s}' is not a number of seconds since 1970")
            }),
        Err(_) => Ok(Utc::now()),
    }
}
