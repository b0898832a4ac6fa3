//! Dossier: turn saved source documents into a dated, cited briefing.
//!
//! This crate is the core API (`Project`) over the pipeline crates; the `dossier` binary and
//! the desktop shell are thin adapters over it. See ARCHITECTURE.md for the map.

pub mod citations;
pub mod dating;
mod error;
mod estimative;
mod export_name;
mod import_paths;
mod outline;
mod project;
mod project_copy;
pub mod quote;
mod render;
pub mod search;
pub mod store;
pub mod validate;
mod world;

pub use dossier_chronology as chronology;
pub use dossier_dates as dates;
pub use dossier_import as import;
pub use dossier_model as model;
pub use dossier_pdf as pdf;
pub use dossier_render as templates;

pub use error::{Error, Result};
pub use estimative::{EstimativeTerms, LikelihoodTerm, estimative_terms};
pub use export_name::{MAX_NAME_BYTES, export_name};
pub use import_paths::files_to_import;
pub use outline::{JudgmentSupport, OutlineSection, outline};
pub use project::{
    AliasProposal, AttributionEdit, ExcerptDraft, ExcerptEdit, FoundBy, ImportControl, Imported,
    Prepared, Problem, Project, SourceEdit, import_in_batches,
};
pub use project_copy::copy_project;
pub use render::{ExportFormat, user_templates_dir};
pub use world::{Clock, World};
