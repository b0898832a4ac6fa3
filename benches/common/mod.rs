//! What the benchmarks share: word lists for generated text, and this process's CPU time and
//! peak memory (Linux `/proc`; NaN elsewhere).
#![allow(dead_code)] // each bench uses its part

/// Words that generated articles are made of.
pub const WORDS: &[&str] = &[
    "harbour",
    "tanker",
    "militia",
    "strait",
    "officials",
    "said",
    "closed",
    "convoy",
    "insurers",
    "navy",
    "ministry",
    "statement",
    "blockade",
    "fishermen",
    "talks",
    "ceasefire",
    "port",
    "cargo",
    "captain",
    "crew",
    "released",
];

/// Peak resident memory of this process so far, in MB.
pub fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map(|kb| kb / 1024.0)
        .unwrap_or(f64::NAN)
}

/// User + system CPU seconds of this process so far (Linux; NaN elsewhere).
pub fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return f64::NAN;
    };
    // Fields after the command name (which may contain spaces) start after the last ')'.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, r)| r.split_whitespace().collect())
        .unwrap_or_default();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(f64::NAN)
    };
    (ticks(11) + ticks(12)) / 100.0
}

/// System CPU seconds of this process so far: the part the kernel spends on our behalf.
pub fn system_cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|stat| {
            let (_, rest) = stat.rsplit_once(')')?;
            rest.split_whitespace().nth(12)?.parse::<f64>().ok()
        })
        .map_or(f64::NAN, |t| t / 100.0)
}

/// CPU seconds of the calling thread so far: for a single-threaded phase, what a quiet machine
/// would take, whatever else the machine is doing.
pub fn thread_cpu_seconds() -> f64 {
    #[cfg(unix)]
    return clock(libc::CLOCK_THREAD_CPUTIME_ID);
    #[cfg(not(unix))]
    f64::NAN
}

/// CPU seconds of all this process's threads so far, to the nanosecond.
pub fn process_cpu_seconds() -> f64 {
    #[cfg(unix)]
    return clock(libc::CLOCK_PROCESS_CPUTIME_ID);
    #[cfg(not(unix))]
    f64::NAN
}

#[cfg(unix)]
#[allow(unsafe_code)]
fn clock(id: libc::clockid_t) -> f64 {
    // SAFETY: clock_gettime fills the zeroed timespec it is given.
    let t = unsafe {
        let mut t: libc::timespec = std::mem::zeroed();
        libc::clock_gettime(id, &mut t);
        t
    };
    t.tv_sec as f64 + t.tv_nsec as f64 / 1e9
}
