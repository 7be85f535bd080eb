//! Finding an ASCII query in raw bytes, ignoring ASCII case, at close to the speed of
//! reading them: the list's text filter reads every field of every review this way.
//!
//! Each position is first tested on the query's two rarest bytes only, 32 positions at a
//! time in a loop the compiler turns into vector instructions; the few positions that
//! pass are compared whole. Or-ing 0x20 into a byte lowercases an ASCII letter and leaves
//! every byte ≥ 0x80 ≥ 0x80, so a letter of the query meets only its two cases and a
//! byte of a non-ASCII character meets nothing.

/// Positions tested together; 32 bytes is two SSE2 registers, one AVX2 register.
const BLOCK: usize = 32;

/// An ASCII query prepared to be found in many fields, ignoring ASCII case.
#[derive(Debug, Clone)]
pub struct AsciiFinder {
    /// The query with its letters lowercased.
    needle: Box<[u8]>,
    /// 0x20 under each letter of the query, 0 under any other byte.
    masks: Box<[u8]>,
    /// Where the query's two rarest bytes are: tested first at every position.
    rare: [usize; 2],
}

impl AsciiFinder {
    /// `None` for an empty query or one holding a non-ASCII byte.
    #[must_use]
    pub fn new(query: &[u8]) -> Option<Self> {
        if query.is_empty() || !query.is_ascii() {
            return None;
        }
        let needle: Box<[u8]> = query.to_ascii_lowercase().into();
        let masks = needle
            .iter()
            .map(|b| if b.is_ascii_lowercase() { 0x20 } else { 0 })
            .collect();
        let mut by_rarity: Vec<usize> = (0..needle.len()).collect();
        by_rarity.sort_by_key(|&i| (commonness(needle[i]), i));
        let first = by_rarity[0];
        // A second byte unlike the first filters more; the same one again costs nothing.
        let second = by_rarity
            .iter()
            .copied()
            .find(|&i| needle[i] != needle[first])
            .unwrap_or(first);
        Some(Self {
            needle,
            masks,
            rare: [first, second],
        })
    }

    /// Where the first hit in `hay` at or after `from` starts.
    #[must_use]
    pub fn find_from(&self, hay: &[u8], from: usize) -> Option<usize> {
        let end = hay.len().checked_sub(self.needle.len())? + 1;
        let [one, two] = self.rare;
        let (byte_one, mask_one) = (self.needle[one], self.masks[one]);
        let (byte_two, mask_two) = (self.needle[two], self.masks[two]);
        let mut at = from;
        while at + BLOCK <= end {
            let firsts = &hay[at + one..at + one + BLOCK];
            let seconds = &hay[at + two..at + two + BLOCK];
            let mut passed = [0u8; BLOCK];
            for ((pass, &x), &y) in passed.iter_mut().zip(firsts).zip(seconds) {
                // `&` of both, not `&&`: no branch, so the loop becomes vector code.
                *pass = u8::from(x | mask_one == byte_one) & u8::from(y | mask_two == byte_two);
            }
            if passed.iter().fold(0, |any, &pass| any | pass) != 0 {
                for (offset, _) in passed.iter().enumerate().filter(|&(_, &pass)| pass != 0) {
                    if self.is_at(hay, at + offset) {
                        return Some(at + offset);
                    }
                }
            }
            at += BLOCK;
        }
        (at..end).find(|&k| self.is_at(hay, k))
    }

    /// Where the first hit in `hay` starts.
    #[must_use]
    pub fn find(&self, hay: &[u8]) -> Option<usize> {
        self.find_from(hay, 0)
    }

    /// Hits in `hay` that do not overlap, counted until `enough`.
    #[must_use]
    pub fn count(&self, hay: &[u8], enough: usize) -> usize {
        let mut total = 0;
        let mut from = 0;
        while total < enough {
            let Some(at) = self.find_from(hay, from) else {
                break;
            };
            total += 1;
            from = at + self.needle.len();
        }
        total
    }

    /// The query's length in bytes: a hit at `k` ends at `k + len`.
    #[must_use]
    pub fn len(&self) -> usize {
        self.needle.len()
    }

    /// Never: an empty query is refused by `new`.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.needle.is_empty()
    }

    fn is_at(&self, hay: &[u8], k: usize) -> bool {
        hay[k..k + self.needle.len()]
            .iter()
            .zip(self.needle.iter().zip(self.masks.iter()))
            .all(|(&h, (&b, &m))| h | m == b)
    }
}

/// How often `byte` (lowercased) turns up in English prose, 0 for the rarest: the two
/// rarest bytes of a query let the fewest positions through to a whole comparison.
fn commonness(byte: u8) -> u8 {
    const LETTERS_BY_FREQUENCY: &[u8] = b"zqxjkvbpygfwmucldrhsnioate";
    match byte {
        b' ' => 40,
        b'a'..=b'z' => {
            let rank = LETTERS_BY_FREQUENCY
                .iter()
                .position(|&l| l == byte)
                .unwrap_or(0);
            u8::try_from(rank).unwrap_or(u8::MAX) + 10
        }
        b'.' | b',' | b'\'' | b'"' | b'-' => 20,
        b'0'..=b'9' => 8,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
        (from..=hay.len().saturating_sub(needle.len()))
            .filter(|&k| k + needle.len() <= hay.len())
            .find(|&k| hay[k..k + needle.len()].eq_ignore_ascii_case(needle))
    }

    #[test]
    fn finds_what_a_plain_case_insensitive_comparison_finds_at_every_length_and_start() {
        // Every position of a block, its edges and the tail after the last whole block.
        const PATTERN: &[u8] = b"abcRdefgh@`[{ Z z\xc3\xa9";
        let mut hay: Vec<u8> = (0..200).map(|i| PATTERN[i % PATTERN.len()]).collect();
        hay.extend_from_slice(b"..the END.");
        for needle in [
            &b"r"[..],
            b"R",
            b"@",
            b"`",
            b"the end",
            b"THE END.",
            b"z z",
            b"[{",
            b"e",
            b"hgfe",
            b"..",
            b"the end..",
        ] {
            let finder = AsciiFinder::new(needle).expect("ascii");
            for from in 0..hay.len() {
                assert_eq!(
                    finder.find_from(&hay, from),
                    naive(&hay, needle, from),
                    "{needle:?} from {from}"
                );
            }
        }
    }

    #[test]
    fn letters_meet_only_their_own_two_cases() {
        let finder = AsciiFinder::new(b"a").expect("ascii");
        assert_eq!(finder.find(b"A"), Some(0));
        // 0x41 | 0x20 is 'a', but so would be nothing else: '!' | 0x20 is '!'.
        for byte in (0..=255u8).filter(|&b| b != b'a' && b != b'A') {
            assert_eq!(finder.find(&[byte; 40]), None, "{byte:#x}");
        }
        // A non-letter of the query meets only itself: '@' is not '`'.
        assert_eq!(AsciiFinder::new(b"@").expect("ascii").find(b"`"), None);
    }

    #[test]
    fn counts_hits_that_do_not_overlap() {
        let finder = AsciiFinder::new(b"aa").expect("ascii");
        assert_eq!(finder.count(b"aAaaa", usize::MAX), 2);
        assert_eq!(finder.count(&[b'a'; 100], 3), 3);
        assert_eq!(finder.count(b"a", usize::MAX), 0);
    }

    #[test]
    fn refuses_what_it_cannot_search() {
        assert!(AsciiFinder::new(b"").is_none());
        assert!(AsciiFinder::new("é".as_bytes()).is_none());
    }
}
