//! An error shown to the analyst: the error and all its causes on one line.
//! Its own room because both the commands' outcomes and the translated
//! messages (`i18n`) use it.

/// An error and all its causes on one line, since the analyst has no log to
/// read the causes from ("storing the report: database is locked").
pub fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, thiserror::Error)]
    #[error("outer")]
    struct Outer(#[source] std::io::Error);

    #[test]
    fn an_error_chain_names_every_cause() {
        let error = Outer(std::io::Error::other("disk full"));
        assert_eq!(error_chain(&error), "outer: disk full");
    }
}
