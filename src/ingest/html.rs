//! Reports saved from a browser as HTML: the page's visible text is the
//! report. Read as plain text, a page's scripts, styles and navigation
//! became "sentences", and a toll in a script's data was coded to the wrong
//! town.

/// Pages rarely need more than this many columns; text is wrapped only past
/// it, so that a paragraph stays on one line and sentences are not cut.
const WRAP_WIDTH: usize = 10_000;

/// True when `text` is an HTML document or fragment rather than prose. A
/// report that merely mentions a tag ("<p>") in passing does not start with
/// markup, so the test looks at how the text begins.
pub fn looks_like_html(text: &str) -> bool {
    let start = text.trim_start();
    if !start.starts_with('<') {
        return false;
    }
    // The first kilobyte is enough to see what kind of document it is;
    // cut at a character boundary.
    let mut end = start.len().min(1024);
    while !start.is_char_boundary(end) {
        end -= 1;
    }
    let head = start[..end].to_ascii_lowercase();
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<meta",
        "<title",
        "<div",
        "<p>",
        "<p ",
        "<article",
        "<script",
        "<br",
    ]
    .iter()
    .any(|tag| head.contains(tag))
}

/// The text a browser would show for `html`: scripts, styles and the head
/// left out, entities decoded, block elements on lines of their own.
pub fn visible_text(html: &str) -> Result<String, html2text::Error> {
    let decorator = html2text::render::TrivialDecorator::new();
    let text = html2text::config::with_decorator(decorator)
        .raw_mode(true)
        .allow_width_overflow()
        .string_from_read(html.as_bytes(), WRAP_WIDTH)?;
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_and_fragments_are_recognised() {
        assert!(looks_like_html(
            "<!DOCTYPE html><html><body>x</body></html>"
        ));
        assert!(looks_like_html(
            "\n  <HTML lang=\"fr\"><p>Attaque</p></HTML>"
        ));
        assert!(looks_like_html("<p>Gunmen attacked Djibo.</p>"));
        assert!(looks_like_html(
            "<div class=\"story\">Gunmen attacked Djibo.</div>"
        ));
    }

    #[test]
    fn prose_that_mentions_markup_is_not_html() {
        assert!(!looks_like_html("Gunmen attacked Djibo <p> on Monday."));
        assert!(!looks_like_html(
            "<<< URGENT >>> Gunmen attacked Djibo on Monday."
        ));
        assert!(!looks_like_html(
            "Kaya, 3 March (AFP) - Gunmen attacked Djibo."
        ));
    }

    #[test]
    fn scripts_styles_and_the_head_are_not_text() {
        let html = "<!DOCTYPE html><html><head><title>Menu</title>\
                    <style>p { color: red }</style>\
                    <script>var toll = '40 killed in Kaya';</script></head>\
                    <body><nav>Home</nav>\
                    <p>Gunmen killed 12 people in Djibo on 3 March 2024.</p>\
                    <script>track('Kaya');</script>\
                    <p>Le bilan est de 12 morts&nbsp;&amp; 4 blessés.</p></body></html>";
        let text = visible_text(html).unwrap();
        assert!(
            text.contains("Gunmen killed 12 people in Djibo on 3 March 2024."),
            "{text}"
        );
        assert!(
            text.contains("Le bilan est de 12 morts\u{a0}& 4 blessés."),
            "{text}"
        );
        assert!(!text.contains("Kaya"), "{text}");
        assert!(!text.contains("color"), "{text}");
        assert!(!text.contains("Menu"), "{text}");
    }

    #[test]
    fn a_long_paragraph_stays_on_one_line() {
        let sentence = "Gunmen attacked the market of Djibo on Monday morning. ";
        let html = format!("<p>{}</p>", sentence.repeat(50));
        let text = visible_text(&html).unwrap();
        assert_eq!(text.trim().lines().count(), 1, "{text}");
    }
}
