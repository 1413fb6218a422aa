//! Document extraction end to end: real-looking resumes in every format,
//! hostile files, the isolated child process (`atscan extract`), and real
//! files read beside reference readers.

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
#[path = "document/reference.rs"]
mod reference;
