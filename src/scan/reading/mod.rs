//! The third stage of a scan: what the job asks for ([`job`], with its
//! [`title`], the [`importance`] of what it names, its [`alternatives`], its
//! [`front_matter`] and the [`degree`] it asks for) and what the resume shows ([`resume`]:
//! skills, work lines, contact details), from the matched documents; and
//! the job's [`requirements`] line by line, for measuring coverage.

pub(crate) mod alternatives;
pub(crate) mod degree;
pub(crate) mod front_matter;
pub(crate) mod importance;
pub(crate) mod job;
pub(crate) mod requirements;
pub(crate) mod resume;
pub(crate) mod title;

pub(crate) use job::Job;
pub(crate) use resume::Resume;

/// Compiles the reading stage's fixed word lists and patterns now rather
/// than during the first scan.
pub(crate) fn warm_up() {
    alternatives::warm_up();
    degree::warm_up();
    importance::warm_up();
    job::warm_up();
    resume::warm_up();
}
