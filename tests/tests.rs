//! Vigie's integration tests, in one binary so that they link once.

#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "helpers of the tests stop the test at once on failure"
)]

mod cli;
mod content;
mod journeys;
mod store;
mod ui;
mod util;
