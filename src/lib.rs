//! Dossier: turn saved source documents into a dated, cited briefing.
pub use dossier_model as model;
