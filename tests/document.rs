//! Document extraction end to end: real-looking resumes in every format,
//! hostile files, and the isolated child process (`atscan extract`).

#[path = "document/extract.rs"]
mod extract;
#[path = "document/fixtures.rs"]
mod fixtures;
#[path = "document/hostile.rs"]
mod hostile;
#[path = "document/isolation.rs"]
mod isolation;
#[path = "document/properties.rs"]
mod properties;
