//! Everything outside the core: the file system and the clock, behind one value.
//!
//! The core never reads the clock or the environment itself (renders and imports are then
//! reproducible and testable): it asks [`World::now`], which asks the [`Clock`] the binary
//! chose. The CLI and the desktop shell build a [`World`] with [`World::for_run`], tests with a
//! fixed or a hand-moved clock.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};

use crate::store::{Fs, OsFs};

/// Where "now" comes from. Asked at each use, so a project held open for days stamps each
/// import and export with the time it happens.
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

/// A stopped clock: always this instant (tests, `SOURCE_DATE_EPOCH`).
impl Clock for DateTime<Utc> {
    fn now(&self) -> DateTime<Utc> {
        *self
    }
}

/// A clock the binary passes in as a function, such as `chrono::Utc::now`: the core only calls
/// it, so the one place that names the system clock is in the binary.
impl<F: Fn() -> DateTime<Utc> + Send + Sync> Clock for F {
    fn now(&self) -> DateTime<Utc> {
        self()
    }
}

#[derive(Clone)]
pub struct World {
    pub fs: Arc<dyn Fs>,
    clock: Arc<dyn Clock>,
}

impl World {
    /// The real file system with the given clock (a `DateTime<Utc>` is a stopped one).
    pub fn new(clock: impl Clock + 'static) -> World {
        World::with_fs(Arc::new(OsFs), clock)
    }

    pub fn with_fs(fs: Arc<dyn Fs>, clock: impl Clock + 'static) -> World {
        World {
            fs,
            clock: Arc::new(clock),
        }
    }

    /// The world of one program run: the real file system and `system` (the system clock),
    /// stopped at `source_date_epoch` instead when the binary found `SOURCE_DATE_EPOCH` set
    /// (reproducible builds and tests). The binary reads the variable and names the clock; the
    /// core reads neither.
    pub fn for_run(
        source_date_epoch: Option<&str>,
        system: impl Clock + 'static,
    ) -> Result<World, String> {
        let Some(s) = source_date_epoch else {
            return Ok(World::new(system));
        };
        s.trim()
            .parse::<i64>()
            .ok()
            .and_then(|secs| DateTime::from_timestamp(secs, 0))
            .map(World::new)
            .ok_or_else(|| format!("SOURCE_DATE_EPOCH='{s}' is not a number of seconds since 1970"))
    }

    /// Now, as the clock says at this call.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    pub fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(secs, 0).unwrap()
    }

    #[test]
    fn source_date_epoch_stops_the_clock_and_its_absence_keeps_the_system_one() {
        let system = || at(2_000_000_000);
        assert_eq!(
            World::for_run(Some(" 1795262400\n"), system).unwrap().now(),
            at(1_795_262_400)
        );
        assert_eq!(
            World::for_run(None, system).unwrap().now(),
            at(2_000_000_000)
        );
        let bad = World::for_run(Some("yesterday"), system).err().unwrap();
        assert!(bad.contains("SOURCE_DATE_EPOCH='yesterday'"), "{bad}");
    }
}
