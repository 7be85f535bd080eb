//! One quick pass over the XML before the real parsers run: the root element's name, the
//! first syntax error with quick-xml's own position, and a depth limit, since `rss` and
//! `atom_syndication` read extension elements recursively and a hostile document nested
//! a million deep would overflow the stack.

use quick_xml::Reader;
use quick_xml::events::Event;

/// Deeper than any real feed (they nest fewer than ten levels), shallow enough for the
/// recursive parsers on a worker thread's stack.
pub(super) const MAX_DEPTH: usize = 256;

/// What the pass found.
pub(super) struct Scanned {
    /// The root element's qualified name, e.g. `rss`, `feed`, `rdf:RDF`.
    pub root: Option<String>,
    /// The first problem: its byte offset and quick-xml's message.
    pub error: Option<(usize, String)>,
}

/// Reads events up to the end of the root element (what follows it is ignored, as the
/// parsers ignore it).
pub(super) fn scan(bytes: &[u8]) -> Scanned {
    // Borrowed events: the pass copies nothing out of the document.
    let mut reader = Reader::from_reader(bytes);
    let mut depth = 0usize;
    let mut root = None;
    loop {
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => {
                let offset = usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
                return Scanned {
                    root,
                    error: Some((offset, e.to_string())),
                };
            }
        };
        match event {
            Event::Start(start) => {
                if depth == 0 {
                    root = Some(String::from_utf8_lossy(start.name().as_ref()).into_owned());
                }
                depth += 1;
                if depth > MAX_DEPTH {
                    let offset = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
                    return Scanned {
                        root,
                        error: Some((
                            offset,
                            format!("elements nested deeper than {MAX_DEPTH} levels"),
                        )),
                    };
                }
            }
            Event::Empty(empty) if depth == 0 => {
                root = Some(String::from_utf8_lossy(empty.name().as_ref()).into_owned());
                break;
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    break;
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Scanned { root, error: None }
}
