//! Vigie's integration tests, in one binary so that they link once.

// `allow-unwrap-in-tests` covers `#[test]` functions only, not the helpers
// and fixtures they share; a test that fails should fail loudly.
#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers fail loudly on purpose"
)]

mod archive_ui;
mod background_save;
mod chronology;
mod cli;
mod cli_archive;
mod content;
#[cfg(unix)]
mod crash;
mod exposure;
mod forms;
mod fuzz;
mod handover;
mod holds;
mod home;
mod hostile;
mod idle;
mod index;
mod journal;
mod journal_chain;
mod journal_photos;
mod journal_ui;
mod journeys;
mod layers;
mod long_lists;
mod network;
mod photo_report;
mod photos;
mod photos_ui;
mod record;
mod report;
mod security;
mod security_ui;
mod store;
mod synthetic;
mod ui;
mod util;
mod window;
