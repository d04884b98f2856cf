//! What differs between two versions of an item, for the reviewer.

/// A field that differs between two versions of an item.
#[derive(Debug, PartialEq, serde::Serialize)]
pub struct Change {
    pub field: String,
    pub before: String,
    pub after: String,
}

/// The `fields` whose values differ between `before` and `after` (items as JSON objects).
pub fn changes(
    before: &serde_json::Map<String, serde_json::Value>,
    after: &serde_json::Map<String, serde_json::Value>,
    fields: &[&str],
) -> Vec<Change> {
    let text = |value: Option<&serde_json::Value>| match value {
        None | Some(serde_json::Value::Null) => String::new(),
        Some(serde_json::Value::String(text)) => text.clone(),
        Some(other) => other.to_string(),
    };
    fields
        .iter()
        .map(|field| (*field, text(before.get(*field)), text(after.get(*field))))
        .filter(|(_, before, after)| before != after)
        .map(|(field, before, after)| Change {
            field: field.to_owned(),
            before,
            after,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_list_the_fields_that_differ() {
        let before = serde_json::json!({"title": "A", "city": "Lyon", "salary_min": 40000});
        let after = serde_json::json!({"title": "B", "city": "Lyon", "salary_min": null});
        let (before, after) = (before.as_object().unwrap(), after.as_object().unwrap());
        let found = changes(before, after, &["title", "city", "salary_min"]);
        assert_eq!(
            found,
            [
                Change {
                    field: "title".into(),
                    before: "A".into(),
                    after: "B".into()
                },
                Change {
                    field: "salary_min".into(),
                    before: "40000".into(),
                    after: String::new()
                },
            ]
        );
    }
}
