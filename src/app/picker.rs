//! The reviewer picker: a query narrowing the people list, and a cursor in the result.

use crate::data::{Person, people};

/// The picker's typed query and cursor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Picker {
    /// What the user typed.
    pub query: String,
    /// Position among the matches.
    pub cursor: usize,
}

impl Picker {
    /// People whose name contains the query, by the one reviewer rule.
    #[must_use]
    pub fn matches<'a>(&self, people: &'a [Person]) -> Vec<&'a Person> {
        let matches = people::matcher(&self.query);
        people.iter().filter(|p| matches(&p.name)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_narrows_case_insensitively() {
        let people = vec![
            Person {
                name: "Pam Wattenbarger".into(),
                reviews: 0,
                comments: 1,
            },
            Person {
                name: "robin Rue".into(),
                reviews: 0,
                comments: 1,
            },
        ];
        let picker = Picker {
            query: "RUE".into(),
            cursor: 0,
        };
        let names: Vec<_> = picker
            .matches(&people)
            .iter()
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(names, ["robin Rue"]);
    }
}
