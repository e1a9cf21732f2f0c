//! Vigie's integration tests, in one binary so that they link once.

mod cli;
mod content;
mod store;
mod ui;
mod util;
