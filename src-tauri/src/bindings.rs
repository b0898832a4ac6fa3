//! The TypeScript mirror of `dto`: `ui/src/lib/bindings.ts` is this string, checked in; the
//! `bindings_are_current` test fails when it drifts (`UPDATE_BINDINGS=1` rewrites it).

use ts_rs::{Config, TS};

use crate::dto::*;
use crate::error::IpcError;

macro_rules! declare {
    ($cfg:expr, $($t:ty),* $(,)?) => {
        vec![$(format!("export {}", <$t as TS>::decl($cfg))),*]
    };
}

pub fn typescript() -> String {
    let cfg = Config::new();
    let decls = declare!(
        &cfg,
        IpcError,
        Reliability,
        Credibility,
        Dependence,
        ConflictKind,
        TemplateOrigin,
        RecentProject,
        ProjectInfo,
        DateEcho,
        Provenance,
        FoundText,
        FoundDate,
        AttributionView,
        AttributionPatch,
        EventKey,
        SourceRow,
        RemovedLine,
        SourceDetail,
        ExcerptView,
        NewExcerpt,
        ExcerptPatch,
        SourcePatch,
        SourceFound,
        ImportStatus,
        ImportOutcome,
        ImportProgress,
        ChronologyEntry,
        ConflictView,
        ChronologyView,
        SourceName,
        BriefingView,
        LintWarning,
        JudgmentView,
        SectionView,
        CitableView,
        LikelihoodView,
        EstimativeView,
        PreviewView,
        ExportFormat,
        TemplateRow,
        TemplateFile,
        TemplateDetail,
        DateMark,
        SuggestionMark,
        SourceDates,
        HitKind,
        SearchHit,
        SearchView,
    );
    let mut out = String::from(
        "// Generated from src-tauri/src/dto.rs by the bindings_are_current test; do not edit.\n\
         // Regenerate with: UPDATE_BINDINGS=1 cargo test -p dossier-desktop --test bindings\n\n",
    );
    for d in decls {
        out.push_str(&d);
        out.push_str("\n\n");
    }
    out.push_str(&command_type());
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// The name of every command `backend.ts` may `invoke` (`command_list.rs`): a call by any
/// other name fails the UI's type check.
fn command_type() -> String {
    let names: Vec<String> = crate::COMMANDS.iter().map(|c| format!("\"{c}\"")).collect();
    format!(
        "/** Every command the window may call (src-tauri/src/command_list.rs). */\nexport type Command = {};\n",
        names.join(" | ")
    )
}
