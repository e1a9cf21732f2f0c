//! Vigie: personal safety checklists, guided home security visits and family
//! vigilance briefings, kept on the user's own computer.
//!
//! The crate is split so that everything but [`app`] is plain Rust, tested
//! without a window:
//!
//! - [`model`]: checklists (parsed then validated), dossiers, answers, scores;
//! - [`library`]: the built-in checklists and the user's own ones;
//! - [`exposure_library`]: the built-in exposure sources and the user's own;
//! - [`report`]: the printable summary (PDF and HTML);
//! - [`store`]: the data folder, crash-safe saves, backups and the trash,
//!   encryption at rest;
//! - [`photo`]: photos taken in (upright, shrunk, without metadata);
//! - [`archive`]: the handover and backup file (age over tar);
//! - [`passphrase`]: how hard a passphrase is to guess;
//! - [`lang`]: the two languages;
//! - [`settings`]: the user's preferences;
//! - [`i18n`]: the typed French and English catalog of the interface;
//! - [`cli`]: the command line;
//! - [`app`]: the egui desktop application.

pub mod app;
pub mod archive;
pub mod cli;
pub mod exposure_library;
pub mod i18n;
pub mod lang;
pub mod library;
pub mod model;
pub mod passphrase;
pub mod photo;
pub mod report;
pub mod settings;
pub mod store;
